// Runs the roster figures on their own: `npx jiti bench/roster-run.ts` (after `npm run build`). Generates
// the 10,000-contractor backup, starts Chromium with the built extension, measures, prints the figures beside
// issue 9's targets and writes bench/results/roster.json. BENCH_REPS sets the repetitions (default 15).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchWithExtension } from '../scripts/extension-browser.mjs';
import { BIG, generatedName, generateRoster, recordCount } from '../tests/fixtures/roster/generate';
import { installFirstRowProbe, measureRoster } from './roster';

const REPS = Number(process.env.BENCH_REPS ?? 15);
const scratch = mkdtempSync(join(tmpdir(), 'track-record-roster-'));
const backup = generateRoster(BIG);
const file = join(scratch, 'roster.json');
writeFileSync(file, JSON.stringify(backup));

const browser = await launchWithExtension({ extensionPath: resolve('.output/chrome-mv3') });
try {
  await browser.context.addInitScript(installFirstRowProbe);
  const started = Date.now();
  const f = await measureRoster(browser, {
    file,
    contractors: backup.contractors.length,
    rows: recordCount(backup),
    searchName: generatedName(BIG.contractors - 7),
    reps: REPS,
  });
  const page = await browser.context.newPage();
  const chromium = await page.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium');
  await page.close();
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    chromium,
    node: process.version,
    loadAverage: loadavg(),
  };
  const ms = (v: number | undefined) => (v === undefined ? '—' : `${Math.round(v)} ms`);
  const rows: [string, string, string, string][] = [
    [
      'Import of the backup (through the UI)',
      `${(f.import.importMs / 1000).toFixed(1)} s, ${Math.round(f.import.rowsPerSecond)} rows/s`,
      '',
      '',
    ],
    [
      'Bare Dexie bulkPut of the same rows (mean of one just before and one just after)',
      `${(f.bareBulkPut.ms / 1000).toFixed(1)} s (${(f.bareBulkPut.before.ms / 1000).toFixed(1)} and ${(f.bareBulkPut.after.ms / 1000).toFixed(1)}), ${Math.round(f.bareBulkPut.rowsPerSecond)} rows/s`,
      '',
      '',
    ],
    ['Import rate ÷ bulkPut rate', f.rateOverBulkPut.toFixed(2), '', '≥ 0.80'],
    ['File checked (chosen → preview shown)', `${(f.import.checkMs / 1000).toFixed(1)} s`, '', ''],
    [
      'First row on screen after the page opens',
      ms(f.firstRows.onScreen?.median),
      ms(f.firstRows.onScreen?.p95),
      '≤ 300 ms',
    ],
    [
      "· the page's own script loaded and run (DOMContentLoaded)",
      ms(f.firstRows.domContentLoaded?.median),
      ms(f.firstRows.domContentLoaded?.p95),
      '',
    ],
    [
      '· first visit (no kept first screen): first row on screen',
      ms(f.firstRowsFirstVisit.onScreen?.median),
      ms(f.firstRowsFirstVisit.onScreen?.p95),
      '≤ 300 ms',
    ],
    [
      'Search keystroke → rows on screen',
      ms(f.interactions.keystroke?.median),
      ms(f.interactions.keystroke?.p95),
      '≤ 100 ms',
    ],
    [
      'Verdict filter → rows on screen',
      ms(f.interactions.filter?.median),
      ms(f.interactions.filter?.p95),
      '≤ 100 ms',
    ],
    [
      'Sort by score → rows on screen',
      ms(f.interactions.sort?.median),
      ms(f.interactions.sort?.p95),
      '≤ 100 ms',
    ],
    [
      'Scrolling all 10,000: JS heap start → max → end',
      `${f.memory.start?.heapMB.toFixed(1)} → ${f.memory.maxHeapMB.toFixed(1)} → ${f.memory.end?.heapMB.toFixed(1)} MB`,
      '',
      'flat',
    ],
    [
      'Scrolling: DOM nodes start → max; rows in the page at most',
      `${f.memory.start?.nodes} → ${f.memory.maxNodes}; ${f.memory.maxRowsInPage}`,
      '',
      'flat',
    ],
  ];
  console.log('\n| figure | median | p95 | target |\n|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(
    `\n${machine.cpu}, ${machine.cores} cores, ${chromium}, ${REPS} repetitions, ${Math.round((Date.now() - started) / 1000)} s.`,
  );
  mkdirSync(resolve('bench/results'), { recursive: true });
  writeFileSync(
    resolve('bench/results/roster.json'),
    `${JSON.stringify({ machine, repetitions: REPS, figures: f }, null, 2)}\n`,
  );
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}
