import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, type RecordId } from '../../model/ids';
import type { SeenProfile } from '../../model/page';
import { DAY_MS } from '../../scoring/dates';
import { badgesForKeys } from '../../storage/badges';
import {
  addNote,
  createContractor,
  linkProfile,
  loadContractorView,
  loadMetricHistory,
  loadViewByKey,
  mergeContractors,
  recordPageSeen,
  trackProfile,
  unlinkProfile,
} from '../../storage/contractors';
import { TrackRecordDb } from '../../storage/db';
import { DEMO_KEY, seedDemo } from '../../storage/demo';
import {
  acceptMilestone,
  addMilestone,
  createEngagement,
  payMilestone,
  renegotiateMilestone,
} from '../../storage/engagements';
import {
  cancelAndMoveOn,
  deleteEvent,
  grantAccess,
  recordDelivery,
  recordEvent,
  recordExcuse,
  recordReward,
  revokeAccess,
  setExcuseCategory,
} from '../../storage/history';
import { loadRosterFindings } from '../../storage/roster';
import { readSettings, updateSettings } from '../../storage/settings';

const NOW = Date.UTC(2025, 3, 10, 12);
const ago = (d: number) => NOW - d * DAY_MS;
const day = (offset: number) => Date.UTC(2025, 3, 10 + offset);
const seen = (n: number, extra: Partial<SeenProfile> = {}): SeenProfile => ({
  platform: 'upwork',
  id: `~0${n}`,
  key: `upwork:~0${n}`,
  name: `Person ${n}`,
  url: `https://www.upwork.com/freelancers/~0${n}`,
  ...extra,
});

