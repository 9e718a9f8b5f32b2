// The table `npm run bench` prints (and docs/performance.md shows): one row per figure and page, beside the target
// of issue 10 (and of issue 9 for the roster). Pure: bench/report.test.ts holds it.
import type { pageFigures } from './figures';
import type { PopupFigures } from './popup';
import type { RosterImportFigures, RosterPageFigures } from './roster';
import type { BadgeLookupFigure, workerMemory } from './scale-figures';
import type { contentScriptSize } from './size';
import type { Summary } from './stats';

/** The figures of the page loads, the build and the popup. */
type PageLoadFigures = ReturnType<typeof pageFigures> & {
  contentScriptGzip: ReturnType<typeof contentScriptSize>;
  /** By browser: the small database's and the big one's. */
  popup: Record<string, PopupFigures>;
};
/** The roster's, all on the big database. */
export type RosterFigures = { rosterImport: RosterImportFigures } & RosterPageFigures;
/** The scale run's (BENCH_ONLY=scale), besides the import and the overlay on the big database. */
type ScaleFigures = {
  /** By listing: its badges' lookup, the big database against the small one. */
  badgesBigDatabase: Record<string, BadgeLookupFigure>;
  workerMemory: ReturnType<typeof workerMemory> & {
    /** The small database's browser, as a control: its worker's heap at the start and at the end. */
    smallDatabase: { start: { usedMB: number }; end: { usedMB: number } };
    /** The big database's worker as the extension started, before any page was loaded. */
    coldStart: { usedMB: number };
  };
};
export type Figures = PageLoadFigures & RosterFigures & ScaleFigures;

/**
 * Each figure's target and the number of the figure it is for, as the table shows it and the results
 * file records it: issue 10's, and issue 9's for the roster. Times are medians unless a p95 is named.
 */
const PER_PROFILE = 'minusFloor.median, each profile';
const ROSTER_RESPONSE = { target: '≤ 100 ms', of: 'median' };
const ROSTER_FIRST_ROW = { target: '≤ 300 ms', of: 'onScreen.median' };
export const TARGETS = {
  overlayReadyWarm: { target: '≤ +30 ms', of: PER_PROFILE },
  overlayReadyColdWorker: { target: '≤ +100 ms', of: PER_PROFILE },
  pageTaskTime: { target: '≤ 1.03', of: 'ratio, each page' },
  longTasksAdded: { target: '0', of: 'added, each page' },
  domContentLoaded: { target: '≤ 1.02', of: 'ratio, each page' },
  contentScriptGzip: { target: '≤ 9,000 B', of: 'gzipBytes, the largest (one per site)' },
  overlayBigDatabase: { target: '≤ 1.10', of: 'readyRatio, each profile' },
  badgesBigDatabase: { target: '≤ 1.10', of: 'ratio, each listing' },
  workerMemory: {
    target: '≤ 1.20',
    of: 'afterOverStart (the larger of after the import and after the page loads ÷ start)',
  },
  popup: {
    target: '≤ +50 ms, p95 ≤ +100 ms',
    of: 'extension-big.shownMinusFloor.median, extension-big.shownMinusFloor.p95',
  },
  badges: null,
  alternative: null,
  rosterImport: { target: '≥ 0.80', of: 'rateOverBulkPut' },
  rosterFirstRows: ROSTER_FIRST_ROW,
  rosterFirstRowsFirstVisit: ROSTER_FIRST_ROW,
  rosterSearch: ROSTER_RESPONSE,
  rosterFilter: ROSTER_RESPONSE,
  rosterSort: ROSTER_RESPONSE,
  rosterScrolling: { target: 'flat', of: 'heapGrowth (largest heap ÷ first)' },
} satisfies Record<keyof Figures, { target: string; of: string } | null>;

export type Row = { figure: string; page: string; median: string; p95: string; target: string };

const NONE = '—';
const ms = (v: number | null | undefined, sign = false) =>
  v === null || v === undefined || Number.isNaN(v) ? NONE : `${sign && v >= 0 ? '+' : ''}${Math.round(v)} ms`;
