import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { type ExtensionBrowser, launchWithExtension } from '../../scripts/extension-browser.mjs';

// Inside `worker.evaluate` the code runs in the extension's service worker, where `chrome` is the API.
declare const chrome: typeof import('wxt/browser').browser;

export const EXTENSION_PATH = resolve('.output/chrome-mv3');
export const SHARED_PAGES = resolve('../shared/marketplace-pages');
export const HAVE_SHARED_PAGES = existsSync(`${SHARED_PAGES}/pages.json`);

export type SharedPage = {
  file: string;
  url: string;
  kind: 'profile' | 'listing' | 'none';
  profile: { platform: string; id: string; name: string; title?: string } | null;
  cards: string[];
};

export function sharedPages(): SharedPage[] {
  return JSON.parse(readFileSync(`${SHARED_PAGES}/pages.json`, 'utf8')).pages;
}

export function sharedPage(file: string): { page: SharedPage; html: string } {
  const page = sharedPages().find((p) => p.file === file);
  if (!page) throw new Error(`${file} is not listed in pages.json`);
  return { page, html: readFileSync(`${SHARED_PAGES}/${file}`, 'utf8') };
}

export function launch(): Promise<ExtensionBrowser> {
  return launchWithExtension({ extensionPath: EXTENSION_PATH });
}

/**
 * The browser's id for the tab showing `page`. The extension may not read tabs' addresses (it has no
 * `tabs` permission), so each tab's content script is asked which address it is on.
 */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  const address = page.url();
  const id = await browser.worker.evaluate(async (url) => {
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      const answer = await chrome.tabs
        .sendMessage(tab.id, { type: 'get-page' }, { frameId: 0 })
        .catch(() => null);
      if (answer?.url === url) return tab.id;
    }
    return undefined;
  }, address);
  if (id === undefined) throw new Error(`no tab with a content script shows ${address}`);
  return id;
}

/** The overlay's extension frame on a page, once it has loaded. */
export async function overlayFrame(page: Page): Promise<Frame> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const frame = page.frames().find((f) => f.url().includes('/overlay.html'));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('the overlay frame never loaded');
}

export const overlayHost = (page: Page) => page.locator('[data-track-record="overlay"]');

/** Sends a message to a tab's content script from the service worker and returns its answer. */
export function askTab(browser: ExtensionBrowser, tabId: number, message: object): Promise<unknown> {
  return browser.worker.evaluate(([id, body]) => chrome.tabs.sendMessage(id, body, { frameId: 0 }), [
    tabId,
    message,
  ] as const);
}
