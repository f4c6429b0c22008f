import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    environment: 'node',
    pool: 'threads',
    // Property tests run hundreds of cases; on a loaded 2-core machine one can take several
    // seconds. A generous timeout keeps them from failing on speed (speed is measured in bench/);
    // a deep run (FC_RUNS, see test/runs.ts) gets an hour per test.
    testTimeout: process.env['FC_RUNS'] === undefined ? 60_000 : 3_600_000,
  },
});
