// The roster figures of issue 9, in the benchmark's Chromium with the built extension: the big backup
// imported through the roster's own Import button, against a bare Dexie bulkPut of the same rows in the
// same origin just before and just after it; then, on that database, the first row on screen after the
// page opens (with the first screen the page keeps, and without it as on a first visit), a search
// keystroke, a verdict filter and a sort to the new rows on screen, and memory while scrolling through
// everyone. Every time is taken inside the page (performance.now(), a MutationObserver, then the next
// frame); Node only starts things and reads the results.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type BenchBrowser, when } from './browsers';
import type { Tab } from './chromium';
import {
  importAgainstBulkPut,
  type MemorySample,
  scrollMemory,
  type WriteTime,
  writeTime,
} from './roster-figures';
import { heapAfterCollection, heapPeakDuring } from './scale';
import { summarize } from './stats';

/** The roster page as the figures find it (its DOM contract). */
export const ROSTER_UI = {
  row: '[data-testid="roster-row"]',
  search: 'input[type="search"]',
  verdictFilter: 'select[aria-label="Verdict"]',
  sortButton: 'thead button.sort',
  scroller: '.roster-scroll',
  importInput: 'input[type="file"][accept*="json"]',
  empty: 'No one on your roster yet',
  /** The status line once the whole roster is read and shown unfiltered ("10,000 contractors"). */
  allShown: '^[\\d,]+ contractors?$',
  checked: (contractors: number) => `holds ${contractors} contractors`,
  replaceButton: 'Replace my records',
  imported: (contractors: number) => `Imported ${contractors} contractors`,
  /** Where the page keeps its first screen for the next visit (entrypoints/dashboard/first-screen.tsx). */
  keptFirstScreen: 'track-record:first-screen',
};

/** Something the user does, done from inside the page so its time is the page's own. */
type Action =
  | { kind: 'set'; selector: string; value: string; event: 'input' | 'change' }
  | { kind: 'click'; selector: string; text: string };
/** What the page shows once the action has taken effect. */
type Shown =
  | { kind: 'body-includes'; text: string }
  | { kind: 'present'; selector: string }
  | { kind: 'status'; pattern: string }
  | { kind: 'only-row'; text: string }
  | { kind: 'first-row-includes'; text: string }
  | { kind: 'filtered'; firstRowIncludes: string }
  | { kind: 'sorted-by'; header: string; firstRowWas: string };

/**
 * Does `action` in the page (none: just waits) and resolves with the ms until `shown` holds and the next
 * frame, the one that draws it, has been produced. The page's CSP forbids eval, so actions and checks are
 * data, not code.
 */
function timeInPage(tab: Tab, action: Action | null, shown: Shown, timeoutMs = 30_000): Promise<number> {
  return tab.evaluate(
    ([act, want, limit, row]) =>
      new Promise<number>((resolve, reject) => {
        const firstRow = () => document.querySelector(row)?.textContent ?? '';
        const statusIs = (pattern: RegExp) =>
          [...document.querySelectorAll('[role="status"]')].some((s) =>
            pattern.test((s.textContent ?? '').trim()),
          );
        const holds = () => {
          switch (want.kind) {
            case 'body-includes':
              return document.body.textContent?.includes(want.text) ?? false;
            case 'present':
              return document.querySelector(want.selector) !== null;
            case 'status':
              return statusIs(new RegExp(want.pattern));
            case 'only-row':
              return document.querySelectorAll(row).length === 1 && firstRow().includes(want.text);
            case 'first-row-includes':
              return firstRow().includes(want.text);
            case 'filtered':
              return (
                statusIs(/^[\d,]+ of [\d,]+ contractors?$/) && firstRow().includes(want.firstRowIncludes)
              );
            case 'sorted-by':
              return (
                firstRow() !== want.firstRowWas &&
                (document.querySelector('th[aria-sort]')?.textContent ?? '').startsWith(want.header)
              );
          }
        };
        const began = performance.now();
        // A failure the page shows (a new alert) ends the wait, saying what it says.
        const alertBefore = document.querySelector('[role="alert"]')?.textContent ?? '';
        const failed = () => {
          const alert = document.querySelector('[role="alert"]')?.textContent ?? '';
          return alert !== '' && alert !== alertBefore ? alert : null;
        };
        // On screen once the next frame has been produced.
        const drawn = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - began)));
        if (!act && holds()) return drawn();
        const giveUp = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`not shown within ${limit} ms: ${JSON.stringify(want)}`));
        }, limit);
        const observer = new MutationObserver(() => {
          const failure = failed();
          if (failure) {
            observer.disconnect();
            clearTimeout(giveUp);
            reject(new Error(`the page says: ${failure}`));
          }
          if (!holds()) return;
          observer.disconnect();
          clearTimeout(giveUp);
          drawn();
        });
        observer.observe(document.body, {
          childList: true,
          subtree: true,
          characterData: true,
          attributes: true,
        });
        if (act?.kind === 'set') {
          const el = document.querySelector(act.selector) as HTMLInputElement | HTMLSelectElement;
          const proto =
            el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
          Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, act.value);
          el.dispatchEvent(new Event(act.event, { bubbles: true }));
        } else if (act?.kind === 'click') {
          const target = [...document.querySelectorAll<HTMLElement>(act.selector)].find((b) =>
            (b.textContent ?? '').trim().startsWith(act.text),
          );
          if (!target) {
            observer.disconnect();
            clearTimeout(giveUp);
            reject(new Error(`nothing to click: ${act.selector} "${act.text}"`));
          }
          target?.click();
        }
      }),
    [action, shown, timeoutMs, ROSTER_UI.row] as const,
  );
}

