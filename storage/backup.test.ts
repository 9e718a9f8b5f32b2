import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackup, parseBackup } from './backup';
import { loadViewByKey } from './contractors';
import { TrackRecordDb } from './db';
import { DEMO_KEY, seedDemo } from './demo';
import { updateSettings } from './settings';

const now = Date.UTC(2026, 10, 27, 12);
let db: TrackRecordDb;
let other: TrackRecordDb;

beforeEach(() => {
  db = new TrackRecordDb(`backup-${crypto.randomUUID()}`);
  other = new TrackRecordDb(`backup-other-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
  await other.delete();
});

async function counts(d: TrackRecordDb) {
  return Object.fromEntries(await Promise.all(d.tables.map(async (t) => [t.name, await t.count()] as const)));
}

describe('backups', () => {
  it('round-trip a whole database through a file, verdicts included', async () => {
    await seedDemo(db, now);
    await updateSettings(db, { policy: 'standard' }, now);
    const text = JSON.stringify(await exportBackup(db, now));
    await importBackup(other, parseBackup(text), now);
    expect(await counts(other)).toEqual(await counts(db));
    const [before, after] = await Promise.all([
      loadViewByKey(db, DEMO_KEY, now),
      loadViewByKey(other, DEMO_KEY, now),
    ]);
    expect(after?.assessment.verdict).toBe(before?.assessment.verdict);
    expect(after?.assessment.score).toBe(before?.assessment.score);
    expect(after?.events).toEqual(before?.events);
    expect(after?.settings.policy).toBe('standard');
  });

  it('refuse what is not a backup, saying why, before anything is written', () => {
    expect(() => parseBackup('not json')).toThrow(/not JSON/);
    expect(() => parseBackup('{"format":"something else"}')).toThrow(
      /format: this is not a Track Record backup/,
    );
  });

  it('name the field at fault in a damaged file', async () => {
    await seedDemo(db, now);
    const backup = await exportBackup(db, now);
    const damaged = {
      ...backup,
      events: backup.events.map((e, i) => (i === 2 ? { ...e, at: 'yesterday' } : e)),
    };
    expect(() => parseBackup(JSON.stringify(damaged))).toThrow(/events\.2\.at/);
  });

  it('refuse records pointing at nobody', async () => {
    await seedDemo(db, now);
    const backup = await exportBackup(db, now);
    const orphan = { ...backup, contractors: backup.contractors.slice(1) };
    expect(() => parseBackup(JSON.stringify(orphan))).toThrow(/contractorId: no contractor #/);
  });

  it('are all or nothing: a failing import leaves the database as it was', async () => {
    await seedDemo(other, now);
    const before = await counts(other);
    await seedDemo(db, now);
    const backup = await exportBackup(db, now);
    // Valid on its own, but two events share an id: the write fails half-way and must roll back.
    const clash = { ...backup, events: [...backup.events, { ...backup.events[0], text: 'again' }] };
    await expect(importBackup(other, clash as typeof backup, now)).rejects.toThrow();
    expect(await counts(other)).toEqual(before);
  });
});
