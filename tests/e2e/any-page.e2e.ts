import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from '../../scripts/extension-browser.mjs';
import { EXTENSION_PATH, overlayFrame, overlayHost } from './harness';

// Inside `worker.evaluate` the code runs in the extension's service worker, where `chrome` is the API.
declare const chrome: typeof import('wxt/browser').browser;

// "Track this page" on a page no adapter reads: an invented portfolio at an address of its own.
const ADDRESS = 'https://portfolio.example.com/jane';
const KEY = 'web:https://portfolio.example.com/jane';
const ORIGIN = 'https://portfolio.example.com/*';
const HTML = readFileSync('tests/fixtures/any-page/jane.html', 'utf8');

/**
 * Clicks the extension's toolbar button on `page`'s tab, as the user does: Chrome then grants
 * `activeTab` for that tab (the popup may read its address and title), which nothing else grants.
 * Headless Chromium has no toolbar to click, so this goes through the DevTools protocol's
 * `Extensions.triggerAction` (it needs `--enable-unsafe-extension-debugging`). The popup it opens
 * is not reachable from Playwright, so it is closed; the test drives the popup page as a tab
 * (`popup.html?tab=<id>`), which reads the tab through the same grant. Returns the tab's id.
 */
async function clickToolbarButton(browser: ExtensionBrowser, page: Page): Promise<number> {
  const cdp = await browser.context.browser()?.newBrowserCDPSession();
  if (!cdp) throw new Error('no browser-level DevTools session');
  const { targetInfos: tabs } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = tabs.find((t) => t.url === page.url());
  if (!tab) throw new Error(`no tab shows ${page.url()}`);
  await page.bringToFront();
  await cdp.send(
    'Extensions.triggerAction' as never,
    { id: browser.extensionId, targetId: tab.targetId } as never,
  );
  const popupUrl = browser.extensionUrl('popup.html');
  for (let attempt = 0; attempt < 50; attempt++) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const popup = targetInfos.find((t) => t.type === 'page' && t.url === popupUrl);
    if (popup) {
      await cdp.send('Target.closeTarget', { targetId: popup.targetId });
      break;
    }
    await page.waitForTimeout(100);
  }
  await cdp.detach();
  const id = await browser.worker.evaluate(async (url) => {
    const all = await chrome.tabs.query({});
    return all.find((t) => t.url === url)?.id;
  }, page.url());
  if (id === undefined) throw new Error('activeTab was not granted: the tab address stays hidden');
  return id;
}

/** Whether any content script of ours answers in the tab (none: no overlay can appear there). */
function contentScriptAnswers(browser: ExtensionBrowser, tabId: number): Promise<boolean> {
  return browser.worker.evaluate(
    (id) =>
      chrome.tabs.sendMessage(id, { type: 'get-page' }, { frameId: 0 }).then(
        () => true,
        () => false,
      ),
    tabId,
  );
}

