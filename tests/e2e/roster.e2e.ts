import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/extension-browser.mjs';
import { BIG, generatedName, generateRoster } from '../fixtures/roster/generate';
import { launch } from './harness';

// The roster at full size: a backup of 10,000 contractors (20,000 profiles, 200,000 events) imported
// through the page's own Import button, then found, sorted, filtered and opened as a user would.

describe('a roster of 10,000 contractors', () => {
  let browser: ExtensionBrowser;
  let page: Page;
  let scratch: string;
  const rows = () => page.getByTestId('roster-row');
  const status = () => page.getByRole('status').filter({ hasText: /contractors$/ });

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'roster-e2e-'));
    const backup = generateRoster(BIG);
    expect(backup.profiles).toHaveLength(20_000);
    expect(backup.events).toHaveLength(200_000);
    writeFileSync(join(scratch, 'roster.json'), JSON.stringify(backup));
    browser = await launch();
    page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('dashboard.html'));
    await page.getByRole('heading', { name: 'No one on your roster yet' }).waitFor();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('imports through the Import button, with a preview and progress', async () => {
    await page.getByRole('link', { name: 'Import a backup or a spreadsheet' }).click();
    await page.getByLabel('Import a backup…').setInputFiles(join(scratch, 'roster.json'));
    await page.getByRole('progressbar').first().waitFor({ timeout: 60_000 });
    await page.getByText('holds 10000 contractors').waitFor({ timeout: 180_000 });
    await page.getByText(/adds 10,000 contractors/).waitFor();
    await page.getByRole('button', { name: 'Replace my records' }).click();
    await page.getByRole('progressbar', { name: 'Writing your records' }).waitFor({ timeout: 60_000 });
    await page.getByText('Imported 10000 contractors').first().waitFor({ timeout: 400_000 });
    await page.getByRole('link', { name: 'Roster', exact: true }).click();
    await status().filter({ hasText: '10,000 contractors' }).waitFor({ timeout: 60_000 });
  }, 600_000);

  it('finds anyone by name, note or profile address at once', async () => {
    const kim = generatedName(4321);
    await page.getByLabel('Search contractors').fill(kim);
    await expect.poll(() => rows().count(), { timeout: 10_000 }).toBe(1);
    expect(await rows().first().textContent()).toContain(kim);
    expect(page.url()).toContain(`q=${encodeURIComponent(kim).replace(/%20/g, '+')}`);
    await page.getByLabel('Search contractors').fill('bench-777-1');
    await expect.poll(() => rows().first().textContent()).toContain(generatedName(777));
    await page.getByLabel('Search contractors').fill('');
    await status().filter({ hasText: '10,000 contractors' }).waitFor();
  });

  it('filters and sorts on any column, kept in the address across a reload', async () => {
    await page.getByLabel('Verdict').selectOption('trusted');
    await status()
      .filter({ hasText: /of 10,000 contractors/ })
      .waitFor();
    const verdicts = await rows().getByTestId('verdict').allTextContents();
    expect(verdicts.length).toBeGreaterThan(5);
    expect(verdicts.every((v) => v.startsWith('Trusted'))).toBe(true);

    await page.getByRole('button', { name: 'Score' }).click();
    await page.getByRole('button', { name: 'Score' }).click(); // again: highest first
    expect(page.url()).toMatch(/verdict=trusted.*sort=-score/);
    const scores = async () =>
      (await rows().locator('td.num:nth-child(6)').allTextContents()).map((t) => Number.parseInt(t, 10));
    await expect.poll(async () => (await scores())[0], { timeout: 10_000 }).toBeGreaterThanOrEqual(85);
    const shown = await scores();
    expect(shown).toEqual([...shown].sort((a, b) => b - a));

    await page.reload();
    await expect
      .poll(async () => (await scores()).slice(0, 5), { timeout: 30_000 })
      .toEqual(shown.slice(0, 5));
    expect(await page.getByLabel('Verdict').inputValue()).toBe('trusted');
  });

  it('opens a contractor and comes back to the same view', async () => {
    const name = (await rows().first().getByRole('link').textContent()) ?? '';
    await rows().first().getByRole('link').click();
    await page.getByRole('heading', { name }).waitFor();
    await page.getByRole('heading', { name: 'Why' }).waitFor();
    await page.getByRole('link', { name: '← Roster' }).click();
    expect(page.url()).toMatch(/verdict=trusted.*sort=-score/);
    expect(await rows().first().textContent()).toContain(name);
  });

  it('deletes a contractor with undo, even after looking elsewhere', async () => {
    await page.getByLabel('Verdict').selectOption('');
    await status().filter({ hasText: '10,000 contractors' }).waitFor();
    const first = rows().first();
    const name = (await first.getByRole('link').textContent()) ?? '';
    await first.getByRole('checkbox').check();
    await page
      .getByRole('toolbar', { name: 'Selected contractors' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await status().filter({ hasText: '9,999 contractors' }).waitFor();
    await page.getByRole('link', { name: 'The five rules' }).click();
    await page.getByRole('heading', { name: 'Two people per area' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('link', { name: 'Roster', exact: true }).click();
    await status().filter({ hasText: '10,000 contractors' }).waitFor();
    await page.getByLabel('Search contractors').fill(name);
    await expect.poll(() => rows().count(), { timeout: 10_000 }).toBe(1);
  });
});
