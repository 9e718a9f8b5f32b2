// Starts Chromium with the unpacked extension loaded in a fresh temporary profile, and serves pages
// at their real addresses: the machines have no internet, and the extension's own match patterns
// must decide what it runs on, as they would live. Every other request is refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from './chromium.mjs';

// Playwright launches Chromium with Chrome's third-party storage partitioning turned off. Without it, the
// overlay frame (an extension page embedded in a marketplace page) is refused IndexedDB, whereas Chrome as
// shipped gives it the extension's own storage. So Playwright's --disable-features flag (as of the pinned
// playwright-core) is replaced by the same list less that feature; `launchWithExtension` checks it took.
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];
const KEPT_DISABLED = PLAYWRIGHT_DISABLED_FEATURES.filter((f) => f !== 'ThirdPartyStoragePartitioning');

/** Fails with a clear message when Playwright's own flags changed and partitioning is still off. */
async function expectStoragePartitioning(context) {
  const page = await context.newPage();
  await page.goto('chrome://version');
  const commandLine = await page.locator('#command_line').textContent();
  await page.close();
  if (/--disable-features=[^ ]*ThirdPartyStoragePartitioning/.test(commandLine ?? '')) {
    throw new Error(
      'Chromium was started with ThirdPartyStoragePartitioning disabled: update PLAYWRIGHT_DISABLED_FEATURES in scripts/extension-browser.mjs to the flag this playwright-core passes.',
    );
  }
}

/**
 * @param {{ extensionPath: string, headless?: boolean, pages?: Map<string, string>, args?: string[] }} options
 *   pages: address (without #fragment) → HTML served there; args: more Chromium switches.
 */
export async function launchWithExtension({ extensionPath, headless = true, pages = new Map(), args = [] }) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'track-record-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless,
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: [`--disable-features=${PLAYWRIGHT_DISABLED_FEATURES.join(',')}`],
    args: [
      `--disable-features=${KEPT_DISABLED.join(',')}`,
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      ...args,
    ],
  });
  // Only the web is routed: the overlay frame's own files (chrome-extension://) must load untouched.
  const isWeb = (url) => url.protocol === 'http:' || url.protocol === 'https:';
  await context.route(isWeb, (route) => {
    const address = route.request().url().split('#')[0];
    const html = pages.get(address);
    if (html === undefined || route.request().resourceType() !== 'document')
      return route.abort('blockedbyclient');
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await expectStoragePartitioning(context);
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    serve: (address, html) => pages.set(address, html),
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
