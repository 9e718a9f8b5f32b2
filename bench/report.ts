// The table `npm run bench` prints (and the README shows): one row per figure and page, beside the target
// of issue 10 (and of issue 9 for the roster). Pure: bench/report.test.ts holds it.
import type { BulkPutFigure, ImportFigure } from './extension-pages';
import type {
  badgeTiming,
  longTasksAdded,
  overlayBigDatabase,
  overlayReadyColdWorker,
  overlayReadyWarm,
  pageTaskTime,
} from './figures';
import type { contentScriptSize } from './size';
import type { Summary } from './stats';

export type Figures = {
  overlayReadyWarm: ReturnType<typeof overlayReadyWarm>;
  overlayReadyColdWorker: ReturnType<typeof overlayReadyColdWorker>;
  pageTaskTime: ReturnType<typeof pageTaskTime>;
  longTasksAdded: ReturnType<typeof longTasksAdded>;
  contentScriptGzip: ReturnType<typeof contentScriptSize>;
  overlayBigDatabase: ReturnType<typeof overlayBigDatabase>;
  popupShowingContractor: Record<string, Summary | null>;
  badges: ReturnType<typeof badgeTiming>;
  rosterImport: { big: ImportFigure; bareBulkPut: BulkPutFigure; rateOverBulkPut: number };
  rosterFirstRows: { inPage: Summary | null; onScreen: Summary | null };
  rosterSearch: { skipped: string } | { keystrokeToRows: Summary | null };
};

export type Row = { figure: string; page: string; median: string; p95: string; target: string };

const NONE = '—';
const ms = (v: number | null | undefined, sign = false) =>
  v === null || v === undefined || Number.isNaN(v) ? NONE : `${sign && v >= 0 ? '+' : ''}${Math.round(v)} ms`;
const ratio = (v: number | null | undefined) => (v === null || v === undefined ? NONE : v.toFixed(2));
const count = (v: number | null | undefined) => (v === null || v === undefined ? NONE : v.toFixed(1));
const bytes = (v: number) => `${v.toLocaleString('en-US')} B`;

export function tableRows({
  figures: f,
  pageLabels,
}: {
  figures: Figures;
  pageLabels: Record<string, string>;
}): Row[] {
  const label = (id: string) => pageLabels[id] ?? id;
  const rows: Row[] = [];
  const add = (figure: string, page: string, median: string, p95: string, target: string) =>
    rows.push({ figure, page, median, p95, target });
  /** A row of milliseconds: median and p95, signed for differences. */
  const times = (figure: string, page: string, s: Summary | null | undefined, target: string, sign = true) =>
    add(figure, page, ms(s?.median, sign), ms(s?.p95, sign), target);
  /** The big database's size, as the figures name it. */
  const big = `${f.rosterImport.big.contractors.toLocaleString('en-US')} contractors`;

  for (const [id, o] of Object.entries(f.overlayReadyWarm)) {
    times('Overlay ready, warm, − floor', label(id), o.minusFloor, '≤ +50 ms');
    times('· host inserted − floor', label(id), o.hostMinusFloor, '');
    times('· ready − host inserted', label(id), o.readyMinusHost, '');
    add('· DOMContentLoaded, with ÷ floor', label(id), ratio(o.dclRatio), NONE, '1');
  }
  for (const [id, o] of Object.entries(f.overlayReadyColdWorker))
    times('Overlay ready, worker stopped, − floor', label(id), o.minusFloor, '≤ +150 ms');
  for (const [id, t] of Object.entries(f.pageTaskTime)) {
    add('Page main-thread CPU, with ÷ without', label(id), ratio(t.ratio), NONE, '≤ 1.05');
    times('· script time added (CPU)', label(id), t.extraScriptMs, '');
  }
  for (const [id, l] of Object.entries(f.longTasksAdded))
    add('Long tasks added per load', label(id), count(l.added), NONE, '0');
  add('Content script, gzipped', 'all', bytes(f.contentScriptGzip.gzipBytes), NONE, '≤ 12,000 B');
  for (const [id, b] of Object.entries(f.overlayBigDatabase))
    add(`Overlay ready, ${big} ÷ bench only`, label(id), ratio(b.readyRatio), NONE, '≤ 1.10');
  for (const [name, s] of Object.entries(f.popupShowingContractor)) {
    const inBig = name.endsWith('big');
    times(
      `Popup shows the contractor${inBig ? `, ${big}` : ''}`,
      'Upwork profile',
      s,
      inBig ? 'p95 ≤ 250 ms' : '',
      false,
    );
  }
  for (const [id, b] of Object.entries(f.badges))
    times('First card badge − floor', label(id), b.firstMinusFloor, '');
  const { importMs, rows: importedRows } = f.rosterImport.big;
  add(
    `Roster import, ${importedRows.toLocaleString('en-US')} rows`,
    'roster',
    `${(importMs / 1000).toFixed(1)} s`,
    NONE,
    '',
  );
  add('· import rate ÷ bare Dexie bulkPut', 'roster', ratio(f.rosterImport.rateOverBulkPut), NONE, '≥ 0.80');
  times(`Roster first rows on screen, ${big}`, 'roster', f.rosterFirstRows.onScreen, '≤ 300 ms', false);
  const search = f.rosterSearch;
  if ('skipped' in search)
    add('Roster search keystroke → rows', 'roster', `not measured: ${search.skipped}`, NONE, '≤ 100 ms');
  else times('Roster search keystroke → rows', 'roster', search.keystrokeToRows, '≤ 100 ms', false);
  return rows;
}

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