let db: TrackRecordDb;
beforeEach(() => {
  db = new TrackRecordDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const summaryOf = async (id: RecordId) => (await db.contractors.get(id))?.summary;
const assessmentOf = async (id: RecordId, at = NOW) => (await loadContractorView(db, id, at))?.assessment;

describe('writes keep the summary current', () => {
  it('a late milestone delivery is a strike, stored with the contractor in the same write', async () => {
    const id = await trackProfile(db, seen(1), ago(30));
    expect((await assessmentOf(id, ago(30)))?.verdict).toBe('new');
    const e = await createEngagement(
      db,
      {
        contractorId: id,
        title: 'Site',
        skill: 'WordPress',
        budget: 900,
        currency: 'USD',
        startedAt: ago(30),
      },
      ago(30),
    );
    const m = await addMilestone(db, { engagementId: e, amount: 300, dueAt: day(-5) }, ago(30));
    await recordDelivery(db, { contractorId: id, milestoneId: m, at: ago(2) }, NOW);
    const s = await summaryOf(id);
    expect(await assessmentOf(id)).toMatchObject({ verdict: 'cancel', strikes: 1 });
    expect(s).toMatchObject({ counts: { deliveries: 1, engagements: 1 } });
    expect(s?.facts).toContainEqual(expect.objectContaining({ kind: 'delivery', lateDays: 3 }));
    expect((await db.milestones.get(m))?.deliveredAt).toBe(ago(2));
    expect((await db.contractors.get(id))?.skills).toEqual(['WordPress']);
  });

  it('an open milestone turns into a live missed deadline when read later, without any write', async () => {
    const id = await trackProfile(db, seen(1), ago(10));
    const e = await createEngagement(db, { contractorId: id, title: 'Site', startedAt: ago(10) }, ago(10));
    await addMilestone(db, { engagementId: e, amount: 100, dueAt: day(1) }, NOW);
    expect((await loadContractorView(db, id, NOW))?.assessment.verdict).toBe('new');
    const later = await loadContractorView(db, id, NOW + 4 * DAY_MS);
    expect(later?.assessment).toMatchObject({ verdict: 'cancel', strikes: 1 });
    expect(later?.assessment.why[0]).toMatchObject({
      headline: 'Deadline missed, nothing delivered for 3 days',
      day: day(1),
    });
  });

  it('a renegotiated deadline met is on time', async () => {
    const id = await trackProfile(db, seen(1), ago(10));
    const e = await createEngagement(db, { contractorId: id, title: 'Site', startedAt: ago(10) }, ago(10));
    const m = await addMilestone(db, { engagementId: e, amount: 100, dueAt: day(-3) }, ago(10));
    await renegotiateMilestone(db, m, { dueAt: day(0), reason: 'extra page', at: ago(5) }, ago(5));
    await recordDelivery(db, { contractorId: id, milestoneId: m, at: NOW }, NOW);
    expect(await assessmentOf(id)).toMatchObject({ verdict: 'ok', strikes: 0, onTime: 1 });
  });

  it('refuses events in the future, for nobody, or on another contractor’s milestone', async () => {
    const a = await trackProfile(db, seen(1), ago(10));
    const b = await trackProfile(db, seen(2), ago(10));
    const e = await createEngagement(db, { contractorId: a, title: 'Site', startedAt: ago(10) }, ago(10));
    const m = await addMilestone(db, { engagementId: e, amount: 100, dueAt: day(3) }, ago(10));
    await expect(recordDelivery(db, { contractorId: a, at: NOW + 1 }, NOW)).rejects.toThrow(/^at: .*future/);
    await expect(recordEvent(db, { contractorId: newId(), type: 'praise', text: 'x' }, NOW)).rejects.toThrow(
      /No contractor/,
    );
    await expect(recordDelivery(db, { contractorId: b, milestoneId: m }, NOW)).rejects.toThrow(/milestoneId/);
    expect(await db.events.count()).toBe(0);
  });

  it('suggests an excuse category, flags repeats, and lets the user change it', async () => {
    const id = await trackProfile(db, seen(1), ago(90));
    const first = await recordExcuse(
      db,
      { contractorId: id, text: 'Power cut all day', at: ago(40) },
      ago(40),
    );
    expect(first).toMatchObject({ category: 'connectivity', repeated: undefined });
    const second = await recordExcuse(db, { contractorId: id, text: 'wifi died again', at: ago(1) }, NOW);
    expect(second.repeated?.message).toBe("second 'internet / power / equipment' excuse in 60 days");
    await setExcuseCategory(db, second.id, 'other', NOW);
    expect((await loadContractorView(db, id, NOW))?.assessment.repeatedExcuses).toEqual([]);
  });

  it('deleting a delivery reopens its milestone and the summary follows', async () => {
    const id = await trackProfile(db, seen(1), ago(10));
    const e = await createEngagement(db, { contractorId: id, title: 'Site', startedAt: ago(10) }, ago(10));
    const m = await addMilestone(db, { engagementId: e, amount: 100, dueAt: day(2) }, ago(10));
    const ev = await recordDelivery(db, { contractorId: id, milestoneId: m }, NOW);
    expect((await assessmentOf(id))?.onTime).toBe(1);
    await deleteEvent(db, ev, NOW);
    expect((await db.milestones.get(m))?.deliveredAt).toBeUndefined();
    expect(await assessmentOf(id)).toMatchObject({ onTime: 0, verdict: 'new' });
  });
});

describe('cancel and move on, accesses, settings', () => {
  it('drops the contractor for the cool-off, cancels their work, and rule 4 asks for the accesses back', async () => {
    const id = await trackProfile(db, seen(1), ago(30));
    const e = await createEngagement(db, { contractorId: id, title: 'Site', startedAt: ago(30) }, ago(30));
    const access = await grantAccess(
      db,
      { contractorId: id, what: 'Hosting panel', level: 'edit', engagementId: e, at: ago(30) },
      ago(30),
    );
    await cancelAndMoveOn(db, id, { reason: 'Third delay' }, NOW);
    const view = await loadContractorView(db, id, NOW);
    expect(view?.contractor).toMatchObject({ status: 'dropped', coolOffUntil: NOW + 180 * DAY_MS });
    expect(view?.assessment.verdict).toBe('dropped');
    expect(view?.engagements[0]).toMatchObject({ status: 'cancelled', cancelReason: 'Third delay' });
    expect(view?.events.map((ev) => ev.type)).toEqual(['cancelled', 'access-granted']);
    expect((await loadRosterFindings(db, NOW)).map((f) => f.code)).toContain('access-after-cancel');
    await revokeAccess(db, access, NOW, NOW);
    expect((await loadRosterFindings(db, NOW)).map((f) => f.code)).not.toContain('access-after-cancel');
    expect((await loadContractorView(db, id, NOW + 181 * DAY_MS))?.assessment.verdict).toBe('new');
  });

  it('a policy change changes every verdict at once', async () => {
    const id = await trackProfile(db, seen(1), ago(10));
    await recordDelivery(db, { contractorId: id, daysLate: 1, at: ago(1) }, NOW);
    await recordDelivery(db, { contractorId: id, at: ago(2) }, NOW);
    expect((await assessmentOf(id))?.verdict).toBe('cancel');
    await updateSettings(db, { policy: 'standard' });
    expect(await readSettings(db)).toMatchObject({ policy: 'standard', graceDays: 1 });
    expect(await assessmentOf(id)).toMatchObject({ verdict: 'ok', strikes: 0 });
    expect((await badgesForKeys(db, [seen(1).key], NOW))[seen(1).key]?.verdict).toBe('ok');
  });

  it('the care rule asks for a reward after five on-time deliveries, until one is given', async () => {
    const id = await trackProfile(db, seen(1), ago(10));
    for (let i = 5; i >= 1; i--) await recordDelivery(db, { contractorId: id, at: ago(i) }, NOW);
    expect((await loadRosterFindings(db, NOW)).filter((f) => f.rule === 'care')).toHaveLength(1);
    await recordReward(db, { contractorId: id, kind: 'bonus', amount: 50, currency: 'USD' }, NOW);
    expect((await loadRosterFindings(db, NOW)).filter((f) => f.rule === 'care')).toEqual([]);
  });

  it('pay on acceptance: rule 2 sees a payment recorded before acceptance', async () => {
    const id = await trackProfile(db, seen(1), ago(10));
    const e = await createEngagement(
      db,
      { contractorId: id, title: 'Site', budget: 100, currency: 'EUR', startedAt: ago(10) },
      ago(10),
    );
    const m = await addMilestone(db, { engagementId: e, amount: 100, dueAt: day(0) }, ago(10));
    await payMilestone(db, m, ago(1), NOW);
    expect((await loadRosterFindings(db, NOW)).map((f) => f.code)).toContain('paid-not-accepted-total');
    await acceptMilestone(db, m, NOW, NOW);
    const codes = (await loadRosterFindings(db, NOW)).map((f) => f.code);
    expect(codes).toContain('paid-before-acceptance');
    expect(codes).not.toContain('paid-not-accepted-total');
  });
});

describe('profiles: page seen, linking, unlinking, merging', () => {
  it('keeps a metric snapshot at most once a day', async () => {
    await trackProfile(db, seen(1, { metrics: { rating: 4.5 } }), NOW);
    await recordPageSeen(db, seen(1, { metrics: { rating: 4.6 }, location: 'Lisbon' }), NOW + 1000);
    await recordPageSeen(db, seen(1, { metrics: { rating: 4.7 } }), NOW + DAY_MS);
    expect((await loadMetricHistory(db, seen(1).key)).map((s) => s.metrics.rating)).toEqual([4.5, 4.7]);
  });

  it('links a second profile, unlinks it again, and merges two contractors without losing a record', async () => {
    const a = await trackProfile(db, seen(1), ago(20));
    await addNote(db, a, 'from A', ago(20));
    const b = await trackProfile(db, seen(2), ago(20));
    await recordDelivery(db, { contractorId: b, at: ago(3) }, NOW);
    const e = await createEngagement(
      db,
      { contractorId: b, title: 'Copy', skill: 'Copywriting', startedAt: ago(5) },
      ago(5),
    );
    await addMilestone(db, { engagementId: e, amount: 50, dueAt: day(5) }, ago(5));
    await grantAccess(db, { contractorId: b, what: 'Docs', level: 'view' }, NOW);

    const c = await trackProfile(db, seen(3), ago(1));
    await linkProfile(db, a, seen(3), NOW);
    expect(await db.contractors.get(c)).toBeUndefined(); // nothing left of the auto-created contractor
    expect((await loadViewByKey(db, seen(3).key))?.contractor.id).toBe(a);
    const split = await unlinkProfile(db, seen(3).key, NOW);
    expect((await loadViewByKey(db, seen(3).key))?.contractor.id).toBe(split);
    expect((await loadContractorView(db, a))?.events).toHaveLength(1);

    const before = await Promise.all([
      db.events.count(),
      db.engagements.count(),
      db.milestones.count(),
      db.accesses.count(),
      db.profiles.count(),
    ]);
    await mergeContractors(db, a, b, NOW);
    const after = await Promise.all([
      db.events.count(),
      db.engagements.count(),
      db.milestones.count(),
      db.accesses.count(),
      db.profiles.count(),
    ]);
    expect(after).toEqual(before);
    expect(await db.contractors.get(b)).toBeUndefined();
    const view = await loadContractorView(db, a, NOW);
    expect(view?.profiles.map((p) => p.key).sort()).toEqual([seen(1).key, seen(2).key]);
    expect(view?.contractor.skills).toEqual(['Copywriting']);
    expect(view?.assessment.onTime).toBe(1);
    expect(view?.summary).toMatchObject({ counts: { events: 3, engagements: 1, activeAccesses: 1 } });
  });

  it('answers what the badges of a batch of keys show, leaving untracked keys out', async () => {
    const a = await trackProfile(db, seen(1), ago(5));
    await createContractor(db, { name: 'Offline Olga' }, NOW);
    await recordDelivery(db, { contractorId: a, daysLate: 4, at: ago(1) }, NOW);
    expect(await badgesForKeys(db, [seen(1).key, 'upwork:~nobody'], NOW)).toEqual({
      [seen(1).key]: { verdict: 'cancel', score: 44, strikes: 1, lastActivityAt: ago(1) },
    });
  });
});

describe('the demo', () => {
  it('gives Dana Demo a real verdict and the rules real findings', async () => {
    const ids = await seedDemo(db, NOW);
    expect(await seedDemo(db, NOW)).toEqual(ids); // idempotent
    const dana = await loadViewByKey(db, DEMO_KEY, NOW);
    expect(dana?.contractor.name).toBe('Dana Demo');
    expect(dana?.assessment).toMatchObject({ verdict: 'cancel', strikes: 2 });
    expect((await loadViewByKey(db, 'upwork:~01demo0000000000002', NOW))?.assessment.verdict).toBe('trusted');
    const rules = new Set((await loadRosterFindings(db, NOW)).map((f) => f.rule));
    expect(rules).toEqual(new Set([1, 2, 3, 4, 5, 'care']));
    await updateSettings(db, { policy: 'standard' });
    expect((await loadViewByKey(db, DEMO_KEY, NOW))?.assessment.verdict).toBe('watch');
  });
});
