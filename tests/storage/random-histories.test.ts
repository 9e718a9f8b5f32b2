import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordId } from '../../model/ids';
import type { AccessLevel, ExcuseCategory } from '../../model/records';
import { DAY_MS } from '../../scoring/dates';
import { assessRow, buildRosterRow } from '../../scoring/roster-row';
import { assessStored, buildSummary } from '../../scoring/summary';
import { addNote, mergeContractors, trackProfile } from '../../storage/contractors';
import { TrackRecordDb } from '../../storage/db';
import * as e from '../../storage/engagements';
import * as h from '../../storage/history';
import { readSettings, updateSettings } from '../../storage/settings';

/** mulberry32: a small seeded PRNG, so a failing history can be replayed from its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    chance: (p: number) => next() < p,
  };
}

const HISTORIES = 240;
const START = Date.UTC(2024, 0, 1);
const categories: ExcuseCategory[] = [
  'illness',
  'family',
  'connectivity',
  'overload',
  'unclear-requirements',
  'almost-done',
  'other',
];
const levels: AccessLevel[] = ['view', 'edit', 'admin', 'billing', 'owner'];

let db: TrackRecordDb;
beforeAll(() => {
  db = new TrackRecordDb(`random-${crypto.randomUUID()}`);
});
afterAll(async () => {
  await db.delete();
});

/** Plays one random history of writes; returns the contractors it touched and the clock at its end. */
async function playHistory(seed: number, previous: RecordId[]) {
  const rnd = prng(seed);
  let now = START + rnd.int(0, 400) * DAY_MS;
  const tick = () => {
    now += rnd.int(0, 6) * DAY_MS + rnd.int(0, DAY_MS - 1);
    return now;
  };
  const past = () => now - rnd.int(0, 3) * DAY_MS;
  const id = await trackProfile(
    db,
    {
      platform: 'web',
      id: `p${seed}`,
      key: `web:p${seed}`,
      name: `P${seed}`,
      url: `https://example.com/p${seed}`,
    },
    now,
  );
  const touched = [id];
  const engagements: RecordId[] = [];
  const milestones: RecordId[] = [];
  const accesses: RecordId[] = [];
  const steps = rnd.int(4, 22);
  for (let i = 0; i < steps; i++) {
    tick();
    const op = rnd.int(0, 17);
    const maybe = async (p: Promise<unknown>) =>
      p.catch((e: Error) => expect(e.message).toMatch(/already|No |cannot/));
    switch (op) {
      case 0:
      case 1:
        engagements.push(
          await e.createEngagement(
            db,
            {
              contractorId: id,
              title: `E${i}`,
              skill: rnd.pick(['WP', 'Copy', 'SEO']),
              budget: rnd.int(100, 5000),
              currency: 'USD',
              startedAt: past(),
            },
            now,
          ),
        );
        break;
      case 2:
      case 3:
        if (engagements.length)
          milestones.push(
            await e.addMilestone(
              db,
              {
                engagementId: rnd.pick(engagements),
                amount: rnd.int(50, 900),
                dueAt: now + rnd.int(-10, 15) * DAY_MS,
              },
              now,
            ),
          );
        break;
      case 4:
      case 5:
        if (milestones.length && rnd.chance(0.7))
          await maybe(
            h.recordDelivery(db, { contractorId: id, milestoneId: rnd.pick(milestones), at: past() }, now),
          );
        else
          await h.recordDelivery(
            db,
            { contractorId: id, daysLate: rnd.chance(0.5) ? 0 : rnd.int(1, 12), at: past() },
            now,
          );
        break;
      case 6:
        await h.recordDeadlineMissed(db, { contractorId: id, daysLate: rnd.int(0, 9), at: past() }, now);
        break;
      case 7:
        await h.recordExcuse(
          db,
          { contractorId: id, text: 'sorry', category: rnd.pick(categories), at: past() },
          now,
        );
        break;
      case 8:
        await h.recordQualityProblem(db, { contractorId: id, text: 'rework', at: past() }, now);
        break;
      case 9:
        if (rnd.chance(0.5)) await h.recordReward(db, { contractorId: id, kind: 'thanks', at: past() }, now);
        else await addNote(db, id, `note ${i}`, now);
        break;
      case 10:
        if (milestones.length)
          await maybe(
            e.renegotiateMilestone(
              db,
              rnd.pick(milestones),
              { dueAt: now + rnd.int(-3, 10) * DAY_MS, at: past() },
              now,
            ),
          );
        break;
      case 11:
        if (milestones.length)
          await (rnd.chance(0.5) ? e.acceptMilestone : e.payMilestone)(db, rnd.pick(milestones), past(), now);
        break;
      case 12:
        accesses.push(
          await h.grantAccess(
            db,
            { contractorId: id, what: `A${i}`, level: rnd.pick(levels), at: past() },
            now,
          ),
        );
        break;
      case 13:
        if (accesses.length) await maybe(h.revokeAccess(db, rnd.pick(accesses), now, now));
        break;
      case 14: {
        const events = await db.events.where({ contractorId: id }).primaryKeys();
        if (events.length) await h.deleteEvent(db, rnd.pick(events), now);
        break;
      }
      case 15:
        if (engagements.length)
          await e.setEngagementStatus(
            db,
            rnd.pick(engagements),
            rnd.pick(['active', 'completed', 'cancelled'] as const),
            { reason: 'r' },
            now,
          );
        break;
      case 16:
        if (rnd.chance(0.5)) await h.cancelAndMoveOn(db, id, { reason: 'strikes' }, now);
        else await h.reinstate(db, id, now);
        break;
      case 17: {
        const roll = rnd.next();
        if (roll < 0.3)
          await updateSettings(db, { policy: rnd.pick(['strict', 'standard', 'lenient'] as const) });
        else if (previous.length && roll < 0.5) {
          const other = rnd.pick(previous);
          if (await db.contractors.get(other)) {
            await mergeContractors(db, id, other, now);
            previous.splice(previous.indexOf(other), 1);
          }
        }
        break;
      }
    }
  }
  return { touched, now };
}

