// Writing a checked backup into the database: replacing everything, or merging by id and profile key;
// and deleting everything. Each is one transaction: a fault anywhere leaves the database as it was.
import type { Table } from 'dexie';
import type { RecordId } from '../model/ids';
import type { Contractor } from '../model/records';
import { BACKUP_TABLES, type Backup, type BackupTable, type Progress, type Records } from './backup';
import type { TrackRecordDb } from './db';
import { summariesOf } from './rows';
import { recordsOf } from './summary';
import { allTables, writeTx } from './tx';

/** Rows written per request: large enough to go at IndexedDB's pace, small enough to show progress. */
const CHUNK = 10_000;
/**
 * Requests written at once: enough that IndexedDB always has the next one queued when it finishes one, so
 * it never waits for the page; few enough that the page holds copies of only these rows. With every chunk
 * queued at once, an import of 1,430,000 rows (100,000 contractors, a million events) stalled in
 * Chromium at 95 %, neither failing nor finishing, after holding all their copies (the scale bench).
 */
export const CHUNKS_IN_FLIGHT = 4;

type TableRows = [Table<never, unknown, never>, readonly unknown[]];

/**
 * Writes the rows of every table in chunks inside the running transaction, in order, `CHUNKS_IN_FLIGHT`
 * requests at a time, counting them into `progress` as each chunk is written.
 */
async function writeRows(
  tables: readonly TableRows[],
  mode: 'add' | 'put',
  progress: { done: number; total: number; report?: Progress; phase: string },
): Promise<void> {
  const chunks = tables.flatMap(([table, rows]) =>
    Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => ({ table, rows, start: i * CHUNK })),
  );
  let next = 0;
  const lane = async () => {
    while (next < chunks.length) {
      const { table, rows, start } = chunks[next++] as (typeof chunks)[number];
      const chunk = rows.slice(start, start + CHUNK) as never[];
      await (mode === 'add' ? table.bulkAdd(chunk) : table.bulkPut(chunk));
      progress.done += chunk.length;
      progress.report?.(progress.phase, progress.done, progress.total);
    }
  };
  await Promise.all(Array.from({ length: CHUNKS_IN_FLIGHT }, lane));
}

/** A checked backup with what its import derives (summaries, roster rows), computed before any write. */
export type PreparedImport = { backup: Backup } & ReturnType<typeof summariesOf>;

/** Computes a backup's summaries and roster rows in one pass, so that importing it is writing only. */
export function prepareImport(backup: Backup): PreparedImport {
  return { backup, ...summariesOf(backup) };
}

/**
 * Replaces everything with the backup's content, all or nothing: in one transaction, every summary and
 * roster row computed in one pass beforehand. Returns how many contractors it holds.
 */
export async function importBackup(
  db: TrackRecordDb,
  input: Backup | PreparedImport,
  onProgress?: Progress,
): Promise<number> {
  const { backup, contractors, rows } = 'rows' in input ? input : prepareImport(input);
  const tables: TableRows[] = [
    [db.contractors, contractors],
    [db.rosterRows, rows],
    [db.profiles, backup.profiles],
    [db.engagements, backup.engagements],
    [db.milestones, backup.milestones],
    [db.accesses, backup.accesses],
    [db.events, backup.events],
    [db.snapshots, backup.snapshots],
  ] as never;
  const progress = {
    done: 0,
    total: tables.reduce((n, [, r]) => n + r.length, 0),
    report: onProgress,
    phase: 'Writing your records',
  };
  return writeTx(db, async () => {
    await Promise.all(allTables(db).map((table) => table.clear()));
    await writeRows(tables, 'add', progress);
    if (backup.settings) await db.settings.put({ ...backup.settings, id: 'settings' });
    return contractors.length;
  });
}

/** Deletes every record and the settings, in one transaction. */
export async function deleteEverything(db: TrackRecordDb): Promise<void> {
  await writeTx(db, () => Promise.all(allTables(db).map((table) => table.clear())).then(() => undefined));
}

/** What a merge adds and changes, per table. */
type MergeCounts = Record<BackupTable, { added: number; changed: number }>;

/** What a merge will do (its preview) or did. */
export type MergeResult = {
  counts: MergeCounts;
  /**
   * Contractors of the file already tracked here under another record (one of their profiles is): they
   * join the one here, with everything of theirs, instead of being added twice.
   */
  folded: { name: string; into: string }[];
  /** Names of some of the contractors added and changed, for the preview. */
  addedNames: string[];
  changedNames: string[];
};

type MergePlan = MergeResult & { puts: Records; touched: Set<RecordId> };

/**
 * Works out a merge inside a running transaction, writing nothing: which of the file's records are new
 * here or newer than the copy here, after folding contractors found here by a profile key.
 */
