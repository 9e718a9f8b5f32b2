import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from '../../scripts/extension-browser.mjs';

// Inside `worker.evaluate` the code runs in the extension's service worker, where `chrome` is the API.
declare const chrome: typeof import('wxt/browser').browser;

export const EXTENSION_PATH = resolve('.output/chrome-mv3');
const SHARED_PAGES = resolve('../shared/marketplace-pages');
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

/**
 * The storage states the overlay must work in: Chrome as shipped (third-party storage partitioning on),
 * and partitioning off (an enterprise policy; Playwright's default) with third-party cookies blocked, in
 * which an extension frame embedded in a page is refused IndexedDB.
 */
export const STORAGE_STATES = [
  { name: 'storage partitioning on (Chrome as shipped)', partitioning: true },
  { name: 'storage partitioning off, third-party cookies blocked', partitioning: false },
] as const;
export type StorageState = (typeof STORAGE_STATES)[number];

/**
 * The Chrome build as it is once the user has allowed reminders: a copy whose manifest grants
 * `notifications` instead of listing it as optional. Chrome asks for an optional permission in a dialog
 * of its own that no automation can answer; the asking itself is tested in Firefox, which can be told
 * to grant it as a person would.
 */
export function buildWithRemindersAllowed(): string {
  const copy = mkdtempSync(join(tmpdir(), 'track-record-build-'));
  cpSync(EXTENSION_PATH, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
  manifest.optional_permissions = manifest.optional_permissions.filter((p: string) => p !== 'notifications');
  manifest.permissions.push('notifications');
  writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
  return copy;
}

export async function launch(
  state: StorageState = STORAGE_STATES[0],
  extensionPath = EXTENSION_PATH,
  args: string[] = [],
): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension({
    extensionPath,
    args,
    partitioning: state.partitioning,
    ...(state.partitioning ? {} : { thirdPartyCookies: 'blocked' as const }),
  });
  // The welcome page opens on install, as a tab of the last window used: waited for here, so that it
  // never opens later over a test's own tab. A tab behind another draws no new frames, and the browser
  // may then still place the overlay's frame where it was before it moved: a click there is lost.
  const started = Date.now();
  while (!browser.context.pages().some((p) => p.url().endsWith('/welcome.html'))) {
    if (Date.now() - started > 10_000) throw new Error('The welcome page did not open on install.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return browser;
}

/** Whether a frame may open IndexedDB: 'opened', or the browser's refusal. */
export function indexedDbIn(frame: Frame): Promise<string> {
  return frame.evaluate(
    () =>
      new Promise<string>((done) => {
        const open = indexedDB.open('track-record-probe');
        open.onsuccess = () => {
          open.result.close();
          done('opened');
        };
        open.onerror = () => done(`refused: ${open.error?.message}`);
      }),
  );
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

/** The overlay's extension frame on a page, once it has drawn. */
export async function overlayFrame(page: Page): Promise<Frame> {
  await page
    .locator('[data-track-record="overlay"]:not([data-state="loading"])')
    .first()
    .waitFor({ state: 'attached' });
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

/**
 * The tab's id once its content script answers: the script runs at document_idle, so right after
 * `page.goto` it may not be listening yet.
 */
export async function contentScriptTab(browser: ExtensionBrowser, page: Page): Promise<number> {
  let id: number | undefined;
  await expect
    .poll(
      async () => {
        id = await tabIdOf(browser, page).catch(() => undefined);
        return id;
      },
      { timeout: 15_000, message: `the content script on ${page.url()} never answered` },
    )
    .toBeDefined();
  return id as number;
}

/**
 * Resolves once the page's DOM tree has gone `quietMs` without a change (the content script's own included),
 * so its debounced update (~120 ms after the last mutation) has run and found nothing more to do. A page
 * that never goes quiet fails here rather than letting an assertion race its updates.
 */
export async function domSettled(page: Page, quietMs = 400, timeoutMs = 15_000): Promise<void> {
  const settled = await page.evaluate(
    ([quiet, limit]) =>
      new Promise<boolean>((done) => {
        let timer = setTimeout(finish, quiet, true);
        const giveUp = setTimeout(finish, limit, false);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(finish, quiet, true);
        });
        function finish(ok: boolean) {
          observer.disconnect();
          clearTimeout(timer);
          clearTimeout(giveUp);
          done(ok);
        }
        observer.observe(document, { childList: true, subtree: true }); // what the content script watches
      }),
    [quietMs, timeoutMs] as const,
  );
  if (!settled) throw new Error(`${page.url()} kept changing its DOM for ${timeoutMs} ms`);
}

/** The profile keys of the badge hosts on a page, in document order. */
export function badgeKeys(page: Page): Promise<string[]> {
  return page
    .locator('[data-track-record="badge"]')
    .evaluateAll((hosts) => hosts.map((h) => h.getAttribute('data-profile-key') ?? ''));
}

type CdpNode = {
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
};

/**
 * What each card badge shows, by profile key ('' for an empty badge). Badges draw inside closed shadow
 * roots that neither the page nor Playwright's selectors can enter; the DevTools protocol, like a user's
 * eyes, sees them. Later badges for the same key overwrite earlier ones in the result.
 */
export async function badgeLabels(browser: ExtensionBrowser, page: Page): Promise<Record<string, string>> {
  const cdp = await browser.context.newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const labels: Record<string, string> = {};
    const text = (node: CdpNode): string =>
      node.nodeType === 3 ? (node.nodeValue ?? '') : (node.children ?? []).map(text).join('');
    const visit = (node: CdpNode) => {
      const attrs = node.attributes ?? [];
      const attr = (name: string) => {
        const i = attrs.indexOf(name);
        return i >= 0 && i % 2 === 0 ? attrs[i + 1] : undefined;
      };
      if (attr('data-track-record') === 'badge') {
        const drawn = (node.shadowRoots ?? []).flatMap((r) => r.children ?? []);
        labels[attr('data-profile-key') ?? ''] = drawn
          .filter((c) => c.nodeName !== 'STYLE')
          .map(text)
          .join('')
          .trim();
      }
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) visit(child);
    };
    visit(root);
    return labels;
  } finally {
    await cdp.detach();
  }
}

/**
 * The stored public profile record for a key, read from the extension's database by the service worker
 * (the extension's origin), or null. For checking what reached storage, not how it is shown.
 */
export function storedProfile(
  browser: ExtensionBrowser,
  key: string,
): Promise<Record<string, unknown> | null> {
  return browser.worker.evaluate(
    (k) =>
      new Promise<Record<string, unknown> | null>((done, fail) => {
        const open = indexedDB.open('track-record');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('profiles').objectStore('profiles').get(k);
          get.onerror = () => fail(get.error);
          get.onsuccess = () => {
            db.close();
            done(get.result ?? null);
          };
        };
      }),
    key,
  );
}
