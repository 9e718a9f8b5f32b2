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

  for (const [id, o] of Object.entries(f.overlayReadyWarm)) {
    add(
      'Overlay ready, warm, − floor',
      label(id),
      ms(o.minusFloor?.median, true),
      ms(o.minusFloor?.p95, true),
      '≤ +50 ms',
    );
    add(
      '· host inserted − floor',
      label(id),
      ms(o.hostMinusFloor?.median, true),
      ms(o.hostMinusFloor?.p95, true),
      '',
    );
    add(
      '· ready − host inserted',
      label(id),
      ms(o.readyMinusHost?.median, true),
      ms(o.readyMinusHost?.p95, true),
      '',
    );
  }
  for (const [id, o] of Object.entries(f.overlayReadyColdWorker))
    add(
      'Overlay ready, worker stopped, − floor',
      label(id),
      ms(o.minusFloor?.median, true),
      ms(o.minusFloor?.p95, true),
      '≤ +150 ms',
    );
  for (const [id, t] of Object.entries(f.pageTaskTime)) {
    add('Page task time, with ÷ without', label(id), ratio(t.ratio), NONE, '≤ 1.05');
    add(
      '· script time added',
      label(id),
      ms(t.extraScriptMs?.median, true),
      ms(t.extraScriptMs?.p95, true),
      '',
    );
  }
  for (const [id, l] of Object.entries(f.longTasksAdded))
    add('Long tasks added per load', label(id), count(l.added), NONE, '0');
  add('Content script, gzipped', 'all', bytes(f.contentScriptGzip.gzipBytes), NONE, '≤ 12,000 B');
  for (const [id, b] of Object.entries(f.overlayBigDatabase))
    add('Overlay ready, 10k contractors ÷ bench only', label(id), ratio(b.readyRatio), NONE, '≤ 1.10');
  for (const [name, s] of Object.entries(f.popupShowingContractor))
    add(
      `Popup shows the contractor (${name})`,
      'Upwork profile',
      ms(s?.median),
      ms(s?.p95),
      name.endsWith('big') ? 'p95 ≤ 250 ms' : '',
    );
  for (const [id, b] of Object.entries(f.badges))
    add(
      'First card badge − floor',
      label(id),
      ms(b.firstMinusFloor?.median, true),
      ms(b.firstMinusFloor?.p95, true),
      '',
    );
  const imp = f.rosterImport;
  add(
    `Roster import, ${imp.big.rows.toLocaleString('en-US')} rows`,
    'roster',
    `${(imp.big.importMs / 1000).toFixed(1)} s`,
    NONE,
    '',
  );
  add('· import rate ÷ bare Dexie bulkPut', 'roster', ratio(imp.rateOverBulkPut), NONE, '≥ 0.80');
  add(
    'Roster first rows on screen',
    'roster',
    ms(f.rosterFirstRows.onScreen?.median),
    ms(f.rosterFirstRows.onScreen?.p95),
    '≤ 300 ms',
  );
  const search = f.rosterSearch;
  if ('skipped' in search)
    add('Roster search keystroke → rows', 'roster', `not measured: ${search.skipped}`, NONE, '≤ 100 ms');
  else
    add(
      'Roster search keystroke → rows',
      'roster',
      ms(search.keystrokeToRows?.median),
      ms(search.keystrokeToRows?.p95),
      '≤ 100 ms',
    );
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
