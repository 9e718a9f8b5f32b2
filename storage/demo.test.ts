import { afterEach, describe, expect, it } from 'vitest';
import { interceptWrites } from '../tests/fixtures/storage/intercept-writes';
import { TrackRecordDb } from './db';
import { seedDemo } from './demo';

const NOW = Date.UTC(2026, 10, 27, 12);
const opened: TrackRecordDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A database whose `failAt`-th write fails, as a page closed mid-seed or a full disk would make it. */
function failingAt(failAt: number) {
  const db = new TrackRecordDb(`demo-${crypto.randomUUID()}`);
  opened.push(db);
  let writes = 0;
  interceptWrites(db, 'fail-a-write', (req, write) =>
    ++writes === failAt ? Promise.reject(new Error('interrupted')) : write(req),
  );
  return db;
}

describe('the demo data', () => {
  it('is written whole or not at all', async () => {
    const whole = failingAt(Number.POSITIVE_INFINITY);
    await seedDemo(whole, NOW);
    const counts = async (db: TrackRecordDb) =>
      Promise.all([db.contractors.count(), db.events.count(), db.profiles.count()]);
    const [contractors, events] = await counts(whole);
    expect(contractors).toBe(3);
    expect(events).toBeGreaterThan(5);
    for (const failAt of [2, 10, 25]) {
      const db = failingAt(failAt);
      await expect(seedDemo(db, NOW)).rejects.toThrow('interrupted');
      expect(await counts(db), `failing at write ${failAt}`).toEqual([0, 0, 0]);
    }
  });
});
