// `npm run screenshots`: the README's pictures of each surface (docs/screenshots/) and the stores'
// (store/screenshots/, 1280×800 as the Chrome Web Store asks), taken in a real Chromium from the Chrome
// build (.output/chrome-mv3) on the invented demo profile (demo/upwork-profile.html, served at an Upwork
// address) with the demo data — never a real person's page.
//
// SCREENSHOTS_OUT=<folder> writes them under that folder instead of the repository (<folder>/docs/screenshots,
// <folder>/store/screenshots): the end-to-end test's run, which must not rewrite the committed pictures.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { launchWithExtension } from './extension-browser.mjs';

const DEMO = 'https://www.upwork.com/freelancers/~01demo0000000000001';
const ROOT = resolve(process.env.SCREENSHOTS_OUT || '.');
const README_PICTURES = join(ROOT, 'docs/screenshots');
const STORE_PICTURES = join(ROOT, 'store/screenshots');
const STORE_SIZE = { width: 1280, height: 800 };
for (const folder of [README_PICTURES, STORE_PICTURES]) mkdirSync(folder, { recursive: true });

// The build as it is once reminders are allowed (notifications granted): Chrome's prompt for an optional
// permission, asked when the first due date is set, would wait for an answer nobody gives here.
const build = mkdtempSync(join(tmpdir(), 'track-record-screenshots-'));
cpSync(resolve('.output/chrome-mv3'), build, { recursive: true });
const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8'));
manifest.optional_permissions = manifest.optional_permissions.filter((p) => p !== 'notifications');
manifest.permissions.push('notifications');
writeFileSync(join(build, 'manifest.json'), JSON.stringify(manifest));

const browser = await launchWithExtension({
  extensionPath: build,
  pages: new Map([[DEMO, readFileSync(resolve('demo/upwork-profile.html'), 'utf8')]]),
});
const shot = async (target, name, folder = README_PICTURES) => {
  await new Promise((done) => setTimeout(done, 400)); // the frame's new height has reached the page
  const path = join(folder, `${name}.png`);
  await target.screenshot({ path });
  console.log(relative(process.cwd(), path));
};
/** The overlay on `page`, drawn where the user sees it, with its frame loaded. */
const overlayReady = async (page) => {
  await page.locator('[data-track-record="overlay"][data-state="ready"]').waitFor({ timeout: 30_000 });
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().includes('/overlay.html'));
    if (frame) return frame;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('the overlay frame never loaded');
};
/** The browser's id for the demo profile's tab, asked of each tab's content script. */
const demoTab = () =>
  browser.worker.evaluate(async (url) => {
    for (const tab of await chrome.tabs.query({})) {
      const answer = await chrome.tabs
        .sendMessage(tab.id, { type: 'get-page' }, { frameId: 0 })
        .catch(() => null);
      if (answer?.url === url) return tab.id;
    }
  }, DEMO);
const yyyyMmDd = (ms) => new Date(ms).toISOString().slice(0, 10);

