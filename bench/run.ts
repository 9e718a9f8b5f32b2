// `npm run bench`: the extension against the floor and against no extension, in Debian's Chromium, on the
// real shared pages served at their real addresses. Writes bench/results/latest.json and prints a table.
// Options (environment): BENCH_REPS (repetitions, default 15), BENCH_CONTRACTORS (size of the big
// database, default 10000), BENCH_BUILD=0 (use the build already in .output/chrome-mv3).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateBackup, rowCount } from './backup';
import { type BenchBrowser, launchBench } from './browsers';
import {
  bareBulkPut,
  importThroughRoster,
  popupShowingContractor,
  probeTargets,
  rosterFirstRows,
  rosterSearch,
} from './extension-pages';
import {
  badgeTiming,
  longTasksAdded,
  overlayBigDatabase,
  overlayReadyColdWorker,
  overlayReadyWarm,
  pageTaskTime,
} from './figures';
import { writeFloorExtension } from './floor';
import { loadPages, rawLoads } from './page-loads';
import { benchContractors, benchPages } from './pages';
import { markdownTable, tableRows } from './report';
import { servePages } from './server';
import { contentScriptSize } from './size';

const EXTENSION_PATH = resolve('.output/chrome-mv3');
const RESULTS = resolve('bench/results/latest.json');
const REPS = Number(process.env.BENCH_REPS ?? 15);
const BIG_CONTRACTORS = Number(process.env.BENCH_CONTRACTORS ?? 10_000);
const EVENTS_PER_CONTRACTOR = 20;
const PROFILES_PER_CONTRACTOR = 2;
/** Time the roster's first-rows figure may take (today's roster needs seconds a load). */
const ROSTER_BUDGET_MS = 30_000;

