import { describe, expect, it } from 'vitest';
import { type Figures, markdownTable, tableRows } from './report';

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
      floorExtraTaskMs: null,
      unsettled: 0,
    },
  },
  longTasksAdded: { 'upwork-profile': { added: 0.3, floorAdded: 0, perLoadWithout: 4 } },
  contentScriptGzip: { gzipBytes: 19544, files: {} },
  overlayBigDatabase: { 'upwork-profile': { readyRatio: 1.05, readyMinusHostRatio: 1.1, big: overlay(190) } },
  popupShowingContractor: { extension: summary(200, 230), 'extension-big': summary(210, 256) },
  badges: {
    'fiverr-search': { firstMinusFloor: summary(90, 180), lastMinusFloor: null, badges: null, expected: 24 },
  },
  rosterImport: {
    big: { contractors: 10000, rows: 229999, bytes: 1, checkMs: 900, importMs: 67000, rowsPerSecond: 3433 },
    bareBulkPut: { rows: 229999, ms: 30000, rowsPerSecond: 7667 },
    rateOverBulkPut: 0.448,
  },
  rosterFirstRows: { inPage: summary(2400, 2600), onScreen: null },
  rosterSearch: { skipped: "today's roster has no search box" },
};

describe('the benchmark table', () => {
  const rows = tableRows({ figures, pageLabels: { 'upwork-profile': 'Upwork profile' } });
  const row = (figure: string) => rows.find((r) => r.figure === figure);

  it('shows each figure beside its target, deltas signed, ratios to two places', () => {
    expect(row('Overlay ready, warm, − floor')).toEqual({
      figure: 'Overlay ready, warm, − floor',
      page: 'Upwork profile',
      median: '+180 ms',
      p95: '+200 ms',
      target: '≤ +50 ms',
    });
    expect(row('Page main-thread CPU, with ÷ without')?.median).toBe('1.13');
    expect(row('· DOMContentLoaded, with ÷ floor')?.median).toBe('1.01');
    expect(row('· script time added (CPU)')?.median).toBe('+26 ms');
    expect(row('Content script, gzipped')?.median).toBe('19,544 B');
    expect(row('· import rate ÷ bare Dexie bulkPut')?.median).toBe('0.45');
    expect(row('Popup shows the contractor, 10,000 contractors')).toMatchObject({
      p95: '256 ms',
      target: 'p95 ≤ 250 ms',
    });
  });

  it('names what it could not measure instead of a number', () => {
    expect(row('Roster first rows on screen, 10,000 contractors')?.median).toBe('—');
    expect(row('Roster search keystroke → rows')?.median).toBe(
      "not measured: today's roster has no search box",
    );
    expect(rows.find((r) => r.page === 'fiverr-search')?.figure).toBe('First card badge − floor'); // no label: its id
  });

  it('pads the Markdown table so it reads as text too', () => {
    const table = markdownTable(rows.slice(0, 2)).split('\n');
    expect(table).toHaveLength(4);
    expect(new Set(table.map((line) => line.length)).size).toBe(1);
    expect(table[0]).toMatch(/^\| figure +\| page +\| median +\| p95 +\| target +\|$/);
    expect(table[1]).toMatch(/^\| -+ \| -+ \| -+ \| -+ \| -+ \|$/);
  });
});
