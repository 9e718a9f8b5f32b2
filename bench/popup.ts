// The popup's figures: popup.html?tab=<id>, opened as a tab on a profile's tab, against the popup's floor
// (bench-floor.html?tab=<id>, an extension page with only the theme and Preact drawing one heading: see
// floor-page.ts), opened the same way in the same browser, interleaved. Timed in each page's own clock,
// from its navigation to the frame that draws what is waited for.
import { type BenchBrowser, when } from './browsers';
import type { Tab } from './chromium';
import { FLOOR_PAGE, FLOOR_PAGE_HEADING } from './floor-page';
import { pairedDifferences, type Summary, summarize } from './stats';

/** The popup as the figures find it (its DOM contract). */
const POPUP_UI = {
  verdict: '[data-testid="verdict"]',
  /** The quick capture's buttons: the full popup's, with their handlers (no first screen draws them). */
  captureButton: '.capture-bar button',
};

/** What the probe must time in extension pages for these figures. */
export const POPUP_PROBE = { texts: [FLOOR_PAGE_HEADING], selectors: Object.values(POPUP_UI) };

/** One browser's popup figures. Times in ms from navigation start; `…MinusFloor`, paired by repetition. */
export type PopupFigures = {
  /** The floor page's heading drawn. */
  floor: Summary | null;
  /** The contractor's name and verdict drawn. */
  shown: Summary | null;
  /** The quick capture's buttons drawn, usable. */
  usable: Summary | null;
  shownMinusFloor: Summary | null;
  usableMinusFloor: Summary | null;
  /** Openings where something never appeared (within 15 s). */
  failures: number;
  /** The first opening of each after the browser started, not counted above (its scripts not cached). */
  firstOpening: { floor: number | null; shown: number | null };
};

/**
 * The browser's id of the tab `open` loads: the extension may not read tabs' addresses, so the tab is told
 * apart as the one that appeared (read from an extension page of the same browser, which has `tabs`).
 */
async function openTab(browser: BenchBrowser, open: (tab: Tab) => Promise<void>) {
  const helper = await browser.newTab();
  await helper.goto(browser.extensionUrl(FLOOR_PAGE));
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

const LIMIT_MS = 15_000;

/** Opens `path` in a new tab and waits, in the page, for what `wait` names; closes the tab. */
async function openAndTime<T>(browser: BenchBrowser, path: string, wait: (tab: Tab) => Promise<T>) {
  const tab = await browser.newTab();
  try {
    await tab.goto(browser.extensionUrl(path));
    return await wait(tab);
  } finally {
    await tab.close();
  }
}

const latest = (times: (number | null)[]) =>
  times.some((t) => t === null) ? null : Math.max(...(times as number[]));

/**
 * In each browser in turn, `reps` times: the floor page and the popup for the profile's tab, one after the
 * other (which goes first alternates), each in a new tab as the popup is opened in the end-to-end tests.
 */
export async function popupAgainstFloorPage(
  browsers: BenchBrowser[],
  profile: { url: string; contractorName: string },
  reps: number,
  log: (line: string) => void = () => {},
): Promise<Record<string, PopupFigures>> {
  const tabs = [];
  for (const browser of browsers) {
    tabs.push(
      await openTab(browser, async (tab) => {
        await tab.goto(profile.url);
        await when(tab, { kind: 'overlay' }, LIMIT_MS); // its content script is there
      }),
    );
  }
  const runs = browsers.map(() => ({
    floor: [] as (number | null)[],
    shown: [] as (number | null)[],
    usable: [] as (number | null)[],
  }));
  const floorPage = (browser: BenchBrowser, tabId: number) =>
    openAndTime(browser, `${FLOOR_PAGE}?tab=${tabId}`, (tab) =>
      when(tab, { kind: 'text-painted', text: FLOOR_PAGE_HEADING }, LIMIT_MS),
    );
  const popup = (browser: BenchBrowser, tabId: number) =>
    openAndTime(browser, `popup.html?tab=${tabId}`, async (tab) => {
      // The popup names the contractor once it has read them (the page itself shows another name).
      const name = await when(tab, { kind: 'text-painted', text: profile.contractorName }, LIMIT_MS);
      const verdict = await when(tab, { kind: 'selector-painted', selector: POPUP_UI.verdict }, LIMIT_MS);
      const usable = await when(
        tab,
        { kind: 'selector-painted', selector: POPUP_UI.captureButton },
        LIMIT_MS,
      );
      return { shown: latest([name, verdict]), usable };
    });
  // The first opening of a page after the browser started compiles its scripts (the code cache is empty):
  // once each, not counted, so neither page is timed cold and the other warm.
  const firstOpenings: PopupFigures['firstOpening'][] = [];
  for (const [i, browser] of browsers.entries()) {
    const tabId = tabs[i]?.tabId as number;
    const floor = await floorPage(browser, tabId);
    const { shown } = await popup(browser, tabId);
    firstOpenings.push({ floor, shown });
    log(
      `  ${browser.name} first opening: floor page ${floor?.toFixed(0)} ms, popup shown ${shown?.toFixed(0)} ms`,
    );
  }
  for (let rep = 0; rep < reps; rep++) {
    for (let k = 0; k < browsers.length; k++) {
      const i = (rep + k) % browsers.length;
      const browser = browsers[i] as BenchBrowser;
      const tabId = tabs[i]?.tabId as number;
      const run = runs[i] as (typeof runs)[number];
      let floor: number | null;
      let shown: { shown: number | null; usable: number | null };
      if (rep % 2 === 0) {
        floor = await floorPage(browser, tabId);
        shown = await popup(browser, tabId);
      } else {
        shown = await popup(browser, tabId);
        floor = await floorPage(browser, tabId);
      }
      run.floor.push(floor);
      run.shown.push(shown.shown);
      run.usable.push(shown.usable);
      log(
        `  ${browser.name} ${rep + 1}/${reps}: floor page ${floor?.toFixed(0)} ms, popup shown ${shown.shown?.toFixed(0)} ms, usable ${shown.usable?.toFixed(0)} ms`,
      );
    }
  }
  for (const { tab } of tabs) await tab.close();
  return Object.fromEntries(
    browsers.map((b, i) => {
      const { floor, shown, usable } = runs[i] as (typeof runs)[number];
      return [
        b.name,
        {
          floor: summarize(floor),
          shown: summarize(shown),
          usable: summarize(usable),
          shownMinusFloor: summarize(pairedDifferences(shown, floor)),
          usableMinusFloor: summarize(pairedDifferences(usable, floor)),
          failures: [...floor, ...shown, ...usable].filter((t) => t === null).length,
          firstOpening: firstOpenings[i] ?? { floor: null, shown: null },
        },
      ];
    }),
  );
}
