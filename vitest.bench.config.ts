import './tests/node20-polyfill.mjs';
import { defineConfig } from 'vitest/config';

// `npm run bench:read-page`: a micro-benchmark, kept out of `npm test` (timings are measured, never asserted).
export default defineConfig({
  test: {
    environment: 'node',
    include: [],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    testTimeout: 300_000,
  },
});
