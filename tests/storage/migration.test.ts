import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Fact } from '../../model/summary';
import { assess } from '../../scoring/score';
import { assessStored } from '../../scoring/summary';
import { badgesForKeys } from '../../storage/badges';
import { addNote, contractorIdFromLink, loadViewByKey } from '../../storage/contractors';
import { ReadOnlyDatabaseError, SCHEMA_VERSION, TrackRecordDb } from '../../storage/db';
import { seedDemo } from '../../storage/demo';
import { recordDelivery } from '../../storage/history';
import { readSettings } from '../../storage/settings';
import { V1_STORES, v1Contractors, v1Events, v1Profiles } from '../fixtures/storage/v1';
import { V2_STORES } from '../fixtures/storage/v2';

/** Schema 4's stores, as storage/db.ts declared them before roster rows. */
const V4_STORES = {
  contractors: 'id, legacyId',
  profiles: 'key, contractorId',
  events: 'id, contractorId, [contractorId+at]',
  engagements: 'id, contractorId',
  milestones: 'id, contractorId',
  accesses: 'id, contractorId',
  snapshots: 'id, [profileKey+at]',
  settings: 'id',
};

// A database of schema 2 as that version's own code wrote it (tests/fixtures/storage/v2-database.json:
// the demo data and more — merges, a separated profile, renegotiations, deletions, accesses, a cancel,
// snapshots, a policy — recorded through the repositories at commit 75b81bc, then read out table by table).
type Row = Record<string, unknown> & { id: number };
const V2: { writtenAt: number; tables: Record<string, Row[]> } = JSON.parse(
  readFileSync('tests/fixtures/storage/v2-database.json', 'utf8'),
);
const NOW = V2.writtenAt;
const rows = (table: string): Row[] => V2.tables[table] ?? [];

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function fill(
  name: string,
  version: number,
  stores: Record<string, string>,
  tables: Record<string, unknown[]>,
) {
  const old = new Dexie(name);
  old.version(version).stores(stores);
  await old.open();
  for (const [table, records] of Object.entries(tables)) await old.table(table).bulkAdd(records);
  old.close();
}

async function openCurrent(name: string) {
  const db = new TrackRecordDb(name);
  opened.push(db);
  await db.open();
  return db;
}

