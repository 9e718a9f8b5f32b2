import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupText, exportBackup, parseBackup } from '../../storage/backup';
import { addNote, createContractor, trackProfile } from '../../storage/contractors';
import { contractorsCsv, csvContractors, eventsCsv, importCsvContractors, parseCsv } from '../../storage/csv';
import { TrackRecordDb } from '../../storage/db';
import { addMilestone, createEngagement } from '../../storage/engagements';
import { grantAccess } from '../../storage/history';
import { deleteEverything, importBackup, mergeBackup } from '../../storage/restore';
import { readText } from '../../storage/text-file';
import {
  COMBINING_NAME,
  EMOJI_NAME,
  HOSTILE_NAMES,
  LONGEST_NAME,
  LONGEST_NOTE,
  LONGEST_TITLE,
  RTL_NAME,
  ZERO_WIDTH_NAME,
} from '../fixtures/unicode';

// Names, titles and notes in right-to-left script and overrides, zero-width characters, combining marks,
// emoji sequences, and as long as each field takes: stored as given, and out and back in through a backup
// file and a spreadsheet byte for byte.

const now = Date.UTC(2026, 10, 27, 12);
let db: TrackRecordDb;
let other: TrackRecordDb;
beforeEach(() => {
  db = new TrackRecordDb(`unicode-${crypto.randomUUID()}`);
  other = new TrackRecordDb(`unicode-other-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
  await other.delete();
});

/** The bytes a downloaded file holds (Blob and TextEncoder both write UTF-8). */
const bytesOf = (text: string) => new TextEncoder().encode(text);
/** A file's bytes read back as the Import buttons read them. */
const readBack = (bytes: Uint8Array<ArrayBuffer>) => readText(new Blob([bytes]).stream());

async function seedHostile() {
  const ids: string[] = [];
  for (const [i, name] of HOSTILE_NAMES.entries()) {
    const id = await trackProfile(
      db,
      {
        platform: 'upwork',
        id: `~01unicode${i}`,
        key: `upwork:~01unicode${i}`,
        name,
        title: `${name} — ${LONGEST_TITLE}`.slice(0, 500),
        url: `https://www.upwork.com/freelancers/~01unicode${i}`,
      },
      now,
    );
    await addNote(db, id, i === 0 ? LONGEST_NOTE : `${name}: ${ZERO_WIDTH_NAME}`, now);
    const engagement = await createEngagement(
      db,
      { contractorId: id, title: LONGEST_TITLE, startedAt: now },
      now,
    );
    await addMilestone(db, { engagementId: engagement, amount: 10, dueAt: now, title: COMBINING_NAME }, now);
    await grantAccess(db, { contractorId: id, what: EMOJI_NAME, level: 'admin', at: now }, now);
    ids.push(id);
  }
  return ids;
}

describe('hostile Unicode and the longest texts', () => {
  it('are stored as given', async () => {
    const ids = await seedHostile();
    const stored = await db.contractors.bulkGet(ids);
    expect(stored.map((c) => c?.name)).toEqual([...HOSTILE_NAMES]);
    const notes = (await db.events.toArray()).filter((e) => e.type === 'note');
    expect(notes.map((e) => ('text' in e ? e.text : ''))).toContain(LONGEST_NOTE);
    // The longest each field takes, in characters (code points), as the records count them.
    expect([...LONGEST_NOTE]).toHaveLength(10_000);
    expect(LONGEST_NOTE.length).toBeGreaterThan(10_000);
    expect([...LONGEST_NAME]).toHaveLength(200);
    expect([...LONGEST_TITLE]).toHaveLength(300);
    expect((await db.engagements.toArray()).every((e) => e.title === LONGEST_TITLE)).toBe(true);
    expect((await db.milestones.toArray()).every((m) => m.title === COMBINING_NAME)).toBe(true);
    expect((await db.accesses.toArray()).every((a) => a.what === EMOJI_NAME)).toBe(true);
  });

  it('are refused, naming the field, past the longest a field takes', async () => {
    await expect(createContractor(db, { name: `${LONGEST_NAME}x` }, now)).rejects.toThrow(/^name: /);
    await expect(createContractor(db, { name: RTL_NAME.repeat(1000).slice(0, 10_000) }, now)).rejects.toThrow(
      /^name: /,
    );
    const id = await createContractor(db, { name: EMOJI_NAME }, now);
    await expect(addNote(db, id, `${LONGEST_NOTE}x`, now)).rejects.toThrow(/^text: /);
  });

  it('tracked from a page showing a name longer than a contractor takes: the first 200 characters', async () => {
    const shown = `${LONGEST_NAME}${EMOJI_NAME}`.slice(0, 280); // within the 300 a page's name may be
    const id = await trackProfile(
      db,
      {
        platform: 'upwork',
        id: '~01long',
        key: 'upwork:~01long',
        name: shown,
        url: 'https://www.upwork.com/freelancers/~01long',
      },
      now,
    );
    const tracked = await db.contractors.get(id);
    expect([...(tracked?.name ?? '')]).toHaveLength(200);
    expect(shown.startsWith(tracked?.name ?? '-')).toBe(true);
    expect((await db.profiles.get('upwork:~01long'))?.name).toBe(shown);
  });

  it('go out and back in through a backup file byte for byte: export → delete everything → import → export', async () => {
    await seedHostile();
    const first = bytesOf(backupText(await exportBackup(db, now)));
    await deleteEverything(db);
    await importBackup(db, parseBackup(await readBack(first)));
    const second = bytesOf(backupText(await exportBackup(db, now)));
    expect(second).toEqual(first);
    // Merged into another browser's empty records, the same.
    await mergeBackup(other, parseBackup(await readBack(first)));
    expect(bytesOf(backupText(await exportBackup(other, now)))).toEqual(first);
    // A text that is not even well-formed UTF-16 (a lone surrogate, as a page could show) survives too:
    // JSON writes it as an escape.
    const id = await createContractor(db, { name: 'Lone \ud83d surrogate' }, now);
    const escaped = backupText(await exportBackup(db, now));
    expect(escaped).toContain('Lone \\ud83d surrogate');
    await importBackup(other, parseBackup(await readBack(bytesOf(escaped))));
    expect((await other.contractors.get(id))?.name).toBe('Lone \ud83d surrogate');
  });

  it('go out in spreadsheets as the same cells, and back in as the same names', async () => {
    await seedHostile();
    const roster = parseCsv(await readBack(bytesOf(await contractorsCsv(db, now))));
    expect(
      roster
        .slice(1)
        .map((line) => line[0])
        .sort(),
    ).toEqual([...HOSTILE_NAMES].sort());
    const history = parseCsv(await readBack(bytesOf(await eventsCsv(db))));
    const texts = history.slice(1).map((line) => line[3]);
    expect(texts).toContain(LONGEST_NOTE);
    expect(texts).toContain(`${ZERO_WIDTH_NAME}: ${ZERO_WIDTH_NAME}`);
    // The roster's spreadsheet imported into another browser: the same people, named the same.
    const contractors = csvContractors(roster, { name: 0, skills: 2, tags: 3 }, () => null);
    await importCsvContractors(other, contractors, now);
    expect((await other.contractors.toArray()).map((c) => c.name).sort()).toEqual([...HOSTILE_NAMES].sort());
  });
});
