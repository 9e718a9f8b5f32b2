import { type CoolOff, NEVER_REHIRE } from '../model/cool-off';
import type { RecordId } from '../model/ids';
import {
  type AccessLevel,
  type ExcuseCategory,
  HistoryEvent,
  NewAccess,
  NewEvent,
  type RewardKind,
} from '../model/records';
import type { RepeatedExcuse } from '../model/summary';
import { notFuture, parseRecord } from '../model/validation';
import { DAY_MS } from '../scoring/dates';
import { repeatedExcuses, suggestExcuseCategory } from '../scoring/excuses';
import type { TrackRecordDb } from './db';
import { readSettings } from './settings';
import { refreshSummary } from './summary';
import { insert, requireContractor, writeTx } from './tx';

/** `Omit` applied to each member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * What every event input shares; `at` defaults to `now` and may not be after it. `id`: the event's id,
 * chosen by whoever asked for it, so that a request sent again (its answer was lost: a worker stopped
 * mid-write) writes it once.
 */
type EventInput = {
  contractorId: RecordId;
  at?: number;
  engagementId?: RecordId;
  milestoneId?: RecordId;
  id?: RecordId;
};

/**
 * Adds an event of any kind (validated, never in the future) and updates the contractor's summary. With
 * an `id` that is already the contractor's event, nothing is written again: the request was a repeat.
 */
export async function recordEvent(
  db: TrackRecordDb,
  input: DistributiveOmit<NewEvent, 'at'> & { at?: number; id?: RecordId },
  now = Date.now(),
): Promise<RecordId> {
  const { id, ...fields } = input;
  const at = notFuture(fields.at ?? now, now, 'at');
  return writeTx(db, async () => {
    if (id !== undefined && (await alreadyRecorded(db, id, fields.contractorId))) return id;
    const event = await insert(db.events, NewEvent, { ...fields, at }, now, id);
    await afterEventAdded(db, event, now);
    return event.id;
  });
}

/** Whether an event of this id was written before, for this contractor (another's is refused). */
async function alreadyRecorded(db: TrackRecordDb, id: RecordId, contractorId: RecordId): Promise<boolean> {
  const earlier = await db.events.get(id);
  if (earlier && earlier.contractorId !== contractorId)
    throw new Error(`id: event ${id} is another contractor's`);
  return earlier !== undefined;
}

/** Puts a deleted event back as it was, with its own id (the undo of `deleteEvent`). */
export async function restoreEvent(db: TrackRecordDb, deleted: HistoryEvent, now = Date.now()) {
  const event = parseRecord(HistoryEvent, deleted);
  return writeTx(db, async () => {
    await db.events.add(event);
    await afterEventAdded(db, event, now);
  });
}

/** Checks what a new event points at, marks a delivered milestone, and refreshes the summary. */
async function afterEventAdded(db: TrackRecordDb, event: HistoryEvent, now: number) {
  await requireContractor(db, event.contractorId);
  await checkLinks(db, event);
  if (event.type === 'delivered' && event.milestoneId !== undefined) {
    const m = await db.milestones.get(event.milestoneId);
    if (m?.deliveredAt !== undefined) throw new Error(`milestoneId: milestone ${m.id} is already delivered`);
    await db.milestones.update(event.milestoneId, { deliveredAt: event.at, updatedAt: now });
  }
  await refreshSummary(db, event.contractorId);
}

async function checkLinks(
  db: TrackRecordDb,
  e: { contractorId: RecordId; engagementId?: RecordId; milestoneId?: RecordId },
) {
  if (e.milestoneId !== undefined) {
    const m = await db.milestones.get(e.milestoneId);
    if (!m || m.contractorId !== e.contractorId)
      throw new Error(`milestoneId: no milestone ${e.milestoneId} for contractor ${e.contractorId}`);
  }
  if (e.engagementId !== undefined) {
    const g = await db.engagements.get(e.engagementId);
    if (!g || g.contractorId !== e.contractorId)
      throw new Error(`engagementId: no engagement ${e.engagementId} for contractor ${e.contractorId}`);
  }
}

