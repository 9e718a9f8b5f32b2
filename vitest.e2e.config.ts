import './tests/node20-polyfill.mjs';
import { defineConfig } from 'vitest/config';

// Checks of the build (manifest, sizes) and end-to-end tests, one file at a time: the Chrome build
// (.output/chrome-mv3) in a real Chromium, and the Firefox build (.output/firefox-mv3) in a real Firefox
// (tests/e2e/firefox.e2e.ts).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A real browser on a shared machine: a state a test polls for may take seconds to come (Vitest waits 1 s).
    expect: { poll: { timeout: 10_000 } },
  },
});