describe('tracking any page from the popup', () => {
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchWithExtension({
      extensionPath: EXTENSION_PATH,
      args: ['--enable-unsafe-extension-debugging'],
    });
    browser.serve(ADDRESS, HTML);
    browser.serve(`${ADDRESS}/?utm_source=newsletter`, HTML);
    page = await browser.context.newPage();
    await page.goto(ADDRESS);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('asks for no host permission up front, and runs nothing on the page', async () => {
    const granted = await browser.worker.evaluate(() => chrome.permissions.getAll());
    expect(granted.origins).not.toContain(ORIGIN);
    for (const broad of ['https://*/*', 'http://*/*', '<all_urls>'])
      expect(granted.origins).not.toContain(broad);
    expect(await overlayHost(page).count()).toBe(0);
  });

  it('does not let the page probe the overlay frame at its fixed address', async () => {
    // Any site may embed the frame (granted sites are not known in advance), but only at the
    // per-session dynamic address the content script gets from runtime.getURL.
    const fetched = await page.evaluate(
      (url) =>
        fetch(url).then(
          () => true,
          () => false,
        ),
      browser.extensionUrl('overlay.html'),
    );
    expect(fetched).toBe(false);
  });

  it('without the toolbar click, the popup cannot read the tab and says so', async () => {
    const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({})).at(-1)?.id);
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
    await popup.getByText('Track Record cannot read this tab').waitFor();
    await popup.close();
  });

  it('tracks the page for a new contractor; the one site is asked for within the click', async () => {
    const tabId = await clickToolbarButton(browser, page);
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
    const name = popup.getByLabel('Name');
    expect(await name.inputValue()).toBe('Jane Doe — Portfolio'); // prefilled from the tab's title
    await name.fill('Jane Doe');
    await popup.getByRole('button', { name: 'Track this page' }).click();

    await popup.getByRole('heading', { name: 'Jane Doe' }).waitFor();
    expect(await popup.getByTestId('verdict').textContent()).toContain('New');
    // The browser's prompt is up (headless Chromium shows it and nobody can answer it): the request
    // was made within the user's gesture, or it would have failed at once.
    const access = popup.getByTestId('site-access');
    await expect.poll(() => access.getAttribute('data-state')).toBe('asking');
    await popup.waitForTimeout(500);
    expect(await access.getAttribute('data-state')).toBe('asking');
    // The user walks away from the prompt: closing the popup dismisses it, nothing is granted.
    await popup.close();
  });

  it('refused: the site is not granted and no script is registered for it', async () => {
    await expect
      .poll(() => browser.worker.evaluate(() => chrome.permissions.getAll().then((p) => p.origins ?? [])))
      .not.toContain(ORIGIN);
    expect(await browser.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
  });

  it('refused: the popup still shows the contractor for that address and takes notes', async () => {
    const tabId = await clickToolbarButton(browser, page);
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
    await popup.getByRole('heading', { name: 'Jane Doe' }).waitFor();
    expect(await popup.getByTestId('site-access').getAttribute('data-state')).toBe('not-granted');
    expect(
      await popup.getByRole('button', { name: 'Show the overlay on portfolio.example.com' }).count(),
    ).toBe(1);
    await popup.getByRole('button', { name: 'Note', exact: true }).click();
    await popup.getByRole('textbox', { name: 'Note' }).fill('Sent the logo two days late');
    await popup.keyboard.press('Enter');
    await popup.getByTestId('event').first().waitFor();
    await popup.close();
  });

  it('refused: the side panel, opened from the popup, shows the whole history for that address', async () => {
    const tabId = await clickToolbarButton(browser, page);
    const panel = await browser.context.newPage();
    await panel.goto(browser.extensionUrl(`sidepanel.html?tab=${tabId}`));
    await panel.getByRole('heading', { name: 'Jane Doe' }).waitFor();
    await panel.getByText('Sent the logo two days late').waitFor();
    await panel.close();
  });

  it('refused: no overlay when the page is visited again', async () => {
    await page.reload();
    const tabId = await clickToolbarButton(browser, page);
    expect(await contentScriptAnswers(browser, tabId)).toBe(false);
    expect(await overlayHost(page).count()).toBe(0);
  });

  it('keys the page by its address: tracking parameters, fragment and trailing slash do not matter', async () => {
    await page.goto(`${ADDRESS}/?utm_source=newsletter#work`);
    const tabId = await clickToolbarButton(browser, page);
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
    await popup.getByRole('heading', { name: 'Jane Doe' }).waitFor();
    expect(await popup.getByTestId('event').allTextContents()).toEqual([
      expect.stringContaining('Sent the logo two days late'),
    ]);
    await popup.close();
  });

  // The prompt cannot be accepted in headless Chromium, so the grant itself is not exercised here
  // (contexts/background/site-access.test.ts covers the registration it triggers). What a grant leads
  // to is: the same content-script file running on the page. `activeTab` lets the test put it there.
  it('granted: the content script on the page shows the overlay for the tracked address', async () => {
    await page.goto(ADDRESS);
    const tabId = await clickToolbarButton(browser, page);
    await browser.worker.evaluate(
      (id) =>
        chrome.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/granted.js'] }),
      tabId,
    );
    const host = overlayHost(page);
    await expect.poll(() => host.getAttribute('data-state'), { timeout: 10_000 }).toBe('ready');
    expect(await host.getAttribute('data-profile-key')).toBe(KEY);
    const frame = await overlayFrame(page);
    // This site may not load the frame at the extension's fixed address (checked above): it came
    // through the per-session dynamic one, and reads the extension's own database.
    await frame.getByText('Jane Doe').first().waitFor();
    await frame.getByText('Sent the logo two days late').waitFor();
    // The page sees only the public key on a bare host; the contractor's data stays in the frame.
    expect(await host.evaluate((el) => ({ shadow: el.shadowRoot, text: el.textContent }))).toEqual({
      shadow: null,
      text: '',
    });
  });

  it('granted: the content script on an untracked address shows nothing', async () => {
    browser.serve('https://portfolio.example.com/john', HTML.replace('Jane Doe', 'John Roe'));
    await page.goto('https://portfolio.example.com/john');
    const tabId = await clickToolbarButton(browser, page);
    await browser.worker.evaluate(
      (id) =>
        chrome.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/granted.js'] }),
      tabId,
    );
    // Ask the content script what it shows, so "no overlay" is a decision and not a race.
    await expect
      .poll(() =>
        browser.worker.evaluate(
          (id) => chrome.tabs.sendMessage(id, { type: 'get-page' }, { frameId: 0 }).catch(() => null),
          tabId,
        ),
      )
      .toMatchObject({ profile: null });
    await page.waitForTimeout(300); // the background's answer ("not tracked") has come back by now
    expect(await overlayHost(page).count()).toBe(0);
  });
});
