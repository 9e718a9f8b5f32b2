import { ReadOnlyDatabaseError, type TrackRecordDb } from './db';

/** Every table: writes take them all, so a write and the summary it changes commit together. */
export function allTables(db: TrackRecordDb) {
  return [
    db.contractors,
    db.profiles,
    db.events,
    db.engagements,
    db.milestones,
    db.accesses,
    db.snapshots,
    db.settings,
  ];
}

/** Runs a write in one read-write transaction, refusing it up front when the database is read-only. */
export async function writeTx<T>(db: TrackRecordDb, fn: () => Promise<T>): Promise<T> {
  if (!db.isOpen()) await db.open();
  if (db.newerSchema) throw new ReadOnlyDatabaseError(db.newerSchema.message);
  return db.transaction('rw', allTables(db), fn);
}

export async function requireContractor(db: TrackRecordDb, contractorId: number) {
  const c = await db.contractors.get(contractorId);
  if (!c) throw new Error(`No contractor #${contractorId}`);
  return c;
}
