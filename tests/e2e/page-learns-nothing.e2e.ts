import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/extension-browser.mjs';
import { generateRoster, profileUrl } from '../fixtures/roster/generate';
import {
  badgeLabels,
  domSettled,
  HAVE_SHARED_PAGES,
  launch,
  overlayFrame,
  type SharedPage,
  sharedPage,
  sharedPages,
} from './harness';

// What a marketplace page's own script can observe of the extension must not depend on whom the user
// tracks. Each real page is measured from its own script (Playwright's page.evaluate runs in the page's
// world) with nobody tracked, then again once every freelancer on it is tracked with a history: every
// host the extension added (count, attributes, boxes, what a click at each point of them hits), the
// boxes of every element of the page, and how far the page scrolls must be the same.

/** The profile key of the page's freelancer and of each card, as the adapters make them. */
const keysOf = (shared: SharedPage) => {
  const platform =
    shared.profile?.platform ?? shared.url.match(/(fiverr|freelancer|upwork|github)/)?.[1] ?? '';
  const profile = shared.profile ? [`${shared.profile.platform}:${shared.profile.id.toLowerCase()}`] : [];
  return { platform, keys: [...profile, ...shared.cards.map((id) => `${platform}:${id.toLowerCase()}`)] };
};

/** Everything the page's script can measure of the extension's hosts and of its own layout. */
function measure(page: Page) {
  return page.evaluate(async () => {
    const round = (n: number) => Math.round(n * 100) / 100;
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return [r.x, r.y + window.scrollY, r.width, r.height].map(round);
    };
    const all = [...document.querySelectorAll('*')];
    const hosts = all.filter((e) => e.tagName.startsWith('TRACK-RECORD-')) as HTMLElement[];
    const measured = [];
    for (const host of hosts) {
      host.scrollIntoView({ block: 'center' });
      await new Promise(requestAnimationFrame);
      const r = host.getBoundingClientRect();
      // What a click anywhere on the host would hit: the page's own hit test, at a grid of points.
      const hits: string[] = [];
      for (const fx of [0.05, 0.5, 0.95])
        for (const fy of [0.05, 0.5, 0.95]) {
          const at = document.elementFromPoint(r.x + r.width * fx, r.y + r.height * fy);
          hits.push(at === host ? 'host' : (at?.tagName ?? 'none'));
        }
      const style = getComputedStyle(host);
      measured.push({
        tag: host.tagName,
        attributes: [...host.attributes].map((a) => `${a.name}=${a.value}`).sort(),
        box: box(host),
        sizes: [
          host.offsetWidth,
          host.offsetHeight,
          host.clientWidth,
          host.clientHeight,
          host.scrollWidth,
          host.scrollHeight,
        ],
        style: [style.display, style.position, style.width, style.height, style.overflow, style.visibility],
        shadowRoot: host.shadowRoot === null ? 'closed or none' : 'open',
        text: host.textContent,
        children: host.childElementCount,
        parentBox: host.parentElement ? box(host.parentElement) : null,
        hits,
      });
    }
    window.scrollTo(0, 0);
    // Every element of the page by its path (tag and place among its kind at each level), so that what the
    // page's own scripts insert in their own order does not shift the others; animated SVG is left out.
    const path = (e: Element): string => {
      const parent = e.parentElement;
      if (!parent) return e.tagName;
      const place = [...parent.children].filter((c) => c.tagName === e.tagName).indexOf(e);
      return `${path(parent)}>${e.tagName}${place}`;
    };
    const layout: Record<string, string> = {};
    for (const e of all)
      if (!e.tagName.startsWith('TRACK-RECORD-') && !e.closest('svg, script, style, noscript'))
        layout[path(e)] = box(e).join(',');
    return {
      hosts: measured,
      layout,
      scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
    };
  });
}

