import { defineConfig } from 'vitest/config';

/** The kills, the soak and the fuzzers: minutes of CPU that `npm run test:fast` leaves out. */
const SLOW = [
  'test/integration/power-loss.test.ts',
  'test/integration/sync-crash.test.ts',
  'test/integration/soak.test.ts',
  'test/integration/fuzz-targets.test.ts',
  'test/integration/channel-fuzz.test.ts',
  'test/integration/fault-matrix.test.ts',
  'test/integration/day-long-outage.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    // The JSON report feeds scripts/test-summary.mjs, the closing line CI reads.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], exclude: SLOW } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
