import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The overlay frame loads on every profile page; it talks only to the background, so it carries no
// database code, and it must stay small to be ready soon after the page. Its own script
// (overlay-frame.js) is built apart from the other pages, so it shares no chunk with pages that use more.
const DIR = '.output/chrome-mv3';
const BUDGET_BYTES = 30 * 1024;
const html = readFileSync(`${DIR}/overlay.html`, 'utf8');
const scripts = [...html.matchAll(/(?:src|href)="(\/[^"]+\.js)"/g)].map((m) => m[1] as string);
const code = scripts.map((path) => readFileSync(`${DIR}${path}`));

describe('the overlay frame', () => {
  it('loads its scripts from the build', () => {
    expect(scripts).toContain('/overlay-frame.js');
  });

  it('carries no database code', () => {
    for (const file of code) expect(file.toString()).not.toMatch(/Dexie|indexedDB/);
  });

  it(`loads at most ${BUDGET_BYTES} bytes of script, gzipped`, () => {
    const total = code.reduce((sum, file) => sum + gzipSync(file, { level: 9 }).length, 0);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
