// `npm run bench`: the extension against the floor and against no extension, in Debian's Chromium, on the
// real shared pages served at their real addresses, and the roster's figures on a big database imported
// through the roster's own Import button. Writes bench/results/latest.json and prints a table.
// Options (environment): BENCH_REPS (repetitions, default 15), BENCH_CONTRACTORS (size of the big
// database, default 10000), BENCH_BUILD=0 (use the build already in .output/chrome-mv3), BENCH_ONLY=roster
// (the roster's figures alone, in one browser, written to bench/results/roster.json: a quick look while
// working on the roster page), BENCH_ONLY=popup (the popup against its floor page alone, in the big
// database's browser, written to bench/results/popup.json), BENCH_ONLY=pages (the page loads and the popup,
// the big database left empty, written to bench/results/pages.json: a quick look at the content script).
// BENCH_ONLY=scale (issue 16's scale: the big import against a bare bulkPut, then the overlay on the
// profiles and the badges' lookup on the listings with the big database against the small one,
// interleaved, and the background's memory; written to bench/results/scale.json: run it with
// BENCH_CONTRACTORS=100000 BENCH_EVENTS=10 BENCH_REPS=7 for the issue's 1,000,000 events). BENCH_EVENTS
// (events per contractor of the big database, default 20).
// BENCH_ALTERNATIVE=<another build's folder> (with BENCH_ALTERNATIVE_LABEL) sets another build beside the
// extension on the profiles, warm and with its worker stopped: its overlay against the floor and its
// DOMContentLoaded, to show a trade.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { recordCount } from '../storage/backup';
import { generateRoster } from '../tests/fixtures/roster/generate';
import { type BenchBrowser, launchBench, measureLoad } from './browsers';
import { overlayBigDatabase, pageFigures } from './figures';
import { writeFloorExtension } from './floor';
import { writeExtensionWithFloorPage } from './floor-page';
import { loadPages, type PageSamples, rawLoads, scaleVariants } from './page-loads';
import { benchContractors, benchPages } from './pages';
import { POPUP_PROBE, popupAgainstFloorPage } from './popup';
import { markdownTable, TARGETS, tableRows } from './report';
import { importThroughRoster, measureRosterImport, measureRosterPage, ROSTER_UI } from './roster';
import { attachWorker, badgeLookups } from './scale';
import { workerMemory } from './scale-figures';
import { servePages } from './server';
import { contentScriptSize } from './size';

const EXTENSION_PATH = resolve('.output/chrome-mv3');
const REPS = Number(process.env.BENCH_REPS ?? 15);
const BIG_CONTRACTORS = Number(process.env.BENCH_CONTRACTORS ?? 10_000);
const ONLY = process.env.BENCH_ONLY ?? '';
if (ONLY !== '' && ONLY !== 'roster' && ONLY !== 'popup' && ONLY !== 'pages' && ONLY !== 'scale')
  throw new Error(`BENCH_ONLY=${ONLY}: the choices are "roster", "popup", "pages" and "scale"`);
const onlyRoster = ONLY === 'roster';
const onlyPopup = ONLY === 'popup';
const onlyPages = ONLY === 'pages';
const onlyScale = ONLY === 'scale';
const RESULTS = resolve(`bench/results/${ONLY || 'latest'}.json`);
/** Another build to set beside the extension on the profiles, and what to call it: a trade, shown. */
const ALTERNATIVE = process.env.BENCH_ALTERNATIVE;
const ALTERNATIVE_LABEL = process.env.BENCH_ALTERNATIVE_LABEL ?? 'Alternative build';
const EVENTS_PER_CONTRACTOR = Number(process.env.BENCH_EVENTS ?? 20);
const PROFILES_PER_CONTRACTOR = 2;
/** How long the background is left alone before its heap is read (BENCH_ONLY=scale). */
const QUIET_MS = 5000;
/** The verdict the roster's filter figure picks (the generated roster has some of each). */
const FILTERED_VERDICT = { value: 'trusted', label: 'Trusted' };

