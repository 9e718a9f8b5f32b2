import { type DBCoreMutateRequest, Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { overlayActions } from '../../contexts/background/overlay-actions';
import { newId } from '../../model/ids';
import type { SeenProfile } from '../../model/page';
import { DAY_MS } from '../../scoring/dates';
import { parseBackup, recordCount } from '../../storage/backup';
import { badgesForKeys } from '../../storage/badges';
import { deleteContractors } from '../../storage/bundles';
import { addNote, loadViewByKey, recordPageSeen, trackProfile } from '../../storage/contractors';
import { isQuotaError, SCHEMA_VERSION, StorageFullError, TrackRecordDb } from '../../storage/db';
import { DEMO_KEY, seedDemo } from '../../storage/demo';
import { deleteEvent, recordDelivery } from '../../storage/history';
import { importBackup, mergeBackup } from '../../storage/restore';
import { updateSettings } from '../../storage/settings';
import { generateRoster } from '../fixtures/roster/generate';
import { interceptWrites } from '../fixtures/storage/intercept-writes';
import { V1_STORES, v1Contractors, v1Events, v1Profiles } from '../fixtures/storage/v1';

// Faults where the browser adds nothing to what fake-indexeddb shows: a write refused for want of space
// (injected here; tests/e2e/storage-full.e2e.ts makes real Chromium refuse), an import that fails part-way,
// and requests that arrive while the database is still opening.

const NOW = Date.UTC(2026, 5, 1, 12);

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** Every record of every table of the schema, in key order: two dumps are equal when nothing changed. */
async function dump(db: TrackRecordDb) {
  return Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()])));
}

/**
 * A database whose writes fail as IndexedDB fails them when it is out of space, once `full` is set:
 * every request that adds or puts records is refused with a QuotaExceededError (deleting needs no
 * space, and the browser allows it). Chromium refuses as the transaction commits instead, which aborts
 * it with that error: the first test holds that shape to the same check, and the end-to-end test shows it.
 */
