import type { CDPSession, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/extension-browser.mjs';
import { HAVE_SHARED_PAGES, launch, overlayFrame, sharedPage, tabIdOf } from './harness';

// Faults of the service worker, caused for real over the DevTools protocol: the worker stopped
// (ServiceWorker.stopAllWorkers) at moments spread over a capture or a cancel made in the overlay, or
// just before a click. Whatever the moment, the record is written once or not at all, the overlay says
// which, and it comes back live on its own and shows what is stored.

type StoredEvent = { id: string; contractorId: string; type: string; text?: string };

/** The worker's states as the browser reports them, and a way to stop it; on a tab of its own. */
async function workerControl(browser: ExtensionBrowser, tab: Page) {
  const cdp: CDPSession = await browser.context.newCDPSession(tab);
  const origin = browser.extensionUrl('');
  const states: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions as { scriptURL: string; runningStatus: string }[])
      if (v.scriptURL.startsWith(origin)) states.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  return {
    states,
    stop: () => cdp.send('ServiceWorker.stopAllWorkers'),
    /** Resolves once the browser reports the worker stopped after `since` reports. */
    async stopped(since: number) {
      await expect.poll(() => states.slice(since).includes('stopped')).toBe(true);
    },
  };
}

/** Every stored event of the contractor tracked behind a profile key, read in the extension's origin. */
function eventsOf(extensionPage: Page, key: string): Promise<StoredEvent[]> {
  return extensionPage.evaluate(
    (k) =>
      new Promise<StoredEvent[]>((done, fail) => {
        const open = indexedDB.open('track-record');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['profiles', 'events']);
          const profile = tx.objectStore('profiles').get(k);
          profile.onsuccess = () => {
            if (!profile.result) return done([]);
            const all = tx.objectStore('events').index('contractorId').getAll(profile.result.contractorId);
            all.onsuccess = () => {
              db.close();
              done(all.result);
            };
          };
        };
      }),
    key,
  );
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe.skipIf(!HAVE_SHARED_PAGES)('the service worker stopped at any moment', () => {
  const UPWORK = sharedPage('upwork/profile-rachel-w-2023-11.html');
  const KEY = 'upwork:~011cfba3bd0cf44f8d';
  let browser: ExtensionBrowser;
  let control: Awaited<ReturnType<typeof workerControl>>;
  let records: Page;
  let page: Page;
  let frame: Frame;

  beforeAll(async () => {
    browser = await launch();
    browser.serve(UPWORK.page.url, UPWORK.html);
    // An extension page to read the database and drive the worker from, opened before the profile so
    // that the profile's tab is the one in front (a tab behind another draws nothing and gets no click).
    records = await browser.context.newPage();
    await records.goto(browser.extensionUrl('deadlines.html'));
    control = await workerControl(browser, records);
    page = await browser.context.newPage();
    await page.goto(UPWORK.page.url);
    frame = await overlayFrame(page);
    await frame.getByRole('button', { name: 'Track' }).click();
    await frame.getByTestId('reason').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** What the overlay says once a capture is answered: recorded (its form closes), or why not. */
  async function outcome(): Promise<string> {
    const form = frame.locator('form[aria-label^="Record"]');
    const refusal = form.locator('.error, [role="alert"]');
    await expect
      .poll(async () => (await form.count()) === 0 || (await refusal.count()) > 0, { timeout: 15_000 })
      .toBe(true);
    if ((await form.count()) > 0) return (await refusal.first().textContent()) ?? '';
    return (await frame.locator('.done[role="status"]').textContent()) ?? '';
  }

  it.each([0, 3, 8, 15, 25, 40, 60, 90, 140, 220])(
    'a note from the overlay, the worker stopped %i ms after Enter: written once, said so, the overlay live again',
    async (delay) => {
      const text = `Sent the brief again (${delay} ms)`;
      const since = control.states.length;
      await frame.getByRole('button', { name: 'Note', exact: true }).click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      await sleep(delay);
      await control.stop();
      const said = await outcome();
      await control.stopped(since); // the fault was real
      const written = (await eventsOf(records, KEY)).filter((e) => e.text === text);
      // Once (the frame sent it again when the answer was lost; its id makes the repeat a no-op) and the
      // overlay says so; never twice; never silently lost.
      expect(said).toMatch(/^Recorded: Note\./);
      expect(written).toHaveLength(1);
      // Live again on its own, showing what is stored: the newest event first.
      await expect.poll(() => frame.getByTestId('event').first().textContent()).toContain(text);
    },
  );

  it('a late delivery clicked while the worker is stopped wakes it and is recorded once', async () => {
    const since = control.states.length;
    await control.stop();
    await control.stopped(since);
    const before = (await eventsOf(records, KEY)).filter((e) => e.type === 'delivered').length;
    await frame.getByRole('button', { name: 'Late', exact: true }).click();
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    expect(await outcome()).toMatch(/^Recorded: Delivered 2 days late\./);
    const after = (await eventsOf(records, KEY)).filter((e) => e.type === 'delivered').length;
    expect(after - before).toBe(1);
  });

  it('a note written in the side panel while the overlay was cut off reaches the overlay', async () => {
    const since = control.states.length;
    await control.stop();
    await control.stopped(since);
    const panel = await browser.context.newPage();
    await panel.goto(browser.extensionUrl(`sidepanel.html?tab=${await tabIdOf(browser, page)}`));
    await panel.getByRole('button', { name: 'Note', exact: true }).click();
    await panel.keyboard.type('Written beside the overlay');
    await panel.keyboard.press('Enter');
    await panel.getByText('Recorded: Note.').waitFor();
    await panel.close();
    await page.bringToFront();
    await expect
      .poll(() => frame.getByTestId('event').first().textContent())
      .toContain('Written beside the overlay');
  });

  it.each([0, 10, 30, 80])(
    'cancel and move on, the worker stopped %i ms after the click: carried out whole, once',
    async (delay) => {
      const cancelsBefore = (await eventsOf(records, KEY)).filter((e) => e.type === 'cancelled').length;
      const takeBack = frame.getByRole('button', { name: 'Take them back' });
      if (await takeBack.isVisible()) {
        await takeBack.click(); // dropped by the run before: active again first (the flow closes)
        await frame.getByRole('heading', { name: /is dropped$/ }).waitFor({ state: 'detached' });
        await expect.poll(() => frame.getByTestId('verdict').first().textContent()).not.toMatch(/^Dropped/);
      }
      await frame.getByRole('button', { name: 'Cancel and move on…' }).click();
      const since = control.states.length;
      await frame
        .getByRole('form', { name: 'Cancel' })
        .getByRole('button', { name: 'Cancel and move on' })
        .click({ timeout: 10_000 })
        .catch(async (error) => {
          throw new Error(`${error}\nThe overlay said: ${await frame.locator('body').textContent()}`);
        });
      await sleep(delay);
      await control.stop();
      await control.stopped(since);
      await expect.poll(() => frame.getByTestId('verdict').first().textContent()).toMatch(/^Dropped/);
      const cancels = (await eventsOf(records, KEY)).filter((e) => e.type === 'cancelled');
      expect(cancels.length - cancelsBefore).toBe(1);
      await frame.getByRole('heading', { name: /is dropped$/ }).waitFor();
    },
  );
});