const started = Date.now();
const loadAtStart = loadavg();
const log = (line: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
/** Seconds each part of the run took, for keeping a full run near 15 minutes. */
const phases: Record<string, number> = {};
async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const at = Date.now();
  const result = await work();
  phases[name] = Math.round((Date.now() - at) / 1000);
  return result;
}

if (process.env.BENCH_BUILD !== '0') {
  log('building the extension (npm run build)');
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
const manifest = JSON.parse(readFileSync(join(EXTENSION_PATH, 'manifest.json'), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'track-record-bench-'));
const floorPath = writeFloorExtension(manifest, join(scratch, 'floor'));
// The extension the browsers load: the build, plus the popup's floor page (never shipped).
const extensionPath = await writeExtensionWithFloorPage(EXTENSION_PATH, join(scratch, 'extension'));

const pages = benchPages();
const contractors = benchContractors(pages);
const now = Date.now();
const backup = (size: number, profilesPerContractor: number) =>
  generateRoster(
    { contractors: size, profilesPerContractor, eventsPerContractor: EVENTS_PER_CONTRACTOR },
    now,
    contractors,
  );
const small = backup(0, 1);
const big = backup(BIG_CONTRACTORS, PROFILES_PER_CONTRACTOR);
const files = { small: join(scratch, 'small.json'), big: join(scratch, 'big.json') };
writeFileSync(files.small, JSON.stringify(small));
writeFileSync(files.big, JSON.stringify(big));
const bigBytes = statSync(files.big).size;

const server = await servePages(new Map(pages.map((p) => [p.url.split('#')[0] as string, p.html])));
// What the probe times on extension pages: the popup's contractor names, the roster's rows.
const probe = {
  texts: [...contractors.map((c) => c.name), ...POPUP_PROBE.texts],
  selectors: [ROSTER_UI.row, ...POPUP_PROBE.selectors],
};
const browsers: BenchBrowser[] = [];
/** A browser like all the others (closed at the end). */
async function startBrowser(name: string, extension?: { path: string; worker: boolean }) {
  const browser = await launchBench(name, { extension, chromiumArgs: server.chromiumArgs, probe });
  browsers.push(browser);
  return browser;
}
let pageLoadErrors: string[] = [];
let scaleSamples: PageSamples | undefined;
try {
  log(
    onlyRoster || onlyPopup
      ? `starting Chromium with the extension (BENCH_ONLY=${ONLY})`
      : onlyScale
        ? 'starting Chromium: the extension, the extension with the big database (BENCH_ONLY=scale)'
        : 'starting Chromium: no extension, the floor, the extension, the extension with the big database',
  );
  const all = !onlyRoster && !onlyPopup && !onlyScale;
  const none = all ? await startBrowser('none') : null;
  const floor = all ? await startBrowser('floor', { path: floorPath, worker: false }) : null;
  const extension =
    all || onlyScale ? await startBrowser('extension', { path: extensionPath, worker: true }) : null;
  const bigBrowser = await startBrowser('extension-big', { path: extensionPath, worker: true });
  const alternative =
    all && ALTERNATIVE ? await startBrowser('alternative', { path: ALTERNATIVE, worker: true }) : undefined;
  const { product: chromium } = await bigBrowser.chromium.cdp.send<{ product: string }>('Browser.getVersion');

  const upwork = pages.find((p) => p.id === 'upwork-profile');
  const upworkContractor = contractors.find((c) => c.key === upwork?.keys[0]);
  if (!upwork || !upworkContractor) throw new Error('no Upwork profile among the bench pages');
  const measurePopup = (inBrowsers: BenchBrowser[]) => {
    log(
      `popup against the empty extension page: ${REPS} openings of each in ${inBrowsers.length} browsers, interleaved`,
    );
    return phase('popup', () =>
      popupAgainstFloorPage(
        inBrowsers,
        { url: upwork.url, contractorName: upworkContractor.name },
        REPS,
        log,
      ),
    );
  };

  const smallImport =
    extension &&
    (await phase('smallImport', () => {
      log(`importing the bench contractors (${small.contractors.length}) through the roster page`);
      const counts = {
        contractors: small.contractors.length,
        rows: recordCount(small),
        bytes: Buffer.byteLength(JSON.stringify(small)),
      };
      if (alternative) void importThroughRoster(alternative, files.small, counts);
      return importThroughRoster(extension, files.small, counts);
    }));

  let rosterFigures = {};
  let scaleFigures = {};
  if (onlyScale && extension) {
    // Both workers attached (and so kept awake) alike: the page loads compare databases, not a sleeping
    // worker with an awake one.
    const workers = { small: await attachWorker(extension), big: await attachWorker(bigBrowser) };
    const coldStart = await workers.big.heap();
    // The start: the empty database, once the worker has done what it does later (each page loaded once),
    // so that the code it compiled meanwhile does not count as memory the big database took. Each reading
    // a few seconds after the work before it: what the worker keeps, not what it is still working on.
    log('warming both workers up: each page loaded once, the big database still empty');
    for (const browser of [extension, bigBrowser])
      for (const page of pages)
        await measureLoad(browser, page.url, { kind: page.kind === 'profile' ? 'overlay-ready' : 'badge' });
    const quietHeap = async (worker: typeof workers.big) => {
      await new Promise((r) => setTimeout(r, QUIET_MS));
      return worker.heap();
    };
    const start = await quietHeap(workers.big);
    const smallStart = await workers.small.heap();
    log(
      `scale: ${big.contractors.length} contractors / ${big.profiles.length} profiles / ${big.events.length} events (${(bigBytes / 1024 / 1024).toFixed(0)} MB), bare bulkPut, import through the Import button, bulkPut again`,
    );
    const rosterImport = await phase('rosterImport', () =>
      measureRosterImport(
        bigBrowser,
        { file: files.big, contractors: big.contractors.length, rows: recordCount(big) },
        log,
      ),
    );
    const afterImport = await quietHeap(workers.big);
    log(`page loads, the small database against the big one: ${REPS} repetitions, interleaved`);
    const { samples, errors } = await phase('pageLoads', () =>
      loadPages({ extension, big: bigBrowser }, pages, { reps: REPS, log, variants: scaleVariants }),
    );
    const afterPages = await quietHeap(workers.big);
    log(`badge lookups on the listings: ${REPS * 3} in each database, interleaved`);
    const badgesBigDatabase = await phase('badgeLookups', () =>
      badgeLookups({ small: extension, big: bigBrowser }, pages, REPS * 3),
    );
    scaleFigures = {
      rosterImport,
      overlayBigDatabase: overlayBigDatabase(samples, pages),
      badgesBigDatabase,
      workerMemory: {
        ...workerMemory({ start, afterImport, afterPages }),
        coldStart,
        smallDatabase: { start: smallStart, end: await workers.small.heap() },
      },
    };
    pageLoadErrors = errors;
    scaleSamples = samples;
  } else if (onlyPopup) {
    log(`importing the big database (${big.contractors.length} contractors) through the roster page`);
    await phase('bigImport', () =>
      importThroughRoster(bigBrowser, files.big, {
        contractors: big.contractors.length,
        rows: recordCount(big),
        bytes: bigBytes,
      }),
    );
  } else if (!onlyPages) {
    log(
      `roster: ${big.contractors.length} contractors / ${big.profiles.length} profiles / ${big.events.length} events, bare bulkPut, import through the Import button, bulkPut again`,
    );
    const rosterImport = await phase('rosterImport', () =>
      measureRosterImport(
        bigBrowser,
        { file: files.big, contractors: big.contractors.length, rows: recordCount(big) },
        log,
      ),
    );
    log(`roster page on the imported database: ${REPS} repetitions`);
    const rosterPage = await phase('rosterPage', () =>
      measureRosterPage(
        bigBrowser,
        { searchName: big.contractors.at(-8)?.name ?? '', verdict: FILTERED_VERDICT, reps: REPS },
        log,
      ),
    );
    rosterFigures = { rosterImport, ...rosterPage };
  }

  let pageLoads = null;
  if (none && floor && extension) {
    log(`page loads: ${REPS} repetitions, interleaved`);
    const { samples, errors } = await phase('pageLoads', () =>
      loadPages({ none, floor, extension, big: bigBrowser, alternative }, pages, { reps: REPS, log }),
    );
    // With BENCH_ONLY=pages the big database is left empty: its popup would have no contractor to show.
    const popup = await measurePopup(onlyPages ? [extension] : [extension, bigBrowser]);
    pageLoads = {
      samples,
      errors,
      figures: {
        ...pageFigures(samples, pages, ALTERNATIVE_LABEL),
        contentScriptGzip: contentScriptSize(EXTENSION_PATH),
        popup,
      },
    };
  }
  const popupAlone = onlyPopup ? { popup: await measurePopup([bigBrowser]) } : {};

  const figures = { ...pageLoads?.figures, ...popupAlone, ...rosterFigures, ...scaleFigures };
  const loadSamples = pageLoads?.samples ?? scaleSamples;
  const results = {
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      chromium,
      node: process.version,
      date: new Date().toISOString(),
      /** 1, 5 and 15 minutes, when the run started and when it ended. */
      loadAverage: { start: loadAtStart, end: loadavg() },
    },
    run: {
      only: ONLY || null,
      repetitions: REPS,
      durationSeconds: Math.round((Date.now() - started) / 1000),
      phaseSeconds: phases,
      bigDatabase: {
        bytes: bigBytes,
        contractors: big.contractors.length,
        profiles: big.profiles.length,
        events: big.events.length,
        rows: recordCount(big),
      },
      smallImport,
      pages: !all && !onlyScale ? [] : pages.map(({ id, label, url, kind }) => ({ id, label, url, kind })),
      errors: pageLoads?.errors ?? pageLoadErrors,
    },
    targets: Object.fromEntries(Object.entries(TARGETS).filter(([key]) => key in figures)),
    figures,
    /** Every load's own numbers, for another look without running it all again. */
    loads: loadSamples && rawLoads(loadSamples),
  };
  mkdirSync(resolve('bench/results'), { recursive: true });
  // Thousandths of a millisecond are noise: rounded, the file stays readable.
  const rounded = (_: string, v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v);
  writeFileSync(RESULTS, `${JSON.stringify(results, rounded, 2)}\n`);
  const pageLabels = Object.fromEntries(pages.map((p) => [p.id, p.label]));
  console.log(
    `\n${markdownTable(tableRows({ figures, pageLabels, bigContractors: onlyPages ? 0 : big.contractors.length }))}\n`,
  );
  const load = (l: number[]) => l.map((v) => v.toFixed(1)).join(' ');
  const { machine, run } = results;
  console.log(
    `${machine.cpu}, ${machine.cores} cores, ${chromium}, Node ${machine.node}; load average ${load(machine.loadAverage.start)} at the start, ${load(machine.loadAverage.end)} at the end. ${REPS} repetitions, ${run.durationSeconds} s (${Object.entries(
      phases,
    )
      .map(([name, s]) => `${name} ${s} s`)
      .join(', ')}). Written to ${RESULTS}.`,
  );
  if (run.errors.length > 0)
    console.log(`${run.errors.length} loads failed:\n  ${run.errors.slice(0, 10).join('\n  ')}`);
} finally {
  for (const browser of browsers) await browser.close().catch(() => {});
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
}