/**
 * A delivery. With a milestone, its lateness is derived from the milestone's due date in effect (and the
 * milestone is marked delivered); without one, `daysLate` as entered (0: on time).
 */
export function recordDelivery(
  db: TrackRecordDb,
  input: EventInput & { daysLate?: number; text?: string },
  now = Date.now(),
) {
  return recordEvent(db, { ...input, type: 'delivered' }, now);
}

/** A deadline that passed with nothing delivered (for work without a milestone: milestones are live). */
export function recordDeadlineMissed(
  db: TrackRecordDb,
  input: EventInput & { daysLate?: number; text?: string },
  now = Date.now(),
) {
  return recordEvent(db, { ...input, type: 'deadline-missed' }, now);
}

/**
 * An excuse. Without a category, one is suggested from the text. Returns the repeat flag when this
 * category keeps coming back ("third 'internet / power / equipment' excuse in 60 days").
 */
export async function recordExcuse(
  db: TrackRecordDb,
  input: EventInput & { text: string; category?: ExcuseCategory },
  now = Date.now(),
): Promise<{ id: RecordId; category: ExcuseCategory; repeated?: RepeatedExcuse }> {
  const category = input.category ?? suggestExcuseCategory(input.text);
  const id = await recordEvent(db, { ...input, type: 'excuse', category }, now);
  return { id, category, repeated: await excuseRepeat(db, input.contractorId, category, now) };
}

/** Changes an excuse's category (a suggestion is only a suggestion). */
export async function setExcuseCategory(
  db: TrackRecordDb,
  eventId: RecordId,
  category: ExcuseCategory,
  now = Date.now(),
) {
  return writeTx(db, async () => {
    const e = await db.events.get(eventId);
    if (e?.type !== 'excuse') throw new Error(`No excuse ${eventId}`);
    const recategorised: HistoryEvent = { ...e, category, updatedAt: now };
    await db.events.put(recategorised);
    await refreshSummary(db, e.contractorId);
  });
}

async function excuseRepeat(
  db: TrackRecordDb,
  contractorId: RecordId,
  category: ExcuseCategory,
  now: number,
) {
  const c = await db.contractors.get(contractorId);
  if (!c) return undefined;
  return repeatedExcuses(c.summary.facts, await readSettings(db), now).find((r) => r.category === category);
}

export function recordQualityProblem(
  db: TrackRecordDb,
  input: EventInput & { text: string },
  now = Date.now(),
) {
  return recordEvent(db, { ...input, type: 'quality-problem' }, now);
}

export function recordPraise(db: TrackRecordDb, input: EventInput & { text: string }, now = Date.now()) {
  return recordEvent(db, { ...input, type: 'praise' }, now);
}

/** A bonus, a raise or a thank-you (the care rule counts on-time deliveries since the last one). */
export function recordReward(
  db: TrackRecordDb,
  input: EventInput & { kind: RewardKind; amount?: number; currency?: string; text?: string },
  now = Date.now(),
) {
  return recordEvent(db, { ...input, type: 'reward' }, now);
}

/** Deletes an event (a delivery also un-delivers its milestone) and updates the summary. */
export async function deleteEvent(db: TrackRecordDb, eventId: RecordId, now = Date.now()) {
  return writeTx(db, async () => {
    const e = await db.events.get(eventId);
    if (!e) throw new Error(`No event ${eventId}`);
    await db.events.delete(eventId);
    if (e.type === 'delivered' && e.milestoneId !== undefined) {
      const m = await db.milestones.get(e.milestoneId);
      if (m && m.deliveredAt === e.at)
        await db.milestones.update(m.id, { deliveredAt: undefined, updatedAt: now });
    }
    await refreshSummary(db, e.contractorId);
  });
}

// ── Accesses ─────────────────────────────────────────────────────────────────────────────────────────

