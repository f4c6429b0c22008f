import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    environment: 'node',
    pool: 'threads',
    // Test files share their worker's modules rather than each loading the library afresh: the
    // suite takes about half the processor time (issue #14: `npm test` under 4 minutes on two
    // cores). Safe because the library keeps no module state (no global state is a project rule)
    // and the tests that change globals (Object.prototype in test/reliability/) restore them in
    // `finally`.
    isolate: false,
    // Property tests run hundreds of cases; on a loaded 2-core machine one can take several
    // seconds. A generous timeout keeps them from failing on speed (speed is measured in bench/);
    // a deep run (FC_RUNS, see test/runs.ts) gets an hour per test.
    testTimeout: process.env['FC_RUNS'] === undefined ? 60_000 : 3_600_000,
  },
});
