// Starts Chromium with the unpacked extension loaded in a fresh temporary profile, and serves pages
// at their real addresses: the machines have no internet, and the extension's own match patterns
// must decide what it runs on, as they would live. Every other request is refused.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from './chromium.mjs';

// Playwright launches Chromium with Chrome's third-party storage partitioning turned off; Chrome ships
// with it on. By default Playwright's --disable-features flag (as of the pinned playwright-core) is
// replaced by the same list less that feature, so the browser is as shipped; `launchWithExtension` checks
// it took. `partitioning: false` keeps Playwright's flag: the state an enterprise policy can also set, in
// which an extension frame embedded in a page is refused IndexedDB once third-party cookies are blocked.
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

/** Fails with a clear message when the browser's partitioning is not what was asked for. */
async function expectStoragePartitioning(context, wanted) {
  const page = await context.newPage();
  await page.goto('chrome://version');
  const commandLine = await page.locator('#command_line').textContent();
  await page.close();
  const off = /--disable-features=[^ ]*ThirdPartyStoragePartitioning/.test(commandLine ?? '');
  if (off === wanted) {
    throw new Error(
      wanted
        ? 'Chromium was started with ThirdPartyStoragePartitioning disabled: update PLAYWRIGHT_DISABLED_FEATURES in scripts/extension-browser.mjs to the flag this playwright-core passes.'
        : 'Playwright no longer turns ThirdPartyStoragePartitioning off: pass the switch yourself in scripts/extension-browser.mjs.',
    );
  }
}

/**
 * Sets Chrome's "Third-party cookies" setting (Allow / Block) in the new profile, as a user does in
 * chrome://settings/cookies: the profile's preferences, read when the browser starts.
 */
function setThirdPartyCookies(userDataDir, setting) {
  const blocked = setting === 'blocked';
  mkdirSync(join(userDataDir, 'Default'), { recursive: true });
  const preferences = {
    profile: { cookie_controls_mode: blocked ? 1 : 0, block_third_party_cookies: blocked },
  };
  writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify(preferences));
}

/**
 * @param {{ extensionPath: string, headless?: boolean, pages?: Map<string, string>, args?: string[],
 *   partitioning?: boolean, thirdPartyCookies?: 'allowed' | 'blocked' }} options
 *   pages: address (without #fragment) → HTML served there; args: more Chromium switches; partitioning:
 *   third-party storage partitioning (on, as Chrome ships, unless false); thirdPartyCookies: Chrome's
 *   setting, allowed or blocked (left as the browser has it when not given).
 */
export async function launchWithExtension({
  extensionPath,
  headless = true,
  pages = new Map(),
  args = [],
  partitioning = true,
  thirdPartyCookies,
}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'track-record-profile-'));
  if (thirdPartyCookies) setThirdPartyCookies(userDataDir, thirdPartyCookies);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless,
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: partitioning ? [`--disable-features=${PLAYWRIGHT_DISABLED_FEATURES.join(',')}`] : [],
    args: [
      ...(partitioning ? [`--disable-features=${KEPT_DISABLED.join(',')}`] : []),
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
  await expectStoragePartitioning(context, partitioning);
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
