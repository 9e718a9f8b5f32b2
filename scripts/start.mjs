// `npm start`: builds the Chrome extension and opens Chromium with it, in a fresh temporary profile,
// on a demo freelancer profile served at an Upwork address, with demo history loaded from the
// roster page. With no display it runs headless, saves the page with its overlay to demo.png,
// prints where the unpacked build is, and exits.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from './extension-browser.mjs';

const DEMO_ADDRESS = 'https://www.upwork.com/freelancers/~01demo0000000000001';
const extensionPath = resolve('.output/chrome-mv3');
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });

const browser = await launchWithExtension({
  extensionPath,
  headless,
  pages: new Map([[DEMO_ADDRESS, readFileSync(resolve('demo/upwork-profile.html'), 'utf8')]]),
});
try {
  const roster = await browser.context.newPage();
  await roster.goto(browser.extensionUrl('dashboard.html'));
  await roster.getByRole('button', { name: 'Load demo data' }).click();
  await roster.getByText('Demo data loaded.').waitFor();
  await roster.close();

  const page = await browser.context.newPage();
  await page.goto(DEMO_ADDRESS);
  await page.locator('[data-track-record="overlay"][data-state="ready"]').waitFor({ timeout: 30_000 });
  console.log(`\nUnpacked build, for chrome://extensions → "Load unpacked": ${extensionPath}`);
  if (headless) {
    await page.screenshot({ path: 'demo.png', fullPage: true });
    console.log(`No display: saved the demo profile with its overlay to ${resolve('demo.png')}`);
  } else {
    console.log('Chromium is open on the demo profile. Close it to finish.');
    await new Promise((done) => browser.context.on('close', done));
  }
} finally {
  await browser.close().catch(() => {});
}
