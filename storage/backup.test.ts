import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Backup,
  backupText,
  checkBackupSize,
  exportBackup,
  MAX_BACKUP_BYTES,
  parseBackup,
  readBackup,
} from './backup';
import { addNote, loadViewByKey, trackProfile } from './contractors';
import { TrackRecordDb } from './db';
import { DEMO_KEY, seedDemo } from './demo';
import { deleteEverything, importBackup, mergeBackup, previewMerge } from './restore';
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
    await updateSettings(db, { policy: 'standard' });
    const text = JSON.stringify(await exportBackup(db, now));
    await importBackup(other, parseBackup(text));
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
    expect(() => parseBackup(JSON.stringify(orphan))).toThrow(/contractorId: no contractor \w+ in the file/);
  });

  it('are all or nothing: a failing import leaves the database as it was', async () => {
    await seedDemo(other, now);
    const before = await counts(other);
    await seedDemo(db, now);
    const backup = await exportBackup(db, now);
    // Valid on its own, but two events share an id: the write fails half-way and must roll back.
    const clash = { ...backup, events: [...backup.events, { ...backup.events[0], text: 'again' }] };
    await expect(importBackup(other, clash as typeof backup)).rejects.toThrow();
    expect(await counts(other)).toEqual(before);
  });

  it('of an earlier version (records numbered by their browser) import with global ids, links followed', async () => {
    const old = JSON.parse(readFileSync('tests/fixtures/storage/v2-backup.json', 'utf8'));
    const backup = parseBackup(JSON.stringify(old));
    expect(backup.version).toBe(3);
    await importBackup(db, backup);
    expect(await db.contractors.count()).toBe(old.contractors.length);
    expect(await db.events.count()).toBe(old.events.length);
    // The demo's Dana, number 1 in that browser, keeps her history and her old number for old links.
    const dana = await loadViewByKey(db, DEMO_KEY, now);
    expect(dana?.contractor.legacyId).toBe(1);
    expect(dana?.events.length).toBe(
      old.events.filter((e: { contractorId: number }) => e.contractorId === 1).length,
    );
    expect(dana?.assessment.verdict).toBe('cancel');
  });

  it('of an earlier version map to the same ids each time, so merging one twice adds nothing', async () => {
    const text = readFileSync('tests/fixtures/storage/v2-backup.json', 'utf8');
    await mergeBackup(db, parseBackup(text));
    const before = await exportBackup(db, now);
    const again = await mergeBackup(db, parseBackup(text));
    expect(Object.values(again.counts).every(({ added, changed }) => added === 0 && changed === 0)).toBe(
      true,
    );
    expect(await exportBackup(db, now)).toEqual(before);
  });
});

describe('merging a backup', () => {
  it("from another browser adds its records beside this one's: nothing collides", async () => {
    await seedDemo(db, now);
    const laptop = await trackProfile(other, {
      platform: 'github',
      id: 'kim',
      key: 'github:kim',
      name: 'Kim',
      url: 'https://github.com/kim',
    });
    await addNote(other, laptop, 'Met at the conference', now);
    const mine = await counts(db);
    const theirs = await counts(other);
    const result = await mergeBackup(db, parseBackup(JSON.stringify(await exportBackup(other, now))));
    expect(result.counts.contractors).toEqual({ added: 1, changed: 0 });
    expect(result.counts.events).toEqual({ added: 1, changed: 0 });
    const after = await counts(db);
    for (const table of ['contractors', 'profiles', 'events', 'engagements', 'milestones', 'accesses'])
      expect(after[table]).toBe((mine[table] ?? 0) + (theirs[table] ?? 0));
    expect((await loadViewByKey(db, 'github:kim', now))?.events.map((e) => e.type)).toEqual(['note']);
    expect((await loadViewByKey(db, DEMO_KEY, now))?.assessment.verdict).toBe('cancel');
  });

  it('into the browser it came from changes nothing', async () => {
    await seedDemo(db, now);
    const backup = await exportBackup(db, now);
    const result = await mergeBackup(db, parseBackup(JSON.stringify(backup)));
    expect(Object.values(result.counts).every(({ added, changed }) => added === 0 && changed === 0)).toBe(
      true,
    );
    expect(await exportBackup(db, now)).toEqual(backup);
  });

  it('keeps the newer copy of a record changed on both sides', async () => {
    const id = await trackProfile(
      db,
      { platform: 'github', id: 'kim', key: 'github:kim', name: 'Kim', url: 'https://github.com/kim' },
      now - 10_000,
    );
    const backup = await exportBackup(db, now);
    await db.contractors.update(id, { name: 'Kim (here, newer)', updatedAt: now });
    const older = {
      ...backup,
      contractors: backup.contractors.map((c) => ({ ...c, name: 'Kim (older)', updatedAt: now - 5000 })),
    };
    expect((await mergeBackup(db, older)).counts.contractors).toEqual({ added: 0, changed: 0 });
    expect((await db.contractors.get(id))?.name).toBe('Kim (here, newer)');
    const newer = {
      ...backup,
      contractors: backup.contractors.map((c) => ({ ...c, name: 'Kim (newest)', updatedAt: now + 5000 })),
    };
    expect((await mergeBackup(db, newer)).counts.contractors).toEqual({ added: 0, changed: 1 });
    expect((await db.contractors.get(id))?.name).toBe('Kim (newest)');
  });
});

