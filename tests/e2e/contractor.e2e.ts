import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/extension-browser.mjs';
import { SCHEMA_VERSION } from '../../storage/db';
import { launch, overlayFrame, overlayHost, tabIdOf } from './harness';

// The project's own invented profile (the one `npm start` shows), served at an Upwork address.
const ADDRESS = 'https://www.upwork.com/freelancers/~01demo0000000000001';
const HTML = readFileSync('demo/upwork-profile.html', 'utf8');

// Every test starts a browser of its own (a new profile, so an empty database) and sets up what it
// needs itself: a failure in one says nothing about the others.

describe('recording history in the side panel', () => {
  let browser: ExtensionBrowser;
  let profile: Page;
  let panel: Page;

  // Dana tracked from the overlay on her profile, and the side panel open on that tab.
  beforeEach(async () => {
    browser = await launch();
    browser.serve(ADDRESS, HTML);
    profile = await browser.context.newPage();
    await profile.goto(ADDRESS);
    await overlayHost(profile).and(profile.locator('[data-state="ready"]')).waitFor({ timeout: 15_000 });
    const frame = await overlayFrame(profile);
    await frame.getByRole('button', { name: 'Track' }).click();
    await frame.getByTestId('verdict').waitFor();
    panel = await browser.context.newPage();
    await panel.goto(browser.extensionUrl(`sidepanel.html?tab=${await tabIdOf(browser, profile)}`));
    await panel.getByRole('heading', { name: 'Dana Demo' }).waitFor();
  });
  afterEach(async () => {
    await browser?.close();
  });

  const verdict = () => panel.getByTestId('verdict').first().textContent();
  const capture = (kind: string) => panel.getByRole('button', { name: kind, exact: true }).click();
  const recordLate = async (days: number) => {
    await capture('Late');
    await panel.keyboard.type(String(days));
    await panel.keyboard.press('Enter');
    await panel.getByText(`Delivered late by ${days} days`).first().waitFor();
  };
  const recordExcuse = async (text: string, category: string) => {
    await capture('Excuse');
    await panel.keyboard.insertText(text);
    const form = panel.getByRole('form', { name: /^Record: An excuse/ });
    await form.getByRole('combobox').selectOption(category);
    await form.getByRole('button', { name: 'Record' }).click();
    await panel.getByText(`Excuse: ${category}`).first().waitFor();
  };

  it('starts new, with no score', async () => {
    expect(await verdict()).toContain('New');
    await panel.getByText('No deliveries, deadlines or excuses yet').waitFor();
  });

  it('an on-time delivery gives a score and the verdict ok', async () => {
    await capture('On time');
    await panel.keyboard.press('Enter');
    await expect.poll(verdict).toContain('OK');
    await panel.getByText('Delivered on time').first().waitFor();
  });

  it('a late delivery is a strike: under the strict default, cancel and move on — on the overlay too', async () => {
    await recordLate(3);
    await expect.poll(verdict).toContain('Cancel and move on');
    const overlay = await overlayFrame(profile);
    await expect.poll(() => overlay.getByTestId('verdict').textContent()).toContain('Cancel');
  });

  it('suggests the excuse category from its text, and the user may change it', async () => {
    await capture('Excuse');
    await panel.keyboard.insertText('Sorry, the power was out all day');
    const form = panel.getByRole('form', { name: /^Record: An excuse/ });
    expect(await form.getByRole('combobox').inputValue()).toBe('connectivity');
    await form.getByRole('combobox').selectOption('family');
    await form.getByRole('button', { name: 'Record' }).click();
    await panel.getByText('Excuse: family').first().waitFor();
  });

  it('deleting an entry can be undone', async () => {
    await recordExcuse('The files were on the other laptop', 'family');
    const entries = panel.getByTestId('event');
    const before = await entries.count();
    await entries
      .filter({ hasText: 'Excuse: family' })
      .getByRole('button', { name: 'Delete this entry' })
      .click();
    await expect.poll(() => entries.count()).toBe(before - 1);
    await panel
      .getByRole('status')
      .filter({ hasText: 'Entry deleted.' })
      .getByRole('button', { name: 'Undo' })
      .click();
    await expect.poll(() => entries.count()).toBe(before);
    await panel.getByText('Excuse: family').first().waitFor();
  });

  it('refuses a record without details, saying what is missing, and keeps the form', async () => {
    await capture('Quality');
    await panel.getByRole('button', { name: 'Record', exact: true }).click();
    await panel.getByRole('alert').filter({ hasText: 'Say what happened.' }).waitFor();
    await panel.keyboard.press('Escape');
  });

  it('keeps track of accesses and takes them back', async () => {
    const accesses = panel.getByRole('form', { name: 'Record an access' });
    await accesses.getByPlaceholder('Access to…').fill('WordPress admin');
    await accesses.getByRole('combobox').selectOption('admin');
    await accesses.getByRole('button', { name: 'Grant' }).click();
    const active = panel.getByRole('list', { name: 'Active accesses' });
    await active.getByText('WordPress admin').waitFor();
    await active.getByRole('button', { name: 'Revoke' }).click();
    await panel.getByText('They hold no access you recorded.').waitFor();
  });

  it('cancels and moves on with a cool-off, and can take them back', async () => {
    await recordLate(3);
    await expect.poll(verdict).toContain('Cancel and move on');
    await panel.getByRole('button', { name: 'Cancel and move on…' }).click();
    const flow = panel.getByRole('region', { name: 'Cancel and move on' });
    await flow.getByLabel('Why (optional)').fill('Late again');
    await flow.getByLabel('3 months').check();
    await flow.getByRole('button', { name: 'Cancel and move on', exact: true }).click();
    await expect.poll(verdict).toContain('Dropped');
    await flow.getByRole('button', { name: 'Take them back' }).click();
    await expect.poll(verdict).toContain('Cancel and move on');
  });
});

