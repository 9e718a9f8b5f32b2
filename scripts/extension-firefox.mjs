// Starts Firefox (headless, WebDriver BiDi through puppeteer-core) with the Firefox build installed as
// a temporary add-on, and serves pages at their real addresses: the machines have no internet, and the
// add-on's own match patterns must decide what it runs on, as they would live. Every other request is
// refused, in each tab opened through `newPage`.
import { randomUUID } from 'node:crypto';
import puppeteer from 'puppeteer-core';
import { findFirefox } from './firefox.mjs';

/** The add-on id of the Firefox build (wxt.config.ts). */
const ADDON_ID = 'track-record@track-record';

/**
 * @param {{ extensionPath: string, headless?: boolean, pages?: Map<string, string>, dumpio?: boolean }} options
 *   pages: address (without #fragment) → HTML served there; dumpio: Firefox's output (with the console
 *   of extension frames) on this process's.
 */
export async function launchFirefoxWithExtension({
  extensionPath,
  headless = true,
  pages = new Map(),
  dumpio = false,
}) {
  // BiDi cannot list add-ons, so the internal UUID behind moz-extension:// addresses is chosen here.
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: findFirefox(),
    headless,
    dumpio,
    // Lets BiDi navigate a tab to the add-on's own pages (moz-extension://).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
      // Errors inside extension frames reach stdout only with this (and dumpio).
      'devtools.console.stdout.content': dumpio,
      'devtools.console.stdout.chrome': dumpio,
      // Nothing may leave the machine: whatever the interception does not answer meets a dead proxy.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // An optional permission the add-on asks for (notifications, when a due date is first set) is
      // granted without the prompt a person would answer: the prompt is browser UI automation cannot reach.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  const extensionId = await browser.installExtension(extensionPath);
  if (extensionId !== ADDON_ID) throw new Error(`installed ${extensionId}, expected ${ADDON_ID}`);
  const origin = `moz-extension://${uuid}`;

  /** A new tab whose web requests are answered from `pages` (documents only) or refused. */
  async function newPage() {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      const url = new URL(request.url());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return void request.continue();
      const html = pages.get(request.url().split('#')[0]);
      if (html === undefined || !request.isNavigationRequest()) return void request.abort('blockedbyclient');
      return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    });
    return page;
  }

  return {
    browser,
    origin,
    extensionUrl: (path) => `${origin}/${path}`,
    serve: (address, html) => pages.set(address, html),
    newPage,
    /**
     * Opens one of the add-on's pages in a new tab. BiDi navigation to moz-extension:// does not
     * resolve as page.goto expects, so the tab is navigated without waiting and then waited for.
     */
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await page.mainFrame().browsingContext.navigate(`${origin}/${path}`, 'none');
      // Polled from here: waitForFunction compiles its predicate, which extension pages' CSP forbids.
      for (let waited = 0; waited < 10_000; waited += 100) {
        const loaded = await page
          .evaluate(() => document.readyState === 'complete' && location.href)
          .catch(() => false);
        if (typeof loaded === 'string' && loaded.startsWith(origin)) return page;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`${path} did not load`);
    },
    close: () => browser.close(),
  };
}
