import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/extension-browser.mjs';
import {
  askTab,
  badgeKeys,
  contentScriptTab,
  domSettled,
  HAVE_SHARED_PAGES,
  launch,
  overlayHost,
  type SharedPage,
  STORAGE_STATES,
  sharedPage,
  sharedPages,
} from './harness';

// Every saved real page, served at its real address to the built extension: the manifest's match
// patterns, the adapters and the content script decide together, against the page's own DOM and inline
// scripts, as they would live. The pages are third-party material kept outside the project
// (../shared/marketplace-pages); when that folder is absent the suite is skipped. CI always has it.
// It runs in both storage states the overlay must work in (see STORAGE_STATES).
describe.skipIf(!HAVE_SHARED_PAGES).each(STORAGE_STATES)(
  'the extension on real marketplace pages, $name',
  (state) => {
    const pages = HAVE_SHARED_PAGES ? sharedPages() : [];
    let browser: ExtensionBrowser;

    beforeAll(async () => {
      browser = await launch(state);
      for (const { file } of pages) {
        const { page, html } = sharedPage(file);
        browser.serve(page.url, html);
      }
    });
    afterAll(async () => {
      await browser?.close();
    });

    /** Opens the page in a new tab and waits until the content script has read it and the DOM is still. */
    async function open(shared: SharedPage): Promise<{ tab: Page; tabId: number }> {
      const tab = await browser.context.newPage();
      await tab.goto(shared.url, { waitUntil: 'domcontentloaded' });
      const tabId = await contentScriptTab(browser, tab);
      await domSettled(tab);
      return { tab, tabId };
    }

    const expectedKey = (shared: SharedPage) =>
      shared.profile ? `${shared.profile.platform}:${shared.profile.id.toLowerCase()}` : null;

    it.each(pages.map((p) => [p.file, p] as const))('%s', async (_, shared) => {
      const { tab, tabId } = await open(shared);
      try {
        const key = expectedKey(shared);
        const reading = (await askTab(browser, tabId, { type: 'get-page' })) as {
          profile: { key: string; name: string } | null;
        };

        // The overlay: one, for the right freelancer, drawn; or none at all.
        if (key) {
          expect(reading.profile).toMatchObject({ key, name: shared.profile?.name });
          await expect
            .poll(() => overlayHost(tab).getAttribute('data-state'), { timeout: 10_000 })
            .toBe('ready');
          const hosts = await overlayHost(tab).evaluateAll((els) =>
            els.map((e) => e.getAttribute('data-profile-key')),
          );
          expect(hosts).toEqual([key]);
        } else {
          expect(reading.profile).toBeNull();
          expect(await overlayHost(tab).count()).toBe(0);
        }

        // The badges: at least 90% of the listed freelancers, and nobody who is not listed.
        const found = new Set(await badgeKeys(tab));
        const listed = shared.cards.map(
          (id) => `${shared.profile?.platform ?? platformOf(shared)}:${id.toLowerCase()}`,
        );
        if (listed.length === 0) {
          expect([...found]).toEqual([]);
        } else {
          expect([...found].filter((k) => !listed.includes(k))).toEqual([]);
          const covered = listed.filter((k) => found.has(k));
          expect(
            covered.length / listed.length,
            `missing: ${listed.filter((k) => !found.has(k)).join(', ')}`,
          ).toBeGreaterThanOrEqual(0.9);
        }
      } finally {
        await tab.close();
      }
    });
  },
);

/** The platform a page belongs to, from its address (listing pages name no profile). */
function platformOf(shared: SharedPage): string {
  const host = new URL(shared.url).hostname.replace(/^www\./, '');
  return host.split('.')[0] ?? host;
}