describe.skipIf(!HAVE_SHARED_PAGES)('what a marketplace page can learn of whom the user tracks', () => {
  const pages = HAVE_SHARED_PAGES ? sharedPages().filter((p) => p.kind !== 'none') : [];
  let browser: ExtensionBrowser;
  const before = new Map<string, Awaited<ReturnType<typeof measure>>>();

  beforeAll(async () => {
    browser = await launch();
    for (const { file } of pages) {
      const { page, html } = sharedPage(file);
      browser.serve(page.url, html);
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens the page and waits until the overlay (if any) is drawn, the badges placed and the DOM still. */
  async function open(shared: SharedPage): Promise<Page> {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 1280, height: 900 });
    await tab.goto(shared.url, { waitUntil: 'load' });
    if (shared.kind === 'profile') await overlayFrame(tab);
    await expect
      .poll(() => tab.locator('[data-track-record="badge"]').count())
      .toBeGreaterThanOrEqual(shared.cards.length);
    await domSettled(tab);
    return tab;
  }

  it.each(pages.map((p) => [p.file, p] as const))('%s, with nobody tracked', async (_, shared) => {
    const tab = await open(shared);
    const { keys } = keysOf(shared);
    // Nothing drawn for anyone: every badge empty.
    const labels = await badgeLabels(browser, tab);
    expect(Object.values(labels).every((l) => l === '')).toBe(true);
    const measured = await measure(tab);
    before.set(shared.file, measured);
    // A host for the freelancer shown and for every card (a seller with two cards has two).
    const hostKeys = measured.hosts.map((h) =>
      h.attributes.find((a) => a.startsWith('data-profile-key='))?.slice(17),
    );
    expect(new Set(hostKeys)).toEqual(new Set(keys));
    await tab.close();
  });

  it('tracks every freelancer on those pages, with a history', async () => {
    const named = pages.flatMap((shared) => {
      const { platform, keys } = keysOf(shared);
      return keys.map((key) => {
        const id = key.slice(platform.length + 1);
        return { key, url: profileUrl(platform, id), name: `Tracked ${id}` };
      });
    });
    const unique = [...new Map(named.map((n) => [n.key, n])).values()];
    const backup = generateRoster(
      { contractors: unique.length, profilesPerContractor: 1, eventsPerContractor: 12 },
      Date.now(),
      unique,
    );
    const roster = await browser.context.newPage();
    await roster.goto(browser.extensionUrl('dashboard.html#view=data'));
    await roster.getByLabel('Import a backup…').setInputFiles({
      name: 'tracked.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(backup)),
    });
    await roster.getByRole('button', { name: 'Replace my records' }).click();
    await roster.getByText(`Imported ${unique.length} contractors`).first().waitFor({ timeout: 60_000 });
    await roster.close();
  });

  it.each(pages.map((p) => [p.file, p] as const))(
    '%s: the same to the page once they are tracked',
    async (_, shared) => {
      const tab = await open(shared);
      const { keys } = keysOf(shared);
      // The extension really shows their records now: every badge a verdict, the overlay the contractor.
      await expect
        .poll(async () => {
          const labels = await badgeLabels(browser, tab);
          return keys.slice(shared.profile ? 1 : 0).filter((k) => !labels[k]);
        })
        .toEqual([]);
      if (shared.kind === 'profile') {
        const frame = await overlayFrame(tab);
        await frame.getByTestId('reason').waitFor();
      }
      await domSettled(tab);
      const after = await measure(tab);
      const earlier = before.get(shared.file);
      expect(after.hosts).toEqual(earlier?.hosts);
      expect(after.scroll).toEqual(earlier?.scroll);
      // Every element of the page where it was: those both loads have (the page's own scripts add a few
      // of their own each time), which must be nearly all of them.
      const common = Object.keys(after.layout).filter((p) => earlier && p in earlier.layout);
      expect(common.length).toBeGreaterThan(0.95 * Object.keys(after.layout).length);
      const moved = common.filter((p) => after.layout[p] !== earlier?.layout[p]);
      expect(moved.map((p) => `${p}: ${earlier?.layout[p]} → ${after.layout[p]}`)).toEqual([]);
      await tab.close();
    },
  );
});
