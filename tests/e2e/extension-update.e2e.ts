import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/extension-browser.mjs';
import { EXTENSION_PATH, HAVE_SHARED_PAGES, launch, overlayFrame, sharedPage } from './harness';

// The extension updated while its pages are open, as the browser does it: a new version of the unpacked
// build loaded over the old one (DevTools' Extensions.loadUnpacked, the same path, so the same id; the
// worker gets onInstalled with reason "update"). Chrome leaves the old content script running in open
// tabs, cut off from the extension; the new version must take those tabs over once, without a reload,
// and what was being typed in the overlay must not be lost.

/** A copy of the build that a test may update in place. */
function copyOfBuild(): string {
  const copy = mkdtempSync(join(tmpdir(), 'track-record-update-'));
  cpSync(EXTENSION_PATH, copy, { recursive: true });
  return copy;
}

/** The extension's hosts on a page, and whether each is one the page had before (marked by the test). */
function hostsOn(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-track-record]')].map((h) => ({
      kind: h.getAttribute('data-track-record'),
      key: h.getAttribute('data-profile-key'),
      state: h.getAttribute('data-state'),
      old: (h as { markedByTest?: boolean }).markedByTest === true,
    })),
  );
}

describe.skipIf(!HAVE_SHARED_PAGES)('the extension updated with its pages open', () => {
  const PROFILE = sharedPage('upwork/profile-rachel-w-2023-11.html');
  const LISTING = sharedPage('freelancer/directory-wordpress-2021-12.html');
  const DRAFT = 'Asked for the source files three times; still nothing';
  let browser: ExtensionBrowser;
  let build: string;
  let profile: Page;
  let listing: Page;

  beforeAll(async () => {
    build = copyOfBuild();
    browser = await launch(undefined, build, ['--enable-unsafe-extension-debugging']);
    browser.serve(PROFILE.page.url, PROFILE.html);
    browser.serve(LISTING.page.url, LISTING.html);
    listing = await browser.context.newPage();
    await listing.goto(LISTING.page.url);
    await listing
      .locator('[data-track-record="badge"]')
      .nth(LISTING.page.cards.length - 1)
      .waitFor();
    profile = await browser.context.newPage();
    await profile.goto(PROFILE.page.url);
    const frame = await overlayFrame(profile);
    await frame.getByRole('button', { name: 'Track' }).click();
    await frame.getByTestId('reason').waitFor();
    // Half a note typed, not recorded, when the update comes.
    await frame.getByRole('button', { name: 'Note', exact: true }).click();
    await profile.keyboard.type(DRAFT);
    await profile.waitForTimeout(800); // past the overlay's pause before it keeps what is typed
    for (const page of [listing, profile])
      await page.evaluate(() => {
        for (const h of document.querySelectorAll('[data-track-record]'))
          (h as { markedByTest?: boolean }).markedByTest = true;
      });

    const manifestPath = join(build, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: '99.0.0' }));
    const updated = browser.context.waitForEvent('serviceworker');
    const cdp = await browser.context.browser()?.newBrowserCDPSession();
    if (!cdp) throw new Error('no browser-wide DevTools session');
    const { id } = await cdp.send('Extensions.loadUnpacked', { path: build });
    expect(id).toBe(browser.extensionId); // the same extension, updated
    const worker = await updated;
    expect(await worker.evaluate(() => chrome.runtime.getManifest().version)).toBe('99.0.0');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('takes the open profile over: the old overlay gone, the new one drawn once, without a reload', async () => {
    await expect
      .poll(() => hostsOn(profile))
      .toEqual([{ kind: 'overlay', key: 'upwork:~011cfba3bd0cf44f8d', state: 'ready', old: false }]);
  });

  it('keeps what was being typed in the overlay: the new one opens with it, said so', async () => {
    const frame = await overlayFrame(profile);
    await expect.poll(() => frame.getByRole('textbox', { name: 'Note' }).inputValue()).toBe(DRAFT);
    expect(await frame.getByRole('status').filter({ hasText: 'Kept from before' }).count()).toBe(1);
    await frame.getByRole('textbox', { name: 'Note' }).focus();
    await profile.keyboard.press('Enter');
    await frame.getByText('Recorded: Note.').waitFor();
    await expect.poll(() => frame.getByTestId('event').first().textContent()).toContain(DRAFT);
  });

  it('takes the open listing over: one new badge per card, the old ones gone', async () => {
    await expect
      .poll(async () => {
        const hosts = await hostsOn(listing);
        return [hosts.length, hosts.filter((h) => h.old).length];
      })
      .toEqual([LISTING.page.cards.length, 0]);
  });

  it('the old copy, cut off, puts nothing back when the page changes', async () => {
    for (const page of [listing, profile]) {
      const before = await hostsOn(page);
      await page.evaluate(() => document.body.append(document.createElement('section')));
      await page.waitForTimeout(600); // the content script's own update follows changes by ~120 ms
      expect(await hostsOn(page)).toEqual(before);
    }
  });

  it('a profile opened after the update gets one overlay', async () => {
    const fresh = await browser.context.newPage();
    await fresh.goto(PROFILE.page.url);
    await overlayFrame(fresh);
    await expect.poll(async () => (await hostsOn(fresh)).map((h) => h.state)).toEqual(['ready']);
  });
});

// Inside `worker.evaluate` the code runs in the extension's service worker, where `chrome` is the API.
declare const chrome: typeof import('wxt/browser').browser;
