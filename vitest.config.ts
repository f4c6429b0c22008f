import { availableParallelism } from 'node:os';
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
    // Two workers at least. Vitest's default is one fewer than the processors: on the 2-core
    // machine of #14, one worker, which ran the files one after another on one core while the other
    // was mostly idle (the main process only transforms and reports). With two, both cores run test
    // files; the suite is already run that way on any machine of three processors or more, and each
    // worker thread has its own globals (the Object.prototype changes of test/reliability/ stay in
    // theirs), and no two test files write the same file (they write to temporary directories of
    // their own, or a fixture only their own test reads).
    maxWorkers: Math.max(availableParallelism() - 1, 2),
    // Property tests run hundreds of cases; on a loaded 2-core machine one can take several
    // seconds. A generous timeout keeps them from failing on speed (speed is measured in bench/);
    // a deep run (FC_RUNS, see test/runs.ts) gets an hour per test.
    testTimeout: process.env['FC_RUNS'] === undefined ? 60_000 : 3_600_000,
  },
});
