import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/extension-browser.mjs';
import {
  askTab,
  HAVE_SHARED_PAGES,
  indexedDbIn,
  launch,
  overlayFrame,
  overlayHost,
  STORAGE_STATES,
  sharedPage,
  tabIdOf,
} from './harness';

// Inside `worker.evaluate` the code runs in the extension's service worker, where `chrome` is the API.
declare const chrome: typeof import('wxt/browser').browser;

// The saved real pages live outside the project (../shared); CI always has them. Without them the
// suite skips, and nothing here reads them before it knows they are there. It runs in both storage
// states the overlay must work in (see STORAGE_STATES).
describe.skipIf(!HAVE_SHARED_PAGES).each(STORAGE_STATES)(
  'the first slice on the real Upwork profile, $name',
  (state) => {
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
      browser = await launch(state);
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
      // The state is the one asked for: with partitioning off the frame itself is refused the database.
      if (state.partitioning) expect(await indexedDbIn(frame)).toBe('opened');
      else expect(await indexedDbIn(frame)).toMatch(/^refused: The user denied permission/);
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
      await popup.getByRole('button', { name: 'Note', exact: true }).click();
      await popup
        .getByRole('textbox', { name: 'Note' })
        .fill('Missed the Friday demo, said the VPN was down');
      await popup.keyboard.press('Enter');
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

    it("opens the full history in Chrome's side panel from the overlay's button (the click's gesture carries)", async () => {
      const frame = await overlayFrame(page);
      const sidePanels = () =>
        browser.worker.evaluate(
          async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length,
        );
      const tabs = browser.context.pages().length;
      expect(await sidePanels()).toBe(0);
      await frame.getByRole('button', { name: 'Open full history' }).click();
      await expect.poll(sidePanels).toBe(1);
      expect(browser.context.pages()).toHaveLength(tabs);
    });

    it('gives a page that embeds the overlay frame itself, for someone else, nothing', async () => {
      const other = 'upwork:~01ffffffffffffffff';
      const heard = await page.evaluate(
        ([src]) =>
          new Promise<unknown[]>((done) => {
            const messages: unknown[] = [];
            window.addEventListener('message', (e) => messages.push(e.data));
            const frame = document.createElement('iframe');
            frame.src = src as string;
            frame.id = 'forged';
            document.body.append(frame);
            setTimeout(() => done(messages), 2500);
          }),
        [browser.extensionUrl(`overlay.html?key=${encodeURIComponent(other)}`)],
      );
      // All it hears is what its own frame could not show: the same for anyone, tracked or not.
      expect(heard).toEqual([{ type: 'track-record:overlay-drawn', state: 'failed', folded: false }]);
      const forged = page.frames().find((f) => f.url().includes(encodeURIComponent(other)));
      await forged?.getByText('does not show this freelancer').waitFor();
      expect(await forged?.getByTestId('verdict').count()).toBe(0);
      await page.evaluate(() => document.getElementById('forged')?.remove());
    });

    it('the overlay page opened anywhere but in a page is refused by the background, and says so within 2 s', async () => {
      const alone = await browser.context.newPage();
      await alone.goto(browser.extensionUrl(`overlay.html?key=${encodeURIComponent(key)}`));
      await alone.getByText("Cannot reach Track Record's background").waitFor({ timeout: 2000 });
      await alone.close();
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

    // Last: the init script stays in the browser for every later page.
    it('an overlay that cannot reach the background says so on the page within 2 s', async () => {
      // As when the extension was updated under an open page: the frame's extension context is gone.
      await browser.context.addInitScript(() => {
        if (location.pathname !== '/overlay.html') return;
        const api = (globalThis as unknown as { chrome: { runtime: object } }).chrome;
        Object.defineProperty(api.runtime, 'connect', {
          value: () => {
            throw new Error('Extension context invalidated.');
          },
        });
      });
      const again = await browser.context.newPage();
      await again.goto(profile.page.url);
      const host = overlayHost(again);
      await expect.poll(() => host.getAttribute('data-state'), { timeout: 2000 }).toBe('failed');
      expect((await host.boundingBox())?.height).toBeGreaterThan(40);
      const frame = await overlayFrame(again);
      await frame.getByText("Cannot reach Track Record's background").waitFor({ timeout: 500 });
      await again.close();
    });
  },
);
