// The roster figures of issue 9, measured in a real Chromium with the built extension: a backup of 10,000
// contractors imported through the roster's own controls, timed against a bare Dexie bulkPut of the same
// rows in the same origin and run; then, on that database, the first rows on screen after the page opens,
// a search keystroke, a filter and a sort to the new rows on screen, and memory while scrolling through
// everyone. Every time is taken inside the page (performance.now(), MutationObserver, the next frame);
// Node only starts things and reads the results. Plug into `npm run bench` as `measureRoster(browser, …)`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

/** What the roster figures need of a browser: a context with the extension, and its pages' addresses. */
export type RosterBrowser = { context: BrowserContext; extensionUrl(path: string): string };

export type Summary = { n: number; median: number; p95: number; min: number; max: number };

/** The roster page as the figures find it (the DOM contract of the roster). */
export const ROSTER_UI = {
  row: '[data-testid="roster-row"]',
  search: 'input[type="search"]',
  verdictFilter: 'select[aria-label="Verdict"]',
  importInput: 'input[type="file"][accept*="json"]',
  checked: (contractors: number) => `holds ${contractors} contractors`,
  replaceButton: 'Replace my records',
  imported: (contractors: number) => `Imported ${contractors} contractors`,
};

function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

/** Median, interpolated p95, min and max (the same definitions as the bench's stats). */
export function summarize(values: number[]): Summary | null {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return null;
  return {
    n: v.length,
    median: quantile(v, 0.5),
    p95: quantile(v, 0.95),
    min: v[0] as number,
    max: v.at(-1) as number,
  };
}

/** Something the user does, done from inside the page so its time is the page's own. */
type Action =
  | { kind: 'set'; selector: string; value: string; event: 'input' | 'change' }
  | { kind: 'click'; selector: string; text: string };
/** What the page shows once the action has taken effect. */
type Shown =
  | { kind: 'body-includes'; text: string }
  | { kind: 'only-row'; text: string }
  | { kind: 'first-row-includes'; text: string }
  | { kind: 'sorted-by'; header: string; firstRowWas: string };

/**
 * Does `action` in the page and resolves with the ms until `shown` holds and the next frame (the one that
 * draws it) has been produced. The page's CSP forbids eval, so actions and checks are data, not code.
 */
function timeInPage(page: Page, action: Action, shown: Shown, timeoutMs = 30_000): Promise<number> {
  return page.evaluate(
    ([act, want, limit, row]) =>
      new Promise<number>((resolve, reject) => {
        const firstRow = () => document.querySelector(row)?.textContent ?? '';
        const holds = () => {
          switch (want.kind) {
            case 'body-includes':
              return document.body.textContent?.includes(want.text) ?? false;
            case 'only-row':
              return document.querySelectorAll(row).length === 1 && firstRow().includes(want.text);
            case 'first-row-includes':
              return firstRow().includes(want.text);
            case 'sorted-by':
              return (
                firstRow() !== want.firstRowWas &&
                (document.querySelector('th[aria-sort]')?.textContent ?? '').startsWith(want.header)
              );
          }
        };
        const giveUp = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`not shown within ${limit} ms: ${JSON.stringify(want)}`));
        }, limit);
        const observer = new MutationObserver(() => {
          if (!holds()) return;
          observer.disconnect();
          clearTimeout(giveUp);
          // On screen once the next frame has been produced.
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - began)));
        });
        observer.observe(document.body, {
          childList: true,
          subtree: true,
          characterData: true,
          attributes: true,
        });
        const began = performance.now();
        if (act.kind === 'set') {
          const el = document.querySelector(act.selector) as HTMLInputElement | HTMLSelectElement;
          const proto =
            el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
          Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, act.value);
          el.dispatchEvent(new Event(act.event, { bubbles: true }));
        } else {
          const target = [...document.querySelectorAll<HTMLElement>(act.selector)].find((b) =>
            (b.textContent ?? '').trim().startsWith(act.text),
          );
          target?.click();
        }
      }),
    [action, shown, timeoutMs, ROSTER_UI.row] as const,
  );
}