/** Waits in the page until `shown` holds (and is drawn). */
const shownIn = (tab: Tab, shown: Shown, timeoutMs = 60_000) => timeInPage(tab, null, shown, timeoutMs);

export type ImportFigure = WriteTime & {
  contractors: number;
  bytes: number;
  /** File chosen → the confirmation shown (read, parsed, checked, summaries computed). */
  checkMs: number;
  /** "Replace my records" clicked → "Imported" shown. */
  importMs: number;
  /** The roster page's JavaScript heap (MB): after a collection before the file is chosen, at most while
   *  it is checked (read every second), after a collection once checked (the checked file held for the
   *  import), at most while written, and after a collection at the end. */
  pageHeapMB: { start: number; checkPeak: number; checked: number; importPeak: number; end: number };
};

/**
 * Chooses the file on the roster's Data view as a user does (the file input, through the DevTools
 * protocol), waits for the check, clicks Replace: both steps timed in the page.
 */
export async function importThroughRoster(
  browser: BenchBrowser,
  file: string,
  counts: { contractors: number; rows: number; bytes: number },
  log?: (line: string) => void,
): Promise<ImportFigure> {
  const tab = await browser.newTab();
  // What the page says it is doing, every 30 s: a long import shows where it is.
  const progress = setInterval(
    () =>
      void tab
        .evaluate(
          () =>
            [
              document.visibilityState,
              ...[...document.querySelectorAll('.progress, [role="alert"], [role="status"]')].map(
                (e) => e.textContent?.trim() ?? '',
              ),
            ].join(' | '),
          null,
        )
        .then((said) => log?.(`    the page: ${said || '(nothing)'}`))
        .catch(() => {}),
    30_000,
  );
  try {
    await tab.goto(browser.extensionUrl('dashboard.html#view=data'));
    await shownIn(tab, { kind: 'present', selector: ROSTER_UI.importInput });
    // Armed before the file is chosen, awaited after.
    await tab.evaluate(
      ([selector, text]) => {
        const input = document.querySelector(selector) as HTMLInputElement;
        (window as unknown as { __checked: Promise<number> }).__checked = new Promise((resolve, reject) => {
          let chosen = 0;
          input.addEventListener('change', () => (chosen = performance.now()), { capture: true, once: true });
          const observer = new MutationObserver(() => {
            // The page refused the file: what it says, rather than waiting for ever.
            const refused = document.querySelector('[role="alert"]')?.textContent;
            if (chosen && refused) {
              observer.disconnect();
              reject(new Error(refused));
            }
            if (!chosen || !document.body.textContent?.includes(text)) return;
            observer.disconnect();
            resolve(performance.now() - chosen);
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        });
      },
      [ROSTER_UI.importInput, ROSTER_UI.checked(counts.contractors)] as const,
    );
    const { root } = await tab.send<{ root: { nodeId: number } }>('DOM.getDocument');
    const { nodeId } = await tab.send<{ nodeId: number }>('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: ROSTER_UI.importInput,
    });
    const startHeapMB = await heapAfterCollection(tab);
    const check = await heapPeakDuring(tab, async () => {
      await tab.send('DOM.setFileInputFiles', { nodeId, files: [file] }); // fires input and change
      return tab.evaluate(() => (window as unknown as { __checked: Promise<number> }).__checked, null);
    });
    log?.(`    file checked in ${(check.result / 1000).toFixed(1)} s; now Replace`);
    const checkedHeapMB = await heapAfterCollection(tab);
    const written = await heapPeakDuring(tab, () =>
      timeInPage(
        tab,
        { kind: 'click', selector: 'button', text: ROSTER_UI.replaceButton },
        { kind: 'body-includes', text: ROSTER_UI.imported(counts.contractors) },
        1_800_000,
      ),
    );
    const importMs = written.result;
    return {
      ...counts,
      ...writeTime(counts.rows, importMs),
      checkMs: check.result,
      importMs,
      pageHeapMB: {
        start: startHeapMB,
        checkPeak: check.peakMB,
        checked: checkedHeapMB,
        importPeak: written.peakMB,
        end: await heapAfterCollection(tab),
      },
    };
  } finally {
    clearInterval(progress);
    await tab.close();
  }
}

/** The id of the file input the bare bulkPut's page is given. */
const BULK_PUT_INPUT = 'bench-bulk-put-file';

/**
 * The floor for an import: the file's rows written by a bare Dexie bulkPut (the Dexie the product ships)
 * in one transaction, into a scratch database with the product's schema as it is on disk (stores, keys,
 * indexes), in the extension's origin. The file is parsed before the clock starts, as the product's import
 * has parsed and checked it before its clock starts. The scratch database is deleted.
 */
async function bareBulkPut(browser: BenchBrowser, file: string): Promise<WriteTime> {
  const require = createRequire(import.meta.url);
  const dexieSource = readFileSync(require.resolve('dexie/dist/dexie.js'), 'utf8');
  const tab = await browser.newTab();
  try {
    // A light extension page of the same origin (the roster would draw its rows meanwhile).
    await tab.goto(browser.extensionUrl('popup.html'));
    await tab.send('Runtime.evaluate', { expression: dexieSource }); // a UMD bundle: defines window.Dexie
    // The file reaches the page as the import's does, through a file input (a text of hundreds of MB would not
    // pass whole through the protocol).
    await tab.evaluate((id) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = id;
      document.body.append(input);
    }, BULK_PUT_INPUT);
    const { root } = await tab.send<{ root: { nodeId: number } }>('DOM.getDocument');
    const { nodeId } = await tab.send<{ nodeId: number }>('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: `#${BULK_PUT_INPUT}`,
    });
    await tab.send('DOM.setFileInputFiles', { nodeId, files: [file] });
    const { rows, ms } = await tab.evaluate(async (inputId: string) => {
      const chosen = (document.getElementById(inputId) as HTMLInputElement).files?.[0];
      if (!chosen) throw new Error('no file chosen');
      const text = await chosen.text();
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
      return { rows, ms };
    }, BULK_PUT_INPUT);
    return writeTime(rows, ms);
  } finally {
    await tab.close();
  }
}

