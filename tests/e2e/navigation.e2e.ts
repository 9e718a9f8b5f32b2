import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/extension-browser.mjs';
import {
  askTab,
  badgeKeys,
  badgeLabels,
  contentScriptTab,
  domSettled,
  launch,
  overlayFrame,
  overlayHost,
  storedProfile,
  tabIdOf,
} from './harness';

// Client-side routing as Upwork does it, imitated by the project's own fixture (invented people): the
// content script must follow pushState, popstate, re-renders and late cards through events alone.
const SEARCH = 'https://www.upwork.com/nx/search/talent/?q=x';
const SPA = readFileSync(resolve('tests/fixtures/e2e/upwork-spa.html'), 'utf8');

type Person = { id: string; name: string; title: string; place: string };
const keyOf = (p: Person) => `upwork:${p.id.toLowerCase()}`;

describe('the extension on a single-page app (Upwork talent search imitation)', () => {
  let browser: ExtensionBrowser;
  let people: Person[];

  beforeAll(async () => {
    browser = await launch();
    browser.serve(SEARCH, SPA);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A new tab on the search page, once the content script has badged its first tiles; closed after the test. */
  async function openSearch(): Promise<{ tab: Page; tabId: number }> {
    const tab = await browser.context.newPage();
    onTestFinished(() => tab.close());
    await tab.goto(SEARCH);
    people ??= await tab.evaluate(() => (window as unknown as { PEOPLE: Person[] }).PEOPLE);
    const tabId = await contentScriptTab(browser, tab);
    await expect.poll(() => badgeKeys(tab)).toEqual(people.slice(0, 6).map(keyOf));
    return { tab, tabId };
  }

  const go = (tab: Page, p: Person, lag = 0) =>
    tab.evaluate(([id, ms]) => (window as unknown as { go(id: string, lag: number): void }).go(id, ms), [
      p.id,
      lag,
    ] as const);

  /** Profile keys of the overlay hosts on the page. */
  const overlayKeys = (tab: Page) =>
    overlayHost(tab).evaluateAll((hosts) => hosts.map((h) => h.getAttribute('data-profile-key')));

  /** For each result tile, in order: its freelancer and the keys of the badge hosts inside it. */
  const badgesPerTile = (tab: Page) =>
    tab.locator('#results article').evaluateAll((tiles) =>
      tiles.map((t) => ({
        key: `upwork:${t.getAttribute('data-ev-id')?.toLowerCase()}`,
        badges: [...t.querySelectorAll('[data-track-record="badge"]')].map((b) =>
          b.getAttribute('data-profile-key'),
        ),
      })),
    );
  /** What `badgesPerTile` must read when these people's tiles each carry exactly their own badge. */
  const ownBadges = (ps: Person[]) => ps.map((p) => ({ key: keyOf(p), badges: [keyOf(p)] }));

  /** Waits until the overlay for `p` is drawn and the page is still; then there must be only that one. */
  async function expectOnlyOverlayFor(tab: Page, tabId: number, p: Person) {
    await expect
      .poll(async () => [await overlayKeys(tab), await overlayHost(tab).first().getAttribute('data-state')], {
        timeout: 10_000,
      })
      .toEqual([[keyOf(p)], 'ready']);
    await domSettled(tab);
    expect(await overlayKeys(tab)).toEqual([keyOf(p)]);
    expect(await askTab(browser, tabId, { type: 'get-page' })).toMatchObject({
      profile: { key: keyOf(p), name: p.name, title: p.title, location: p.place },
    });
    const frames = tab.frames().filter((f) => f.url().includes('/overlay.html'));
    expect(frames.map((f) => new URL(f.url()).searchParams.get('key'))).toEqual([keyOf(p)]);
  }

  it('follows a click from search to a profile, and back to search', async () => {
    const { tab, tabId } = await openSearch();
    const ines = people[0] as Person;
    await tab.getByRole('link', { name: ines.name }).click();
    expect(tab.url()).toBe(`https://www.upwork.com/freelancers/${ines.id}`);
    await expectOnlyOverlayFor(tab, tabId, ines);
    const frame = await overlayFrame(tab);
    await frame.getByText(`You have no history with ${ines.name} yet.`).waitFor();
    expect(await badgeKeys(tab)).toEqual([]); // the tiles went with the search page

    await tab.evaluate(() => history.back());
    await expect.poll(() => overlayKeys(tab)).toEqual([]);
    expect(tab.url()).toBe(SEARCH);
    await expect.poll(() => badgesPerTile(tab)).toEqual(ownBadges(people.slice(0, 6)));
    expect(await askTab(browser, tabId, { type: 'get-page' })).toMatchObject({ profile: null, url: SEARCH });
  });

  it('ends a storm of 50 client-side navigations with one overlay, for the last freelancer, ready', async () => {
    const { tab, tabId } = await openSearch();
    const visited = people.slice(10, 60);
    const started = Date.now();
    // Gaps from none to longer than the content script's debounce, so overlays are mounted, their frames
    // start loading and report ready, and are replaced mid-flight.
    await tab.evaluate(
      async (ids) => {
        const gaps = [0, 5, 20, 60, 150];
        for (const [i, id] of ids.entries()) {
          (window as unknown as { go(id: string): void }).go(id);
          await new Promise((done) => setTimeout(done, gaps[i % gaps.length]));
        }
      },
      visited.map((p) => p.id),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    await expectOnlyOverlayFor(tab, tabId, visited.at(-1) as Person);
    const frame = await overlayFrame(tab);
    await frame.getByText(`You have no history with ${visited.at(-1)?.name} yet.`).waitFor();
  });

  it('badges cards added later (infinite scroll) once each, also after further changes', async () => {
    const { tab } = await openSearch();
    const added = await tab.evaluate(() =>
      (window as unknown as { appendTiles(n: number): string[] }).appendTiles(10),
    );
    expect(added).toHaveLength(10);
    await expect.poll(async () => (await badgeKeys(tab)).length).toBe(16);
    expect(await badgeKeys(tab)).toEqual(people.slice(0, 16).map(keyOf));

    await tab.evaluate(() => (window as unknown as { rerenderTiles(): void }).rerenderTiles());
    await tab.evaluate(() => (window as unknown as { appendTiles(n: number): string[] }).appendTiles(2));
    await expect.poll(async () => (await badgeKeys(tab)).length).toBe(18);
    await domSettled(tab);
    expect(await badgesPerTile(tab)).toEqual(ownBadges(people.slice(0, 18)));
  });

  it("puts a badge back when the page re-renders a card's contents", async () => {
    const { tab } = await openSearch();
    const left = await tab.evaluate(() => {
      (window as unknown as { refreshTile(i: number): void }).refreshTile(1);
      return document.querySelectorAll('#results article')[1]?.querySelectorAll('[data-track-record]').length;
    });
    expect(left).toBe(0); // the page's re-render took it away
    await expect.poll(() => badgesPerTile(tab)).toEqual(ownBadges(people.slice(0, 6)));
  });

  it('puts the overlay back, once, when the page re-renders the block it sat by', async () => {
    const { tab, tabId } = await openSearch();
    const aiko = people[2] as Person;
    await go(tab, aiko);
    await expectOnlyOverlayFor(tab, tabId, aiko);
    const inHeader = () =>
      tab.evaluate(() => document.querySelector('#profile-header [data-track-record="overlay"]') !== null);
    expect(await inHeader()).toBe(true);

    const left = await tab.evaluate(() => {
      (window as unknown as { rerenderHeader(): void }).rerenderHeader();
      return document.querySelectorAll('[data-track-record="overlay"]').length;
    });
    expect(left).toBe(0); // the page's re-render took it away
    await expect.poll(inHeader).toBe(true);
    await domSettled(tab);
    expect(await overlayKeys(tab)).toEqual([keyOf(aiko)]);

    // A whole-page re-render (the router rendering the same route again) too.
    await tab.evaluate(() => dispatchEvent(new PopStateEvent('popstate')));
    await expect.poll(inHeader).toBe(true);
    await domSettled(tab);
    expect(await overlayKeys(tab)).toEqual([keyOf(aiko)]);
  });

  it("shows a tracked freelancer's verdict on their card, and nothing on the others", async () => {
    const { tab } = await openSearch();
    const bruno = people[3] as Person;
    expect(Object.values(await badgeLabels(browser, tab))).toEqual(['', '', '', '', '', '']);
    await go(tab, bruno);
    const frame = await overlayFrame(tab);
    await frame.getByRole('button', { name: 'Track' }).click();
    await frame.getByTestId('verdict').waitFor();

    // Back on search the tiles are new elements, so their verdicts are looked up again.
    await tab.evaluate(() => history.back());
    const expected = Object.fromEntries(
      people.slice(0, 6).map((p) => [keyOf(p), p === bruno ? 'Tracked' : '']),
    );
    await expect.poll(() => badgeLabels(browser, tab)).toEqual(expected);
    // And in another tab, from a fresh load.
    const other = await openSearch();
    await expect.poll(() => badgeLabels(browser, other.tab)).toEqual(expected);
  });

  it('updates the badges of a listing left open while verdicts change elsewhere', async () => {
    const listing = await openSearch();
    const carla = people[4] as Person;
    expect((await badgeLabels(browser, listing.tab))[keyOf(carla)]).toBe('');
    // Tracked in another tab, while the listing stays open (and in view: nothing tells it to look again).
    const other = await openSearch();
    await go(other.tab, carla);
    const frame = await overlayFrame(other.tab);
    await frame.getByRole('button', { name: 'Track' }).click();
    await frame.getByTestId('verdict').waitFor();
    await expect.poll(async () => (await badgeLabels(browser, listing.tab))[keyOf(carla)]).toBe('Tracked');
    // A late delivery recorded in the side panel (an extension page writing the database itself).
    const panel = await browser.context.newPage();
    // (Both tabs opened on the same search address: the one showing Carla is found by her address.)
    await panel.goto(browser.extensionUrl(`sidepanel.html?tab=${await tabIdOf(browser, other.tab)}`));
    await panel.getByRole('button', { name: 'Late', exact: true }).click();
    await panel.keyboard.type('4');
    await panel.keyboard.press('Enter');
    await expect
      .poll(async () => (await badgeLabels(browser, listing.tab))[keyOf(carla)])
      .toBe('Cancel · 44');
    await panel.close();
  });

  // Upwork's app changes the address before it renders the new page: until it has, the document still
  // shows the search or the previous profile, and nothing of it may be shown or recorded as the new one.
  it('names and tracks the freelancer shown, when the app renders after changing the address (search → profile)', async () => {
    const { tab, tabId } = await openSearch();
    const greta = people[8] as Person;
    await go(tab, greta, 400);
    await expect.poll(() => tab.title()).toContain(greta.name); // the app has rendered the profile
    await expectOnlyOverlayFor(tab, tabId, greta); // and the content script's own reading caught up…
    const frame = await overlayFrame(tab);
    await expect
      .poll(() => frame.locator('p').first().textContent(), { timeout: 3000 })
      .toBe(`You have no history with ${greta.name} yet.`);
    await frame.getByRole('button', { name: 'Track' }).click();
    await expect
      .poll(() => frame.locator('p strong').first().textContent(), { timeout: 3000 })
      .toBe(greta.name);
  });

  it("keeps a tracked freelancer's stored profile theirs, when the app renders late (profile → profile)", async () => {
    const { tab, tabId } = await openSearch();
    const [greta, hugo] = [people[8], people[9]] as [Person, Person];
    await go(tab, hugo);
    await expectOnlyOverlayFor(tab, tabId, hugo);
    const frame = await overlayFrame(tab);
    await frame.getByRole('button', { name: 'Track' }).click();
    await frame.getByTestId('verdict').waitFor();
    expect(await storedProfile(browser, keyOf(hugo))).toMatchObject({ name: hugo.name, title: hugo.title });

    await go(tab, greta);
    await expectOnlyOverlayFor(tab, tabId, greta);
    await go(tab, hugo, 1000);
    await expect.poll(() => tab.title(), { timeout: 5000 }).toContain(hugo.name);
    await expectOnlyOverlayFor(tab, tabId, hugo);
    // Greta's name, title and place, on screen under Hugo's address for a moment, are not Hugo's.
    expect(await storedProfile(browser, keyOf(hugo))).toMatchObject({
      name: hugo.name,
      title: hugo.title,
      location: hugo.place,
    });
  });
});