export type ImportFigure = {
  contractors: number;
  rows: number;
  bytes: number;
  checkMs: number;
  importMs: number;
  rowsPerSecond: number;
};

/** Chooses the file on the roster's Data view, waits for the check, clicks Replace: both steps timed in the page. */
export async function importThroughRoster(
  browser: RosterBrowser,
  file: string,
  counts: { contractors: number; rows: number; bytes: number },
): Promise<ImportFigure> {
  const page = await browser.context.newPage();
  try {
    await page.goto(browser.extensionUrl('dashboard.html#view=data'));
    await page.locator(ROSTER_UI.importInput).waitFor({ state: 'attached' });
    const checked = page.evaluate(
      (text) =>
        new Promise<number>((resolve) => {
          const input = document.querySelector('input[type="file"][accept*="json"]') as HTMLInputElement;
          let chosen = 0;
          input.addEventListener('change', () => (chosen = performance.now()), { capture: true, once: true });
          const observer = new MutationObserver(() => {
            if (document.body.textContent?.includes(text)) {
              observer.disconnect();
              resolve(performance.now() - chosen);
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        }),
      ROSTER_UI.checked(counts.contractors),
    );
    await page.locator(ROSTER_UI.importInput).setInputFiles(file, { timeout: 120_000 });
    const checkMs = await checked;
    const importMs = await timeInPage(
      page,
      { kind: 'click', selector: 'button', text: ROSTER_UI.replaceButton },
      { kind: 'body-includes', text: ROSTER_UI.imported(counts.contractors) },
      1_800_000,
    );
    return { ...counts, checkMs, importMs, rowsPerSecond: counts.rows / (importMs / 1000) };
  } finally {
    await page.close();
  }
}

export type BulkPutFigure = { rows: number; ms: number; rowsPerSecond: number };

/**
 * The floor for an import: the file's rows written by a bare Dexie bulkPut (the Dexie the product ships)
 * in one transaction, into a scratch database with the product's schema as it is on disk (stores, keys,
 * indexes), in the extension's origin. The file is parsed before the clock starts, as the product's import
 * has parsed and checked it before its clock starts. The scratch database is deleted.
 */
export async function bareBulkPut(browser: RosterBrowser, backupText: string): Promise<BulkPutFigure> {
  const require = createRequire(import.meta.url);
  const dexieSource = readFileSync(require.resolve('dexie/dist/dexie.js'), 'utf8');
  const page = await browser.context.newPage();
  try {
    await page.goto(browser.extensionUrl('popup.html'));
    await page.evaluate(dexieSource);
    return await page.evaluate(async (text) => {
      const product = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('track-record');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const path = (p: string | string[]) => (Array.isArray(p) ? `[${p.join('+')}]` : p);
      const stores: Record<string, string> = {};
      const tx = product.transaction([...product.objectStoreNames]);
      for (const name of product.objectStoreNames) {
        const store = tx.objectStore(name);
        const indexes = [...store.indexNames].map((i) => store.index(i));
        const primary = `${store.autoIncrement ? '++' : ''}${path(store.keyPath as string | string[])}`;
        stores[name] = [
          primary,
          ...indexes.map((i) => `${i.unique ? '&' : ''}${i.multiEntry ? '*' : ''}${path(i.keyPath)}`),
        ].join(', ');
      }
      product.close();
      const backup = JSON.parse(text) as Record<string, unknown>;
      const tables = Object.keys(stores).filter((name) => Array.isArray(backup[name]));
      const rows = tables.reduce((n, name) => n + (backup[name] as unknown[]).length, 0);
      // biome-ignore lint/suspicious/noExplicitAny: Dexie comes from the bundle evaluated above.
      const Dexie = (window as any).Dexie;
      const scratch = new Dexie('track-record-bench-bulkput');
      scratch.version(1).stores(stores);
      await scratch.open();
      const started = performance.now();
      await scratch.transaction('rw', tables, () =>
        Promise.all(tables.map((name) => scratch.table(name).bulkPut(backup[name]))),
      );
      const ms = performance.now() - started;
      await scratch.delete();
      return { rows, ms, rowsPerSecond: rows / (ms / 1000) };
    }, backupText);
  } finally {
    await page.close();
  }
}

/** Records, from the very start of each roster page, when its first row was inserted and then drawn. */
export function installFirstRowProbe(): void {
  const w = window as unknown as { __firstRow?: Promise<{ inserted: number; shown: number }> };
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/dashboard.html')) return;
  w.__firstRow = new Promise((resolve) => {
    const seen = () => {
      if (!document.querySelector('[data-testid="roster-row"]')) return false;
      observer.disconnect();
      const inserted = performance.now();
      requestAnimationFrame(() => setTimeout(() => resolve({ inserted, shown: performance.now() })));
      return true;
    };
    const observer = new MutationObserver(seen);
    observer.observe(document, { childList: true, subtree: true });
  });
}

/**
 * Opens the roster `reps` times: ms from the start of navigation to its first row in the page and on screen,
 * and to the page's DOMContentLoaded (its script loaded and run: what any extension page pays first).
 * `cached: false` removes the copy of the first screen the page keeps (first-screen.tsx) before each load,
 * as on a first visit, so the rows come from the database.
 */
export async function firstRows(browser: RosterBrowser, reps: number, { cached = true } = {}) {
  const inPage: number[] = [];
  const onScreen: number[] = [];
  const scriptRun: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    if (!cached) {
      const helper = await browser.context.newPage();
      await helper.goto(browser.extensionUrl('popup.html'));
      await helper.evaluate(() => localStorage.removeItem('track-record:first-screen'));
      await helper.close();
    }
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('dashboard.html'));
    const at = await page.evaluate(async () => {
      const first = await (window as unknown as { __firstRow: Promise<{ inserted: number; shown: number }> })
        .__firstRow;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { ...first, loaded: nav.domContentLoadedEventEnd };
    });
    inPage.push(at.inserted);
    onScreen.push(at.shown);
    scriptRun.push(at.loaded);
    await page.close();
  }
  return { inPage: summarize(inPage), onScreen: summarize(onScreen), domContentLoaded: summarize(scriptRun) };
}

/**
 * On a roster showing everyone: a search keystroke (the last letter of a name), a verdict filter, and a sort
 * by score, each timed from the event to the new first row drawn. `name` is a contractor's whole name.
 */
export async function interactions(browser: RosterBrowser, name: string, reps: number) {
  const page = await browser.context.newPage();
  try {
    await page.goto(browser.extensionUrl('dashboard.html'));
    await page.locator(ROSTER_UI.row).first().waitFor({ timeout: 60_000 });
    await page.getByText(/^[\d,]+ contractors$/).waitFor({ timeout: 60_000 }); // the whole roster is read
    const keystroke: number[] = [];
    const filter: number[] = [];
    const sort: number[] = [];
    const reset = () => page.evaluate(() => history.replaceState(null, '', location.pathname));
    for (let rep = 0; rep < reps; rep++) {
      await page.locator(ROSTER_UI.search).fill(name.slice(0, -1));
      await page.waitForTimeout(50);
      keystroke.push(
        await timeInPage(
          page,
          { kind: 'set', selector: ROSTER_UI.search, value: name, event: 'input' },
          { kind: 'only-row', text: name },
        ),
      );
      await page.locator(ROSTER_UI.search).fill('');
      await page.waitForTimeout(50);
      filter.push(
        await timeInPage(
          page,
          { kind: 'set', selector: ROSTER_UI.verdictFilter, value: 'trusted', event: 'change' },
          { kind: 'first-row-includes', text: 'Trusted' },
        ),
      );
      await page.locator(ROSTER_UI.verdictFilter).selectOption('');
      await page.waitForTimeout(50);
      const firstRowWas = (await page.locator(ROSTER_UI.row).first().textContent()) ?? '';
      sort.push(
        await timeInPage(
          page,
          { kind: 'click', selector: 'thead button.sort', text: 'Score' },
          { kind: 'sorted-by', header: 'Score', firstRowWas },
        ),
      );
      await reset();
      await page.goto(browser.extensionUrl('dashboard.html'));
      await page.getByText(/^[\d,]+ contractors$/).waitFor({ timeout: 60_000 });
    }
    return { keystroke: summarize(keystroke), filter: summarize(filter), sort: summarize(sort) };
  } finally {
    await page.close();
  }
}

/**
 * Scrolls the roster from the first row to the last in screenfuls, reading the page's JavaScript heap (after
 * a garbage collection) and its DOM nodes at the start, every tenth of the way, and at the end.
 */
export async function memoryWhileScrolling(browser: RosterBrowser) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  try {
    await page.goto(browser.extensionUrl('dashboard.html'));
    await page.getByText(/^[\d,]+ contractors$/).waitFor({ timeout: 60_000 });
    await cdp.send('Memory.getDOMCounters'); // warms the domain
    const sample = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number };
      const rows = await page.locator(ROSTER_UI.row).count();
      return { heapMB: heap.usedSize / 1024 / 1024, nodes: dom.nodes, rowsInPage: rows };
    };
    await cdp.send('Runtime.enable');
    const samples = [await sample()];
    const { total, step } = await page.evaluate(() => {
      const el = document.querySelector('.roster-scroll') as HTMLElement;
      return { total: el.scrollHeight, step: el.clientHeight };
    });
    const started = Date.now();
    let next = total / 10;
    for (let y = 0; y <= total; y += step) {
      await page.evaluate((top) => {
        (document.querySelector('.roster-scroll') as HTMLElement).scrollTop = top;
        return new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      }, y);
      if (y >= next) {
        samples.push(await sample());
        next += total / 10;
      }
    }
    samples.push(await sample());
    const lastRow = await page.locator(ROSTER_UI.row).last().textContent();
    return {
      screenfuls: Math.ceil(total / step),
      seconds: (Date.now() - started) / 1000,
      start: samples[0],
      end: samples.at(-1),
      maxHeapMB: Math.max(...samples.map((s) => s.heapMB)),
      maxNodes: Math.max(...samples.map((s) => s.nodes)),
      maxRowsInPage: Math.max(...samples.map((s) => s.rowsInPage)),
      lastRow,
      samples,
    };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