export type RosterImportFigures = Awaited<ReturnType<typeof measureRosterImport>>;

/**
 * The big backup into an empty extension: a bare bulkPut of its rows, the import through the roster page,
 * a bare bulkPut again, and the import's rate over their mean.
 */
export async function measureRosterImport(
  browser: BenchBrowser,
  backup: { file: string; contractors: number; rows: number },
  log: (line: string) => void,
) {
  // The roster creates the database with its schema, which the bare bulkPut copies.
  const opening = await browser.newTab();
  await opening.goto(browser.extensionUrl('dashboard.html'));
  await shownIn(opening, { kind: 'body-includes', text: ROSTER_UI.empty });
  await opening.close();
  const before = await bareBulkPut(browser, backup.file);
  log(`  bare bulkPut before: ${(before.ms / 1000).toFixed(1)} s; now the import through the roster page`);
  const imported = await importThroughRoster(
    browser,
    backup.file,
    { contractors: backup.contractors, rows: backup.rows, bytes: statSync(backup.file).size },
    log,
  );
  log(
    `  file checked in ${(imported.checkMs / 1000).toFixed(1)} s, imported in ${(imported.importMs / 1000).toFixed(1)} s; bulkPut again`,
  );
  const after = await bareBulkPut(browser, backup.file);
  log(`  bare bulkPut after: ${(after.ms / 1000).toFixed(1)} s`);
  return { import: imported, ...importAgainstBulkPut(imported, before, after) };
}

