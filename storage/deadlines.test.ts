import type { DBCore } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../scoring/dates';
import { createContractor } from './contractors';
import { TrackRecordDb } from './db';
import { loadDeadlines } from './deadlines';
import { addMilestone, createEngagement } from './engagements';

const NOW = Date.UTC(2025, 3, 10, 12);

let db: TrackRecordDb;
/** Contractor records read from the database, by any request. */
let contractorsRead = 0;
beforeEach(() => {
  db = new TrackRecordDb(`test-${crypto.randomUUID()}`);
  contractorsRead = 0;
  db.use({
    stack: 'dbcore',
    name: 'count-contractors-read',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'contractors') return table;
        return {
          ...table,
          get: async (req) => {
            const row = await table.get(req);
            if (row !== undefined) contractorsRead++;
            return row;
          },
          getMany: async (req) => {
            const rows = await table.getMany(req);
            contractorsRead += rows.filter((r) => r !== undefined).length;
            return rows;
          },
          query: async (req) => {
            const res = await table.query(req);
            contractorsRead += res.result.length;
            return res;
          },
          openCursor: () => Promise.reject(new Error('a cursor over the contractors')),
        };
      },
    }),
  });
});
afterEach(async () => {
  await db.delete();
});

describe('the deadlines at scale', () => {
  it('reads the contractors of open milestones only, not the whole roster', async () => {
    for (let n = 0; n < 30; n++) await createContractor(db, { name: `Bystander ${n}` }, NOW - DAY_MS);
    const dana = await createContractor(db, { name: 'Dana' }, NOW - DAY_MS);
    const shop = await createEngagement(
      db,
      { contractorId: dana, title: 'Shop', startedAt: NOW - DAY_MS },
      NOW - DAY_MS,
    );
    for (const title of ['Design', 'Build'])
      await addMilestone(db, { engagementId: shop, title, amount: 1, dueAt: NOW + DAY_MS }, NOW - DAY_MS);
    contractorsRead = 0;

    const deadlines = await loadDeadlines(db);
    expect(deadlines.map((d) => [d.milestone.title, d.contractor.name])).toEqual([
      ['Design', 'Dana'],
      ['Build', 'Dana'],
    ]);
    expect(contractorsRead).toBe(1); // Dana, once for her two milestones; none of the 30 others
  });
});
