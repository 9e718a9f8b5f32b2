// Figures taken on the extension's own pages: filling the database through the roster's Import button
// (timed), the popup showing a contractor, and the roster figures of issue 9 (import against a bare Dexie
// bulkPut in the same origin, first rows on screen, search). Unlike the marketplace pages, these pages have
// no DOM contract yet: the wording and selectors they are found by are gathered in ROSTER_UI and
// popupName(), to be updated with the pages.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type BenchBrowser, when } from './browsers';
import type { Tab } from './chromium';
import { type Summary, summarize } from './stats';

/** Today's roster page, as a user finds it. */
export const ROSTER_UI = {
  fileInput: 'input[type="file"]',
  /** The confirmation once the file was read and checked. */
  checked: (contractors: number) => `holds ${contractors} contractors`,
  replaceButton: 'Replace my records',
  imported: (contractors: number) => `Imported ${contractors} contractors`,
  /** A row of the roster table. */
  row: '[data-testid="roster-row"]',
  /** A search box, once the roster has one (issue 9). */
  search: 'input[type="search"], [role="searchbox"]',
};

/** The texts and selectors the probe must time on extension pages (given to it at launch). */
export function probeTargets(contractorCounts: number[], contractorNames: string[]) {
  return {
    texts: [
      ...contractorCounts.flatMap((n) => [ROSTER_UI.checked(n), ROSTER_UI.imported(n)]),
      ...contractorNames,
    ],
    selectors: [ROSTER_UI.row, ROSTER_UI.fileInput],
  };
}

export type ImportFigure = {
  contractors: number;
  rows: number;
  bytes: number;
  /** File chosen → confirmation shown (read, parsed, checked). */
  checkMs: number;
  /** "Replace my records" clicked → "Imported" shown. */
  importMs: number;
  rowsPerSecond: number;
};

/** Imports a backup file through the roster page's own controls, timing both steps in the page. */
export async function importThroughRoster(
  browser: BenchBrowser,
  file: string,
  counts: { contractors: number; rows: number; bytes: number },
): Promise<ImportFigure> {
  const tab = await browser.newTab();
  try {
    await tab.goto(browser.extensionUrl('dashboard.html'));
    if ((await when(tab, { kind: 'selector', selector: ROSTER_UI.fileInput }, 60_000)) === null)
      throw new Error(`${browser.name}: the roster page shows no file input`);
    const { root } = await tab.send<{ root: { nodeId: number } }>('DOM.getDocument');
    const { nodeId } = await tab.send<{ nodeId: number }>('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: ROSTER_UI.fileInput,
    });
    await tab.send('DOM.setFileInputFiles', { nodeId, files: [file] }); // fires input and change
    const checked = await when(tab, { kind: 'text', text: ROSTER_UI.checked(counts.contractors) }, 300_000);
    if (checked === null) throw new Error(`${browser.name}: the roster never accepted ${file}`);
    await clickButton(tab, ROSTER_UI.replaceButton);
    const imported = await when(tab, { kind: 'text', text: ROSTER_UI.imported(counts.contractors) }, 900_000);
    if (imported === null) throw new Error(`${browser.name}: the import of ${file} never finished`);
    const { lastChange, lastClick } = await tab.evaluate(() => window.__bench.record, null);
    const checkMs = checked - (lastChange ?? 0);
    const importMs = imported - (lastClick ?? 0);
    return { ...counts, checkMs, importMs, rowsPerSecond: counts.rows / (importMs / 1000) };
  } finally {
    await tab.close();
  }
}

/** Clicks the button named `name` (its text), as a user's click reaches it: a click event. */
async function clickButton(tab: Tab, name: string) {
  const found = await tab.evaluate((label) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
    button?.click();
    return button !== undefined;
  }, name);
  if (!found) throw new Error(`no button "${name}"`);
}

export type BulkPutFigure = { rows: number; ms: number; rowsPerSecond: number };

/**
 * The floor for an import: the same rows written with a bare Dexie bulkPut (the Dexie version the product
 * ships) into a scratch database of the same schema (copied from the product's database as it is on disk:
 * stores, keys, indexes), in one transaction, in the extension's origin. The scratch database is deleted.
 */
