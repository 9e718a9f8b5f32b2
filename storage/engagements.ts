// Engagements and their milestones: started, ended, due dates agreed and moved, work accepted and paid.
// What is delivered is an event (storage/history.ts), which marks its milestone.
import type { RecordId } from '../model/ids';
import {
  Engagement,
  type EngagementStatus,
  Milestone,
  NewEngagement,
  NewMilestone,
  Renegotiation,
} from '../model/records';
import { notFuture, parseRecord } from '../model/validation';
import type { TrackRecordDb } from './db';
import { refreshSummary } from './summary';
import { insert, requireContractor, writeTx } from './tx';

export async function createEngagement(
  db: TrackRecordDb,
  input: {
    contractorId: RecordId;
    title: string;
    skill?: string;
    budget?: number;
    currency?: string;
    startedAt?: number;
  },
  now = Date.now(),
): Promise<RecordId> {
  const startedAt = notFuture(input.startedAt ?? now, now, 'startedAt');
  return writeTx(db, async () => {
    const c = await requireContractor(db, input.contractorId);
    const engagement = await insert(
      db.engagements,
      NewEngagement,
      { status: 'active', ...input, startedAt },
      now,
    );
    const skill = engagement.skill;
    if (skill && !c.skills.some((s) => s.toLowerCase() === skill.toLowerCase())) {
      await db.contractors.update(c.id, { skills: [...c.skills, skill], updatedAt: now });
    }
    await refreshSummary(db, c.id);
    return engagement.id;
  });
}

/** Completes, cancels (with a reason) or reopens an engagement. */
export async function setEngagementStatus(
  db: TrackRecordDb,
  engagementId: RecordId,
  status: EngagementStatus,
  options: { reason?: string; at?: number } = {},
  now = Date.now(),
) {
  const at = notFuture(options.at ?? now, now, 'at');
  return writeTx(db, async () => {
    const e = await db.engagements.get(engagementId);
    if (!e) throw new Error(`No engagement ${engagementId}`);
    const next = parseRecord(Engagement, {
      ...e,
      status,
      endedAt: status === 'active' ? undefined : at,
      cancelReason: status === 'cancelled' ? options.reason : undefined,
      updatedAt: now,
    });
    await db.engagements.put(next);
    await refreshSummary(db, e.contractorId);
  });
}

export async function addMilestone(
  db: TrackRecordDb,
  input: { engagementId: RecordId; amount: number; dueAt: number; title?: string; currency?: string },
  now = Date.now(),
): Promise<RecordId> {
  return writeTx(db, async () => {
    const e = await db.engagements.get(input.engagementId);
    if (!e) throw new Error(`engagementId: no engagement ${input.engagementId}`);
    const milestone = await insert(
      db.milestones,
      NewMilestone,
      { contractorId: e.contractorId, currency: e.currency, ...input },
      now,
    );
    await refreshSummary(db, e.contractorId);
    return milestone.id;
  });
}

/** Agrees a new due date. Moving a deadline that had already passed does not erase the miss. */
export async function renegotiateMilestone(
  db: TrackRecordDb,
  milestoneId: RecordId,
  input: { dueAt: number; reason?: string; at?: number },
  now = Date.now(),
) {
  const r = parseRecord(Renegotiation, { ...input, at: notFuture(input.at ?? now, now, 'at') });
  return writeTx(db, async () => {
    const m = await requireMilestone(db, milestoneId);
    if (m.deliveredAt !== undefined) throw new Error(`milestone ${milestoneId} is already delivered`);
    await db.milestones.put({ ...m, renegotiations: [...m.renegotiations, r], updatedAt: now });
    await refreshSummary(db, m.contractorId);
  });
}

export async function acceptMilestone(
  db: TrackRecordDb,
  milestoneId: RecordId,
  at?: number,
  now = Date.now(),
) {
  return setMilestoneDate(db, milestoneId, 'acceptedAt', at ?? now, now);
}

/** Records a payment. Paying before acceptance is allowed but rule 2 flags it. */
export async function payMilestone(db: TrackRecordDb, milestoneId: RecordId, at?: number, now = Date.now()) {
  return setMilestoneDate(db, milestoneId, 'paidAt', at ?? now, now);
}

async function setMilestoneDate(
  db: TrackRecordDb,
  milestoneId: RecordId,
  field: 'acceptedAt' | 'paidAt',
  at: number,
  now: number,
) {
  notFuture(at, now, field);
  return writeTx(db, async () => {
    const m = await requireMilestone(db, milestoneId);
    await db.milestones.put(parseRecord(Milestone, { ...m, [field]: at, updatedAt: now }));
    await refreshSummary(db, m.contractorId);
  });
}

async function requireMilestone(db: TrackRecordDb, milestoneId: RecordId) {
  const m = await db.milestones.get(milestoneId);
  if (!m) throw new Error(`No milestone ${milestoneId}`);
  return m;
}
