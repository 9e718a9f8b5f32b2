import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { derivedId } from '../model/ids';
import { interceptWrites } from '../tests/fixtures/storage/intercept-writes';
import type { Backup } from './backup';
import { TrackRecordDb } from './db';
import { CHUNKS_IN_FLIGHT, importBackup, mergeBackup } from './restore';

const NOW = Date.UTC(2026, 11, 1);

let db: TrackRecordDb;
/** Write requests under way at once, at most, and rows written, through any table. */
let inFlight = 0;
let mostInFlight = 0;
let rowsWritten = 0;
beforeEach(() => {
  db = new TrackRecordDb(`restore-${crypto.randomUUID()}`);
  inFlight = mostInFlight = rowsWritten = 0;
  interceptWrites(db, 'count-writes-in-flight', async (req, write) => {
    if (req.type !== 'add' && req.type !== 'put') return write(req);
    mostInFlight = Math.max(mostInFlight, ++inFlight);
    try {
      const result = await write(req);
      rowsWritten += req.values.length;
      return result;
    } finally {
      inFlight--;
    }
  });
});
afterEach(async () => {
  await db.delete();
});

/** One contractor with `events` notes: more rows than a few chunks of 10,000. */
function bigBackup(events: number): Backup {
  const contractorId = derivedId(NOW - 1000, 'c');
  return {
    format: 'track-record-backup',
    version: 3,
    exportedAt: NOW,
    contractors: [
      {
        id: contractorId,
        name: 'Ana',
        createdAt: NOW - 1000,
        skills: [],
        tags: [],
        status: 'active',
        updatedAt: NOW,
      },
    ],
    profiles: [],
    events: Array.from({ length: events }, (_, n) => ({
      id: derivedId(NOW - n, `e${n}`),
      contractorId,
      at: NOW - n,
      updatedAt: NOW - n,
      type: 'note' as const,
      text: `Note ${n}`,
    })),
    engagements: [],
    milestones: [],
    accesses: [],
    snapshots: [],
  };
}

describe('writing a big backup', () => {
  it('keeps a few chunks in flight at a time, never the whole file, and writes every row', async () => {
    const reports: number[] = [];
    await importBackup(db, bigBackup(65_000), (_phase, done) => reports.push(done));
    // 65,000 events are 7 chunks, and a contractor and their roster row 2 more: 9 requests in all.
    expect(mostInFlight).toBe(CHUNKS_IN_FLIGHT);
    expect(rowsWritten).toBe(65_002);
    expect(await db.events.count()).toBe(65_000);
    expect(reports).toHaveLength(9);
    expect(reports.at(-1)).toBe(65_002);
    expect([...reports].sort((a, b) => a - b)).toEqual(reports);
  });

  it('merges every row through the same writer', async () => {
    await mergeBackup(db, bigBackup(2_000));
    expect(mostInFlight).toBeLessThanOrEqual(CHUNKS_IN_FLIGHT);
    expect(await db.events.count()).toBe(2_000);
  });
});
