import type { Table } from 'dexie';
import type { RecordId } from '../model/ids';
import {
  Access,
  Contractor,
  Engagement,
  HistoryEvent,
  MetricSnapshot,
  Milestone,
  ProfileRecord,
} from '../model/records';
import { Settings } from '../model/settings';
import { ValidationError } from '../model/validation';
import { z } from '../model/zod';
import { buildSummary, historiesByContractor } from '../scoring/summary';
import type { StoredContractor, TrackRecordDb } from './db';
import { type NumberedTables, renumber, summarise } from './renumber';
import { refreshSummary } from './summary';
import { allTables, writeTx } from './tx';

const FORMAT = 'track-record-backup';

/**
 * The backup format's version, which says how records are identified:
 * 1–2. numbered by the browser that wrote them (schema 1–2); mapped to global ids on import (renumber.ts);
 * 3. global ids (model/ids.ts), so a backup merges into any browser's records by id alone.
 */
export const BACKUP_VERSION = 3;

/**
 * A whole database as a file. Summaries are left out: they are derived, and recomputed on import, so a
 * hand-edited file cannot carry a verdict its history does not support.
 */
export const Backup = z.object({
  format: z.literal(FORMAT, 'this is not a Track Record backup'),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.number().int().nonnegative(),
  contractors: z.array(Contractor),
  profiles: z.array(ProfileRecord),
  events: z.array(HistoryEvent),
  engagements: z.array(Engagement),
  milestones: z.array(Milestone),
  accesses: z.array(Access),
  snapshots: z.array(MetricSnapshot),
  settings: Settings.optional(),
});
export type Backup = z.infer<typeof Backup>;

/** What every backup starts with, whatever its version. */
const Envelope = z.object({
  format: z.literal(FORMAT, 'this is not a Track Record backup'),
  version: z
    .number()
    .int()
    .min(1)
    .max(BACKUP_VERSION, 'this backup comes from a newer version of Track Record: update the extension'),
  exportedAt: z.number().int().nonnegative(),
});

export async function exportBackup(db: TrackRecordDb, now = Date.now()): Promise<Backup> {
  return db.transaction('r', allTables(db), async () => {
    const [contractors, profiles, events, engagements, milestones, accesses, snapshots, settings] =
      await Promise.all([
        db.contractors.toArray(),
        db.profiles.toArray(),
        db.events.toArray(),
        db.engagements.toArray(),
        db.milestones.toArray(),
        db.accesses.toArray(),
        db.snapshots.toArray(),
        db.settings.get('settings'),
      ]);
    const { id: _id, ...plainSettings } = settings ?? { id: 'settings' };
    return {
      format: FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now,
      contractors: contractors.map(({ summary: _summary, ...c }) => c),
      profiles,
      events,
      engagements,
      milestones,
      accesses,
      snapshots,
      settings: settings ? (plainSettings as Settings) : undefined,
    };
  });
}

/** Every record must point at records the file holds: a dangling id would be lost data later. */
function checkReferences(b: Backup): void {
  const ids = <T>(rows: T[], id: (row: T) => string) => new Set(rows.map(id));
  const contractors = ids(b.contractors, (c) => c.id);
  const engagements = ids(b.engagements, (e) => e.id);
  const milestones = ids(b.milestones, (m) => m.id);
  const accesses = ids(b.accesses, (a) => a.id);
  const profiles = ids(b.profiles, (p) => p.key);
  const problems: string[] = [];
  const owned = {
    profiles: b.profiles,
    events: b.events,
    engagements: b.engagements,
    milestones: b.milestones,
    accesses: b.accesses,
  };
  for (const [table, rows] of Object.entries(owned)) {
    for (const [i, row] of rows.entries()) {
      if (!contractors.has(row.contractorId))
        problems.push(`${table}.${i}.contractorId: no contractor ${row.contractorId} in the file`);
    }
  }
  for (const [i, m] of b.milestones.entries()) {
    if (!engagements.has(m.engagementId))
      problems.push(`milestones.${i}.engagementId: no engagement ${m.engagementId}`);
  }
  for (const [i, e] of b.events.entries()) {
    if (e.milestoneId !== undefined && !milestones.has(e.milestoneId))
      problems.push(`events.${i}.milestoneId: no milestone ${e.milestoneId}`);
    if ('accessId' in e && !accesses.has(e.accessId))
      problems.push(`events.${i}.accessId: no access ${e.accessId}`);
  }
  for (const [i, s] of b.snapshots.entries()) {
    if (!profiles.has(s.profileKey)) problems.push(`snapshots.${i}.profileKey: no profile ${s.profileKey}`);
  }
  for (const [table, rows] of Object.entries({
    contractors: b.contractors,
    snapshots: b.snapshots,
    ...owned,
  })) {
    const keys = rows.map((row) => ('key' in row ? row.key : row.id));
    if (keys.length !== new Set(keys).size) problems.push(`${table}: the same id appears twice`);
  }
  if (problems.length > 0) throw new Error(summarise(problems));
}