try {
  // The welcome page opens on install; load the demo data from it.
  let welcome;
  for (let i = 0; i < 100 && !welcome; i++) {
    welcome = browser.context.pages().find((p) => p.url().endsWith('/welcome.html'));
    await new Promise((done) => setTimeout(done, 100));
  }
  if (!welcome) throw new Error('the welcome page did not open on install');
  await welcome.setViewportSize({ width: 900, height: 860 });
  await shot(welcome, 'welcome');
  await welcome.getByRole('button', { name: 'Load demo data' }).click();
  await welcome.getByText('You track 3 people').waitFor();

  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(DEMO);
  const host = page.locator('[data-track-record="overlay"][data-state="ready"]');
  await host.waitFor({ timeout: 30_000 });
  const tabId = await demoTab();

  // Dana's record, made to tell the whole story: a milestone four days overdue, a second skill area
  // nobody else covers, and work delivered but not accepted.
  const panel = await browser.context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(browser.extensionUrl(`sidepanel.html?tab=${tabId}`));
  await panel.getByRole('heading', { name: 'Dana Demo' }).waitFor();
  await panel.getByRole('button', { name: 'Edit' }).click();
  await panel.getByLabel('Skill areas').fill('WordPress, Logo design');
  await panel.getByRole('button', { name: 'Save' }).click();
  const shop = panel.getByRole('article', { name: 'Shop redesign' });
  const add = shop.getByRole('form', { name: 'Add a milestone' });
  await add.getByLabel('Milestone').fill('Logo v2');
  await add.getByLabel('Amount').fill('300');
  await add.getByLabel('Due date').fill(yyyyMmDd(Date.now() - 4 * 86_400_000));
  await add.getByRole('button', { name: 'Add milestone' }).click();
  await shop.getByText('Logo v2').first().waitFor();
  await panel.evaluate(() => window.scrollTo(0, 0));
  await shot(panel, 'side-panel');

  // For the stores: the profile with its overlay, the verdict and the milestone overdue. (A tab in the
  // background does not redraw: the profile's comes to the front first.)
  await page.bringToFront();
  await page.setViewportSize(STORE_SIZE);
  const frame = await overlayReady(page);
  await frame.getByText('Logo v2').first().waitFor();
  await shot(page, '1-overlay-on-a-profile', STORE_PICTURES);
  await page.setViewportSize({ width: 1100, height: 900 });

  // The overlay: a late delivery being captured (Late, 3, Enter).
  await frame.getByRole('button', { name: 'Late', exact: true }).click();
  await page.keyboard.type('3');
  await shot(host, 'overlay-quick-capture');
  await page.keyboard.press('Escape');

  // Cancel and move on, with the next people.
  await page.bringToFront();
  await frame.getByRole('button', { name: 'Cancel and move on…' }).click();
  await frame.getByText('Who is next').waitFor();
  await shot(host, 'overlay-cancel-flow');
  // For the stores: the flow from its heading down, so that who is next shows below what ends.
  await page.setViewportSize(STORE_SIZE);
  const flowHeading = frame.getByText('Cancel and move on: Dana Demo');
  await flowHeading.scrollIntoViewIfNeeded();
  const top = (await flowHeading.boundingBox())?.y ?? 0;
  await page.evaluate((y) => window.scrollBy(0, y), top - 24);
  await shot(page, '2-cancel-and-move-on', STORE_PICTURES);

  // The roster, for the stores: everyone tracked, with their verdicts, at a glance.
  const roster = await browser.context.newPage();
  await roster.setViewportSize(STORE_SIZE);
  await roster.goto(browser.extensionUrl('dashboard.html'));
  await roster.getByTestId('roster-row').nth(2).waitFor();
  await shot(roster, '4-the-roster', STORE_PICTURES);

  // The five rules at a glance, for the stores.
  const rules = await browser.context.newPage();
  await rules.setViewportSize(STORE_SIZE);
  await rules.goto(browser.extensionUrl('dashboard.html#view=rules'));
  await rules.getByRole('heading', { name: 'What the rules say' }).waitFor();
  await rules.getByText('Logo v2').first().waitFor();
  await shot(rules, '3-the-five-rules', STORE_PICTURES);

  // A reminder leads to the deadlines page; the overlay shows the milestone overdue.
  const deadlines = await browser.context.newPage();
  await deadlines.setViewportSize({ width: 760, height: 420 });
  await deadlines.goto(browser.extensionUrl('deadlines.html'));
  await deadlines.getByText('Logo v2').waitFor();
  await shot(deadlines, 'deadlines');

  // The popup, dark.
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 360, height: 760 });
  await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
  await popup.getByRole('heading', { name: 'Dana Demo' }).waitFor();
  await popup.getByRole('button', { name: 'Excuse', exact: true }).click();
  await popup.keyboard.insertText('Sorry, my laptop died. Almost done, tomorrow for sure!');
  await shot(popup, 'popup-dark');
} finally {
  await browser.close();
  rmSync(build, { recursive: true, force: true });
}