const ratio = (v: number | null | undefined) => (v === null || v === undefined ? NONE : v.toFixed(2));
const count = (v: number | null | undefined) => (v === null || v === undefined ? NONE : v.toFixed(1));
const whole = (v: number) => Math.round(v).toLocaleString('en-US');
const bytes = (v: number) => `${whole(v)} B`;
const seconds = (v: number) => `${(v / 1000).toFixed(1)} s`;
const megabytes = (v: number | undefined) => (v === undefined ? NONE : v.toFixed(1));

/** Rows of a table: `add` one, or `times` for a row of milliseconds (median and p95, signed for differences). */
function rowList() {
  const rows: Row[] = [];
  const add = (figure: string, page: string, median: string, p95: string, target: string) =>
    rows.push({ figure, page, median, p95, target });
  const times = (figure: string, page: string, s: Summary | null | undefined, target: string, sign = true) =>
    add(figure, page, ms(s?.median, sign), ms(s?.p95, sign), target);
  return { rows, add, times };
}

/** The rows of the page loads, the build and the popup; `big` names the big database. */
function pageLoadRows(f: PageLoadFigures, label: (id: string) => string, big: string): Row[] {
  const { rows, add, times } = rowList();
  const T = TARGETS;
  for (const [id, o] of Object.entries(f.overlayReadyWarm)) {
    times('Overlay ready, warm, − floor', label(id), o.minusFloor, T.overlayReadyWarm.target);
    times('· host inserted − floor', label(id), o.hostMinusFloor, '');
    times('· ready − host inserted', label(id), o.readyMinusHost, '');
  }
  for (const [id, o] of Object.entries(f.overlayReadyColdWorker))
    times('Overlay ready, worker stopped, − floor', label(id), o.minusFloor, T.overlayReadyColdWorker.target);
  for (const [id, t] of Object.entries(f.pageTaskTime)) {
    add('Page main-thread CPU, with ÷ without', label(id), ratio(t.ratio), NONE, T.pageTaskTime.target);
    times('· script time added (CPU)', label(id), t.extraScriptMs, '');
    // Chromium's TaskOtherDuration: neither script, style nor layout (painting, compositing, parsing,
    // messages).
    times('· other task time added (CPU)', label(id), t.extraOtherMs, '');
  }
  for (const [id, l] of Object.entries(f.longTasksAdded))
    add('Long tasks added per load', label(id), count(l.added), NONE, T.longTasksAdded.target);
  for (const [id, d] of Object.entries(f.domContentLoaded))
    add('DOMContentLoaded, with ÷ floor', label(id), ratio(d.ratio), NONE, T.domContentLoaded.target);
  // Only the profiles are loaded with the worker stopped.
  for (const [id, d] of Object.entries(f.domContentLoaded))
    if (d.coldRatio !== null)
      add(
        'DOMContentLoaded, worker stopped, with ÷ floor',
        label(id),
        ratio(d.coldRatio),
        NONE,
        T.domContentLoaded.target,
      );
  add(
    'Content script, gzipped',
    'largest of its site',
    bytes(f.contentScriptGzip.gzipBytes),
    NONE,
    T.contentScriptGzip.target,
  );
  for (const [id, b] of Object.entries(f.overlayBigDatabase))
    add(
      `Overlay ready (from navigation start), ${big} ÷ bench only`,
      label(id),
      ratio(b.readyRatio),
      NONE,
      T.overlayBigDatabase.target,
    );
  for (const [id, b] of Object.entries(f.badges))
    times('First card badge − floor', label(id), b.firstMinusFloor, '');
  // Another build set beside this one (BENCH_ALTERNATIVE), to show a trade: the same figures, warm and cold.
  for (const [id, a] of Object.entries(f.alternative?.byPage ?? {})) {
    times(`${f.alternative?.label}: overlay ready, warm, − floor`, label(id), a.overlay.minusFloor, '');
    add(`${f.alternative?.label}: DOMContentLoaded, with ÷ floor`, label(id), ratio(a.dclRatio), NONE, '');
    times(
      `${f.alternative?.label}: overlay ready, worker stopped, − floor`,
      label(id),
      a.cold.minusFloor,
      '',
    );
    add(
      `${f.alternative?.label}: DOMContentLoaded, worker stopped, ÷ floor`,
      label(id),
      ratio(a.coldDclRatio),
      NONE,
      '',
    );
  }
  return [...rows, ...popupRows(f.popup, big)];
}