export type RosterFigures = Awaited<ReturnType<typeof measureRoster>>;

/**
 * Every roster figure, in order: the import (through the UI, then the bare bulkPut of the same rows), then
 * the first rows, the interactions and memory on the imported database. The browser must have been given
 * `installFirstRowProbe` as an init script (context.addInitScript) before it opened any page.
 */
export async function measureRoster(
  browser: RosterBrowser,
  options: { file: string; contractors: number; rows: number; searchName: string; reps: number },
) {
  const text = readFileSync(options.file, 'utf8');
  // The floor is measured just before and just after the import, and their mean compared with it: on a
  // shared machine the load changes over the minutes an import of 200,000 rows takes.
  const opening = await browser.context.newPage(); // the roster creates the database with its schema
  await opening.goto(browser.extensionUrl('dashboard.html'));
  await opening.getByRole('heading', { name: 'No one on your roster yet' }).waitFor({ timeout: 60_000 });
  await opening.close();
  const before = await bareBulkPut(browser, text);
  const imported = await importThroughRoster(browser, options.file, {
    contractors: options.contractors,
    rows: options.rows,
    bytes: Buffer.byteLength(text),
  });
  const after = await bareBulkPut(browser, text);
  const bulkPut = { rows: before.rows, ms: (before.ms + after.ms) / 2, rowsPerSecond: 0, before, after };
  bulkPut.rowsPerSecond = bulkPut.rows / (bulkPut.ms / 1000);
  return {
    import: imported,
    bareBulkPut: bulkPut,
    rateOverBulkPut: imported.rowsPerSecond / bulkPut.rowsPerSecond,
    firstRows: await firstRows(browser, options.reps),
    firstRowsFirstVisit: await firstRows(browser, options.reps, { cached: false }),
    interactions: await interactions(browser, options.searchName, options.reps),
    memory: await memoryWhileScrolling(browser),
  };
}
