import type { RecordId } from '../model/ids';
import type { Contractor, ProfileRecord } from '../model/records';
import { buildRosterRow, type RosterRow } from '../scoring/roster-row';
import { buildSummary, type History, historiesByContractor } from '../scoring/summary';
import type { StoredContractor, TrackRecordDb } from './db';

/** Whole tables, as a backup or an upgrade holds them. */
export type Tables = History & { contractors: readonly Contractor[]; profiles: readonly ProfileRecord[] };

function groupBy<T>(rows: readonly T[], key: (row: T) => RecordId): (id: RecordId) => T[] {
  const map = new Map<RecordId, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return (id) => map.get(id) ?? [];
}

/**
 * Every contractor with their summary, and their roster rows, computed in one pass over each table (an
 * import, a merge, a schema upgrade): never a read per contractor.
 */
export function summariesOf(tables: Tables): { contractors: StoredContractor[]; rows: RosterRow[] } {
  const histories = historiesByContractor(tables);
  const profilesOf = groupBy(tables.profiles, (p) => p.contractorId);
  const contractors: StoredContractor[] = [];
  const rows: RosterRow[] = [];
  for (const c of tables.contractors) {
    const { summary: _old, ...plain } = c as StoredContractor;
    const history = histories(c.id);
    const summary = buildSummary(plain, history);
    contractors.push({ ...plain, summary });
    rows.push(buildRosterRow(plain, summary, history, profilesOf(c.id)));
  }
  return { contractors, rows };
}

/** The roster rows of whole tables (see `summariesOf`). */
export function rosterRowsOf(tables: Tables): RosterRow[] {
  return summariesOf(tables).rows;
}

/**
 * Rebuilds every roster row when they do not match the contractors one for one (a database written by
 * code that skipped them): the roster heals itself rather than missing people. Returns whether it did.
 */
export async function ensureRosterRows(db: TrackRecordDb): Promise<boolean> {
  const [contractors, rows] = await Promise.all([db.contractors.count(), db.rosterRows.count()]);
  if (contractors === rows || db.readOnly) return false;
  await db.transaction(
    'rw',
    [db.contractors, db.profiles, db.events, db.engagements, db.milestones, db.accesses, db.rosterRows],
    async () => {
      const [contractors, profiles, events, engagements, milestones, accesses] = await Promise.all([
        db.contractors.toArray(),
        db.profiles.toArray(),
        db.events.toArray(),
        db.engagements.toArray(),
        db.milestones.toArray(),
        db.accesses.toArray(),
      ]);
      await db.rosterRows.clear();
      await db.rosterRows.bulkAdd(
        rosterRowsOf({ contractors, profiles, events, engagements, milestones, accesses }),
      );
    },
  );
  return true;
}
