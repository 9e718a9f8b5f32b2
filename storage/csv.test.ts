import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBackup } from './backup';
import { addNote, trackProfile } from './contractors';
import {
  contractorsCsv,
  csvCell,
  csvContractors,
  eventsCsv,
  guessMapping,
  importCsvContractors,
  type ProfileOf,
  parseCsv,
  toCsv,
} from './csv';
import { TrackRecordDb } from './db';
import { seedDemo } from './demo';

const now = Date.UTC(2026, 10, 27, 12);
let db: TrackRecordDb;
beforeEach(() => {
  db = new TrackRecordDb(`csv-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const profileOf: ProfileOf = (text) => {
  const m = /^https:\/\/github\.com\/(\w+)$/.exec(text);
  if (m)
    return {
      platform: 'github',
      id: m[1] as string,
      key: `github:${(m[1] as string).toLowerCase()}`,
      url: text,
    };
  return /^https?:\/\//.test(text) ? { platform: 'web', id: text, key: `web:${text}`, url: text } : null;
};

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas, and quotes what needs quoting', () => {
    for (const danger of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx'])
      expect(csvCell(danger).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(-3)).toBe('-3'); // a number is a number, not a formula
    expect(toCsv(['a', 'b'], [[1, undefined]])).toBe('a,b\r\n1,\r\n');
  });

  it('of the roster and of the history reads back as the same cells', async () => {
    await seedDemo(db, now);
    const dana = (await db.contractors.toArray()).find((c) => c.name === 'Dana Demo');
    await addNote(db, dana?.id as string, '=cmd|" /C calc"!A0, and "quotes"', now);
    const roster = parseCsv(await contractorsCsv(db, now));
    expect(roster[0]?.slice(0, 3)).toEqual(['Name', 'Platforms', 'Skill areas']);
    expect(roster.slice(1).map((r) => r[0])).toEqual(['Dana Demo', 'Lee Designer', 'Sam Writer']);
    expect(roster[1]?.[5]).toBe('cancel');
    const events = parseCsv(await eventsCsv(db));
    expect(events.length - 1).toBe(await db.events.count());
    expect(events.some((e) => e[3] === '\'=cmd|" /C calc"!A0, and "quotes"')).toBe(true);
  });
});

describe('CSV import', () => {
  const file =
    'Full name,Skills,Profile URL,Notes\r\nKim Lee,"SEO; WordPress",https://github.com/kim,Met at a meetup\r\n"Ana, the designer",Logo design,,\r\n';

  it('guesses the columns, and makes contractors with their profiles and a note', async () => {
    const table = parseCsv(file);
    const mapping = guessMapping(table[0] ?? []);
    expect(mapping).toEqual({ name: 0, skills: 1, profiles: 2, notes: 3 });
    const list = csvContractors(table, mapping, profileOf);
    expect(list.map((c) => [c.name, c.skills])).toEqual([
      ['Kim Lee', ['SEO', 'WordPress']],
      ['Ana, the designer', ['Logo design']],
    ]);
    expect(await importCsvContractors(db, list, now)).toEqual({ added: 2, updated: 0 });
    const kim = await db.profiles.get('github:kim');
    expect((await db.rosterRows.get(kim?.contractorId as string))?.text).toContain('met at a meetup');
    // the same file again tracks no one twice: Kim is found by her profile
    expect(await importCsvContractors(db, csvContractors(table, mapping, profileOf), now)).toEqual({
      added: 1,
      updated: 1,
    });
    expect(await db.profiles.count()).toBe(1);
  });

  it('refuses a file with a bad line, naming the line and the field, and writes nothing', async () => {
    await trackProfile(
      db,
      { platform: 'github', id: 'kim', key: 'github:kim', name: 'Kim', url: 'https://github.com/kim' },
      now,
    );
    const before = await exportBackup(db, now);
    const bad = parseCsv(
      'Name,Profile\r\nGood,https://github.com/ok\r\n,https://github.com/x\r\nAlso,not an address\r\n',
    );
    expect(() => csvContractors(bad, { name: 0, profiles: 1 }, profileOf)).toThrow(
      /line 3, name: a contractor needs a name; line 4, profiles: "not" is not a web address/,
    );
    expect(() => csvContractors(bad, { profiles: 1 }, profileOf)).toThrow(
      /Choose the column that holds the names/,
    );
    expect(() => parseCsv('')).toThrow(/empty/);
    expect(() =>
      csvContractors(parseCsv(`Name,Notes\r\nX,${'y'.repeat(20_000)}\r\n`), { name: 0, notes: 1 }, profileOf),
    ).toThrow(/line 2, notes: a note of 20,000 characters is too long/);
    expect(await exportBackup(db, now)).toEqual(before);
  });
});
