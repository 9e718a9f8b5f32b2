import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/extension-browser.mjs';
import { askTab, HAVE_SHARED_PAGES, launch, overlayFrame, overlayHost, sharedPage, tabIdOf } from './harness';

// The saved real pages live outside the project (../shared); CI always has them. Without them the
// suite skips, and nothing here reads them before it knows they are there.
describe.skipIf(!HAVE_SHARED_PAGES)('the first slice on the real Upwork profile', () => {
  const PROFILE = 'upwork/profile-rachel-w-2023-11.html';
  const FEED = 'upwork/job-feed-2023-11.html';
  let profile: ReturnType<typeof sharedPage>;
  let feed: ReturnType<typeof sharedPage>;
  let key: string;
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    profile = sharedPage(PROFILE);
    feed = sharedPage(FEED);
    key = `upwork:${profile.page.profile?.id}`;
    browser = await launch();
    browser.serve(profile.page.url, profile.html);
    browser.serve(feed.page.url, feed.html);
    page = await browser.context.newPage();
    await page.goto(profile.page.url);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows one overlay for the freelancer, offering to track them', async () => {
    const host = overlayHost(page);
    await expect.poll(() => host.getAttribute('data-state')).toBe('ready');
    expect(await host.count()).toBe(1);
    expect(await host.getAttribute('data-profile-key')).toBe(key);
    const frame = await overlayFrame(page);
    await frame.getByText('You have no history with').waitFor();
    expect(await frame.getByText('Rachel W.').count()).toBeGreaterThan(0);
  });

  it('keeps private content out of the page: the host holds only a closed shadow root', async () => {
    const visible = await overlayHost(page).evaluate((el) => ({
      shadow: el.shadowRoot,
      text: el.textContent,
    }));
    expect(visible).toEqual({ shadow: null, text: '' });
  });

  it('tracks the freelancer from the overlay', async () => {
    const frame = await overlayFrame(page);
    await frame.getByRole('button', { name: 'Track' }).click();
    await frame.getByTestId('verdict').waitFor();
    expect(await frame.getByTestId('verdict').textContent()).toContain('New');
  });

  it('takes a note in the popup, which the overlay shows at once', async () => {
    const tabId = await tabIdOf(browser, page);
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
    await popup.getByRole('heading', { name: 'Rachel W.' }).waitFor();
    await popup.getByRole('textbox').fill('Missed the Friday demo, said the VPN was down');
    await popup.getByRole('button', { name: 'Add note' }).click();
    await popup.getByTestId('event').first().waitFor();
    await popup.close();

    const frame = await overlayFrame(page);
    await frame.getByText('Missed the Friday demo').waitFor({ timeout: 5000 });
  });

  it('lists the note in the side panel', async () => {
    const tabId = await tabIdOf(browser, page);
    const panel = await browser.context.newPage();
    await panel.goto(browser.extensionUrl(`sidepanel.html?tab=${tabId}`));
    await panel.getByRole('heading', { name: 'Rachel W.' }).waitFor();
    expect(await panel.getByTestId('event').allTextContents()).toEqual([
      expect.stringContaining('Missed the Friday demo, said the VPN was down'),
    ]);
    await panel.close();
  });

  it('folds down to its verdict line, and back, resizing its frame on the page', async () => {
    const frame = await overlayFrame(page);
    const height = async () => (await overlayHost(page).boundingBox())?.height ?? 0;
    const open = await height();
    await frame.getByRole('button', { name: 'Hide details' }).click();
    await expect.poll(height).toBeLessThan(open / 2);
    expect(await frame.getByText('Missed the Friday demo').count()).toBe(0);
    await frame.getByRole('button', { name: 'Show details' }).click();
    await expect.poll(height).toBe(open);
  });

  it('puts no overlay on the Upwork job feed', async () => {
    const other = await browser.context.newPage();
    await other.goto(feed.page.url);
    const tabId = await tabIdOf(browser, other);
    // Ask the content script what it found, so "no overlay" is a decision and not a race.
    expect(await askTab(browser, tabId, { type: 'get-page' })).toMatchObject({ profile: null });
    expect(await overlayHost(other).count()).toBe(0);
    await other.close();
  });
});
