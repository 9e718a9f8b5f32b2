import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirefoxExtensionBrowser } from '../../scripts/extension-firefox.mjs';
import {
  badgeKeys,
  clickInOverlay,
  launchFirefox,
  overlayFrame,
  overlayHosts,
  textOf,
  until,
} from './firefox-harness';
import { HAVE_SHARED_PAGES, type SharedPage, sharedPage, sharedPages } from './harness';

// Inside `page.evaluate` on one of the add-on's own pages, `browser` is the WebExtension API.
declare const browser: typeof import('wxt/browser').browser;

// The Firefox build in a real Firefox (Debian's firefox-esr, headless, WebDriver BiDi), on the saved real
// pages served at their real addresses. Firefox gives an extension frame embedded in a web page no `tabs`
// API, so this is where the overlay's path through the background is proven. One browser start for the
// whole file: starting Firefox is the slow part.
describe.skipIf(!HAVE_SHARED_PAGES)('the Firefox build on real marketplace pages', () => {
  const PROFILES = [
    'upwork/profile-rachel-w-2023-11.html',
    'fiverr/seller-tonigdesign-2025-08.html',
    'freelancer/profile-irfan811-2021-12.html',
  ];
  const LISTINGS = [
    'fiverr/search-writers-block-2025-09.html',
    'freelancer/directory-wordpress-2021-12.html',
  ];
  let firefox: FirefoxExtensionBrowser;
  let upwork: Page;

  beforeAll(async () => {
    firefox = await launchFirefox();
    for (const { file } of sharedPages()) {
      const { page, html } = sharedPage(file);
      firefox.serve(page.url, html);
    }
  }, 60_000);
  afterAll(async () => {
    await firefox?.close();
  });

  const keyOf = (shared: SharedPage) => `${shared.profile?.platform}:${shared.profile?.id.toLowerCase()}`;

  async function open(shared: SharedPage): Promise<Page> {
    const tab = await firefox.newPage();
    await tab.goto(shared.url, { waitUntil: 'domcontentloaded' });
    return tab;
  }

  /** The browser's id for the tab showing `address`, asked of each tab's content script from an add-on page. */
  async function tabIdOf(address: string): Promise<number> {
    const helper = await firefox.openExtensionPage('dashboard.html');
    try {
      const id = await until(
        () =>
          helper.evaluate(async (url) => {
            for (const tab of await browser.tabs.query({})) {
              if (tab.id === undefined) continue;
              const answer = (await browser.tabs
                .sendMessage(tab.id, { type: 'get-page' }, { frameId: 0 })
                .catch(() => null)) as { url?: string } | null;
              if (answer?.url === url) return tab.id;
            }
            return undefined;
          }, address),
        (id) => id !== undefined,
        `the tab showing ${address}`,
      );
      return id as number;
    } finally {
      await helper.close();
    }
  }

  it.each(PROFILES)('%s: one overlay, ready, for the right freelancer', async (file) => {
    const shared = sharedPage(file).page;
    const tab = await open(shared);
    const hosts = await until(
      () => overlayHosts(tab),
      (h) => h.length > 0 && h.every((o) => o.state !== 'loading'),
      'the overlay',
    );
    expect(hosts).toEqual([{ key: keyOf(shared), state: 'ready' }]);
    const frame = await overlayFrame(tab);
    expect(await textOf(frame)).toContain(`You have no history with ${shared.profile?.name} yet.`);
    await tab.evaluate(() => document.querySelector('[data-track-record="overlay"]')?.scrollIntoView());
    await tab.screenshot({ path: `test-results/firefox-${shared.profile?.platform}-profile.png` });
    if (shared.profile?.platform === 'upwork') upwork = tab;
    else await tab.close();
  });

  it('tracks the Upwork freelancer from the overlay', async () => {
    const frame = await overlayFrame(upwork);
    await clickInOverlay(upwork, frame, 'Track');
    await until(
      () => textOf(frame),
      (t) => t.includes('Open full history'),
      'the tracked card',
    );
    expect(await textOf(frame)).toMatch(/Rachel W\.[\s\S]*New/);
  });

  it('shows a note taken in the popup in the overlay, without a reload', async () => {
    const address = sharedPage(PROFILES[0] as string).page.url;
    const popup = await firefox.openExtensionPage(`popup.html?tab=${await tabIdOf(address)}`);
    // The popup names them first, then its quick capture takes over (a first screen without buttons).
    await until(
      () => textOf(popup),
      (t) => t.includes('Rachel W.'),
      'the popup',
    );
    await until(
      () =>
        popup.evaluate(() => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Note')),
      (shown) => shown,
      'the quick capture',
    );
    await popup.evaluate(() =>
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'Note')?.click(),
    );
    await until(
      () => popup.evaluate(() => document.activeElement?.tagName),
      (tag) => tag === 'TEXTAREA',
      'the note box, focused',
    );
    await popup.keyboard.type('Missed the Friday demo, said the VPN was down');
    await popup.keyboard.press('Enter');
    await until(
      () => textOf(popup),
      (t) => t.includes('Missed the Friday demo'),
      'the note in the popup',
    );
    await popup.close();

    const frame = await overlayFrame(upwork);
    await until(
      () => textOf(frame),
      (t) => t.includes('Missed the Friday demo'),
      'the note in the overlay',
      5000,
    );
    await upwork.screenshot({ path: 'test-results/firefox-upwork-tracked.png' });
  });

  it("opens the full history from the overlay: Firefox's sidebar refuses it, so the record opens in a tab", async () => {
    const frame = await overlayFrame(upwork);
    const before = (await firefox.browser.pages()).length;
    await clickInOverlay(upwork, frame, 'Open full history');
    const opened = await until(
      () => firefox.browser.pages(),
      (pages) => pages.length > before,
      'a new tab',
    );
    const record = opened.at(-1) as Page;
    const at = await until(
      () => record.evaluate(() => `${location.href}\n${document.body.textContent}`),
      (t) => t.includes('Missed the Friday demo'),
      'the record',
    );
    expect(at).toMatch(new RegExp(`^${firefox.origin}/dashboard\\.html#contractor=`));
    expect(at).toContain('Rachel W.');
    await record.close();
  });

  it('the Data page says the records are protected, and Firefox makes the storage persistent unasked', async () => {
    const data = await firefox.openExtensionPage('dashboard.html#view=data');
    const protection = await until(
      () => data.evaluate(() => document.querySelector('[data-testid="storage-protection"]')?.textContent),
      (text) => typeof text === 'string',
      "the Data page's storage section",
    );
    expect(protection).toBe(
      'Protected from automatic clearing: the browser will not delete your records to free disk space.',
    );
    // The page asked for persistence; with `unlimitedStorage` Firefox granted it without a prompt (headless
    // Firefox would have left a prompt unanswered, and the answer false).
    expect(await data.evaluate(() => navigator.storage.persisted())).toBe(true);
    await data.close();
  });

  it.each(LISTINGS)('%s: badges on the listed freelancers', async (file) => {
    const shared = sharedPage(file).page;
    const tab = await open(shared);
    const platform = new URL(shared.url).hostname.split('.').at(-2);
    const listed = shared.cards.map((id) => `${platform}:${id.toLowerCase()}`);
    const found = await until(
      async () => new Set(await badgeKeys(tab)),
      (keys) => listed.filter((k) => keys.has(k)).length / listed.length >= 0.9,
      'the badges',
    );
    expect([...found].filter((k) => !listed.includes(k))).toEqual([]);
    expect(await overlayHosts(tab)).toEqual([]);
    await tab.close();
  });
});
