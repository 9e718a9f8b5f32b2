import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cancelPlanOf } from '../../components/cancel-plan';
import { createReminders, type Notice } from '../../contexts/background/reminders';
import { NEVER_REHIRE } from '../../model/cool-off';
import type { RecordId } from '../../model/ids';
import { DAY_MS } from '../../scoring/dates';
import { reminderId } from '../../scoring/deadlines';
import { loadCandidates } from '../../storage/cancel-plan';
import { createContractor, loadContractorView, updateContractor } from '../../storage/contractors';
import { TrackRecordDb } from '../../storage/db';
import { answerReminder, loadDeadlines } from '../../storage/deadlines';
import { addMilestone, createEngagement } from '../../storage/engagements';
import {
  cancelAndMoveOn,
  grantAccess,
  recordDelivery,
  recordExcuse,
  revokeAccess,
} from '../../storage/history';

// The records behind "at the point of use": cancelling with a cool-off of the user's choice, the open
// milestones that deadlines speak of, the reminders' answers, and who is next.

const NOW = Date.UTC(2025, 3, 10, 12);
const ago = (d: number) => NOW - d * DAY_MS;
const dueDay = (offset: number) => Date.UTC(2025, 3, 10 + offset, 12);

let db: TrackRecordDb;
beforeEach(() => {
  db = new TrackRecordDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const viewOf = async (id: RecordId, at = NOW) => {
  const view = await loadContractorView(db, id, at);
  if (!view) throw new Error('no view');
  return view;
};

/** Dana, WordPress, with an engagement: one milestone due (offset days from today), one delivered. */
async function dana(dueOffset = -1) {
  const id = await createContractor(db, { name: 'Dana', skills: ['WordPress'] }, ago(30));
  const engagement = await createEngagement(
    db,
    { contractorId: id, title: 'Shop', skill: 'WordPress', startedAt: ago(30) },
    ago(30),
  );
  const open = await addMilestone(
    db,
    { engagementId: engagement, title: 'Logo v2', amount: 300, dueAt: dueDay(dueOffset) },
    ago(30),
  );
  const done = await addMilestone(
    db,
    { engagementId: engagement, title: 'Home page', amount: 500, dueAt: dueDay(-10) },
    ago(30),
  );
  await recordDelivery(db, { contractorId: id, milestoneId: done, at: ago(10) }, ago(10));
  return { id, engagement, open, done };
}

describe('cancel and move on, with a cool-off of your choice', () => {
  it('drops them for the days chosen, and their engagement ends: its open milestone counts no more', async () => {
    const { id, open } = await dana(-3);
    expect((await viewOf(id)).assessment.why.some((w) => w.milestoneId === open)).toBe(true);
    await cancelAndMoveOn(db, id, { coolOff: 90, reason: 'Late again' }, NOW);
    const view = await viewOf(id);
    expect(view.assessment.verdict).toBe('dropped');
    expect(view.contractor.coolOffUntil).toBe(NOW + 90 * DAY_MS);
    expect(view.engagements.map((e) => e.status)).toEqual(['cancelled']);
    expect(view.assessment.why.some((w) => w.fact === 'open')).toBe(false);
    expect((await viewOf(id, NOW + 91 * DAY_MS)).assessment.verdict).not.toBe('dropped');
  });

  it('never rehire: dropped for good, and said so', async () => {
    const { id } = await dana();
    await cancelAndMoveOn(db, id, { coolOff: 'never' }, NOW);
    const later = await viewOf(id, NOW + 20 * 365 * DAY_MS);
    expect(later.contractor.coolOffUntil).toBe(NEVER_REHIRE);
    expect(later.assessment.verdict).toBe('dropped');
    expect(later.assessment.reasons).toEqual(['You cancelled and moved on, never to rehire them']);
  });

  it('takes the settings’ cool-off when none is chosen, and refuses a cool-off that is not whole days', async () => {
    const { id } = await dana();
    await expect(cancelAndMoveOn(db, id, { coolOff: 1.5 }, NOW)).rejects.toThrow(/coolOff/);
    await cancelAndMoveOn(db, id, {}, NOW);
    expect((await viewOf(id)).contractor.coolOffUntil).toBe(NOW + 180 * DAY_MS);
  });
});

describe('the cancel plan', () => {
  it('lists the strikes, what ends, work to not pay for, accesses, and who is next in each area', async () => {
    const { id } = await dana(-2);
    await recordExcuse(db, { contractorId: id, text: 'The power was out', at: ago(1) }, ago(1));
    const access = await grantAccess(
      db,
      { contractorId: id, what: 'WordPress admin', level: 'admin' },
      ago(20),
    );
    await updateContractor(db, id, { skills: ['WordPress', 'Logo design'] }, ago(20));
    const sam = await createContractor(db, { name: 'Sam', skills: ['wordpress'] }, ago(100));
    await recordDelivery(db, { contractorId: sam, daysLate: 0, at: ago(5) }, ago(5));

    const before = cancelPlanOf(await viewOf(id), await loadCandidates(db, NOW));
    expect(before.droppedUntil).toBeUndefined();
    expect(before.strikes.map((s) => s.headline)).toEqual([
      'Logo v2 — Deadline missed, nothing delivered for 2 days',
      'Excuse: internet / power / equipment',
    ]);
    expect(before.engagements).toEqual([
      {
        title: 'Shop',
        closing: ['Logo v2 (300, due 8 Apr 2025)'],
        unaccepted: [{ title: 'Home page', deliveredAt: ago(10), amount: '500', paid: false }],
      },
    ]);
    expect(before.accesses).toEqual([{ id: access, what: 'WordPress admin', level: 'admin' }]);
    expect(before.areas.map((a) => [a.skill, a.people.map((p) => p.name), a.search.length > 0])).toEqual([
      ['WordPress', ['Sam'], false],
      ['Logo design', [], true],
    ]);
    expect(before.areas[1]?.search.map((s) => s.name)).toContain('Upwork');

    await cancelAndMoveOn(db, id, { coolOff: 365 }, NOW);
    await revokeAccess(db, access, NOW, NOW);
    const after = cancelPlanOf(await viewOf(id), await loadCandidates(db, NOW));
    expect(after.droppedUntil).toBe(NOW + 365 * DAY_MS);
    expect(after.engagements.map((e) => e.title)).toEqual(['Shop']);
    expect(after.accesses).toEqual([{ id: access, what: 'WordPress admin', level: 'admin', revokedAt: NOW }]);
  });
});

describe('deadlines', () => {
  it('lists the open milestones of active engagements, soonest first, with whose they are', async () => {
    const { open } = await dana(2);
    const other = await createContractor(db, { name: 'Lee' }, ago(5));
    const e = await createEngagement(db, { contractorId: other, title: 'Brand', startedAt: ago(5) }, ago(5));
    const soon = await addMilestone(
      db,
      { engagementId: e, title: 'Sketches', amount: 1, dueAt: dueDay(0) },
      ago(5),
    );
    const deadlines = await loadDeadlines(db);
    expect(deadlines.map((d) => [d.milestone.id, d.contractor.name, d.engagement.title])).toEqual([
      [soon, 'Lee', 'Brand'],
      [open, 'Dana', 'Shop'],
    ]);
    await cancelAndMoveOn(db, other, {}, NOW);
    expect((await loadDeadlines(db)).map((d) => d.milestone.id)).toEqual([open]);
  });

  it('a reminder answered "delivered" on the due day is on time; after it, late by the days since', async () => {
    const today = await dana(0);
    await answerReminder(db, today.open, 'delivered', NOW);
    expect((await viewOf(today.id)).assessment.why[0]).toMatchObject({ headline: 'Delivered on time' });
    const overdue = await dana(-3);
    await answerReminder(db, overdue.open, 'delivered', NOW);
    expect((await viewOf(overdue.id)).assessment.why[0]).toMatchObject({
      headline: 'Delivered late by 3 days',
    });
  });

  it('"not yet" records nothing on the due day, and once overdue a missed deadline the score counts once', async () => {
    const today = await dana(0);
    await answerReminder(db, today.open, 'not-yet', NOW);
    expect((await viewOf(today.id)).events.map((e) => e.type)).toEqual(['delivered']);
    const overdue = await dana(-2);
    const before = (await viewOf(overdue.id)).assessment;
    await answerReminder(db, overdue.open, 'not-yet', NOW);
    const after = await viewOf(overdue.id);
    expect(after.events[0]).toMatchObject({
      type: 'deadline-missed',
      daysLate: 2,
      milestoneId: overdue.open,
    });
    expect(after.assessment.score).toBe(before.score);
    expect(after.assessment.strikes).toBe(before.strikes);
  });
});

describe('reminders', () => {
  function setUp(buttons = true) {
    const shown: [string, Notice][] = [];
    const counts: number[] = [];
    const opened: string[] = [];
    const notifier = {
      create: vi.fn(async (id: string, notice: Notice) => shown.push([id, notice])),
      clear: vi.fn(async () => true),
    };
    let now = NOW;
    const reminders = createReminders({
      db,
      showCount: async (n) => void counts.push(n),
      notifier: () => notifier,
      buttons,
      iconUrl: 'icon.png',
      openDeadlines: async (id) => opened.push(id),
      now: () => now,
    });
    return {
      reminders,
      shown,
      counts,
      opened,
      notifier,
      later: (days: number) => (now = NOW + days * DAY_MS),
    };
  }

  it('counts what is due today or overdue, and asks on the due day, once, whether it was delivered', async () => {
    const { open } = await dana(0);
    await dana(3); // not due yet
    const { reminders, shown, counts } = setUp();
    await reminders.check();
    await reminders.check();
    expect(counts).toEqual([1, 1]);
    expect(shown).toHaveLength(1);
    const [id, notice] = shown[0] as [string, Notice];
    expect(id).toBe(reminderId(open, 'due'));
    expect(notice).toMatchObject({
      title: 'Was "Logo v2" from Dana delivered?',
      buttons: [{ title: 'Delivered on time' }, { title: 'Not yet' }],
    });
    expect(notice.message).toMatch(/^Due today \(10 Apr 2025\)/);
  });

  it('asks again once the day has passed, and a button records the answer', async () => {
    const { id, open } = await dana(0);
    const { reminders, shown, counts, later, notifier } = setUp();
    await reminders.check();
    later(2);
    await reminders.check();
    await reminders.check();
    expect(shown.map(([n]) => n)).toEqual([reminderId(open, 'due'), reminderId(open, 'overdue')]);
    expect(shown[1]?.[1].message).toMatch(/^2 days overdue: it was due 10 Apr 2025/);
    await reminders.answer(reminderId(open, 'overdue'), 0);
    expect(notifier.clear).toHaveBeenCalledWith(reminderId(open, 'overdue'));
    expect((await viewOf(id, NOW + 2 * DAY_MS)).assessment.why[0]).toMatchObject({
      headline: 'Delivered late by 2 days',
    });
    await reminders.check();
    expect(counts.at(-1)).toBe(0);
  });

  it('in Firefox, has no buttons: a click opens the deadlines page at the milestone', async () => {
    const { open } = await dana(-1);
    const { reminders, shown, opened } = setUp(false);
    await reminders.check();
    expect(shown[0]?.[1].buttons).toBeUndefined();
    expect(shown[0]?.[1].message).toMatch(/Click to say what happened/);
    await reminders.open(reminderId(open, 'overdue'));
    expect(opened).toEqual([open]);
  });

  it('shows nothing until notifications are allowed, and then what is due', async () => {
    const { open } = await dana(-1);
    let allowed = false;
    const shown: string[] = [];
    const reminders = createReminders({
      db,
      showCount: async () => {},
      notifier: () =>
        allowed ? { create: async (id) => shown.push(id), clear: async () => true } : undefined,
      buttons: true,
      iconUrl: 'icon.png',
      openDeadlines: async () => {},
      now: () => NOW,
    });
    await reminders.check();
    expect(shown).toEqual([]);
    allowed = true;
    await reminders.check();
    expect(shown).toEqual([reminderId(open, 'overdue')]);
  });
});