describe('engagements and the roster', () => {
  let browser: ExtensionBrowser;
  let roster: Page;

  // Dana tracked from the overlay on her profile, and the roster page open.
  beforeEach(async () => {
    browser = await launch();
    browser.serve(ADDRESS, HTML);
    const profile = await browser.context.newPage();
    await profile.goto(ADDRESS);
    const frame = await overlayFrame(profile);
    await frame.getByRole('button', { name: 'Track' }).click();
    await frame.getByTestId('verdict').waitFor();
    roster = await browser.context.newPage();
    await roster.goto(browser.extensionUrl('dashboard.html'));
  });
  afterEach(async () => {
    await browser?.close();
  });

  const openDana = async () => {
    await roster.getByRole('link', { name: 'Dana Demo' }).click();
    await roster.getByRole('heading', { name: 'Dana Demo' }).waitFor();
  };
  /** A $5,000 engagement in one milestone due in 2030, from Dana's detail; returns its article. */
  const startShopRebuild = async () => {
    const form = roster.getByRole('form', { name: 'New engagement' });
    await form.getByLabel('Title').fill('Shop rebuild');
    await form.getByLabel('Skill area').fill('WordPress');
    await form.getByLabel('Budget').fill('5000');
    await form.getByRole('button', { name: 'Start engagement' }).click();
    const engagement = roster.getByRole('article', { name: 'Shop rebuild' });
    await engagement.waitFor();
    const milestone = engagement.getByRole('form', { name: 'Add a milestone' });
    await milestone.getByLabel('Milestone').fill('Everything');
    await milestone.getByLabel('Amount').fill('5000');
    await milestone.getByLabel('Due date').fill('2030-01-15');
    await milestone.getByRole('button', { name: 'Add milestone' }).click();
    await engagement.getByTestId('milestone').waitFor();
    return engagement;
  };

  it('lists the tracked contractor and opens their detail', async () => {
    await openDana();
    expect(roster.url()).toMatch(/#contractor=[0-9A-Z]{26}$/);
  });

  it('a big engagement in one milestone, paid before acceptance, breaks rules 2 and 3', async () => {
    await openDana();
    const engagement = await startShopRebuild();
    await engagement.getByRole('button', { name: 'Pay (before acceptance!)' }).click();
    await engagement.getByText(/paid/).waitFor();

    await roster.getByRole('link', { name: 'The five rules' }).click();
    const findings = roster.getByRole('list', { name: 'Findings' });
    await findings.getByText(/paid on .* for work not accepted yet/).waitFor();
    await findings.getByText(/has 1 milestone; split it/).waitFor();
  });

  it('delivering a milestone before its due date counts as on time', async () => {
    await openDana();
    const engagement = await startShopRebuild();
    await engagement.getByRole('button', { name: 'Delivered today' }).click();
    await roster.getByText('Delivered on time').first().waitFor();
    await engagement.getByRole('button', { name: 'Accept', exact: true }).click();
    await engagement.getByText(/accepted/).waitFor();
  });
});

describe('backups from the roster page', () => {
  let browser: ExtensionBrowser;
  let roster: Page;

  // The demo's three contractors, and the roster page's Data & settings view open.
  beforeEach(async () => {
    browser = await launch();
    roster = await browser.context.newPage();
    await roster.goto(browser.extensionUrl('dashboard.html'));
    await roster.getByRole('button', { name: 'Load demo data' }).click();
    await roster.getByTestId('roster-row').nth(2).waitFor();
    await roster.getByRole('link', { name: 'Data & settings' }).click();
  });
  afterEach(async () => {
    await browser?.close();
  });
  const rows = async () => {
    await roster.getByRole('link', { name: 'Roster', exact: true }).click();
    await roster.getByTestId('roster-row').first().waitFor();
    const count = await roster.getByTestId('roster-row').count();
    await roster.getByRole('link', { name: 'Data & settings' }).click();
    return count;
  };

  it('exports everything to a file, imports it back after a confirmation, and undoes the import', async () => {
    const [download] = await Promise.all([
      roster.waitForEvent('download'),
      roster.getByRole('button', { name: 'Export a backup' }).click(),
    ]);
    const text = readFileSync((await download.path()) as string, 'utf8');
    const backup = JSON.parse(text);
    expect(backup.format).toBe('track-record-backup');
    expect(backup.contractors).toHaveLength(3);

    // A file with only one of the three contractors (and what is theirs) replaces the roster.
    const dana = backup.contractors.find((c: { name: string }) => c.name === 'Dana Demo');
    const mine = (rows: { contractorId: string }[]) => rows.filter((r) => r.contractorId === dana.id);
    const danaOnly = {
      ...backup,
      contractors: [dana],
      ...Object.fromEntries(
        ['profiles', 'events', 'engagements', 'milestones', 'accesses', 'snapshots'].map((t) => [
          t,
          mine(backup[t]),
        ]),
      ),
    };
    await roster.getByLabel('Import a backup…').setInputFiles({
      name: 'dana.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(danaOnly)),
    });
    await roster.getByText(/dana\.json holds 1 contractors \(\d+ records\)\. You have 3 now\./).waitFor();
    // Replacing downloads a backup of what is there first.
    const [before] = await Promise.all([
      roster.waitForEvent('download'),
      roster.getByRole('button', { name: 'Replace my records' }).click(),
    ]);
    expect(JSON.parse(readFileSync((await before.path()) as string, 'utf8')).contractors).toHaveLength(3);
    await roster.getByText('Imported 1 contractors').first().waitFor();
    expect(await rows()).toBe(1);

    // The undo survives moving around the page.
    await roster.getByRole('button', { name: 'Undo' }).click();
    await roster.getByText('Undoing…').waitFor({ state: 'detached' });
    expect(await rows()).toBe(3);
  });

  it('recomputes every verdict with numbers of your own', async () => {
    const dana = roster.getByTestId('roster-row').filter({ hasText: 'Dana Demo' });
    const verdictOfDana = async () => {
      await roster.getByRole('link', { name: 'Roster', exact: true }).click();
      const text = await dana.getByTestId('verdict').textContent();
      await roster.getByRole('link', { name: 'Data & settings' }).click();
      return text;
    };
    expect(await verdictOfDana()).toContain('Cancel and move on');
    const numbers = roster.getByRole('form', { name: 'Your own numbers' });
    await numbers.getByLabel('Strikes before').fill('3');
    await numbers.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => roster.getByLabel('Strike policy').inputValue()).toBe('custom');
    await expect.poll(verdictOfDana).toContain('Watch');
    await roster.getByLabel('Strike policy').selectOption('strict');
    await expect.poll(verdictOfDana).toContain('Cancel and move on');
  });

  it('refuses a damaged file, naming what is wrong, and changes nothing', async () => {
    const broken = { format: 'track-record-backup', version: 2, exportedAt: 0, contractors: [{ id: 1 }] };
    await roster.getByLabel('Import a backup…').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const alert = roster.getByRole('alert').filter({ hasText: 'broken.json cannot be imported' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('contractors.0.name');
    expect(await rows()).toBe(3);
  });
});

describe('who a contractor is: about, profiles, merging', () => {
  let browser: ExtensionBrowser;
  let roster: Page;

  // The demo's three contractors, and Lee Designer's detail open.
  beforeEach(async () => {
    browser = await launch();
    roster = await browser.context.newPage();
    await roster.goto(browser.extensionUrl('dashboard.html'));
    await roster.getByRole('button', { name: 'Load demo data' }).click();
    await roster.getByRole('link', { name: 'Lee Designer' }).click();
    await roster.getByRole('heading', { name: 'Lee Designer' }).waitFor();
  });
  afterEach(async () => {
    await browser?.close();
  });

  it('edits skill areas, tags and what drives them', async () => {
    await roster.getByRole('button', { name: 'Edit' }).click();
    const about = roster.getByRole('form', { name: 'About this contractor' });
    await about.getByLabel('Skill areas').fill('Design, Illustration');
    await about.getByLabel('What drives them').fill('Recognition; portfolio pieces');
    await about.getByRole('button', { name: 'Save' }).click();
    await roster.getByText('Design, Illustration').waitFor();
    await roster.getByText('Recognition; portfolio pieces').waitFor();
  });

  it('merges a contractor tracked twice, then separates the profile again', async () => {
    const profiles = roster.getByRole('list', { name: 'Profiles' }).getByRole('listitem');
    expect(await profiles.count()).toBe(1);
    await roster
      .getByLabel(/Merge another contractor into Lee Designer/)
      .selectOption({ label: 'Sam Writer' });
    await roster.getByRole('button', { name: 'Merge' }).click();
    await expect.poll(() => profiles.count()).toBe(2);

    await roster.getByRole('link', { name: '← Roster' }).click();
    await expect.poll(() => roster.getByTestId('roster-row').count()).toBe(2);
    await roster.getByRole('link', { name: 'Lee Designer' }).click();
    await profiles.first().waitFor();
    await profiles
      .filter({ hasText: 'Sam Writer' })
      .getByRole('button', { name: /Separate/ })
      .click();
    await expect.poll(() => profiles.count()).toBe(1);
    await roster.getByRole('link', { name: '← Roster' }).click();
    await expect.poll(() => roster.getByTestId('roster-row').count()).toBe(3);
  });
});

describe('records saved by a newer version of the extension', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launch();
    // The database as a later version would leave it: one schema version on (Dexie stores version × 10).
    await browser.worker.evaluate(
      (version) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('track-record', version);
          request.onupgradeneeded = () => {
            const db = request.result;
            // The welcome page, opened on install, may have created this version's stores already.
            for (const name of [...db.objectStoreNames]) db.deleteObjectStore(name);
            for (const name of [
              'contractors',
              'events',
              'engagements',
              'milestones',
              'accesses',
              'snapshots',
            ])
              db.createObjectStore(name, { keyPath: 'id' });
            db.createObjectStore('profiles', { keyPath: 'key' });
            db.createObjectStore('settings', { keyPath: 'id' });
            db.createObjectStore('rosterRows', { keyPath: 'id' }).createIndex('sortName', 'sortName');
            db.createObjectStore('contractorNotes', { keyPath: 'id' }); // something this version does not know
          };
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(request.error);
        }),
      (SCHEMA_VERSION + 1) * 10,
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('says so on the roster page and refuses changes with the same clear message', async () => {
    const roster = await browser.context.newPage();
    await roster.goto(browser.extensionUrl('dashboard.html'));
    await roster.getByRole('button', { name: 'Load demo data' }).click();
    const alerts = roster.getByRole('alert');
    await alerts.first().waitFor();
    await expect
      .poll(() => alerts.allTextContents())
      .toContainEqual(expect.stringContaining('newer version'));
    expect(await roster.getByTestId('roster-row').count()).toBe(0);
  });
});