/** The popup's rows, in each database: against the empty extension page opened beside it. */
function popupRows(popup: Record<string, PopupFigures>, big: string): Row[] {
  const { rows, add, times } = rowList();
  const page = 'Upwork profile';
  for (const [name, p] of Object.entries(popup)) {
    const inBig = name.endsWith('big');
    const target = inBig ? TARGETS.popup.target : '';
    times(
      `Popup shows the contractor − empty page${inBig ? `, ${big}` : ''}`,
      page,
      p.shownMinusFloor,
      target,
    );
    times('· capture buttons drawn − empty page', page, p.usableMinusFloor, '');
    times('· popup: name and verdict drawn', page, p.shown, '', false);
    times('· popup: capture buttons drawn', page, p.usable, '', false);
    times('· empty extension page: heading drawn', page, p.floor, '', false);
    const { shown, floor } = p.firstOpening;
    add('· first opening after start: popup shown, empty page', page, `${ms(shown)}, ${ms(floor)}`, NONE, '');
  }
  return rows;
}

/** The big import's rows: its rate against a bare bulkPut's, the check before it, the page's memory. */
function importRows(f: RosterImportFigures): Row[] {
  const { rows, add } = rowList();
  const page = 'roster';
  const { import: imported, bareBulkPut: bulkPut, rateOverBulkPut } = f;
  add(
    `Roster import (Import button), ${whole(imported.rows)} rows`,
    page,
    `${seconds(imported.importMs)}, ${whole(imported.rowsPerSecond)}/s`,
    NONE,
    '',
  );
  add(
    '· bare Dexie bulkPut: mean (before, after)',
    page,
    `${seconds(bulkPut.ms)} (${seconds(bulkPut.before.ms)}, ${seconds(bulkPut.after.ms)})`,
    NONE,
    '',
  );
  add('· import rate ÷ bare bulkPut rate', page, ratio(rateOverBulkPut), NONE, TARGETS.rosterImport.target);
  add('· file checked: chosen → preview', page, seconds(imported.checkMs), NONE, '');
  const heap = imported.pageHeapMB;
  add(
    '· page JS heap: start, checking (max), checked, writing (max), end (MB)',
    page,
    [heap.start, heap.checkPeak, heap.checked, heap.importPeak, heap.end].map(megabytes).join(', '),
    NONE,
    '',
  );
  return rows;
}

/** The roster page's rows (issue 9), all on the big database. */
function rosterRows(f: RosterFigures, big: string): Row[] {
  const { rows, add, times } = rowList();
  const T = TARGETS;
  const page = 'roster';
  times(
    `Roster first row on screen, ${big}`,
    page,
    f.rosterFirstRows.onScreen,
    T.rosterFirstRows.target,
    false,
  );
  times(
    '· first visit (no kept first screen)',
    page,
    f.rosterFirstRowsFirstVisit.onScreen,
    T.rosterFirstRowsFirstVisit.target,
    false,
  );
  times("· the page's DOMContentLoaded", page, f.rosterFirstRows.domContentLoaded, '', false);
  times('Roster search keystroke → rows', page, f.rosterSearch, T.rosterSearch.target, false);
  times('Roster verdict filter → rows', page, f.rosterFilter, T.rosterFilter.target, false);
  times('Roster sort by score → rows', page, f.rosterSort, T.rosterSort.target, false);
  const m = f.rosterScrolling;
  add(
    `Roster scrolled through, JS heap max ÷ start`,
    page,
    ratio(m.heapGrowth),
    NONE,
    T.rosterScrolling.target,
  );
  add(
    '· JS heap start → max → end (MB)',
    page,
    `${megabytes(m.start.heapMB)} → ${megabytes(m.maxHeapMB)} → ${megabytes(m.end.heapMB)}`,
    NONE,
    '',
  );
  add(
    '· DOM nodes start → max → end',
    page,
    `${whole(m.start.nodes)} → ${whole(m.maxNodes)} → ${whole(m.end.nodes)}`,
    NONE,
    '',
  );
  add('· roster rows in the page, at most', page, whole(m.maxRowsInPage), NONE, '');
  return rows;
}

