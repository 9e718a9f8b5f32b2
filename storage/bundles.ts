import { Dexie } from 'dexie';
import type { RecordId } from '../model/ids';
import type { Records } from './backup';
import { mergeContractors } from './contractors';
import type { TrackRecordDb } from './db';
import { summariesOf } from './rows';
import { recordsOf } from './summary';
import { writeTx } from './tx';

/** Everything recorded about some contractors, as they are now: what an undo puts back. */
async function bundleOf(db: TrackRecordDb, ids: RecordId[]): Promise<Records> {
  const { contractors, profiles, events, engagements, milestones, accesses } = await recordsOf(db, ids);
  const snapshots = (
    await Promise.all(
      profiles.map((p) =>
        db.snapshots.where('[profileKey+at]').between([p.key, Dexie.minKey], [p.key, Dexie.maxKey]).toArray(),
      ),
    )
  ).flat();
  return {
    contractors: contractors.map(({ summary: _summary, ...plain }) => plain),
    profiles,
    events,
    engagements,
    milestones,
    accesses,
    snapshots,
  };
}

async function remove(db: TrackRecordDb, records: Records) {
  const ids = records.contractors.map((c) => c.id);
  await db.contractors.bulkDelete(ids);
  await db.rosterRows.bulkDelete(ids);
  await db.profiles.bulkDelete(records.profiles.map((p) => p.key));
  await db.events.bulkDelete(records.events.map((e) => e.id));
  await db.engagements.bulkDelete(records.engagements.map((e) => e.id));
  await db.milestones.bulkDelete(records.milestones.map((m) => m.id));
  await db.accesses.bulkDelete(records.accesses.map((a) => a.id));
  await db.snapshots.bulkDelete(records.snapshots.map((s) => s.id));
}

/**
 * Deletes contractors with everything recorded about them (profiles and their metric snapshots included),
 * in one transaction. Returns what was deleted, for `restoreRecords` to put back.
 */
export async function deleteContractors(db: TrackRecordDb, ids: RecordId[]): Promise<Records> {
  return writeTx(db, async () => {
    const records = await bundleOf(db, ids);
    await remove(db, records);
    return records;
  });
}

/** Puts records back as they were (the undo of a delete or a merge), their summaries and rows recomputed. */
export async function restoreRecords(db: TrackRecordDb, records: Records): Promise<void> {
  await writeTx(db, async () => {
    const { contractors, rows } = summariesOf(records);
    await db.contractors.bulkPut(contractors);
    await db.rosterRows.bulkPut(rows);
    await db.profiles.bulkPut(records.profiles);
    await db.events.bulkPut(records.events);
    await db.engagements.bulkPut(records.engagements);
    await db.milestones.bulkPut(records.milestones);
    await db.accesses.bulkPut(records.accesses);
    await db.snapshots.bulkPut(records.snapshots);
  });
}

/**
 * Merges several contractors into one (see `mergeContractors`), in one transaction. Returns everything
 * about all of them as it was before, for `undoMerge`.
 */
export async function mergeMany(db: TrackRecordDb, intoId: RecordId, fromIds: RecordId[]): Promise<Records> {
  return writeTx(db, async () => {
    const before = await bundleOf(db, [intoId, ...fromIds]);
    for (const fromId of fromIds) if (fromId !== intoId) await mergeContractors(db, intoId, fromId);
    return before;
  });
}

/** Takes a merge back: the merged contractor is replaced by everyone as they were before. */
export async function undoMerge(db: TrackRecordDb, before: Records): Promise<void> {
  await writeTx(db, async () => {
    await remove(
      db,
      await bundleOf(
        db,
        before.contractors.map((c) => c.id),
      ),
    );
    await restoreRecords(db, before);
  });
}
