import { describe, expect, it } from 'vitest';
import { type Figures, markdownTable, type RosterFigures, TARGETS, tableRows } from './report';

const summary = (median: number, p95: number) => ({ n: 15, median, p95, min: median, max: p95 });
const overlay = (minusFloor: number) => ({
  minusFloor: summary(minusFloor, minusFloor + 20),
  hostMinusFloor: summary(30, 40),
  readyMinusHost: summary(minusFloor - 30, minusFloor),
  ready: summary(900, 1000),
  floor: summary(700, 800),
  minusFloorFromNavigation: summary(minusFloor + 40, minusFloor + 400),
  dclRatio: 1.01,
  insertionsPerLoad: 1,
  failures: 0,
});
const popup = (shownMinusFloor: number) => ({
  floor: summary(180, 260),
  shown: summary(180 + shownMinusFloor, 300),
  usable: summary(260, 340),
  shownMinusFloor: summary(shownMinusFloor, shownMinusFloor + 60),
  usableMinusFloor: summary(80, 140),
  failures: 0,
  firstOpening: { floor: 150, shown: 900 },
});
const figures: Figures = {
  overlayReadyWarm: { 'upwork-profile': overlay(180) },
  overlayReadyColdWorker: { 'upwork-profile': overlay(300) },
  pageTaskTime: {
    'upwork-profile': {
      ratio: 1.134,
      floorRatio: 1.01,
      taskMs: summary(1000, 1200),
      extraTaskMs: summary(130, 200),
      extraScriptMs: summary(26.4, 35),
      extraLayoutMs: null,
      extraStyleMs: null,
      extraCompileMs: null,
      extraDevtoolsMs: null,
      extraOtherMs: summary(24.2, 30),
      extraWindowMs: null,
      floorExtraTaskMs: null,
      unsettled: 0,
    },
  },
  longTasksAdded: { 'upwork-profile': { added: 0.3, floorAdded: 0, perLoadWithout: 4 } },
  domContentLoaded: { 'upwork-profile': { ratio: 1.01, coldRatio: 1.04, withoutRatio: 0.99 } },
  alternative: undefined,
  contentScriptGzip: { gzipBytes: 19544, files: {} },
  overlayBigDatabase: {
    'upwork-profile': {
      readyRatio: 1.05,
      bigReady: summary(945, 1100),
      smallReady: summary(900, 1000),
      big: overlay(190),
    },
  },
  badgesBigDatabase: {
    'fiverr-search': { keys: 24, tracked: 5, small: summary(8, 12), big: summary(9.6, 15), ratio: 1.2 },
  },
  workerMemory: {
    start: { usedMB: 3.1, totalMB: 5, targetId: 'w' },
    afterImport: { usedMB: 3.3, totalMB: 5, targetId: 'w' },
    afterPages: { usedMB: 3.4, totalMB: 5, targetId: 'w' },
    afterOverStart: 3.4 / 3.1,
    sameWorker: true,
    smallDatabase: { start: { usedMB: 3 }, end: { usedMB: 3.2 } },
    coldStart: { usedMB: 2.2 },
  },
  popup: { extension: popup(20), 'extension-big': popup(42) },
  badges: {
    'fiverr-search': { firstMinusFloor: summary(90, 180), lastMinusFloor: null, badges: null, expected: 24 },
  },
  rosterImport: {
    import: {
      contractors: 10000,
      rows: 229999,
      bytes: 1,
      checkMs: 900,
      importMs: 67000,
      pageHeapMB: { start: 10, checkPeak: 812.34, checked: 400, importPeak: 500, end: 20 },
      ms: 67000,
      rowsPerSecond: 3433,
    },
    bareBulkPut: {
      rows: 229999,
      ms: 30000,
      rowsPerSecond: 7667,
      before: { rows: 229999, ms: 28000, rowsPerSecond: 8214 },
      after: { rows: 229999, ms: 32000, rowsPerSecond: 7187 },
    },
    rateOverBulkPut: 0.448,
  },
  rosterFirstRows: { inPage: summary(200, 600), onScreen: summary(246, 691), domContentLoaded: null },
  rosterFirstRowsFirstVisit: { inPage: null, onScreen: null, domContentLoaded: null },
  rosterSearch: summary(19, 47),
  rosterFilter: summary(40, 197),
  rosterSort: summary(62.4, 266),
  rosterScrolling: {
    screenfuls: 631,
    seconds: 40,
    lastRow: 'Contractor 9999',
    start: { heapMB: 17.8, nodes: 1066, rowsInPage: 22 },
    end: { heapMB: 18.04, nodes: 1645, rowsInPage: 21 },
    maxHeapMB: 18.04,
    maxNodes: 1985,
    maxRowsInPage: 33,
    heapGrowth: 18.04 / 17.8,
    nodesGrowth: 1985 / 1066,
    samples: [],
  },
};