export async function bareBulkPut(browser: BenchBrowser, backupText: string): Promise<BulkPutFigure> {
  const require = createRequire(import.meta.url);
  const dexieSource = readFileSync(require.resolve('dexie/dist/dexie.js'), 'utf8');
  const tab = await browser.newTab();
  try {
    // A light extension page of the same origin (the roster would draw 10,000 rows meanwhile).
    await tab.goto(browser.extensionUrl('popup.html'));
    await tab.send('Runtime.evaluate', { expression: dexieSource }); // a UMD bundle: defines window.Dexie
    return await tab.evaluate(async (text: string) => {
      type Index = { name: string; keyPath: string | string[]; multiEntry: boolean; unique: boolean };
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
        const indexes: Index[] = [...store.indexNames].map((i) => store.index(i));
        const primary = `${store.autoIncrement ? '++' : ''}${path(store.keyPath as string | string[])}`;
        const rest = indexes.map((i) => `${i.unique ? '&' : ''}${i.multiEntry ? '*' : ''}${path(i.keyPath)}`);
        stores[name] = [primary, ...rest].join(', ');
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
    await tab.close();
  }
}

/**
 * The browser's id of the tab `open` loads: the extension may not read tabs' addresses, so the tab is told
 * apart as the one that appeared (read from an extension page of the same browser, which has `tabs`).
 */
export async function openTab(browser: BenchBrowser, open: (tab: Tab) => Promise<void>) {
  const helper = await browser.newTab();
  await helper.goto(browser.extensionUrl('popup.html'));
  type Chrome = { tabs: { query(q: object): Promise<{ id: number }[]> } };
  const tabIds = () =>
    helper.evaluate(
      async () =>
        (await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({})).map((t) => t.id),
      null,
    );
  const before = new Set(await tabIds());
  const tab = await browser.newTab();
  await open(tab);
  const fresh = (await tabIds()).filter((id) => !before.has(id));
  await helper.close();
  if (fresh.length !== 1) throw new Error(`expected one new tab, found ${fresh.length}`);
  return { tab, tabId: fresh[0] as number };
}

/**
 * Opens the popup for a profile tab (`popup.html?tab=<id>`, as a tab) in each browser in turn, `reps`
 * times, timing in the popup's own clock how long until it shows the contractor's name.
 */
export async function popupShowingContractor(
  browsers: BenchBrowser[],
  profile: { url: string; contractorName: string },
  reps: number,
): Promise<Record<string, Summary | null>> {
  const tabs = [];
  for (const browser of browsers) {
    tabs.push(
      await openTab(browser, async (tab) => {
        await tab.goto(profile.url);
        await when(tab, { kind: 'overlay' }, 15_000); // its content script is there
      }),
    );
  }
  const times: number[][] = browsers.map(() => []);
  for (let rep = 0; rep < reps; rep++) {
    for (let k = 0; k < browsers.length; k++) {
      const i = (rep + k) % browsers.length;
      const browser = browsers[i] as BenchBrowser;
      const popup = await browser.newTab();
      await popup.goto(browser.extensionUrl(`popup.html?tab=${tabs[i]?.tabId}`));
      // The popup names the contractor once it has read them (the page itself shows another name).
      const at = await when(popup, { kind: 'text', text: profile.contractorName }, 15_000);
      if (at !== null) times[i]?.push(at);
      await popup.close();
    }
  }
  for (const { tab } of tabs) await tab.close();
  return Object.fromEntries(browsers.map((b, i) => [b.name, summarize(times[i] ?? [])]));
}

/**
 * The roster page opening with the whole database: when its first row is in the page, and when a frame
 * showing it has been drawn. Repeated up to `reps` times within `budgetMs` (today's roster takes seconds
 * a load; the count made is reported).
 */
export async function rosterFirstRows(browser: BenchBrowser, reps: number, budgetMs: number) {
  const inPage: number[] = [];
  const onScreen: number[] = [];
  const started = Date.now();
  while (inPage.length < reps && (inPage.length === 0 || Date.now() - started < budgetMs)) {
    const tab = await browser.newTab();
    await tab.goto(browser.extensionUrl('dashboard.html'));
    const painted = await when(tab, { kind: 'selector-painted', selector: ROSTER_UI.row }, 60_000);
    const inserted = await when(tab, { kind: 'selector', selector: ROSTER_UI.row }, 0);
    await tab.close();
    if (painted === null || inserted === null) throw new Error(`${browser.name}: the roster showed no row`);
    inPage.push(inserted);
    onScreen.push(painted);
  }
  return { inPage: summarize(inPage), onScreen: summarize(onScreen) };
}

/**
 * A search keystroke on the roster: the time from the input event of the last character of a contractor's
 * name to the first row showing that name. Skipped, saying why, while the roster has no search box.
 */
export async function rosterSearch(browser: BenchBrowser, name: string, reps: number) {
  const tab = await browser.newTab();
  try {
    await tab.goto(browser.extensionUrl('dashboard.html'));
    await when(tab, { kind: 'selector', selector: ROSTER_UI.row }, 60_000);
    const times: number[] = [];
    for (let rep = 0; rep < reps; rep++) {
      const ms = await tab.evaluate(
        ([selector, row, wanted]) =>
          new Promise<number | null>((resolve) => {
            const input = document.querySelector(selector) as HTMLInputElement | null;
            if (!input) return resolve(null);
            const set = (value: string) => {
              input.value = value;
              input.dispatchEvent(new InputEvent('input', { bubbles: true, data: value.slice(-1) }));
            };
            set(wanted.slice(0, -1));
            const giveUp = setTimeout(() => finish(Number.NaN), 10_000);
            const observer = new MutationObserver(() => {
              if (document.querySelector(row)?.textContent?.includes(wanted))
                finish(performance.now() - typed);
            });
            function finish(value: number) {
              observer.disconnect();
              clearTimeout(giveUp);
              set('');
              resolve(value);
            }
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            const typed = performance.now();
            set(wanted);
          }),
        [ROSTER_UI.search, ROSTER_UI.row, name] as const,
      );
      if (ms === null) return { skipped: "today's roster has no search box" };
      times.push(ms);
    }
    return { keystrokeToRows: summarize(times) };
  } finally {
    await tab.close();
  }
}
