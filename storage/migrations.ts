import type { Transaction } from 'dexie';
import { buildSummary, historiesByContractor } from '../scoring/summary';
import { type NumberedTables, renumber } from './renumber';
import { rosterRowsOf } from './rows';

/**
 * Version 1 → 2: contractors gain skills, tags and a status (active). Profiles and notes keep their v1
 * shape, which is valid v2. (The summary that version 2 also stored is computed by version 3's upgrade,
 * which rewrites every contractor anyway.)
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('contractors')
    .toCollection()
    .modify((c: Record<string, unknown>) => {
      c.skills ??= [];
      c.tags ??= [];
      c.status ??= 'active';
    });
}

/** The tables whose records were numbered before version 3. */
export const RENUMBERED_TABLES = [
  'contractors',
  'events',
  'engagements',
  'milestones',
  'accesses',
  'snapshots',
] as const;

/**
 * Version 2 → 3: every record gets a global id (references follow) into a temporary table `<table>_v3`;
 * profiles point at their contractor's new id; every contractor's summary is recomputed, since its facts
 * name events and milestones by id.
 */
export async function renumberToV3(tx: Transaction): Promise<void> {
  const now = Date.now();
  const read = (table: string) => tx.table(table).toArray() as Promise<Record<string, unknown>[]>;
  const tables: NumberedTables = {
    contractors: (await read('contractors')).map(({ summary: _, ...c }) => c),
    profiles: await read('profiles'),
    events: await read('events'),
    engagements: await read('engagements'),
    milestones: await read('milestones'),
    accesses: await read('accesses'),
    snapshots: await read('snapshots'),
  };
  const next = renumber(tables, crypto.randomUUID(), now, { keepDangling: true });
  const histories = historiesByContractor(next);
  await tx
    .table('contractors_v3')
    .bulkAdd(next.contractors.map((c) => ({ ...c, summary: buildSummary(c, histories(c.id)) })));
  await tx.table('profiles').bulkPut(next.profiles);
  for (const table of RENUMBERED_TABLES.slice(1)) await tx.table(`${table}_v3`).bulkAdd(next[table]);
}

/** Version 3 → 4: the tables back under their own names, keyed by their new ids. */
export async function copyBackFromV3(tx: Transaction): Promise<void> {
  for (const table of RENUMBERED_TABLES) {
    await tx.table(table).bulkAdd(await tx.table(`${table}_v3`).toArray());
  }
}

/** Version 4 → 5: every contractor's roster row, from the tables as they are. */
export async function buildRosterRows(tx: Transaction): Promise<void> {
  const [contractors, profiles, events, engagements, milestones, accesses] = await Promise.all(
    ['contractors', 'profiles', 'events', 'engagements', 'milestones', 'accesses'].map((t) =>
      tx.table(t).toArray(),
    ),
  );
  await tx
    .table('rosterRows')
    .bulkAdd(
      rosterRowsOf({ contractors, profiles, events, engagements, milestones, accesses } as Parameters<
        typeof rosterRowsOf
      >[0]),
    );
}
