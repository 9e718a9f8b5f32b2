import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIR = '.output/chrome-mv3/content-scripts';
/** Each runs on every page of its site (see `npm run bench` for what it costs there): one reader each. */
const BUDGET_BYTES = 9_000;
const scripts = readdirSync(DIR).filter((name) => name.endsWith('.js'));

describe('the content script', () => {
  it('exists', () => {
    expect(scripts.length).toBeGreaterThan(0);
  });

  for (const name of scripts) {
    const code = readFileSync(`${DIR}/${name}`);
    it(`${name} stays within ${BUDGET_BYTES} bytes gzipped`, () => {
      expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(BUDGET_BYTES);
    });
    it(`${name} carries no database code`, () => {
      expect(code.toString()).not.toMatch(/Dexie|indexedDB/);
    });
  }
});
