import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import {
  type FirefoxExtensionBrowser,
  launchFirefoxWithExtension,
} from '../../scripts/extension-firefox.mjs';

const FIREFOX_EXTENSION_PATH = resolve('.output/firefox-mv3');

export function launchFirefox(): Promise<FirefoxExtensionBrowser> {
  if (!existsSync(`${FIREFOX_EXTENSION_PATH}/manifest.json`)) {
    throw new Error(
      `No Firefox build at ${FIREFOX_EXTENSION_PATH}: run \`npm run build:firefox\` first (npm test does).`,
    );
  }
  // TRACK_RECORD_DUMPIO=1 shows Firefox's output, with errors inside extension frames.
  return launchFirefoxWithExtension({
    extensionPath: FIREFOX_EXTENSION_PATH,
    dumpio: process.env.TRACK_RECORD_DUMPIO === '1',
  });
}

/** Polls `read` until `done` holds for its value, or fails saying what it last saw. */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const started = Date.now();
  let last: T | undefined;
  for (;;) {
    last = await read().catch(() => undefined as T);
    if (last !== undefined && done(last)) return last;
    if (Date.now() - started > timeoutMs)
      throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The overlay hosts on a page: their public attributes, in document order. */
export function overlayHosts(page: Page): Promise<{ key?: string; state?: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-track-record="overlay"]')].map((h) => ({
      key: h.dataset.profileKey,
      state: h.dataset.state,
    })),
  );
}

/** The profile keys of the badge hosts on a page, in document order. */
export function badgeKeys(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-track-record="badge"]')].map(
      (h) => h.dataset.profileKey ?? '',
    ),
  );
}

/**
 * The overlay's extension frame. Puppeteer's frame address for it can lag (it may read about:blank), so
 * each frame is asked where it is.
 */
export async function overlayFrame(page: Page): Promise<Frame> {
  return until(
    async () => {
      for (const frame of page.frames()) {
        const at = await frame.evaluate(() => location.href).catch(() => '');
        if (at.includes('/overlay.html')) return frame;
      }
      return undefined;
    },
    (frame) => frame !== undefined,
    'the overlay frame',
  ) as Promise<Frame>;
}

export const textOf = (frame: Frame | Page) => frame.evaluate(() => document.body.textContent ?? '');

/**
 * Clicks a button in the overlay frame as a user does, with the mouse at its place on the page: clicks
 * on elements inside frames through handles need a BiDi locator this Firefox lacks. `label`: the
 * button's text, or a CSS selector when it starts with `css:`.
 */
export async function clickInOverlay(page: Page, frame: Frame, label: string): Promise<void> {
  // Once the overlay shows it: the card is redrawn as the background pushes each change.
  const target = await until(
    () =>
      frame.evaluate((wanted) => {
        const found = wanted.startsWith('css:')
          ? document.querySelector(wanted.slice(4))
          : [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === wanted);
        if (!found) return null;
        // The card scrolls inside its fixed box: what is clicked is brought into the box first.
        found.scrollIntoView({ block: 'nearest' });
        const r = found.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }, label),
    (found) => found !== null,
    `"${label}" in the overlay`,
  ).catch(async () => {
    throw new Error(`no "${label}" in the overlay: ${await textOf(frame)}`);
  });
  if (!target) throw new Error(`no "${label}" in the overlay`);
  const host = await page.evaluate((y) => {
    const element = document.querySelector('[data-track-record="overlay"]') as HTMLElement;
    const box = element.getBoundingClientRect();
    // The element in view: the page scrolled so that it is near the middle.
    window.scrollBy(0, box.y + y - window.innerHeight / 2);
    const { x, y: top } = element.getBoundingClientRect();
    return { x, y: top };
  }, target.y);
  await page.mouse.click(host.x + target.x, host.y + target.y);
}