describe('the benchmark table', () => {
  const rows = tableRows({
    figures,
    pageLabels: { 'upwork-profile': 'Upwork profile' },
    bigContractors: 10000,
  });
  const row = (figure: string) => rows.find((r) => r.figure === figure);

  it('shows each figure beside its target, deltas signed, ratios to two places', () => {
    expect(row('Overlay ready, warm, − floor')).toEqual({
      figure: 'Overlay ready, warm, − floor',
      page: 'Upwork profile',
      median: '+180 ms',
      p95: '+200 ms',
      target: '≤ +30 ms',
    });
    expect(row('Page main-thread CPU, with ÷ without')?.median).toBe('1.13');
    expect(row('DOMContentLoaded, with ÷ floor')).toMatchObject({ median: '1.01', target: '≤ 1.02' });
    expect(row('DOMContentLoaded, worker stopped, with ÷ floor')).toMatchObject({
      median: '1.04',
      target: '≤ 1.02',
    });
    expect(row('· script time added (CPU)')?.median).toBe('+26 ms');
    expect(row('· other task time added (CPU)')?.median).toBe('+24 ms');
    expect(row('Content script, gzipped')?.median).toBe('19,544 B');
    expect(row('· import rate ÷ bare bulkPut rate')).toMatchObject({ median: '0.45', target: '≥ 0.80' });
    expect(row('Popup shows the contractor − empty page, 10,000 contractors')).toMatchObject({
      median: '+42 ms',
      p95: '+102 ms',
      target: '≤ +50 ms, p95 ≤ +100 ms',
    });
    expect(row('Popup shows the contractor − empty page')).toMatchObject({ median: '+20 ms', target: '' });
  });

  it("shows the roster's figures on the big database, the import against the bare bulkPut", () => {
    expect(row('Roster import (Import button), 229,999 rows')?.median).toBe('67.0 s, 3,433/s');
    expect(row('· bare Dexie bulkPut: mean (before, after)')?.median).toBe('30.0 s (28.0 s, 32.0 s)');
    expect(row('Roster first row on screen, 10,000 contractors')).toMatchObject({
      median: '246 ms',
      p95: '691 ms',
      target: '≤ 300 ms',
    });
    expect(row('Roster sort by score → rows')).toMatchObject({ median: '62 ms', target: '≤ 100 ms' });
    expect(row('Roster scrolled through, JS heap max ÷ start')).toMatchObject({
      median: '1.01',
      target: 'flat',
    });
    expect(row('· JS heap start → max → end (MB)')?.median).toBe('17.8 → 18.0 → 18.0');
    expect(row('· DOM nodes start → max → end')?.median).toBe('1,066 → 1,985 → 1,645');
  });

  it('sets another build beside the extension when the run had one (BENCH_ALTERNATIVE)', () => {
    const withAlternative = tableRows({
      figures: {
        ...figures,
        alternative: {
          label: 'Early frame',
          byPage: {
            'upwork-profile': { overlay: overlay(12), dclRatio: 1.2, cold: overlay(95), coldDclRatio: 1.3 },
          },
        },
      },
      pageLabels: { 'upwork-profile': 'Upwork profile' },
      bigContractors: 10000,
    });
    const alt = (figure: string) => withAlternative.find((r) => r.figure === figure);
    expect(alt('Early frame: overlay ready, warm, − floor')).toMatchObject({
      page: 'Upwork profile',
      median: '+12 ms',
    });
    expect(alt('Early frame: DOMContentLoaded, with ÷ floor')?.median).toBe('1.20');
    expect(alt('Early frame: overlay ready, worker stopped, − floor')?.median).toBe('+95 ms');
    expect(alt('Early frame: DOMContentLoaded, worker stopped, ÷ floor')?.median).toBe('1.30');
    expect(row('Early frame: overlay ready, warm, − floor')).toBeUndefined();
  });

  it('names what it could not measure instead of a number', () => {
    expect(row('· first visit (no kept first screen)')).toMatchObject({ median: '—', p95: '—' });
    expect(rows.find((r) => r.page === 'fiverr-search')?.figure).toBe('First card badge − floor'); // no label: its id
  });

  it('shows the page loads alone when the run measured only them (BENCH_ONLY=pages)', () => {
    const loads = Object.fromEntries(Object.entries(figures).filter(([key]) => !key.startsWith('roster')));
    const alone = tableRows({ figures: loads, pageLabels: {}, bigContractors: 0 });
    expect(alone.some((r) => r.page === 'roster')).toBe(false);
    expect(alone.find((r) => r.figure.startsWith('Overlay ready (from navigation start)'))?.figure).toContain(
      'an empty database',
    );
  });

  it('shows the roster alone when the run measured only it (BENCH_ONLY=roster)', () => {
    const roster = Object.fromEntries(
      Object.entries(figures).filter(([key]) => key.startsWith('roster')),
    ) as RosterFigures;
    const alone = tableRows({ figures: roster, pageLabels: {}, bigContractors: 10000 });
    expect(alone.every((r) => r.page === 'roster')).toBe(true);
    expect(alone.map((r) => r.figure)).toEqual(rows.filter((r) => r.page === 'roster').map((r) => r.figure));
  });

  it('shows the scale run alone: the import, the overlay, the badges and the background (BENCH_ONLY=scale)', () => {
    const { rosterImport, overlayBigDatabase, badgesBigDatabase, workerMemory } = figures;
    const alone = tableRows({
      figures: { rosterImport, overlayBigDatabase, badgesBigDatabase, workerMemory },
      pageLabels: { 'upwork-profile': 'Upwork profile', 'fiverr-search': 'Fiverr search' },
      bigContractors: 100000,
    });
    const at = (figure: string) => alone.find((r) => r.figure === figure);
    expect(at('Overlay ready (from navigation start), 100,000 contractors ÷ bench only')).toMatchObject({
      page: 'Upwork profile',
      median: '1.05',
      target: '≤ 1.10',
    });
    expect(at('Badge lookup (24 cards, 5 tracked), 100,000 contractors ÷ bench only')).toMatchObject({
      page: 'Fiverr search',
      median: '1.20',
      target: '≤ 1.10',
    });
    expect(at('· badge lookup, 100,000 contractors')?.median).toBe('10 ms');
    expect(at('Background JS heap, after ÷ start, 100,000 contractors')).toMatchObject({
      median: '1.10',
      target: '≤ 1.20',
    });
    expect(at('· cold, start (warm), after the import, after the page loads (MB)')?.median).toBe(
      '2.2, 3.1, 3.3, 3.4',
    );
    expect(at('· import rate ÷ bare bulkPut rate')?.median).toBe('0.45');
    expect(at('· page JS heap: start, checking (max), checked, writing (max), end (MB)')?.median).toBe(
      '10.0, 812.3, 400.0, 500.0, 20.0',
    );
    expect(at('Roster first row on screen, 100,000 contractors')).toBeUndefined();
    expect(alone.some((r) => r.figure.startsWith('· the worker was stopped'))).toBe(false);
  });

  it('says when the background was started again during the scale run', () => {
    const restarted = tableRows({
      figures: { workerMemory: { ...figures.workerMemory, sameWorker: false } },
      pageLabels: {},
      bigContractors: 100000,
    });
    expect(restarted.some((r) => r.figure === '· the worker was stopped and started again meanwhile')).toBe(
      true,
    );
  });

  it('shows the popup alone when the run measured only it (BENCH_ONLY=popup)', () => {
    const alone = tableRows({
      figures: { popup: { 'extension-big': popup(42) } },
      pageLabels: {},
      bigContractors: 10000,
    });
    expect(alone.map((r) => [r.figure, r.median])).toEqual([
      ['Popup shows the contractor − empty page, 10,000 contractors', '+42 ms'],
      ['· capture buttons drawn − empty page', '+80 ms'],
      ['· popup: name and verdict drawn', '222 ms'],
      ['· popup: capture buttons drawn', '260 ms'],
      ['· empty extension page: heading drawn', '180 ms'],
      ['· first opening after start: popup shown, empty page', '900 ms, 150 ms'],
    ]);
  });

  it('gives every figure of the results file its target or says it has none', () => {
    expect(Object.keys(TARGETS).sort()).toEqual(Object.keys(figures).sort());
    expect(TARGETS.rosterImport).toEqual({ target: '≥ 0.80', of: 'rateOverBulkPut' });
    expect(TARGETS.badges).toBeNull();
  });

  it('pads the Markdown table so it reads as text too', () => {
    const table = markdownTable(rows.slice(0, 2)).split('\n');
    expect(table).toHaveLength(4);
    expect(new Set(table.map((line) => line.length)).size).toBe(1);
    expect(table[0]).toMatch(/^\| figure +\| page +\| median +\| p95 +\| target +\|$/);
    expect(table[1]).toMatch(/^\| -+ \| -+ \| -+ \| -+ \| -+ \|$/);
  });
});