describe('version 2 → 4: global ids', () => {
  it('keeps every record, follows every reference to its new id, and keeps every verdict', async () => {
    const name = `migrate-v2-${crypto.randomUUID()}`;
    await fill(name, 2, V2_STORES, V2.tables);
    const db = await openCurrent(name);
    expect(db.verno).toBe(SCHEMA_VERSION);

    for (const table of [
      'contractors',
      'profiles',
      'events',
      'engagements',
      'milestones',
      'accesses',
      'snapshots',
    ])
      expect(await db.table(table).count(), table).toBe(rows(table).length);
    expect(await readSettings(db)).toMatchObject({ policy: 'standard' });

    // Contractors: the same fields, their old number kept for old links.
    const contractors = await db.contractors.toArray();
    const newIdOf = new Map(contractors.map((c) => [c.legacyId, c.id]));
    for (const old of rows('contractors')) {
      const { id: _id, summary: _s, ...fields } = old;
      const now = contractors.find((c) => c.legacyId === old.id);
      expect(now).toMatchObject({ ...fields, updatedAt: expect.any(Number) });
      expect(now?.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    }

    // Every other record: the same fields, its references pointing at the renumbered records.
    const byOwner = <T extends { contractorId: string }>(list: T[]) =>
      new Map(contractors.map((c) => [c.legacyId, list.filter((r) => r.contractorId === c.id)]));
    const engagements = await db.engagements.toArray();
    const milestones = await db.milestones.toArray();
    const accesses = await db.accesses.toArray();
    const events = await db.events.toArray();
    const engagementIdOf = new Map<unknown, string>();
    const milestoneIdOf = new Map<unknown, string>();
    const accessIdOf = new Map<unknown, string>();
    for (const old of rows('engagements')) {
      const found = byOwner(engagements)
        .get(old.contractorId as number)
        ?.find((e) => e.title === old.title);
      expect(found).toMatchObject({
        ...old,
        id: found?.id,
        contractorId: newIdOf.get(old.contractorId as number),
      });
      engagementIdOf.set(old.id, found?.id as string);
    }
    for (const old of rows('milestones')) {
      const found = milestones.find(
        (m) => m.engagementId === engagementIdOf.get(old.engagementId) && m.title === old.title,
      );
      expect(found).toMatchObject({
        ...old,
        id: found?.id,
        engagementId: found?.engagementId,
        contractorId: newIdOf.get(old.contractorId as number),
      });
      milestoneIdOf.set(old.id, found?.id as string);
    }
    for (const old of rows('accesses')) {
      const found = accesses.find((a) => a.what === old.what && a.grantedAt === old.grantedAt);
      expect(found).toMatchObject({
        ...old,
        id: found?.id,
        contractorId: newIdOf.get(old.contractorId as number),
        engagementId: old.engagementId === undefined ? undefined : engagementIdOf.get(old.engagementId),
      });
      accessIdOf.set(old.id, found?.id as string);
    }
    const eventKey = (e: Record<string, unknown>) =>
      `${String(e.contractorId)} ${String(e.at)} ${String(e.type)} ${String(e.text ?? '')}`;
    const newEventByKey = new Map(events.map((e) => [eventKey(e), e]));
    for (const old of rows('events')) {
      const found = newEventByKey.get(
        eventKey({
          ...old,
          contractorId: newIdOf.get(old.contractorId as number),
        }),
      );
      const follow = (map: Map<unknown, string>, value: unknown) =>
        value === undefined ? undefined : map.get(value);
      expect(found, `event ${old.id}`).toMatchObject({
        ...old,
        id: found?.id,
        contractorId: newIdOf.get(old.contractorId as number),
        engagementId: follow(engagementIdOf, old.engagementId),
        milestoneId: follow(milestoneIdOf, old.milestoneId),
        ...('accessId' in old && { accessId: accessIdOf.get(old.accessId) }),
      });
    }
    const profiles = await db.profiles.toArray();
    for (const old of rows('profiles')) {
      expect(profiles.find((p) => p.key === old.key)).toMatchObject({
        ...old,
        contractorId: newIdOf.get(old.contractorId as number),
      });
    }
    const snapshots = await db.snapshots.toArray();
    expect(snapshots.map(({ id: _id, ...s }) => s).sort((a, b) => a.at - b.at)).toEqual(
      rows('snapshots')
        .map(({ id: _id, contractorId: _c, ...s }) => s)
        .sort((a, b) => (a.at as number) - (b.at as number)),
    );

    // Every reference resolves.
    const ids = (list: { id: string }[]) => new Set(list.map((r) => r.id));
    const contractorIds = ids(contractors);
    const engagementIds = ids(engagements);
    const milestoneIds = ids(milestones);
    const accessIds = ids(accesses);
    for (const r of [...profiles, ...events, ...engagements, ...milestones, ...accesses])
      expect(contractorIds.has(r.contractorId)).toBe(true);
    for (const m of milestones) expect(engagementIds.has(m.engagementId)).toBe(true);
    for (const e of events) {
      if (e.milestoneId !== undefined) expect(milestoneIds.has(e.milestoneId)).toBe(true);
      if (e.engagementId !== undefined) expect(engagementIds.has(e.engagementId)).toBe(true);
      if ('accessId' in e) expect(accessIds.has(e.accessId)).toBe(true);
    }
    const profileKeys = new Set(profiles.map((p) => p.key));
    for (const s of snapshots) expect(profileKeys.has(s.profileKey)).toBe(true);

    // Every summary recomputed: the same verdict, score, strikes and reasons as the old summary's facts.
    const settings = await readSettings(db);
    for (const old of rows('contractors')) {
      const summary = old.summary as { facts: Fact[]; droppedUntil?: number };
      const before = assess(summary.facts, settings, NOW, summary.droppedUntil);
      const migrated = contractors.find((c) => c.legacyId === old.id);
      const after = assessStored(migrated?.summary as never, settings, NOW);
      expect([after.verdict, after.score, after.strikes, after.why.length, after.reasons]).toEqual([
        before.verdict,
        before.score,
        before.strikes,
        before.why.length,
        before.reasons,
      ]);
    }

    // Links of the old form still open the contractor; the surfaces read and write as usual.
    const dana = await contractorIdFromLink(db, '1');
    expect(dana).toBe(newIdOf.get(1));
    const view = await loadViewByKey(db, 'upwork:~01demo0000000000001', NOW);
    expect(view?.contractor.name).toBe('Dana Demo');
    await addNote(db, dana as string, 'After the upgrade', NOW);
    expect((await loadViewByKey(db, 'upwork:~01demo0000000000001', NOW))?.events[0]?.type).toBe('note');
  });

  it('is all or nothing: an upgrade that fails leaves the database at version 2, every record as it was', async () => {
    const name = `migrate-broken-${crypto.randomUUID()}`;
    // A milestone whose renegotiations are not a list cannot be summarised: the upgrade throws half-way.
    const broken = {
      ...V2.tables,
      milestones: rows('milestones').map((m, i) => (i === 3 ? { ...m, renegotiations: 5 } : m)),
    };
    await fill(name, 2, V2_STORES, broken);
    const db = new TrackRecordDb(name);
    opened.push(db);
    await expect(db.open()).rejects.toThrow();
    db.close();

    const old = new Dexie(name);
    old.version(2).stores(V2_STORES);
    await old.open();
    expect(old.verno).toBe(2);
    for (const [table, records] of Object.entries(broken))
      expect(await old.table(table).toArray(), table).toEqual(records);
    old.close();
  });
});

describe('version 1 → 4', () => {
  it('keeps every contractor, profile and note, and gives each contractor a summary', async () => {
    const name = `migrate-v1-${crypto.randomUUID()}`;
    await fill(name, 1, V1_STORES, { contractors: v1Contractors, profiles: v1Profiles, events: v1Events });
    const db = await openCurrent(name);
    expect(db.readOnly).toBe(false);

    const contractors = (await db.contractors.toArray()).sort(
      (a, b) => (a.legacyId ?? 0) - (b.legacyId ?? 0),
    );
    expect(contractors.map(({ summary: _s, id: _id, updatedAt: _u, ...c }) => c)).toEqual(
      v1Contractors.map(({ id, ...c }) => ({ ...c, legacyId: id, skills: [], tags: [], status: 'active' })),
    );
    expect(contractors.map((c) => [c.summary.counts.notes, c.summary.lastActivityAt])).toEqual([
      [2, 1_700_000_900_000],
      [1, 1_700_000_800_000],
      [0, undefined],
    ]);
    const rachel = await loadViewByKey(db, 'upwork:~011cfba3bd0cf44f8d');
    expect(rachel?.events.map((e) => e.text)).toEqual([
      'Asked for the repo access',
      'Kick-off call went well',
    ]);
    expect((await loadViewByKey(db, 'fiverr:piuccio_dev'))?.profiles).toHaveLength(2);
    await recordDelivery(
      db,
      { contractorId: rachel?.contractor.id as string, at: 1_700_003_000_000 },
      1_700_003_000_000,
    );
    expect(await badgesForKeys(db, ['upwork:~011cfba3bd0cf44f8d'], 1_700_003_000_000)).toEqual({
      'upwork:~011cfba3bd0cf44f8d': {
        verdict: 'ok',
        score: 75,
        strikes: 0,
        lastActivityAt: 1_700_003_000_000,
      },
    });
  });
});

describe('a database newer than the code', () => {
  it('opens read-only with a clear message and refuses every write', async () => {
    const name = `newer-${crypto.randomUUID()}`;
    const future = new Dexie(name);
    future.version(SCHEMA_VERSION + 1).stores({
      contractors: 'id, legacyId, nickname',
      profiles: 'key, contractorId',
      events: 'id, contractorId, [contractorId+at]',
      engagements: 'id, contractorId',
      milestones: 'id, contractorId',
      accesses: 'id, contractorId',
      snapshots: 'id, [profileKey+at]',
      settings: 'id',
      rosterRows: 'id, sortName',
      drafts: 'key',
      invoices: 'id, contractorId',
    });
    await future.open();
    const id = '01JD0000000000000000000000';
    const counts = {
      events: 0,
      notes: 0,
      deliveries: 0,
      excuses: 0,
      qualityProblems: 0,
      praise: 0,
      rewards: 0,
    };
    const summary = {
      facts: [],
      counts: { ...counts, engagements: 0, activeEngagements: 0, activeAccesses: 0 },
    };
    const rachel = {
      id,
      name: 'Rachel W.',
      createdAt: 0,
      updatedAt: 0,
      skills: [],
      tags: [],
      status: 'active',
      summary,
    };
    await future.table('contractors').add(rachel);
    await future.table('profiles').add({ ...v1Profiles[0], contractorId: id, updatedAt: 0 });
    future.close();

    const db = new TrackRecordDb(name);
    opened.push(db);
    const view = await loadViewByKey(db, 'upwork:~011cfba3bd0cf44f8d');
    expect(view?.contractor.name).toBe('Rachel W.');
    expect(db.readOnly).toBe(true);
    expect(db.newerSchema).toMatchObject({ installed: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION });
    expect(db.newerSchema?.message).toMatch(/newer version of the extension.*update the extension/);

    await expect(addNote(db, id, 'hello')).rejects.toThrow(ReadOnlyDatabaseError);
    await expect(db.contractors.put({ ...rachel, name: 'X', status: 'paused' })).rejects.toThrow(
      /newer version/,
    );
    expect(await db.contractors.count()).toBe(1);
    expect(db.backendDB().version).toBe((SCHEMA_VERSION + 1) * 10); // nothing upgraded or patched
  });
});

describe('version 4 → 5: roster rows', () => {
  it('builds one row per contractor from the records as they are, losing nothing', async () => {
    const source = await openCurrent(`v5-source-${crypto.randomUUID()}`);
    await seedDemo(source, NOW);
    const tables = Object.fromEntries(
      await Promise.all(
        [
          'contractors',
          'profiles',
          'events',
          'engagements',
          'milestones',
          'accesses',
          'snapshots',
          'settings',
        ].map(async (t) => [t, await source.table(t).toArray()] as const),
      ),
    );
    const name = `migrate-v4-${crypto.randomUUID()}`;
    await fill(name, 4, V4_STORES, tables);
    const db = await openCurrent(name);
    for (const [table, rows] of Object.entries(tables))
      expect(await db.table(table).toArray(), table).toEqual(rows);
    expect(await db.rosterRows.toArray()).toEqual(await source.rosterRows.toArray());
    expect((await db.rosterRows.orderBy('sortName').first())?.name).toBe('Dana Demo');
  });
});

describe('version 5 → 6: drafts', () => {
  it('adds the drafts table and keeps every record as it was', async () => {
    const source = await openCurrent(`v6-source-${crypto.randomUUID()}`);
    await seedDemo(source, NOW);
    const V5_STORES = { ...V4_STORES, rosterRows: 'id, sortName' };
    const tables = Object.fromEntries(
      await Promise.all(
        Object.keys(V5_STORES).map(async (t) => [t, await source.table(t).toArray()] as const),
      ),
    );
    const name = `migrate-v5-${crypto.randomUUID()}`;
    await fill(name, 5, V5_STORES, tables);
    const db = await openCurrent(name);
    for (const [table, rows] of Object.entries(tables))
      expect(await db.table(table).toArray(), table).toEqual(rows);
    expect(await db.drafts.count()).toBe(0);
    await db.drafts.put({
      key: 'upwork:~01a',
      draft: { kind: 'note', text: 'x', days: '', day: '' },
      savedAt: NOW,
    });
    expect(await db.drafts.count()).toBe(1);
  });
});
