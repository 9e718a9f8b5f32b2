import { derivedId, type RecordId } from '../model/ids';
import type {
  Access,
  Contractor,
  Engagement,
  HistoryEvent,
  MetricSnapshot,
  Milestone,
  ProfileRecord,
} from '../model/records';

// Before schema 3, records were numbered by each browser's IndexedDB (1, 2, 3…). Both the database
// upgrade and the import of a backup written then go through `renumber`: every record gets a global id
// and every reference follows it. An old record always maps to the same id for the same `seed` (the
// backup's export time; a random one for a database upgrade), so merging one old backup twice adds
// nothing the second time.

type Row = Record<string, unknown>;

/** The tables of schema 1–2, as read from the database or from a backup file of that time. */
export type NumberedTables = {
  contractors: Row[];
  profiles: Row[];
  events: Row[];
  engagements: Row[];
  milestones: Row[];
  accesses: Row[];
  snapshots: Row[];
};

/**
 * What `renumber` yields: the records of today's shapes. (A record of schema 2 is valid today but for its
 * ids, which `renumber` replaces; a backup's records are validated again after it.)
 */
export type RenumberedTables = {
  contractors: Contractor[];
  profiles: ProfileRecord[];
  events: HistoryEvent[];
  engagements: Engagement[];
  milestones: Milestone[];
  accesses: Access[];
  snapshots: MetricSnapshot[];
};

/** Where each record's time comes from (its id sorts by it). */
const TIME_OF: Record<keyof NumberedTables, string[]> = {
  contractors: ['createdAt'],
  profiles: [],
  events: ['at'],
  engagements: ['startedAt'],
  milestones: ['dueAt'],
  accesses: ['grantedAt'],
  snapshots: ['at'],
};

/**
 * The same records with global ids, references followed, `updatedAt` set to `now`, the contractor's old
 * number kept as `legacyId` (links of the old form still open them) and snapshots without their
 * contractorId. A reference to a record that is not there is an error naming the record and field — or,
 * with `keepDangling` (a database upgrade, which must not lose anything), it is renumbered all the same.
 */
export function renumber(
  tables: NumberedTables,
  seed: string,
  now: number,
  { keepDangling = false } = {},
): RenumberedTables {
  const problems: string[] = [];
  const maps = new Map<string, Map<number, RecordId>>();
  for (const table of ['contractors', 'events', 'engagements', 'milestones', 'accesses'] as const) {
    const map = new Map<number, RecordId>();
    for (const [i, row] of tables[table].entries()) {
      const old = row.id;
      if (typeof old !== 'number')
        problems.push(`${table}.${i}.id: expected a number in a backup of this version`);
      else map.set(old, derivedId(timeOf(table, row, now), `${seed}/${table}/${old}`));
    }
    maps.set(table, map);
  }
  const follow = (table: string, i: number, row: Row, field: string, target: string, optional = true) => {
    const value = row[field];
    if (value === undefined && optional) return undefined;
    const id = typeof value === 'number' ? maps.get(target)?.get(value) : undefined;
    if (id !== undefined) return id;
    if (keepDangling && typeof value === 'number') return derivedId(0, `${seed}/${target}/${value}`);
    problems.push(`${table}.${i}.${field}: no ${target.slice(0, -1)} #${String(value)} in the file`);
    return undefined;
  };
  const own = (table: keyof NumberedTables, row: Row) => maps.get(table)?.get(row.id as number);

  const result = {
    contractors: tables.contractors.map((c) => ({
      ...c,
      id: own('contractors', c),
      legacyId: c.id,
      updatedAt: now,
    })),
    profiles: tables.profiles.map((p, i) => ({
      ...p,
      contractorId: follow('profiles', i, p, 'contractorId', 'contractors', false),
      updatedAt: now,
    })),
    events: tables.events.map((e, i) => ({
      ...e,
      id: own('events', e),
      contractorId: follow('events', i, e, 'contractorId', 'contractors', false),
      engagementId: follow('events', i, e, 'engagementId', 'engagements'),
      milestoneId: follow('events', i, e, 'milestoneId', 'milestones'),
      ...('accessId' in e && { accessId: follow('events', i, e, 'accessId', 'accesses', false) }),
      updatedAt: now,
    })),
    engagements: tables.engagements.map((g, i) => ({
      ...g,
      id: own('engagements', g),
      contractorId: follow('engagements', i, g, 'contractorId', 'contractors', false),
      updatedAt: now,
    })),
    milestones: tables.milestones.map((m, i) => ({
      ...m,
      id: own('milestones', m),
      engagementId: follow('milestones', i, m, 'engagementId', 'engagements', false),
      contractorId: follow('milestones', i, m, 'contractorId', 'contractors', false),
      updatedAt: now,
    })),
    accesses: tables.accesses.map((a, i) => ({
      ...a,
      id: own('accesses', a),
      contractorId: follow('accesses', i, a, 'contractorId', 'contractors', false),
      engagementId: follow('accesses', i, a, 'engagementId', 'engagements'),
      updatedAt: now,
    })),
    snapshots: tables.snapshots.map(({ contractorId: _, ...s }) => ({
      ...s,
      id: derivedId(timeOf('snapshots', s, now), `${seed}/snapshots/${String(s.id)}`),
    })),
  };
  if (problems.length > 0) throw new Error(summarise(problems));
  return result as unknown as RenumberedTables;
}

function timeOf(table: keyof NumberedTables, row: Row, fallback: number): number {
  for (const field of TIME_OF[table]) {
    const value = row[field];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return fallback;
}

/** The first few problems, and how many more there are. */
export function summarise(problems: string[]): string {
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
  return problems.slice(0, 5).join('; ') + more;
}
