import './tests/node20-polyfill.mjs';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and component tests: happy-dom for the DOM, fake-indexeddb for Dexie, WXT's fake browser.
// End-to-end tests in a real Chromium have their own config (vitest.e2e.config.ts).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['tests/setup.ts'],
    include: ['**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', '.output/**', 'tests/e2e/**', 'tests/build/**'],
  },
});