/** One opening of the roster: ms from the start of navigation to its first row in the page and on screen
 *  (the probe's record), and to the page's DOMContentLoaded (its script loaded and run). */
async function openRoster(browser: BenchBrowser, { kept }: { kept: boolean }) {
  if (!kept) {
    const helper = await browser.newTab();
    await helper.goto(browser.extensionUrl('popup.html'));
    await helper.evaluate((key) => localStorage.removeItem(key), ROSTER_UI.keptFirstScreen);
    await helper.close();
  }
  const tab = await browser.newTab();
  try {
    await tab.goto(browser.extensionUrl('dashboard.html'));
    const shown = await when(tab, { kind: 'selector-painted', selector: ROSTER_UI.row }, 60_000);
    const inserted = await when(tab, { kind: 'selector', selector: ROSTER_UI.row }, 0);
    if (shown === null || inserted === null) throw new Error(`${browser.name}: the roster showed no row`);
    const domContentLoaded = await tab.evaluate(
      () =>
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
          .domContentLoadedEventEnd,
      null,
    );
    // The page keeps its first screen once it has drawn it: the next opening must find it.
    const keptNow = await tab.evaluate(
      (key) =>
        new Promise<boolean>((resolve) => {
          const until = performance.now() + 10_000;
          const look = () =>
            localStorage.getItem(key) !== null
              ? resolve(true)
              : performance.now() > until
                ? resolve(false)
                : setTimeout(look, 20);
          look();
        }),
      ROSTER_UI.keptFirstScreen,
    );
    if (!keptNow) throw new Error(`${browser.name}: the roster kept no first screen`);
    return { inserted, shown, domContentLoaded };
  } finally {
    await tab.close();
  }
}

/**
 * Opens the roster `reps` times with the first screen the page keeps and `reps` times without it, as on a
 * first visit (its rows then come from the database), the two interleaved, after one opening kept out of
 * the figures (the first after the import compiles the page's code and warms the database).
 */
async function firstRows(browser: BenchBrowser, reps: number) {
  await openRoster(browser, { kept: false });
  const kept: Awaited<ReturnType<typeof openRoster>>[] = [];
  const firstVisit: typeof kept = [];
  for (let rep = 0; rep < reps; rep++) {
    const order = rep % 2 === 0 ? [true, false] : [false, true];
    for (const withKept of order)
      (withKept ? kept : firstVisit).push(await openRoster(browser, { kept: withKept }));
  }
  const figure = (list: typeof kept) => ({
    inPage: summarize(list.map((o) => o.inserted)),
    onScreen: summarize(list.map((o) => o.shown)),
    domContentLoaded: summarize(list.map((o) => o.domContentLoaded)),
  });
  return { kept: figure(kept), firstVisit: figure(firstVisit) };
}

/**
 * On a roster showing everyone, `reps` times: a search keystroke (the last letter of a whole name), a
 * verdict filter, and a sort by score, each timed from the event to the new rows drawn; each undone
 * (and waited for) before the next.
 */
async function interactions(
  browser: BenchBrowser,
  { name, verdict, reps }: { name: string; verdict: { value: string; label: string }; reps: number },
) {
  const tab = await browser.newTab();
  const everyone: Shown = { kind: 'status', pattern: ROSTER_UI.allShown };
  const search = (value: string): Action => ({
    kind: 'set',
    selector: ROSTER_UI.search,
    value,
    event: 'input',
  });
  const filter = (value: string): Action => ({
    kind: 'set',
    selector: ROSTER_UI.verdictFilter,
    value,
    event: 'change',
  });
  const firstRow = () => tab.evaluate((row) => document.querySelector(row)?.textContent ?? '', ROSTER_UI.row);
  try {
    await tab.goto(browser.extensionUrl('dashboard.html'));
    await shownIn(tab, everyone); // the whole roster is read
    const keystroke: number[] = [];
    const filtered: number[] = [];
    const sorted: number[] = [];
    for (let rep = 0; rep < reps; rep++) {
      const typed = name.slice(0, -1);
      await timeInPage(tab, search(typed), { kind: 'first-row-includes', text: typed });
      keystroke.push(await timeInPage(tab, search(name), { kind: 'only-row', text: name }));
      await timeInPage(tab, search(''), everyone);

      filtered.push(
        await timeInPage(tab, filter(verdict.value), { kind: 'filtered', firstRowIncludes: verdict.label }),
      );
      await timeInPage(tab, filter(''), everyone);

      const byName = await firstRow();
      sorted.push(
        await timeInPage(
          tab,
          { kind: 'click', selector: ROSTER_UI.sortButton, text: 'Score' },
          { kind: 'sorted-by', header: 'Score', firstRowWas: byName },
        ),
      );
      // Back to the default view through the address, as a bookmark of it would open.
      const byScore = await firstRow();
      await tab.evaluate(() => {
        location.hash = '';
      }, null);
      await shownIn(tab, { kind: 'sorted-by', header: 'Contractor', firstRowWas: byScore });
    }
    return { keystroke: summarize(keystroke), filter: summarize(filtered), sort: summarize(sorted) };
  } finally {
    await tab.close();
  }
}

