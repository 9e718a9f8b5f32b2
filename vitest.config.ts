import './tests/node20-polyfill.mjs';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and component tests: fake-indexeddb for Dexie, WXT's fake browser, and happy-dom only where a
// test needs a document (pages, components, the content script). End-to-end tests in real browsers have
// their own config (vitest.e2e.config.ts).
const DOM_TESTS = [
  'components/**/*.test.{ts,tsx}',
  'sites/**/*.test.ts',
  'contexts/**/*.test.{ts,tsx}',
  'tests/sites/**/*.test.ts',
  'bench/floor.test.ts',
];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    setupFiles: ['tests/setup.ts'],
    exclude: ['node_modules/**', '.output/**', 'tests/e2e/**', 'tests/build/**'],
    projects: [
      {
        extends: true,
        test: {
          name: 'logic',
          environment: 'node',
          include: ['**/*.test.ts'],
          exclude: [...DOM_TESTS, 'node_modules/**', '.output/**', 'tests/e2e/**', 'tests/build/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: DOM_TESTS,
          // The overlay's host holds an iframe; happy-dom logs an error for each one it may not load.
          environmentOptions: { happyDOM: { settings: { enableIframePageLoading: true } } },
        },
      },
    ],
  },
});