/** Records an access given to a contractor, and the matching event. */
export async function grantAccess(
  db: TrackRecordDb,
  input: { contractorId: RecordId; what: string; level: AccessLevel; engagementId?: RecordId; at?: number },
  now = Date.now(),
): Promise<RecordId> {
  const { at, ...rest } = input;
  const grantedAt = notFuture(at ?? now, now, 'grantedAt');
  return writeTx(db, async () => {
    await requireContractor(db, input.contractorId);
    await checkLinks(db, input);
    const access = await insert(db.accesses, NewAccess, { ...rest, grantedAt }, now);
    await insert(
      db.events,
      NewEvent,
      {
        contractorId: access.contractorId,
        engagementId: access.engagementId,
        type: 'access-granted',
        accessId: access.id,
        at: grantedAt,
        text: `${access.level} access to ${access.what}`,
      },
      now,
    );
    await refreshSummary(db, access.contractorId);
    return access.id;
  });
}

export async function revokeAccess(db: TrackRecordDb, accessId: RecordId, at?: number, now = Date.now()) {
  const revokedAt = notFuture(at ?? now, now, 'revokedAt');
  return writeTx(db, async () => {
    const a = await db.accesses.get(accessId);
    if (!a) throw new Error(`No access ${accessId}`);
    if (a.revokedAt !== undefined) return;
    if (revokedAt < a.grantedAt) throw new Error('revokedAt: cannot be before the access was granted');
    await db.accesses.put({ ...a, revokedAt, updatedAt: now });
    await insert(
      db.events,
      NewEvent,
      {
        contractorId: a.contractorId,
        engagementId: a.engagementId,
        type: 'access-revoked',
        accessId,
        at: revokedAt,
        text: `${a.level} access to ${a.what}`,
      },
      now,
    );
    await refreshSummary(db, a.contractorId);
  });
}

// ── Cancel and move on ───────────────────────────────────────────────────────────────────────────────

/**
 * "Cancel and move on": the contractor becomes `dropped` for the cool-off chosen (days, or `'never'`:
 * never rehire; the settings' cool-off when not given), their active engagements are cancelled with the
 * reason — which closes their open milestones: nothing more is delivered or owed on them — and a
 * `cancelled` event is recorded. Accesses stay as they are until revoked one by one (rule 4 asks for it).
 */
export async function cancelAndMoveOn(
  db: TrackRecordDb,
  contractorId: RecordId,
  options: { reason?: string; at?: number; coolOff?: CoolOff; eventId?: RecordId } = {},
  now = Date.now(),
) {
  const at = notFuture(options.at ?? now, now, 'at');
  return writeTx(db, async () => {
    // The same request again (its answer was lost): it was carried out whole, once.
    if (options.eventId !== undefined && (await alreadyRecorded(db, options.eventId, contractorId))) return;
    const c = await requireContractor(db, contractorId);
    const coolOff = options.coolOff ?? (await readSettings(db)).coolOffDays;
    if (coolOff !== 'never' && !(Number.isInteger(coolOff) && coolOff >= 0))
      throw new Error('coolOff: a whole number of days, or never');
    const active = await db.engagements
      .where({ contractorId })
      .filter((e) => e.status === 'active')
      .toArray();
    for (const e of active) {
      await db.engagements.put({
        ...e,
        status: 'cancelled',
        endedAt: at,
        cancelReason: options.reason,
        updatedAt: now,
      });
    }
    await insert(
      db.events,
      NewEvent,
      { contractorId, type: 'cancelled', at, text: options.reason },
      now,
      options.eventId,
    );
    await db.contractors.put({
      ...c,
      status: 'dropped',
      coolOffUntil: coolOff === 'never' ? NEVER_REHIRE : at + coolOff * DAY_MS,
      updatedAt: now,
    });
    await refreshSummary(db, contractorId);
  });
}

/** Ends a cool-off early (or takes back a cancel): the contractor is active again. */
export async function reinstate(db: TrackRecordDb, contractorId: RecordId, now = Date.now()) {
  return writeTx(db, async () => {
    const c = await requireContractor(db, contractorId);
    await db.contractors.put({ ...c, status: 'active', coolOffUntil: undefined, updatedAt: now });
    await refreshSummary(db, contractorId);
  });
}
