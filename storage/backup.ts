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
import { SCHEMA_VERSION, type TrackRecordDb } from './db';
import { refreshSummary } from './summary';
import { allTables, writeTx } from './tx';

const FORMAT = 'track-record-backup';

/**
 * A whole database as a file. Summaries are left out: they are derived, and recomputed on import, so a
 * hand-edited file cannot carry a verdict its history does not support.
 */
export const Backup = z.object({
  format: z.literal(FORMAT, 'this is not a Track Record backup'),
  version: z
    .number()
    .int()
    .min(1)
    .max(SCHEMA_VERSION, 'this backup comes from a newer version of Track Record'),
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
      version: SCHEMA_VERSION,
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
  const ids = <T>(rows: T[], id: (row: T) => number | string) => new Set(rows.map(id));
  const contractors = ids(b.contractors, (c) => c.id);
  const engagements = ids(b.engagements, (e) => e.id);
  const milestones = ids(b.milestones, (m) => m.id);
  const accesses = ids(b.accesses, (a) => a.id);
  const problems: string[] = [];
  const owned = {
    profiles: b.profiles,
    events: b.events,
    engagements: b.engagements,
    milestones: b.milestones,
  };
  for (const [table, rows] of Object.entries({ ...owned, accesses: b.accesses, snapshots: b.snapshots })) {
    for (const [i, row] of rows.entries()) {
      if (!contractors.has(row.contractorId))
        problems.push(`${table}.${i}.contractorId: no contractor #${row.contractorId} in the file`);
    }
  }
  for (const [i, m] of b.milestones.entries()) {
    if (!engagements.has(m.engagementId))
      problems.push(`milestones.${i}.engagementId: no engagement #${m.engagementId}`);
  }
  for (const [i, e] of b.events.entries()) {
    if (e.milestoneId !== undefined && !milestones.has(e.milestoneId))
      problems.push(`events.${i}.milestoneId: no milestone #${e.milestoneId}`);
    if ('accessId' in e && !accesses.has(e.accessId))
      problems.push(`events.${i}.accessId: no access #${e.accessId}`);
  }
  for (const [table, rows] of Object.entries({ contractors: b.contractors, ...owned })) {
    const keys = rows.map((row) => ('key' in row ? row.key : row.id));
    if (keys.length !== new Set(keys).size) problems.push(`${table}: the same id appears twice`);
  }
  if (problems.length > 0) {
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    throw new Error(problems.slice(0, 5).join('; ') + more);
  }
}

/** Reads a backup file's text: the whole file is validated before anything is written. */
export function parseBackup(text: string): Backup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('This file is not JSON, so it is not a Track Record backup.');
  }
  const result = Backup.safeParse(json);
  if (!result.success) throw new ValidationError(result.error.issues);
  checkReferences(result.data);
  return result.data;
}

/**
 * Replaces everything with the backup's content, all or nothing: in one transaction, with every summary
 * recomputed. Returns how many contractors it holds.
 */
export async function importBackup(db: TrackRecordDb, backup: Backup, now = Date.now()): Promise<number> {
  return writeTx(db, async () => {
    await Promise.all(allTables(db).map((table) => table.clear()));
    await db.contractors.bulkAdd(backup.contractors);
    await db.profiles.bulkAdd(backup.profiles);
    await db.events.bulkAdd(backup.events);
    await db.engagements.bulkAdd(backup.engagements);
    await db.milestones.bulkAdd(backup.milestones);
    await db.accesses.bulkAdd(backup.accesses);
    await db.snapshots.bulkAdd(backup.snapshots);
    if (backup.settings) await db.settings.put({ ...backup.settings, id: 'settings' });
    for (const c of backup.contractors) await refreshSummary(db, c.id, now);
    return backup.contractors.length;
  });
}