/**
 * Scrolls the roster from the first row to the last, a screenful a frame, reading the page's JavaScript
 * heap (after a garbage collection), its DOM nodes and the rows in it at the start, every tenth of the
 * way, and at the end.
 */
async function memoryWhileScrolling(browser: BenchBrowser) {
  const tab = await browser.newTab();
  try {
    await tab.goto(browser.extensionUrl('dashboard.html'));
    await shownIn(tab, { kind: 'status', pattern: ROSTER_UI.allShown });
    await tab.send('Runtime.enable');
    const sample = async (): Promise<MemorySample> => {
      await tab.send('HeapProfiler.collectGarbage');
      const heap = await tab.send<{ usedSize: number }>('Runtime.getHeapUsage');
      const dom = await tab.send<{ nodes: number }>('Memory.getDOMCounters');
      const rowsInPage = await tab.evaluate((row) => document.querySelectorAll(row).length, ROSTER_UI.row);
      return { heapMB: heap.usedSize / 1024 / 1024, nodes: dom.nodes, rowsInPage };
    };
    const samples = [await sample()];
    const { total, step } = await tab.evaluate((scroller) => {
      const el = document.querySelector(scroller) as HTMLElement;
      return { total: el.scrollHeight, step: el.clientHeight };
    }, ROSTER_UI.scroller);
    const started = Date.now();
    for (let tenth = 1; tenth <= 10; tenth++) {
      // A tenth of the way in one call, a screenful a frame.
      await tab.evaluate(
        async ([scroller, from, to, by]) => {
          const el = document.querySelector(scroller) as HTMLElement;
          for (let y = from; ; y = Math.min(y + by, to)) {
            el.scrollTop = y;
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
            if (y >= to) break;
          }
        },
        [ROSTER_UI.scroller, ((tenth - 1) * total) / 10, (tenth * total) / 10, step] as const,
      );
      samples.push(await sample());
    }
    const lastRow = await tab.evaluate(
      (row) => [...document.querySelectorAll(row)].at(-1)?.textContent ?? null,
      ROSTER_UI.row,
    );
    return {
      screenfuls: Math.ceil(total / step),
      seconds: (Date.now() - started) / 1000,
      lastRow,
      ...scrollMemory(samples),
    };
  } finally {
    await tab.close();
  }
}

export type RosterPageFigures = Awaited<ReturnType<typeof measureRosterPage>>;

/** The roster page's figures on the imported database, each under the key the results file gives it. */
export async function measureRosterPage(
  browser: BenchBrowser,
  options: { searchName: string; verdict: { value: string; label: string }; reps: number },
  log: (line: string) => void,
) {
  log(
    `  first row on screen: ${options.reps} openings with the kept first screen, ${options.reps} without, interleaved`,
  );
  const { kept: rosterFirstRows, firstVisit: rosterFirstRowsFirstVisit } = await firstRows(
    browser,
    options.reps,
  );
  log(`  search, filter and sort, ${options.reps} each`);
  const { keystroke, filter, sort } = await interactions(browser, {
    name: options.searchName,
    verdict: options.verdict,
    reps: options.reps,
  });
  log('  memory while scrolling through everyone');
  const rosterScrolling = await memoryWhileScrolling(browser);
  return {
    rosterFirstRows,
    rosterFirstRowsFirstVisit,
    rosterSearch: keystroke,
    rosterFilter: filter,
    rosterSort: sort,
    rosterScrolling,
  };
}
