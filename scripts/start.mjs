// `npm start`: builds the Chrome extension and opens Chromium with it, in a fresh temporary profile,
// on a demo freelancer profile served at an Upwork address, with demo history loaded from the
// roster page. With no display it runs headless, saves the page with its overlay to demo.png,
// prints the verdict the overlay shows and where the unpacked build is, and exits.
//
// START_BUILD=0 uses the build already in .output/chrome-mv3 (the end-to-end test, after `npm test`'s
// build); START_SCREENSHOT=<file> writes the picture there instead of ./demo.png.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from './extension-browser.mjs';

const DEMO_ADDRESS = 'https://www.upwork.com/freelancers/~01demo0000000000001';
const DEMO_NAME = 'Dana Demo';
const WAIT_MS = 30_000;
const extensionPath = resolve('.output/chrome-mv3');
const screenshotPath = resolve(process.env.START_SCREENSHOT || 'demo.png');
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

/** What `npm start` was waiting for when it gave up: printed as one line, without a stack. */
class NotShown extends Error {}

const gaveUp = (what) => new NotShown(`waited ${WAIT_MS / 1000} s for ${what}; it never came`);

/** Waits for `promise`; on a timeout, fails saying what did not come. */
async function waitFor(what, promise) {
  try {
    return await promise;
  } catch (error) {
    throw error?.name === 'TimeoutError' ? gaveUp(what) : error;
  }
}

/** The welcome page opens on install: waited for, so that it never opens later over the demo's tab. */
async function welcomeOpened(context) {
  const started = Date.now();
  while (!context.pages().some((p) => p.url().endsWith('/welcome.html'))) {
    if (Date.now() - started > WAIT_MS) throw gaveUp('the welcome page the extension opens on install');
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The overlay's frame on the demo profile, and the verdict it shows, read from the frame's own page. */
async function overlayVerdict(page) {
  await waitFor(
    'the overlay on the demo profile to turn ready (data-state="ready")',
    page.locator('[data-track-record="overlay"][data-state="ready"]').waitFor({ timeout: WAIT_MS }),
  );
  const started = Date.now();
  const overlayPage = () => page.frames().find((f) => f.url().includes('/overlay.html'));
  while (!overlayPage()) {
    if (Date.now() - started > WAIT_MS) throw gaveUp("the overlay's frame (overlay.html) to load");
    await new Promise((done) => setTimeout(done, 100));
  }
  const frame = overlayPage();
  const chip = frame.getByTestId('verdict').first();
  await waitFor("the verdict in the overlay's frame", chip.waitFor({ timeout: WAIT_MS }));
  return {
    name: (await frame.getByText(DEMO_NAME, { exact: true }).count()) > 0 ? DEMO_NAME : null,
    verdict: await chip.getAttribute('data-verdict'),
    score: await chip.evaluate((element) => element.querySelector('span')?.textContent ?? 'none'),
    text: await chip.getAttribute('title'),
  };
}

async function main() {
  if (process.env.START_BUILD !== '0') execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });

  const browser = await launchWithExtension({
    extensionPath,
    headless,
    pages: new Map([[DEMO_ADDRESS, readFileSync(resolve('demo/upwork-profile.html'), 'utf8')]]),
  });
  try {
    await welcomeOpened(browser.context);
    const roster = await browser.context.newPage();
    await roster.goto(browser.extensionUrl('dashboard.html'));
    await waitFor(
      'the roster\'s "Load demo data" button (an empty roster)',
      roster.getByRole('button', { name: 'Load demo data' }).click({ timeout: WAIT_MS }),
    );
    // The demo is written one contractor after another, Dana first and Lee Designer last: Lee's row
    // means Dana's history is whole. The roster stays open while the rest is written.
    await waitFor(
      'the demo\'s last contractor (Lee Designer) in the roster after "Load demo data"',
      roster
        .getByTestId('roster-row')
        .filter({ hasText: 'Lee Designer' })
        .first()
        .waitFor({ timeout: WAIT_MS }),
    );
    await waitFor(
      `${DEMO_NAME}'s row in the roster`,
      roster.getByTestId('roster-row').filter({ hasText: DEMO_NAME }).first().waitFor({ timeout: WAIT_MS }),
    );

    const page = await browser.context.newPage();
    await page.goto(DEMO_ADDRESS);
    await page.bringToFront();
    const shown = await overlayVerdict(page);
    if (!shown.name) throw new NotShown(`the overlay on the demo profile does not name ${DEMO_NAME}`);
    console.log(
      `\nThe overlay on ${shown.name}'s profile shows the verdict "${shown.verdict}" (score ${shown.score}): ${shown.text}`,
    );
    console.log(`Unpacked build, for chrome://extensions → "Load unpacked": ${extensionPath}`);
    if (headless) {
      await page.screenshot({ path: screenshotPath, fullPage: true });
      console.log(`No display: saved the demo profile with its overlay to ${screenshotPath}`);
    } else {
      console.log('Chromium is open on the demo profile. Close it to finish.');
      await new Promise((done) => browser.context.on('close', done));
    }
  } finally {
    await browser.close().catch(() => {});
  }
}

try {
  await main();
} catch (error) {
  // A wait that failed, or a browser that would not start, is told in one line.
  console.error(
    `npm start: ${error instanceof NotShown ? error.message : (error?.message ?? error).toString().split('\n')[0]}`,
  );
  process.exitCode = 1;
}