const started = Date.now();
const log = (line: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

if (process.env.BENCH_BUILD !== '0') {
  log('building the extension (npm run build)');
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
const manifest = JSON.parse(readFileSync(join(EXTENSION_PATH, 'manifest.json'), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'track-record-bench-'));
const floorPath = writeFloorExtension(manifest, join(scratch, 'floor'));

const pages = benchPages();
const contractors = benchContractors(pages);
const now = Date.now();
const small = generateBackup(
  contractors,
  { contractors: 0, profilesPerContractor: 1, eventsPerContractor: EVENTS_PER_CONTRACTOR },
  now,
);
const big = generateBackup(
  contractors,
  {
    contractors: BIG_CONTRACTORS,
    profilesPerContractor: PROFILES_PER_CONTRACTOR,
    eventsPerContractor: EVENTS_PER_CONTRACTOR,
  },
  now,
);
const files = { small: join(scratch, 'small.json'), big: join(scratch, 'big.json') };
const bigText = JSON.stringify(big);
writeFileSync(files.small, JSON.stringify(small));
writeFileSync(files.big, bigText);

const server = await servePages(new Map(pages.map((p) => [p.url.split('#')[0] as string, p.html])));
const probe = probeTargets(
  [small.contractors.length, big.contractors.length],
  contractors.map((c) => c.name),
);
const launch = (name: string, extension?: { path: string; worker: boolean }) =>
  launchBench(name, { extension, chromiumArgs: server.chromiumArgs, probe });
const browsers: BenchBrowser[] = [];
try {
  log('starting Chromium: no extension, the floor, the extension, the extension with the big database');
  const none = await launch('none');
  browsers.push(none);
  const floor = await launch('floor', { path: floorPath, worker: false });
  browsers.push(floor);
  const extension = await launch('extension', { path: EXTENSION_PATH, worker: true });
  browsers.push(extension);
  const bigBrowser = await launch('extension-big', { path: EXTENSION_PATH, worker: true });
  browsers.push(bigBrowser);
  const { product: chromium } = await none.chromium.cdp.send<{ product: string }>('Browser.getVersion');

  log(`importing the bench contractors (${small.contractors.length}) through the roster page`);
  const smallImport = await importThroughRoster(extension, files.small, {
    contractors: small.contractors.length,
    rows: rowCount(small),
    bytes: Buffer.byteLength(JSON.stringify(small)),
  });
  log(
    `importing ${big.contractors.length} contractors / ${big.events.length} events through the roster page`,
  );
  const bigImport = await importThroughRoster(bigBrowser, files.big, {
    contractors: big.contractors.length,
    rows: rowCount(big),
    bytes: Buffer.byteLength(bigText),
  });
  log(`  imported in ${(bigImport.importMs / 1000).toFixed(1)} s; now a bare Dexie bulkPut of the same rows`);
  const bulkPut = await bareBulkPut(bigBrowser, bigText);
  log(`  bulkPut in ${(bulkPut.ms / 1000).toFixed(1)} s`);

  log(`page loads: ${REPS} repetitions, interleaved`);
  const loadAverageBefore = loadavg();
  const { samples, errors } = await loadPages({ none, floor, extension, big: bigBrowser }, pages, {
    reps: REPS,
    log,
  });

  log(`popup: ${REPS} openings in each database size, interleaved`);
  const upwork = pages.find((p) => p.id === 'upwork-profile');
  const upworkContractor = contractors.find((c) => c.key === upwork?.keys[0]);
  if (!upwork || !upworkContractor) throw new Error('no Upwork profile among the bench pages');
  const popup = await popupShowingContractor(
    [extension, bigBrowser],
    { url: upwork.url, contractorName: upworkContractor.name },
    REPS,
  );

  log('roster: first rows, search');
  const firstRows = await rosterFirstRows(bigBrowser, REPS, ROSTER_BUDGET_MS);
  const search = await rosterSearch(bigBrowser, big.contractors.at(-1)?.name ?? '', REPS);

  const results = {
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      chromium,
      node: process.version,
      date: new Date().toISOString(),
      loadAverage: { before: loadAverageBefore, after: loadavg() },
    },
    run: {
      repetitions: REPS,
      durationSeconds: Math.round((Date.now() - started) / 1000),
      pages: pages.map(({ id, label, url, kind }) => ({ id, label, url, kind })),
      errors,
    },
    figures: {
      overlayReadyWarm: overlayReadyWarm(samples, pages),
      overlayReadyColdWorker: overlayReadyColdWorker(samples, pages),
      pageTaskTime: pageTaskTime(samples, pages),
      longTasksAdded: longTasksAdded(samples, pages),
      contentScriptGzip: contentScriptSize(EXTENSION_PATH),
      overlayBigDatabase: overlayBigDatabase(samples, pages),
      popupShowingContractor: popup,
      badges: badgeTiming(samples, pages),
      rosterImport: {
        small: smallImport,
        big: bigImport,
        bareBulkPut: bulkPut,
        rateOverBulkPut: bigImport.rowsPerSecond / bulkPut.rowsPerSecond,
      },
      rosterFirstRows: firstRows,
      rosterSearch: search,
    },
    /** Every load's own numbers, for another look without running it all again. */
    loads: rawLoads(samples),
  };
  mkdirSync(resolve('bench/results'), { recursive: true });
  // Thousandths of a millisecond are noise: rounded, the file stays readable.
  const rounded = (_: string, v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v);
  writeFileSync(RESULTS, `${JSON.stringify(results, rounded, 2)}\n`);
  const pageLabels = Object.fromEntries(pages.map((p) => [p.id, p.label]));
  console.log(`\n${markdownTable(tableRows({ figures: results.figures, pageLabels }))}\n`);
  console.log(
    `${results.machine.cpu}, ${results.machine.cores} cores, ${chromium}, ${REPS} repetitions, ${results.run.durationSeconds} s. Written to ${RESULTS}.`,
  );
  if (errors.length > 0) console.log(`${errors.length} loads failed:\n  ${errors.slice(0, 10).join('\n  ')}`);
} finally {
  for (const browser of browsers) await browser.close().catch(() => {});
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
}
