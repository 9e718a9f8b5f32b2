import type { RecordId } from '../model/ids';
import { effectiveDueAt } from '../model/records';
import { dayOf } from '../scoring/dates';
import { type OpenMilestone, openMilestones, type ReminderStage } from '../scoring/deadlines';
import type { TrackRecordDb } from './db';
import { recordDeadlineMissed, recordDelivery } from './history';
import { writeTx } from './tx';

/** An open milestone and whose it is. */
export type Deadline = OpenMilestone & { contractor: { id: RecordId; name: string } };

/**
 * Every open milestone on the roster, soonest due first: the toolbar's count and the reminders. Only the
 * contractors of open milestones are read (by id), never the whole roster: the background runs this
 * whenever records change, and a roster of 100,000 read whole is seconds and hundreds of MB of its heap.
 */
export async function loadDeadlines(db: TrackRecordDb): Promise<Deadline[]> {
  return db.transaction('r', [db.contractors, db.engagements, db.milestones], async () => {
    const [engagements, milestones] = await Promise.all([db.engagements.toArray(), db.milestones.toArray()]);
    const open = openMilestones(milestones, engagements);
    const ids = [...new Set(open.map((o) => o.milestone.contractorId))];
    const names = new Map(
      (await db.contractors.bulkGet(ids)).flatMap((c) => (c ? [[c.id, c.name] as const] : [])),
    );
    return open.flatMap((open) => {
      const name = names.get(open.milestone.contractorId);
      return name === undefined ? [] : [{ ...open, contractor: { id: open.milestone.contractorId, name } }];
    });
  });
}

/** Notes that a milestone's reminder was shown for its due date in effect, so it is shown once. */
export async function markReminded(
  db: TrackRecordDb,
  milestoneId: RecordId,
  stage: ReminderStage,
  dueAt: number,
  now = Date.now(),
) {
  return writeTx(db, async () => {
    const m = await db.milestones.get(milestoneId);
    if (!m) return;
    await db.milestones.put({ ...m, reminded: { ...m.reminded, [stage]: dayOf(dueAt) }, updatedAt: now });
  });
}

/**
 * A reminder's answer. `delivered`: delivered now (on time on the due day; late by the days since,
 * after it). `not-yet`: on the due day nothing is recorded (the overdue reminder follows); once overdue,
 * a missed deadline is recorded on the milestone for the timeline (the score counts the open milestone
 * itself, growing every day, not this entry).
 */
export async function answerReminder(
  db: TrackRecordDb,
  milestoneId: RecordId,
  answer: 'delivered' | 'not-yet',
  now = Date.now(),
): Promise<void> {
  const m = await db.milestones.get(milestoneId);
  if (!m) throw new Error(`No milestone ${milestoneId}`);
  if (m.deliveredAt !== undefined) return;
  const contractorId = m.contractorId;
  if (answer === 'delivered') {
    await recordDelivery(db, { contractorId, milestoneId }, now);
    return;
  }
  const daysLate = dayOf(now) - dayOf(effectiveDueAt(m));
  if (daysLate > 0) await recordDeadlineMissed(db, { contractorId, milestoneId, daysLate }, now);
}