async function planMerge(db: TrackRecordDb, backup: Backup): Promise<MergePlan> {
  const [localProfiles, localContractors] = await Promise.all([
    db.profiles.bulkGet(backup.profiles.map((p) => p.key)),
    db.contractors.bulkGet(backup.contractors.map((c) => c.id)),
  ]);
  const present = new Set(localContractors.flatMap((c) => (c ? [c.id] : [])));
  // A contractor of the file not here by id, but one of whose profiles is tracked here: the same person.
  const fold = new Map<RecordId, RecordId>();
  for (const [i, p] of backup.profiles.entries()) {
    const local = localProfiles[i];
    if (
      local &&
      local.contractorId !== p.contractorId &&
      !present.has(p.contractorId) &&
      !fold.has(p.contractorId)
    )
      fold.set(p.contractorId, local.contractorId);
  }
  const owner = (id: RecordId) => fold.get(id) ?? id;
  const remap = <T extends { contractorId: RecordId }>(rows: T[]) =>
    fold.size === 0
      ? rows
      : rows.map((r) => (fold.has(r.contractorId) ? { ...r, contractorId: owner(r.contractorId) } : r));
  // A profile tracked here stays with its contractor here: a merge never moves one between people.
  const profiles = backup.profiles.map((p, i) => {
    const local = localProfiles[i];
    return local ? { ...p, contractorId: local.contractorId } : { ...p, contractorId: owner(p.contractorId) };
  });
  const incoming: Records = {
    contractors: backup.contractors.filter((c) => !fold.has(c.id)),
    profiles,
    engagements: remap(backup.engagements),
    milestones: remap(backup.milestones),
    accesses: remap(backup.accesses),
    events: remap(backup.events),
    snapshots: backup.snapshots,
  };

  const touched = new Set<RecordId>();
  const counts = {} as MergeCounts;
  const puts = {} as Records;
  const addedNames: string[] = [];
  const changedNames: string[] = [];
  for (const table of BACKUP_TABLES) {
    const rows = incoming[table] as {
      updatedAt?: number;
      contractorId?: RecordId;
      id?: string;
      key?: string;
    }[];
    const keyOf = (row: (typeof rows)[number]) => (table === 'profiles' ? row.key : row.id) as string;
    const here = (await (db[table] as Table<(typeof rows)[number], string>).bulkGet(rows.map(keyOf))) as (
      | (typeof rows)[number]
      | undefined
    )[];
    const put: typeof rows = [];
    let added = 0;
    for (const [i, row] of rows.entries()) {
      const mine = here[i];
      if (mine && (mine.updatedAt ?? 0) >= (row.updatedAt ?? 0)) continue;
      if (!mine) added++;
      put.push(row);
      const id = table === 'contractors' ? row.id : row.contractorId;
      if (id !== undefined) touched.add(id);
      if (mine?.contractorId !== undefined) touched.add(mine.contractorId);
      if (table === 'contractors') (mine ? changedNames : addedNames).push((row as Contractor).name);
    }
    (puts as Record<string, unknown[]>)[table] = put;
    counts[table] = { added, changed: put.length - added };
  }
  for (const id of fold.values()) touched.add(id);
  const names = new Map(backup.contractors.map((c) => [c.id, c.name]));
  const localNames = await db.contractors.bulkGet([...new Set(fold.values())]);
  const localName = new Map(localNames.flatMap((c) => (c ? [[c.id, c.name] as const] : [])));
  const folded = [...fold].map(([from, into]) => ({
    name: names.get(from) ?? from,
    into: localName.get(into) ?? into,
  }));
  return { counts, folded, addedNames, changedNames, puts, touched };
}

/** What merging the backup would add and change, without writing anything. */
export async function previewMerge(db: TrackRecordDb, backup: Backup): Promise<MergeResult> {
  const {
    puts: _puts,
    touched: _touched,
    ...result
  } = await db.transaction(
    'r',
    BACKUP_TABLES.map((table) => db[table]),
    () => planMerge(db, backup),
  );
  return result;
}

/**
 * Merges a backup into the records here, all or nothing: a record whose id (a profile: its key) is new is
 * added; one known here is replaced only when the backup's copy is newer (`updatedAt`); a contractor of
 * the file tracked here under another record (by a profile key) is folded into the one here, their records
 * following. Nothing is deleted, and the settings here stay. Summaries and roster rows of every
 * contractor touched are recomputed in one pass.
 */
export async function mergeBackup(
  db: TrackRecordDb,
  backup: Backup,
  onProgress?: Progress,
): Promise<MergeResult> {
  return writeTx(db, async () => {
    const { puts, touched, ...result } = await planMerge(db, backup);
    const progress = {
      done: 0,
      total: BACKUP_TABLES.reduce((n, t) => n + puts[t].length, 0),
      report: onProgress,
      phase: 'Merging your records',
    };
    await writeRows(
      BACKUP_TABLES.map((table): TableRows => [db[table] as never, puts[table]]),
      'put',
      progress,
    );
    if (touched.size > 0) {
      const fresh = summariesOf(await recordsOf(db, [...touched]));
      await db.contractors.bulkPut(fresh.contractors);
      await db.rosterRows.bulkPut(fresh.rows);
    }
    return result;
  });
}
