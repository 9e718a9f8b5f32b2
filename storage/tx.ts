import type { Table } from 'dexie';
import { newId, type RecordId } from '../model/ids';
import { parseRecord } from '../model/validation';
import type { z } from '../model/zod';
import { isQuotaError, ReadOnlyDatabaseError, StorageFullError, type TrackRecordDb } from './db';

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
    db.rosterRows,
    db.drafts,
  ];
}

/**
 * Runs a write in one read-write transaction, refusing it up front when the database is read-only. A
 * write the browser refuses for want of space (at any request, or when the transaction commits) fails
 * whole with a `StorageFullError` that says what to do.
 */
export async function writeTx<T>(db: TrackRecordDb, fn: () => Promise<T>): Promise<T> {
  try {
    if (!db.isOpen()) await db.open();
    if (db.newerSchema) throw new ReadOnlyDatabaseError(db.newerSchema.message);
    return await db.transaction('rw', allTables(db), fn);
  } catch (error) {
    throw isQuotaError(error) && !(error instanceof StorageFullError) ? new StorageFullError(error) : error;
  }
}

type Stored = { id: RecordId; updatedAt: number };

/**
 * A new record: `input` validated with the record's `New…` schema (a `ValidationError` names the fields
 * at fault), with its id (a new one unless the caller chose it) and `updatedAt`.
 */
export function newRecord<N extends object>(
  schema: z.ZodType<N>,
  input: unknown,
  now: number,
  id: RecordId = newId(now),
): N & Stored {
  return { ...parseRecord(schema, input), id, updatedAt: now };
}

/** Adds a new record (see `newRecord`) to its table, whose records are what the schema makes, stored. */
export async function insert<N extends object, I>(
  table: Table<NoInfer<N> & Stored, RecordId, I>,
  schema: z.ZodType<N>,
  input: unknown,
  now: number,
  id?: RecordId,
): Promise<N & Stored> {
  const record = newRecord(schema, input, now, id);
  await table.add(record as I);
  return record;
}

export async function requireContractor(db: TrackRecordDb, contractorId: RecordId) {
  const c = await db.contractors.get(contractorId);
  if (!c) throw new Error(`No contractor ${contractorId}`);
  return c;
}
