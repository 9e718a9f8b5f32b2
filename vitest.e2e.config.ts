import './tests/node20-polyfill.mjs';
import { defineConfig } from 'vitest/config';

// Checks of the build (manifest, sizes) and end-to-end tests: the built extension (.output/chrome-mv3) in a real Chromium, one file at a time.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