/**
 * Reads a backup file's text: the whole file is validated before anything is written. A backup of an
 * earlier version has its records numbered by the browser that wrote it: they get global ids here.
 */
export function parseBackup(text: string): Backup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('This file is not JSON, so it is not a Track Record backup.');
  }
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) throw new ValidationError(envelope.error.issues);
  const { version, exportedAt } = envelope.data;
  const current =
    version === BACKUP_VERSION ? json : withGlobalIds(json as Partial<NumberedTables>, exportedAt);
  const result = Backup.safeParse(current);
  if (!result.success) throw new ValidationError(result.error.issues);
  checkReferences(result.data);
  return result.data;
}

/**
 * A backup of version 1–2 as version 3: its numbers mapped to global ids (see renumber.ts). Its records
 * changed last when it was exported, at the latest.
 */
function withGlobalIds(old: Partial<NumberedTables> & object, exportedAt: number): unknown {
  const table = (name: keyof NumberedTables) => {
    const rows = old[name] ?? [];
    if (!Array.isArray(rows)) throw new Error(`${name}: expected a list`);
    return rows as Record<string, unknown>[];
  };
  const tables = renumber(
    {
      contractors: table('contractors'),
      profiles: table('profiles'),
      events: table('events'),
      engagements: table('engagements'),
      milestones: table('milestones'),
      accesses: table('accesses'),
      snapshots: table('snapshots'),
    },
    `backup-${exportedAt}`,
    exportedAt,
  );
  return { ...old, ...tables, version: BACKUP_VERSION };
}

/** The contractors of a backup with their summaries, computed in one pass over its history. */
function withSummaries(backup: Backup): StoredContractor[] {
  const histories = historiesByContractor(backup);
  return backup.contractors.map((c) => ({ ...c, summary: buildSummary(c, histories(c.id)) }));
}

/**
 * Replaces everything with the backup's content, all or nothing: in one transaction, with every summary
 * recomputed. Returns how many contractors it holds.
 */
export async function importBackup(db: TrackRecordDb, backup: Backup): Promise<number> {
  const contractors = withSummaries(backup);
  return writeTx(db, async () => {
    await Promise.all(allTables(db).map((table) => table.clear()));
    await db.contractors.bulkAdd(contractors);
    await db.profiles.bulkAdd(backup.profiles);
    await db.events.bulkAdd(backup.events);
    await db.engagements.bulkAdd(backup.engagements);
    await db.milestones.bulkAdd(backup.milestones);
    await db.accesses.bulkAdd(backup.accesses);
    await db.snapshots.bulkAdd(backup.snapshots);
    if (backup.settings) await db.settings.put({ ...backup.settings, id: 'settings' });
    return contractors.length;
  });
}

/** What a merge added and changed, per table. */
export type MergeCounts = Record<
  'contractors' | 'profiles' | 'events' | 'engagements' | 'milestones' | 'accesses' | 'snapshots',
  { added: number; changed: number }
>;

/**
 * Merges a backup into the records here, all or nothing: a record whose id (a profile: its key) is new is
 * added; one known here is replaced only when the backup's copy is newer (`updatedAt`); nothing is
 * deleted, and the settings here stay. Summaries of every contractor touched are recomputed.
 */
export async function mergeBackup(db: TrackRecordDb, backup: Backup): Promise<MergeCounts> {
  return writeTx(db, async () => {
    const touched = new Set<RecordId>();
    const merge = async <T extends I & { updatedAt?: number }, I>(
      table: Table<NoInfer<T>, string, I>,
      rows: T[],
      keyOf: (row: T) => string,
      ownerOf: (row: T) => RecordId | undefined,
    ) => {
      const here = await table.bulkGet(rows.map(keyOf));
      const put: T[] = [];
      let added = 0;
      for (const [i, row] of rows.entries()) {
        const mine = here[i];
        if (mine && (mine.updatedAt ?? 0) >= (row.updatedAt ?? 0)) continue;
        if (!mine) added++;
        put.push(row);
        const owner = ownerOf(row);
        if (owner !== undefined) touched.add(owner);
        const previousOwner = mine && ownerOf(mine);
        if (previousOwner !== undefined) touched.add(previousOwner);
      }
      await table.bulkPut(put);
      return { added, changed: put.length - added };
    };
    const byId = (row: { id: string }) => row.id;
    const owner = (row: { contractorId: RecordId }) => row.contractorId;
    const contractors = await merge(db.contractors, withSummaries(backup), byId, byId);
    const counts: MergeCounts = {
      contractors,
      profiles: await merge(db.profiles, backup.profiles, (p) => p.key, owner),
      events: await merge(db.events, backup.events, byId, owner),
      engagements: await merge(db.engagements, backup.engagements, byId, owner),
      milestones: await merge(db.milestones, backup.milestones, byId, owner),
      accesses: await merge(db.accesses, backup.accesses, byId, owner),
      snapshots: await merge(db.snapshots, backup.snapshots, byId, () => undefined),
    };
    for (const id of touched) if (await db.contractors.get(id)) await refreshSummary(db, id);
    return counts;
  });
}