/** The summary from scratch: a full-table read (no index) of everything that belongs to the contractor. */
async function fromScratch(contractorId: RecordId) {
  const [events, engagements, milestones, accesses, contractor] = await Promise.all([
    db.events.toArray(),
    db.engagements.toArray(),
    db.milestones.toArray(),
    db.accesses.toArray(),
    db.contractors.get(contractorId),
  ]);
  const mine = <T extends { contractorId: RecordId }>(xs: T[]) =>
    xs.filter((x) => x.contractorId === contractorId);
  if (!contractor) throw new Error('gone');
  const history = {
    events: mine(events).sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)),
    engagements: mine(engagements),
    milestones: mine(milestones),
    accesses: mine(accesses),
  };
  const summary = buildSummary(contractor, history);
  const profiles = mine(await db.profiles.toArray());
  return Object.assign(summary, { row: () => buildRosterRow(contractor, summary, history, profiles) });
}

async function checkContractor(id: RecordId, now: number, label: string) {
  const stored = (await db.contractors.get(id))?.summary;
  if (!stored) return false; // merged away
  const scratch = await fromScratch(id);
  const { row: rowFromScratch, ...summary } = scratch;
  expect(stored, label).toEqual(summary);
  // the roster's row too, and its quick assessment agrees with the full one
  const row = await db.rosterRows.get(id);
  expect(row, `${label}, roster row`).toEqual(rowFromScratch());
  // read later: the assessment from stored facts equals one from fresh history
  const settings = await readSettings(db);
  const later = now + 3 * DAY_MS;
  const a = assessStored(stored, settings, later);
  expect(a, `${label}, read later`).toEqual(assessStored(summary, settings, later));
  const { score, confidence, strikes, verdict, outcomes, onTime, onTimeSinceReward } = a;
  expect(assessRow(row as NonNullable<typeof row>, settings, later), `${label}, quick`).toEqual({
    score,
    confidence,
    strikes,
    verdict,
    outcomes,
    onTime,
    onTimeSinceReward,
  });
  // and its score is the guide's formula over its own "why"
  const S = a.why.reduce((sum, w) => sum + w.recency * w.success, 0);
  const F = a.why.reduce((sum, w) => sum + w.recency * w.failure, 0);
  expect(a.score, label).toBe(a.outcomes ? Math.round((100 * (2 + S)) / (3 + S + F)) : null);
  return true;
}

describe('random histories: the stored summary equals a recomputation from scratch', () => {
  it(`holds for ${HISTORIES} seeded histories`, async () => {
    const alive: RecordId[] = [];
    let now = START;
    for (let seed = 1; seed <= HISTORIES; seed++) {
      const played = await playHistory(seed, alive);
      now = Math.max(now, played.now);
      alive.push(...played.touched);
      for (const id of played.touched)
        await checkContractor(id, played.now, `seed ${seed}, contractor ${id}`);
    }
    // every contractor at the end, including those whose summaries a policy change recomputed
    let checked = 0;
    for (const id of alive) if (await checkContractor(id, now, `end, contractor ${id}`)) checked++;
    expect(checked).toBeGreaterThan(HISTORIES / 2);
    // one roster row per contractor, none left behind by a merge
    expect((await db.rosterRows.toCollection().primaryKeys()).sort()).toEqual(
      (await db.contractors.toCollection().primaryKeys()).sort(),
    );
  }, 120_000);
});