function databaseThatFills() {
  const db = new TrackRecordDb(`full-${crypto.randomUUID()}`);
  opened.push(db);
  const state = { full: false };
  interceptWrites(db, 'out-of-space', async (req, write) => {
    if (!state.full || req.type === 'delete' || req.type === 'deleteRange') return write(req);
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
  return { db, state };
}

describe('storage full', () => {
  it('knows the refusal however it is wrapped', () => {
    const quota = new DOMException('', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError(new Dexie.AbortError(quota))).toBe(true); // a transaction aborted by it
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError(new Dexie.BulkError('2 of 10 failed', { 3: quota, 7: quota }))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError())).toBe(false);
    expect(isQuotaError(new Dexie.ConstraintError('Key already exists'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });

  it('every kind of write says so in words and writes nothing; reading and deleting still work', async () => {
    const { db, state } = databaseThatFills();
    const { dana, sam } = await seedDemo(db, NOW);
    const before = await dump(db);
    state.full = true;

    const backup = parseBackup(
      JSON.stringify(generateRoster({ contractors: 20, profilesPerContractor: 1, eventsPerContractor: 3 })),
    );
    const writes: [string, () => Promise<unknown>][] = [
      ['a note', () => addNote(db, dana, 'Called about the launch', NOW)],
      ['a delivery', () => recordDelivery(db, { contractorId: dana, at: NOW, daysLate: 2 }, NOW)],
      [
        'a capture from the overlay',
        async () => {
          const actions = overlayActions({
            db,
            pageShown: async () => ({ ...(await db.profiles.get(DEMO_KEY)), key: DEMO_KEY }) as SeenProfile,
            now: () => NOW,
          });
          const answer = await actions['overlay-record'](
            {
              type: 'overlay-record',
              key: DEMO_KEY,
              input: { kind: 'on-time', at: NOW },
              requestId: newId(NOW),
            },
            1,
          );
          if ('error' in answer) throw new Error(answer.error);
        },
      ],
      ['the settings', () => updateSettings(db, { policy: 'lenient' })],
      ['an import that replaces', () => importBackup(db, backup)],
      ['an import that merges', () => mergeBackup(db, backup)],
    ];
    for (const [what, write] of writes) {
      const failed = await write().then(
        () => null,
        (e: unknown) => e,
      );
      expect(failed, what).toBeInstanceOf(Error);
      expect((failed as Error).message, what).toMatch(
        /^(Storage is full: .*nothing was changed\. Export a backup .*delete contractors you no longer need)/,
      );
      expect(await dump(db), what).toEqual(before);
    }
    // The overlay's answer carries the same words to its card.
    expect(
      await overlayActions({
        db,
        pageShown: async () => ({ key: DEMO_KEY }) as SeenProfile,
        now: () => NOW,
      })['overlay-record'](
        { type: 'overlay-record', key: DEMO_KEY, input: { kind: 'on-time', at: NOW }, requestId: newId(NOW) },
        1,
      ),
    ).toEqual({ error: expect.stringMatching(/^Storage is full: /) });

    // Reading works, and so does what the message suggests: deleting contractors frees space.
    expect((await loadViewByKey(db, DEMO_KEY, NOW))?.contractor.name).toBe('Dana Demo');
    const removed = await deleteContractors(db, [sam]);
    expect(removed.contractors.map((c) => c.name)).toEqual(['Sam Writer']);
    expect(await db.contractors.get(sam)).toBeUndefined();
    // Deleting an entry of a history rewrites that contractor's summary: it needs space, and is refused whole.
    const event = (await db.events.where({ contractorId: dana }).first())?.id as string;
    await expect(deleteEvent(db, event, NOW)).rejects.toThrow(StorageFullError);
    expect(await db.events.get(event)).toBeDefined();

    // With space again, writing works.
    state.full = false;
    await addNote(db, dana, 'Space again', NOW);
    expect((await loadViewByKey(db, DEMO_KEY, NOW))?.events.some((e) => e.text === 'Space again')).toBe(true);
  });
});

/**
 * A database whose writes fail, once armed, after `limit` rows: the request that crosses the limit writes
 * its rows up to it, then throws, and so does every request queued after it (once it has). IndexedDB
 * carries out a transaction's requests in the order they were made, so rows are counted as requested;
 * `failedAt` is how many had been written when the failure came.
 */
function databaseThatFailsAfter(limit: number) {
  const db = new TrackRecordDb(`fail-${crypto.randomUUID()}`);
  opened.push(db);
  const state = { armed: false, requested: 0, written: 0, failedAt: -1 };
  let crossing: Promise<unknown> | undefined;
  const fail = () => new Error(`forced failure after row ${limit}`);
  interceptWrites(db, 'fail-after-rows', async (req, write) => {
    if (!state.armed || (req.type !== 'add' && req.type !== 'put')) return write(req);
    const first = state.requested;
    const rows = req.values.length;
    state.requested += rows;
    if (first + rows <= limit) {
      const result = await write(req);
      state.written += rows;
      return result;
    }
    if (first < limit) {
      const room = limit - first;
      crossing = write({
        ...req,
        values: req.values.slice(0, room),
        ...(req.keys && { keys: req.keys.slice(0, room) }),
      } as DBCoreMutateRequest).then(() => {
        state.written += room;
        state.failedAt = state.written;
      });
    }
    await crossing;
    throw fail();
  });
  return { db, state };
}

describe('an import that fails part-way', () => {
  const LIMIT = 150_000;
  // 7,000 contractors, 7,000 profiles, 140,000 events, 700 engagements, 1,400 milestones; and the
  // 7,000 roster rows the import derives: 163,100 rows to write.
  const file = parseBackup(
    JSON.stringify(generateRoster({ contractors: 7_000, profilesPerContractor: 1, eventsPerContractor: 20 })),
  );

  for (const how of ['replaces', 'merges'] as const)
    it(`an import that ${how} and fails after the 150,000th row leaves nothing of the file`, async () => {
      expect(recordCount(file)).toBe(156_100);
      const { db, state } = databaseThatFailsAfter(LIMIT);
      await seedDemo(db, NOW);
      await trackProfile(
        db,
        {
          platform: 'github',
          id: 'kim',
          key: 'github:kim',
          name: 'Kim',
          url: 'https://github.com/kim',
        },
        NOW - DAY_MS,
      );
      const before = await dump(db);
      state.armed = true;
      const run = how === 'replaces' ? importBackup(db, file) : mergeBackup(db, file);
      await expect(run).rejects.toThrow(`forced failure after row ${LIMIT}`);
      // The fault came after 150,000 rows had really been written in the import's transaction.
      expect(state.failedAt).toBe(LIMIT);
      state.armed = false;
      expect(await dump(db)).toEqual(before);
    }, 180_000);
});

describe('a request that arrives before the database is open', () => {
  it('waits for the open and is answered, reads and writes alike, each write made once', async () => {
    // A database of version 1, held open by a connection that ignores the upgrade's request to close (a
    // page of the old version still open): the new code's open waits on it for as long as it stays.
    const name = `opening-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    await old.open();
    await old.table('contractors').bulkAdd(v1Contractors);
    await old.table('profiles').bulkAdd(v1Profiles);
    await old.table('events').bulkAdd(v1Events);
    old.close();
    const holder = await new Promise<IDBDatabase>((done, fail) => {
      const open = indexedDB.open(name, 10);
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = new TrackRecordDb(name);
    opened.push(db);
    const rachel = v1Profiles[0] as (typeof v1Profiles)[number];
    const seen: SeenProfile = { ...rachel, platform: 'upwork' };
    const actions = overlayActions({ db, pageShown: async () => seen, now: () => NOW });
    const settled: string[] = [];
    const track = <T>(what: string, p: Promise<T>) => p.finally(() => settled.push(what));
    // What the background is asked while it opens the database: a card badge, the page seen, a capture.
    const badge = track('badge', badgesForKeys(db, [rachel.key], NOW));
    const pageSeen = track('page-seen', recordPageSeen(db, seen, NOW));
    const capture = track(
      'capture',
      actions['overlay-record'](
        {
          type: 'overlay-record',
          key: rachel.key,
          input: { kind: 'late', at: NOW, daysLate: 2 },
          requestId: newId(NOW),
        },
        1,
      ),
    );
    await new Promise((r) => setTimeout(r, 200));
    // The open really is held: Dexie says the upgrade is blocked, and nothing has been answered.
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Upgrade .* blocked by other connection/));
    warn.mockRestore();
    expect(db.isOpen()).toBe(false);
    expect(settled).toEqual([]);

    holder.close();
    const [badges, recorded, answer] = await Promise.all([badge, pageSeen, capture]);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(recorded).toBe(true);
    expect(answer).toEqual({ eventId: expect.any(String) });
    expect(Object.keys(badges)).toEqual([rachel.key]);
    const view = await loadViewByKey(db, rachel.key, NOW);
    expect(view?.events.filter((e) => e.type === 'delivered')).toHaveLength(1);
    expect(view?.events.filter((e) => e.type === 'note')).toHaveLength(2); // from version 1, kept
    expect(view?.assessment.strikes).toBe(1);
  });
});
