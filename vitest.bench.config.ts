import './tests/node20-polyfill.mjs';
import { defineConfig } from 'vitest/config';

// `npm run bench`: benchmarks, kept out of `npm test` (timings are measured, never asserted).
export default defineConfig({
  test: {
    environment: 'node',
    include: [],
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
    testTimeout: 300_000,
  },
});
