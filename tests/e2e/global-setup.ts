import { existsSync, mkdirSync } from 'node:fs';
import { findChromium } from '../../scripts/chromium.mjs';
import { EXTENSION_PATH } from './harness';

/**
 * Fails early, with one clear line, when there is no build or no browser to test in; makes the folder
 * the tests' screenshots go to (Playwright makes it itself, puppeteer does not).
 */
export default function setup() {
  if (!existsSync(`${EXTENSION_PATH}/manifest.json`)) {
    throw new Error(`No build at ${EXTENSION_PATH}: run \`npm run build\` first (npm test does).`);
  }
  findChromium();
  mkdirSync('test-results', { recursive: true });
}