describe('a backup file', () => {
  it('round-trips byte for byte: export → delete everything → import → export, apart from the date', async () => {
    await seedDemo(db, now);
    await updateSettings(db, { policy: 'lenient' });
    const first = backupText(await exportBackup(db, now));
    await deleteEverything(db);
    expect(Object.values(await counts(db)).every((n) => n === 0)).toBe(true);
    await importBackup(db, parseBackup(first));
    const second = backupText(await exportBackup(db, now + 60_000));
    expect(second).not.toBe(first);
    expect(second.replace(`"exportedAt":${now + 60_000}`, `"exportedAt":${now}`)).toBe(first);
  });

  it('is checked in steps that report their progress, to the same result', async () => {
    await seedDemo(db, now);
    const text = backupText(await exportBackup(db, now));
    const steps: number[] = [];
    const read = await readBackup(text, (_phase, done, total) => steps.push(done / total));
    expect(read).toEqual(parseBackup(text));
    expect(steps.at(-1)).toBe(1);
  });

  it('is imported with its progress reported up to every row', async () => {
    await seedDemo(other, now);
    const backup = parseBackup(backupText(await exportBackup(other, now)));
    const reports: [number, number][] = [];
    await importBackup(db, backup, (_phase, done, total) => reports.push([done, total]));
    const rows = Object.entries(await counts(db))
      .filter(([t]) => t !== 'settings')
      .reduce((n, [, c]) => n + c, 0);
    expect(reports.at(-1)).toEqual([rows, rows]);
  });

  it('over the size limit is refused before it is read, saying the limit', () => {
    expect(() => checkBackupSize('huge.json', MAX_BACKUP_BYTES + 1)).toThrow(
      /huge\.json is 301 MB: backups of up to 300 MB can be imported/,
    );
    expect(() => checkBackupSize('fine.json', MAX_BACKUP_BYTES)).not.toThrow();
  });
});

describe('a malformed backup is refused, naming the record and field, and the database is unchanged', () => {
  let good: Backup;
  beforeEach(async () => {
    await seedDemo(other, now);
    good = await exportBackup(other, now);
    await seedDemo(db, now);
  });

  const refused = async (text: string, message: RegExp) => {
    const before = backupText(await exportBackup(db, now));
    await expect(async () => importBackup(db, await readBackup(text))).rejects.toThrow(message);
    expect(backupText(await exportBackup(db, now))).toBe(before);
  };
  const damaged = (change: (b: Record<string, unknown[]>) => void) => {
    const copy = structuredClone(good) as unknown as Record<string, unknown[]>;
    change(copy);
    return JSON.stringify(copy);
  };

  it('cut short', async () => {
    const text = backupText(good);
    await refused(text.slice(0, text.length / 2), /not JSON \(it may be cut short/);
  });
  it('of a newer version', async () => {
    await refused(JSON.stringify({ ...good, version: 9 }), /version: this backup comes from a newer version/);
  });
  it('with two records of one id', async () => {
    await refused(
      damaged((b) => b.events?.push(b.events[0])),
      /events\.\d+\.id: \w{26} appears twice/,
    );
  });
  it('with a reference to a record it does not hold', async () => {
    await refused(
      damaged((b) => {
        b.milestones = (b.milestones ?? []).slice(1);
      }),
      /events\.\d+\.milestoneId: no milestone \w{26}/,
    );
  });
  it('with a field of the wrong type', async () => {
    await refused(
      damaged((b) => Object.assign(b.contractors?.[1] as object, { skills: 'WordPress' })),
      /contractors\.1\.skills: .*expected array/i,
    );
  });
  it('with a __proto__ key', async () => {
    const text = backupText(good).replace(
      '"name":"Dana Demo"',
      '"name":"Dana Demo","__proto__":{"admin":true}',
    );
    await refused(text, /contractors\.\d+\.__proto__: the key "__proto__" is not allowed/);
  });
  it('with a 1 MB string, even in a field no record has', async () => {
    await refused(
      damaged((b) => Object.assign(b.events?.[2] as object, { extra: 'x'.repeat(1024 * 1024) })),
      /events\.2\.extra: a text of 1,048,576 characters is longer than any field holds/,
    );
    await refused(
      damaged((b) => Object.assign(b.events?.[3] as object, { text: 'y'.repeat(15_000) })),
      /events\.3\.text: /,
    );
  });
});

describe('merging a contractor tracked in both browsers under different records', () => {
  const kim = {
    platform: 'github',
    id: 'kim',
    key: 'github:kim',
    name: 'Kim',
    url: 'https://github.com/kim',
  };

  it('folds theirs into the one here by the profile key: no duplicate, their history follows', async () => {
    const here = await trackProfile(db, kim, now - 5000);
    await addNote(db, here, 'Met here', now - 4000);
    const there = await trackProfile(other, { ...kim, name: 'Kim K.' }, now - 3000);
    await addNote(other, there, 'Met there', now - 2000);
    const backup = parseBackup(backupText(await exportBackup(other, now)));

    const preview = await previewMerge(db, backup);
    expect(preview.folded).toEqual([{ name: 'Kim K.', into: 'Kim' }]);
    expect(preview.counts.contractors).toEqual({ added: 0, changed: 0 });
    expect(preview.counts.events).toEqual({ added: 1, changed: 0 });
    expect(await db.events.count()).toBe(1); // a preview writes nothing

    const result = await mergeBackup(db, backup);
    expect(result).toEqual(preview);
    expect(await db.contractors.count()).toBe(1);
    const view = await loadViewByKey(db, 'github:kim', now);
    expect(view?.contractor.id).toBe(here);
    expect(view?.events.map((e) => e.type === 'note' && e.text)).toEqual(['Met there', 'Met here']);
    expect((await db.rosterRows.get(here))?.text).toContain('met there');
    // and merging it again changes nothing
    const again = await mergeBackup(db, backup);
    expect(Object.values(again.counts).every(({ added, changed }) => added === 0 && changed === 0)).toBe(
      true,
    );
  });
});
