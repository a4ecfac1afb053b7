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
  'test/integration/hub-kill.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on the 2-core CI machine, idle
    // while a test waits on a spawned CLI, an fsync or the loopback. Two keep both cores busy
    // (`--maxWorkers=1` on the command line when a run must be alone).
    maxWorkers: 2,
    // The JSON report feeds scripts/test-summary.mjs, the closing line CI reads.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], exclude: SLOW, sequence: { groupOrder: 0 } } },
      // After the others and one file at a time: the kills time their crashes and the soak its latencies.
      { extends: true, test: { name: 'slow', include: SLOW, fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
