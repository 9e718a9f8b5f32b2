import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../model/ids';
import type { Contractor, ProfileRecord } from '../../model/records';
import type { StoredSummary } from '../../model/summary';
import { formatBytes } from '../../scoring/format';
import { buildRosterRow } from '../../scoring/roster-row';
import { buildSummary, type History, historiesByContractor } from '../../scoring/summary';
import type { ExtensionBrowser } from '../../scripts/extension-browser.mjs';
import { launch, overlayFrame, overlayHost, tabIdOf } from './harness';
import { dumpDatabase, tablesOf } from './hostile';

// Inside `evaluate` in an extension frame or page, `chrome` is the extension API.
declare const chrome: typeof import('wxt/browser').browser;

// The records in a real Chromium, as they are stored: the Data page's account of the storage, a message
// that wakes a stopped service worker, and the overlay, the popup and the side panel writing for the same
// contractor at once. One browser for the file, on the invented demo profile, Dana tracked from the overlay.
const ADDRESS = 'https://www.upwork.com/freelancers/~01demo0000000000001';
const KEY = 'upwork:~01demo0000000000001';
const HTML = readFileSync('demo/upwork-profile.html', 'utf8');

type Answer = { eventId?: string; error?: string; refused?: unknown };

describe('the records in Chromium', () => {
  let browser: ExtensionBrowser;
  let profile: Page;
  let frame: Frame;
  let tabId: number;

  beforeAll(async () => {
    browser = await launch();
    browser.serve(ADDRESS, HTML);
    profile = await browser.context.newPage();
    await profile.goto(ADDRESS);
    await overlayHost(profile).and(profile.locator('[data-state="ready"]')).waitFor({ timeout: 15_000 });
    frame = await overlayFrame(profile);
    await frame.getByRole('button', { name: 'Track' }).click();
    await frame.getByTestId('verdict').waitFor();
    tabId = await tabIdOf(browser, profile);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** An extension page in a tab of its own. */
  async function extensionPage(path: string, width = 400): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(browser.extensionUrl(path));
    return page;
  }

  it('the Data page says how much storage the records use and that the browser will not clear them', async () => {
    const page = await extensionPage('dashboard.html#view=data', 1280);
    const used = page.getByTestId('storage-used');
    await used.waitFor();
    // What the page says is what the browser reports for the extension's origin.
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    expect(usage).toBeGreaterThan(0);
    expect(await used.textContent()).toBe(`${formatBytes(usage)} used by Track Record in this browser.`);
    expect(await page.getByTestId('storage-protection').textContent()).toBe(
      'Protected from automatic clearing: the browser will not delete your records to free disk space.',
    );
    // It rests on the permission the browser granted, which exempts the extension from eviction: Chromium
    // reports no persistence to an extension, even once asked for it (the Data page asks).
    expect(
      await page.evaluate(() => chrome.permissions.contains({ permissions: ['unlimitedStorage'] })),
    ).toBe(true);
    expect(await page.evaluate(() => navigator.storage.persisted())).toBe(false);
    const section = page.getByRole('region', { name: 'Storage' });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: `test-results/data-page-storage-${colorScheme}.png` });
    }
    await page.close();
  });

  /** The overlay frame's own request for a capture, sent from the frame as its script sends it. */
  const overlayRecord = (text: string, kind: 'note' | 'praise' = 'note', requestId = newId()) =>
    frame.evaluate(
      ([key, input, id]) => chrome.runtime.sendMessage({ type: 'overlay-record', key, input, requestId: id }),
      [KEY, { kind, at: Date.now(), text }, requestId] as const,
    ) as Promise<Answer>;

  it('a message that wakes the stopped service worker is answered once its database is open', async () => {
    const cdp = await browser.context.newCDPSession(profile);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions as { scriptURL: string; runningStatus: string }[])
        if (v.scriptURL.endsWith('/background.js')) statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    // The overlay reconnects to a worker that went to sleep only once its tab is seen: its frame is made to
    // read as hidden (a tab behind another; headless Chromium shows every tab), so the request below is
    // the only thing that wakes the worker.
    await frame.evaluate(() =>
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' }),
    );
    await browser.worker.evaluate(() => Object.assign(globalThis, { startedBefore: true }));
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The fault is real: the worker stopped, and stays stopped.
    await expect.poll(() => statuses.at(-1)).toBe('stopped');
    await new Promise((r) => setTimeout(r, 500));
    expect(statuses.at(-1)).toBe('stopped');

    // The worker wakes for the message, opens the database and only then writes and answers.
    const sent = await frame.evaluate(() => Date.now());
    const answer = await overlayRecord('Written by a worker just woken');
    expect(answer).toEqual({ eventId: expect.stringMatching(/^[0-9A-Z]{26}$/) });
    expect(statuses.slice(statuses.lastIndexOf('stopped'))).toEqual(
      expect.arrayContaining(['starting', 'running']),
    );
    // The worker that answered began after the message was sent: neither it nor its database connection
    // existed when the message left the frame. (Playwright's handle on the worker reaches the new one.)
    const worker = browser.worker;
    expect(await worker.evaluate(() => 'startedBefore' in globalThis)).toBe(false);
    expect(await worker.evaluate(() => performance.timeOrigin)).toBeGreaterThanOrEqual(sent);
    // It wrote the record once.
    const { events } = tablesOf(await dumpDatabase(worker));
    expect(events?.filter((e) => e.text === 'Written by a worker just woken')).toEqual([
      expect.objectContaining({ id: answer.eventId, type: 'note' }),
    ]);
    // Seen again, the overlay reconnects to the new worker and shows the card with it.
    await frame.evaluate(() => {
      delete (document as { visibilityState?: string }).visibilityState;
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect
      .poll(() => frame.getByText('Written by a worker just woken').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await cdp.detach();
  });

  it('the overlay, the popup and the side panel write 100 records at once: none is lost, and the stored summary is the one the history gives', async () => {
    const popup = await extensionPage(`popup.html?tab=${tabId}`, 360);
    const panel = await extensionPage(`sidepanel.html?tab=${tabId}`);
    await popup.getByRole('heading', { name: 'Dana Demo' }).waitFor();
    await panel.getByRole('heading', { name: 'Dana Demo' }).waitFor();
    const before = tablesOf(await dumpDatabase(popup));

    /** Quick capture in a page, as a keyboard user does it: the kind, what it takes, Enter; done once its form closes. */
    async function capture(page: Page, kind: 'Note' | 'On time' | 'Late', text: string) {
      // From the keyboard: a click waits for the button to hold still, and every write from the other
      // surfaces redraws the card above it, so clicks would wait for the others to finish.
      await page.getByRole('button', { name: kind, exact: true }).press('Enter');
      if (kind === 'Note') await page.keyboard.insertText(text);
      if (kind === 'Late') await page.keyboard.type('2');
      await page.keyboard.press('Enter');
      await page.getByRole('form', { name: /^Record: / }).waitFor({ state: 'detached' });
    }
    const sent: Promise<Answer>[] = [];
    /** The overlay's next request, sent without waiting for its answer (the frame waits for none either). */
    const fromOverlay = () => {
      const i = sent.length;
      sent.push(overlayRecord(`overlay ${i}`, i % 2 ? 'praise' : 'note'));
    };
    const inPage = async (
      page: Page,
      name: string,
      other: 'On time' | 'Late',
      count: number,
      along?: () => void,
    ) => {
      for (let i = 0; i < count; i++) {
        along?.();
        await capture(page, i % 2 ? other : 'Note', `${name} ${i}`);
      }
    };
    // The popup and the side panel capture at once, each at its own pace, and the overlay sends a request
    // as each of the popup's captures starts: 33, and one more at the end, so 34.
    await Promise.all([
      inPage(popup, 'popup', 'On time', 33, fromOverlay).then(fromOverlay),
      inPage(panel, 'panel', 'Late', 33),
    ]);
    const answers = await Promise.all(sent);
    expect(answers.filter((a) => a.eventId && !a.error && !a.refused)).toHaveLength(34);

    const after = tablesOf(await dumpDatabase(popup));
    const known = new Set(before.events?.map((e) => e.id));
    const added = (after.events ?? []).filter((e) => !known.has(e.id));
    expect(added).toHaveLength(100);
    expect(new Set(added.map((e) => e.id)).size).toBe(100);
    // A delivery carries no text: who wrote each is in its text, or else its kind.
    const source = (e: Record<string, unknown>) =>
      String(e.text ?? (e.daysLate === 0 ? 'popup' : 'panel')).split(' ')[0];
    const texts = (prefix: string) =>
      added
        .filter((e) => String(e.text ?? '').startsWith(`${prefix} `))
        .map((e) => e.text)
        .sort();
    const expected = (prefix: string, indices: number[]) => indices.map((i) => `${prefix} ${i}`).sort();
    const evens = (n: number) => Array.from({ length: n }, (_, i) => i).filter((i) => i % 2 === 0);
    expect(texts('overlay')).toEqual(expected('overlay', [...Array(34).keys()]));
    expect(texts('popup')).toEqual(expected('popup', evens(33)));
    expect(texts('panel')).toEqual(expected('panel', evens(33)));
    const deliveries = added.filter((e) => e.type === 'delivered');
    expect(deliveries.filter((e) => e.daysLate === 0)).toHaveLength(16); // the popup's "On time"
    expect(deliveries.filter((e) => e.daysLate === 2)).toHaveLength(16); // the side panel's "Late", 2
    // The writes really were interleaved: in the order they were written, each writer wrote at least 10
    // times between the first and the last write of each other writer.
    const order = added
      .toSorted(
        (a, b) => Number(a.updatedAt) - Number(b.updatedAt) || String(a.id).localeCompare(String(b.id)),
      )
      .map(source);
    for (const writer of ['overlay', 'popup', 'panel'])
      for (const other of ['overlay', 'popup', 'panel'].filter((o) => o !== writer)) {
        const span = order.slice(order.indexOf(writer), order.lastIndexOf(writer) + 1);
        expect(
          span.filter((s) => s === other).length,
          `${other} within ${writer}'s writes: ${order.join(' ')}`,
        ).toBeGreaterThanOrEqual(10);
      }

    // The summary and the roster row stored with Dana are what her whole history gives, recomputed here
    // with the product's own pure functions.
    const dana = after.contractors?.find((c) => c.name === 'Dana Demo') as unknown as Contractor & {
      summary: StoredSummary;
    };
    const history = historiesByContractor(after as unknown as History)(dana.id);
    expect(history.events).toHaveLength((before.events?.length ?? 0) + 100);
    const summary = buildSummary(dana, history);
    expect(dana.summary).toEqual(summary);
    const notesBefore = before.events?.filter((e) => e.type === 'note').length ?? 0;
    expect(summary.counts.notes).toBe(notesBefore + 17 + 17 + 17);
    const profiles = after.profiles?.filter((p) => p.contractorId === dana.id) as unknown as ProfileRecord[];
    const { summary: _, ...record } = dana;
    expect(after.rosterRows?.find((r) => r.id === dana.id)).toEqual(
      buildRosterRow(record, summary, history, profiles),
    );
    // And the side panel shows every entry.
    await expect.poll(() => panel.getByTestId('event').count()).toBe(history.events.length);
    await popup.close();
    await panel.close();
  }, 240_000);
});
