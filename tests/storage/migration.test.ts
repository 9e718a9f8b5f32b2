import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { addNote, loadViewByKey } from '../../storage/contractors';
import { ReadOnlyDatabaseError, SCHEMA_VERSION, TrackRecordDb } from '../../storage/db';
import { recordDelivery } from '../../storage/history';
import { verdictsForKeys } from '../../storage/roster';
import { V1_STORES, v1Contractors, v1Events, v1Profiles } from '../fixtures/storage/v1';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function fillV1(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.open();
  await v1.table('contractors').bulkAdd(v1Contractors);
  await v1.table('profiles').bulkAdd(v1Profiles);
  await v1.table('events').bulkAdd(v1Events);
  v1.close();
}

describe('version 1 → 2', () => {
  it('keeps every contractor, profile and note, and gives each contractor a summary', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    await fillV1(name);
    const db = new TrackRecordDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.readOnly).toBe(false);

    const contractors = await db.contractors.orderBy('id').toArray();
    expect(contractors.map(({ summary: _s, ...c }) => c)).toEqual(
      v1Contractors.map((c) => ({ ...c, skills: [], tags: [], status: 'active' })),
    );
    expect(
      contractors.map((c) => [c.summary?.verdict, c.summary?.counts.notes, c.summary?.lastActivityAt]),
    ).toEqual([
      ['new', 2, 1_700_000_900_000],
      ['new', 1, 1_700_000_800_000],
      ['new', 0, undefined],
    ]);
    expect(await db.profiles.orderBy('key').toArray()).toEqual(
      [...v1Profiles].sort((a, b) => a.key.localeCompare(b.key)),
    );
    expect(await db.events.orderBy('id').toArray()).toEqual(v1Events);

    // the surfaces read and write the migrated data as usual
    const rachel = await loadViewByKey(db, 'upwork:~011cfba3bd0cf44f8d');
    expect(rachel?.events.map((e) => e.id)).toEqual([2, 1]);
    expect((await loadViewByKey(db, 'fiverr:piuccio_dev'))?.profiles).toHaveLength(2);
    await recordDelivery(db, { contractorId: 1, at: 1_700_003_000_000 }, 1_700_003_000_000);
    expect(await verdictsForKeys(db, ['upwork:~011cfba3bd0cf44f8d'], 1_700_003_000_000)).toEqual({
      'upwork:~011cfba3bd0cf44f8d': 'ok',
    });
  });
});

describe('a database newer than the code', () => {
  it('opens read-only with a clear message and refuses every write', async () => {
    const name = `newer-${crypto.randomUUID()}`;
    const future = new Dexie(name);
    future.version(3).stores({
      contractors: '++id, name, *skills, status, summary.verdict, summary.nextChangeAt, nickname',
      profiles: 'key, contractorId',
      events: '++id, contractorId, [contractorId+at], [contractorId+type], milestoneId',
      engagements: '++id, contractorId, status, skill',
      milestones: '++id, engagementId, contractorId',
      accesses: '++id, contractorId, engagementId',
      snapshots: '++id, [profileKey+at], contractorId',
      settings: 'id',
      invoices: '++id, contractorId',
    });
    await future.open();
    await future.table('contractors').add({ ...v1Contractors[0], skills: [], tags: [], status: 'active' });
    await future.table('profiles').add(v1Profiles[0]);
    future.close();

    const db = new TrackRecordDb(name);
    opened.push(db);
    const view = await loadViewByKey(db, 'upwork:~011cfba3bd0cf44f8d');
    expect(view?.contractor.name).toBe('Rachel W.');
    expect(db.readOnly).toBe(true);
    expect(db.newerSchema).toMatchObject({ installed: 3, supported: SCHEMA_VERSION });
    expect(db.newerSchema?.message).toMatch(/newer version of the extension.*update the extension/);

    await expect(addNote(db, 1, 'hello')).rejects.toThrow(ReadOnlyDatabaseError);
    await expect(
      db.contractors.put({ id: 9, name: 'X', createdAt: 0, skills: [], tags: [], status: 'active' }),
    ).rejects.toThrow(/newer version/);
    expect(await db.contractors.count()).toBe(1);
    expect(db.backendDB().version).toBe(30); // nothing upgraded or patched
  });
});