/** The scale run's rows: the overlay and the badges with the big database, the background's memory. */
function scaleRows(f: Partial<Figures>, label: (id: string) => string, big: string): Row[] {
  const { rows, add, times } = rowList();
  for (const [id, b] of Object.entries(f.overlayBigDatabase ?? {})) {
    add(
      `Overlay ready (from navigation start), ${big} ÷ bench only`,
      label(id),
      ratio(b.readyRatio),
      NONE,
      TARGETS.overlayBigDatabase.target,
    );
    times(`· overlay ready (from navigation start), ${big}`, label(id), b.bigReady, '', false);
    times('· the same, bench only', label(id), b.smallReady, '', false);
  }
  for (const [id, b] of Object.entries(f.badgesBigDatabase ?? {})) {
    add(
      `Badge lookup (${b.keys} cards, ${b.tracked} tracked), ${big} ÷ bench only`,
      label(id),
      ratio(b.ratio),
      NONE,
      TARGETS.badgesBigDatabase.target,
    );
    times(`· badge lookup, ${big}`, label(id), b.big, '', false);
    times('· badge lookup, bench only', label(id), b.small, '', false);
  }
  const m = f.workerMemory;
  if (m) {
    add(
      `Background JS heap, after ÷ start, ${big}`,
      'service worker',
      ratio(m.afterOverStart),
      NONE,
      TARGETS.workerMemory.target,
    );
    add(
      '· cold, start (warm), after the import, after the page loads (MB)',
      'service worker',
      [m.coldStart, m.start, m.afterImport, m.afterPages].map((s) => megabytes(s.usedMB)).join(', '),
      NONE,
      '',
    );
    add(
      '· bench only: start, end (MB)',
      'service worker',
      `${megabytes(m.smallDatabase.start.usedMB)}, ${megabytes(m.smallDatabase.end.usedMB)}`,
      NONE,
      '',
    );
    if (!m.sameWorker)
      add('· the worker was stopped and started again meanwhile', 'service worker', '!', NONE, '');
  }
  return rows;
}

/**
 * The table's rows: the page loads' (when the run had them: `BENCH_ONLY=roster` and `BENCH_ONLY=popup`
 * have not), the popup's and the roster's (each when the run measured it). `bigContractors`: the big
 * database's size.
 */
export function tableRows({
  figures: f,
  pageLabels,
  bigContractors,
}: {
  figures: Partial<Figures>;
  pageLabels: Record<string, string>;
  bigContractors: number;
}): Row[] {
  // BENCH_ONLY=pages imports no big database: it is then empty.
  const big = bigContractors > 0 ? `${whole(bigContractors)} contractors` : 'an empty database';
  const label = (id: string) => pageLabels[id] ?? id;
  const loads = hasPageLoads(f) ? pageLoadRows(f, label, big) : f.popup ? popupRows(f.popup, big) : [];
  const scale = f.workerMemory ? scaleRows(f, label, big) : [];
  return [
    ...loads,
    ...scale,
    ...(f.rosterImport ? importRows(f.rosterImport) : []),
    ...(isRoster(f) ? rosterRows(f, big) : []),
  ];
}

const hasPageLoads = (f: Partial<Figures>): f is Partial<Figures> & PageLoadFigures =>
  f.overlayReadyWarm !== undefined && f.contentScriptGzip !== undefined && f.popup !== undefined;
const isRoster = (f: Partial<Figures>): f is Partial<Figures> & RosterFigures =>
  f.rosterImport !== undefined && f.rosterFirstRows !== undefined;

/** A Markdown table, its columns padded so it also reads as plain text. */
export function markdownTable(rows: Row[]): string {
  const header: Row = { figure: 'figure', page: 'page', median: 'median', p95: 'p95', target: 'target' };
  const keys = Object.keys(header) as (keyof Row)[];
  const width = Object.fromEntries(
    keys.map((k) => [k, Math.max(3, ...[header, ...rows].map((r) => r[k].length))]),
  );
  const line = (r: Row) => `| ${keys.map((k) => r[k].padEnd(width[k] as number)).join(' | ')} |`;
  const rule = `| ${keys.map((k) => '-'.repeat(width[k] as number)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
