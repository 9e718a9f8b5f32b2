import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/extension-browser.mjs';
import {
  buildWithRemindersAllowed,
  contentScriptTab,
  HAVE_SHARED_PAGES,
  launch,
  overlayFrame,
  overlayHost,
  type SharedPage,
  STORAGE_STATES,
  sharedPage,
  sharedPages,
} from './harness';

// Inside `worker.evaluate` the code runs in the extension's service worker, where `chrome` is the API.
declare const chrome: typeof import('wxt/browser').browser;
declare const self: {
  trackRecord: { reminders: { check(): Promise<void>; answer(id: string, button: number): Promise<void> } };
};

// At the point of use, in a real Chromium on the saved real pages: capture from the overlay and from the
// popup until the verdict turns, deadlines that speak up (the overlay, the toolbar's count, a reminder
// whose button records the answer), cancel and move on with the next people named and the accesses
// taken back, the overlay's keyboard, and the theme's 14 px on every surface. One browser for the file;
// each step builds on the one before. The build is the one a user has after allowing reminders (see
// buildWithRemindersAllowed). The Firefox side is tests/e2e/firefox-point-of-use.e2e.ts.
describe.skipIf(!HAVE_SHARED_PAGES)('at the point of use, in Chromium', () => {
  const UPWORK = 'upwork/profile-rachel-w-2023-11.html';
  const FIVERR = 'fiverr/seller-tonigdesign-2025-08.html';
  const FREELANCER = 'freelancer/profile-irfan811-2021-12.html';
  let browser: ExtensionBrowser;
  const tabs = new Map<string, { page: Page; tabId: number }>();

  beforeAll(async () => {
    browser = await launch(STORAGE_STATES[0], buildWithRemindersAllowed());
    for (const { file } of sharedPages()) {
      const { page, html } = sharedPage(file);
      browser.serve(page.url, html);
    }
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** The profile page of a shared file, opened once and tracked from its overlay. */
  async function profile(file: string): Promise<{ page: Page; tabId: number; frame: Frame }> {
    let open = tabs.get(file);
    if (!open) {
      const shared: SharedPage = sharedPage(file).page;
      const page = await browser.context.newPage();
      await page.goto(shared.url, { waitUntil: 'domcontentloaded' });
      const tabId = await contentScriptTab(browser, page);
      await expect
        .poll(() => overlayHost(page).getAttribute('data-state'), { timeout: 15_000 })
        .toBe('ready');
      const frame = await overlayFrame(page);
      await frame.getByRole('button', { name: 'Track' }).click();
      await frame.getByTestId('verdict').waitFor();
      open = { page, tabId };
      tabs.set(file, open);
    }
    return { ...open, frame: await overlayFrame(open.page) };
  }
  const verdictIn = (where: Frame | Page) => where.getByTestId('verdict').first().textContent();
  async function extensionPage(path: string, width = 400): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(browser.extensionUrl(path));
    return page;
  }

  it('starts with a welcome page on install, where the strike policy is chosen (standard: two strikes)', async () => {
    const welcome = browser.context.pages().find((p) => p.url().endsWith('/welcome.html'));
    expect(welcome, 'the welcome page opened on install').toBeDefined();
    const page = welcome as Page;
    await page.getByText('Your records stay here').waitFor();
    expect(await page.getByRole('radio', { name: /Strict/ }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: /Standard/ }).check();
    await expect.poll(() => page.getByRole('radio', { name: /Standard/ }).isChecked()).toBe(true);
    // Demo data is offered, not loaded.
    await page.getByRole('button', { name: 'Load demo data' }).waitFor();
  });

  it('logs a late delivery from the overlay in three actions, then an excuse in three, until the verdict is cancel', async () => {
    const { page, frame } = await profile(UPWORK);
    expect(await verdictIn(frame)).toContain('New');
    // Late, 3, Enter.
    await frame.getByRole('button', { name: 'Late' }).click();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await frame.getByText('Recorded: Delivered 3 days late.').waitFor();
    await expect.poll(() => verdictIn(frame)).toContain('Watch');
    // Focus stays in the overlay, on the button that started the capture.
    expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe('Late');
    // Excuse, paste, Enter.
    await frame.getByRole('button', { name: 'Excuse' }).click();
    await page.keyboard.insertText('Sorry, the internet was down all weekend');
    await page.keyboard.press('Enter');
    await frame.getByText('Recorded: Excuse: internet / power / equipment.').waitFor();
    await expect.poll(() => verdictIn(frame)).toContain('Cancel');
    // The reason line says why: the strikes, never "nothing recorded".
    expect(await frame.getByTestId('reason').textContent()).toMatch(/^2 strikes in the last 180 days/);
    expect(await frame.getByRole('list', { name: 'Strikes' }).textContent()).toContain('Excuse: internet');
    expect(await frame.locator('body').textContent()).not.toContain('Nothing recorded yet');
    // Undo takes the excuse back, and the verdict with it.
    await frame.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => verdictIn(frame)).toContain('Watch');
    await frame.getByRole('button', { name: 'Excuse' }).click();
    await page.keyboard.insertText('Sorry, the internet was down all weekend');
    await page.keyboard.press('Enter');
    await expect.poll(() => verdictIn(frame)).toContain('Cancel');
  });

  it('does the same from the popup, and the overlay follows at once', async () => {
    const { frame, tabId } = await profile(FIVERR);
    const popup = await extensionPage(`popup.html?tab=${tabId}`, 360);
    await popup.getByRole('heading', { name: 'Toni G.' }).waitFor();
    await popup.getByRole('button', { name: 'Late', exact: true }).click();
    await popup.keyboard.type('2');
    await popup.keyboard.press('Enter');
    await popup.getByText('Recorded: Delivered 2 days late.').waitFor();
    await expect.poll(() => verdictIn(popup)).toContain('Watch');
    await popup.getByRole('button', { name: 'Excuse', exact: true }).click();
    await popup.keyboard.insertText('My laptop broke, the repair takes a week');
    await popup.keyboard.press('Enter');
    await expect.poll(() => verdictIn(popup)).toContain('Cancel and move on');
    await expect.poll(() => verdictIn(frame)).toContain('Cancel');
    // The popup names the key that opens it.
    await popup.getByText('Open this popup with Alt+Shift+K.').waitFor();
    await popup.close();
  });

  it('a note that reads like a delay is offered as one, in one click', async () => {
    const { page, frame } = await profile(UPWORK);
    await frame.getByRole('button', { name: 'Note' }).click();
    await page.keyboard.type('Sent the final files a day late');
    await frame.getByRole('button', { name: 'Record it as a late delivery' }).click();
    await frame.getByText('Recorded: Delivered 1 day late.').waitFor();
  });

  it('Tab moves through the overlay, Escape folds it, and it stays folded on the next visit', async () => {
    const { page, frame } = await profile(UPWORK);
    await frame.getByRole('button', { name: 'Late' }).focus();
    await page.keyboard.press('Tab');
    expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe('Missed');
    await page.keyboard.press('Shift+Tab');
    expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe('Late');
    // Escape first closes an open form, then folds the card.
    await page.keyboard.press('Enter');
    await frame.getByLabel('Days late').waitFor();
    await page.keyboard.press('Escape');
    expect(await frame.getByLabel('Days late').count()).toBe(0);
    const height = async () => (await overlayHost(page).boundingBox())?.height ?? 0;
    const open = await height();
    await page.keyboard.press('Escape');
    await expect.poll(height).toBeLessThan(70);
    expect(open).toBeGreaterThan(150);
    expect(await frame.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Show details',
    );

    const again = await browser.context.newPage();
    await again.goto(page.url());
    await expect.poll(() => overlayHost(again).getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
    await expect.poll(async () => (await overlayHost(again).boundingBox())?.height ?? 0).toBeLessThan(70);
    const other = await overlayFrame(again);
    await other.getByRole('button', { name: 'Show details' }).click();
    await other.getByRole('button', { name: 'Late' }).waitFor();
    await again.close();
    // The first tab follows the choice too (redrawn once it is in view again).
    await page.bringToFront();
    await expect.poll(height).toBeGreaterThan(150);
  });

  it('a milestone due yesterday shows in the overlay, the toolbar and a reminder whose button records the answer', async () => {
    const { frame, tabId } = await profile(UPWORK);
    const panel = await extensionPage(`sidepanel.html?tab=${tabId}`);
    await panel.getByRole('heading', { name: 'Rachel W.' }).waitFor();
    const start = panel.getByRole('form', { name: 'New engagement' });
    await start.getByLabel('Title').fill('Logo work');
    await start.getByLabel('Skill area').fill('Logo design');
    await start.getByRole('button', { name: 'Start engagement' }).click();
    const engagement = panel.getByRole('article', { name: 'Logo work' });
    const add = engagement.getByRole('form', { name: 'Add a milestone' });
    await add.getByLabel('Milestone').fill('Logo v2');
    await add.getByLabel('Amount').fill('300');
    const yesterday = await panel.evaluate(() => {
      const d = new Date(Date.now() - 86_400_000);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await add.getByLabel('Due date').fill(yesterday);
    await add.getByRole('button', { name: 'Add milestone' }).click();
    await engagement.getByTestId('milestone').waitFor();

    // The overlay: "1 day overdue", with its one-click outcomes.
    const due = frame.getByTestId('open-milestone');
    await expect.poll(() => due.textContent()).toMatch(/^Logo v2 1 day overdue/);
    // The toolbar counts it.
    await expect.poll(() => browser.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
    // The daily alarm's check (called here rather than waited for) has a reminder up for it.
    await browser.worker.evaluate(() => self.trackRecord.reminders.check());
    const reminder = await browser.worker.evaluate(async () =>
      Object.keys(await chrome.notifications.getAll()),
    );
    expect(reminder).toEqual([expect.stringMatching(/^milestone:[0-9A-Z]{26}:overdue$/)]);
    // Its first button, "Delivered today", records the delivery.
    await browser.worker.evaluate((id) => self.trackRecord.reminders.answer(id, 0), reminder[0] as string);
    await expect.poll(() => due.count()).toBe(0);
    await expect.poll(() => browser.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
    expect(
      await browser.worker.evaluate(async () => Object.keys(await chrome.notifications.getAll())),
    ).toEqual([]);
    await engagement.getByText(/^delivered /).waitFor();
    await panel.close();
  });

  it('cancel and move on from the overlay: the strikes, what ends, who is next, the accesses taken back — dropped everywhere at once', async () => {
    // Someone else in "Logo design", proven: the next person.
    const irfan = await profile(FREELANCER);
    const other = await extensionPage(`sidepanel.html?tab=${irfan.tabId}`);
    await other.getByRole('heading', { name: 'Muhammad I.' }).waitFor();
    await other.getByRole('button', { name: 'Edit' }).click();
    await other.getByLabel('Skill areas').fill('Logo design');
    await other.getByRole('button', { name: 'Save' }).click();
    await other.getByRole('button', { name: 'On time', exact: true }).click();
    await other.keyboard.press('Enter');
    await expect.poll(() => verdictIn(other)).toContain('OK');
    await other.close();

    // Rachel: WordPress too, where nobody else is; two accesses.
    const { page, frame, tabId } = await profile(UPWORK);
    const panel = await extensionPage(`sidepanel.html?tab=${tabId}`);
    await panel.getByRole('heading', { name: 'Rachel W.' }).waitFor();
    await panel.getByRole('button', { name: 'Edit' }).click();
    await panel.getByLabel('Skill areas').fill('Logo design, WordPress');
    await panel.getByRole('button', { name: 'Save' }).click();
    for (const [what, level] of [
      ['WordPress admin', 'admin'],
      ['Figma team', 'edit'],
    ] as const) {
      const grant = panel.getByRole('form', { name: 'Record an access' });
      await grant.getByPlaceholder('Access to…').fill(what);
      await grant.getByRole('combobox').selectOption(level);
      await grant.getByRole('button', { name: 'Grant' }).click();
      await panel.getByRole('list', { name: 'Active accesses' }).getByText(what).waitFor();
    }
    const popup = await extensionPage(`popup.html?tab=${tabId}`, 360);
    await popup.getByRole('heading', { name: 'Rachel W.' }).waitFor();

    await frame.getByRole('button', { name: 'Cancel and move on…' }).click();
    const flow = frame.getByRole('region', { name: 'Cancel and move on' });
    await flow.getByText('The strikes that led here').waitFor();
    expect(await flow.textContent()).toContain('Excuse: internet / power / equipment');
    // What ends: the engagement, and delivered work not accepted is flagged.
    expect(await flow.getByTestId('ending').textContent()).toMatch(
      /Logo work.*"Logo v2" \(300\) was delivered on .* and not accepted: don't pay for unaccepted work\./,
    );
    // Who is next: Muhammad I. for logos, with his profile; nobody for WordPress, so where to look.
    const next = flow
      .getByRole('list', { name: 'Next for Logo design' })
      .getByRole('link', { name: 'Muhammad I.' });
    expect(await next.getAttribute('href')).toBe('https://www.freelancer.com/u/irfan811');
    await flow.getByText(/No backup for WordPress: find someone on/).waitFor();
    expect(await flow.getByRole('link', { name: 'Upwork' }).getAttribute('href')).toBe(
      'https://www.upwork.com/nx/search/talent/?q=WordPress',
    );
    await page.screenshot({ path: 'test-results/chromium-cancel-flow.png', fullPage: false });

    await flow.getByLabel('1 year').check();
    await flow.getByRole('button', { name: 'Cancel and move on', exact: true }).click();
    // Dropped on every open surface at once.
    await expect.poll(() => verdictIn(frame)).toContain('Dropped');
    await expect.poll(() => verdictIn(popup)).toContain('Dropped');
    await expect.poll(() => verdictIn(panel)).toContain('Dropped');
    await flow.getByText(/Rachel W\. is dropped/).waitFor();

    // The accesses, taken back one click each.
    for (let left = 2; left > 0; left--) {
      await flow.getByRole('button', { name: 'Revoke' }).first().click();
      await expect.poll(() => flow.getByRole('button', { name: 'Revoke' }).count()).toBe(left - 1);
    }
    expect(
      await flow.getByTestId('access').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-revoked'))),
    ).toEqual(['true', 'true']);
    await panel.getByText('They hold no access you recorded.').waitFor();
    // The ended engagement offers no more delivering or paying before acceptance.
    const ended = panel.getByRole('article', { name: 'Logo work' });
    await ended.getByText("Delivered but not accepted: don't pay for unaccepted work.").waitFor();
    expect(
      await ended
        .getByRole('button', { name: /Delivered today|Pay \(before acceptance!\)|Move due date/ })
        .count(),
    ).toBe(0);
    await popup.close();
    await panel.close();
  });

  it('sets body text at the theme’s 14 px on every surface', async () => {
    const { tabId, frame } = await profile(UPWORK);
    const sizes = async (where: Frame | Page) =>
      where.evaluate(() =>
        // Body text: paragraphs, list items and labels (not the captions the theme sets smaller on purpose).
        [document.body, ...document.querySelectorAll('p:not(.small), li:not(.small), label:not(.small)')].map(
          (e) => getComputedStyle(e).fontSize,
        ),
      );
    const surfaces: [string, Frame | Page][] = [['overlay', frame]];
    for (const path of [
      `popup.html?tab=${tabId}`,
      `sidepanel.html?tab=${tabId}`,
      'deadlines.html',
      'welcome.html',
      'dashboard.html',
    ]) {
      const page = await extensionPage(path);
      await page.locator('main p, main li').first().waitFor({ state: 'attached' });
      surfaces.push([path, page]);
    }
    for (const [name, where] of surfaces) {
      const found = await sizes(where);
      expect(found.length, name).toBeGreaterThan(1);
      expect(new Set(found), name).toEqual(new Set(['14px']));
    }
  });
});
