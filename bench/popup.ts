// The popup's figure of issue 10: popup.html?tab=<id>, opened as a tab on a profile's tab, timed in the
// popup's own clock until it shows the contractor's name (a name the page itself does not show).
import { type BenchBrowser, when } from './browsers';
import type { Tab } from './chromium';
import { type Summary, summarize } from './stats';

/**
 * The browser's id of the tab `open` loads: the extension may not read tabs' addresses, so the tab is told
 * apart as the one that appeared (read from an extension page of the same browser, which has `tabs`).
 */
async function openTab(browser: BenchBrowser, open: (tab: Tab) => Promise<void>) {
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
