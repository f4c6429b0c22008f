/**
 * The vitest configuration of a mutation run (`npm run test:mutation`, scripts/mutation.mjs):
 * the project's configuration, limited to the tests of the folder being mutated
 * (`MUTATION_TESTS`, e.g. `test/money` for `src/money`), so that each mutant is tried against the
 * tests written for its folder and a run fits on a shared 2-core machine.
 *
 * Stryker's vitest runner 9.6 forces `pool: 'threads'` with one worker thread, reused for every
 * mutant; the whole project's suite in one such worker is what crashes (a worker thread shares the
 * process, its heap and native threads with vitest itself). So the pool is kept small here: one
 * folder's tests, one worker, and `isolate` so that each test file gets a fresh module graph and its
 * generated data is released when it ends.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

const folder = process.env['MUTATION_TESTS'];
if (folder === undefined || !/^test\/[a-z-]+$/.test(folder)) {
  throw new Error(`MUTATION_TESTS must name the test folder of the mutated folder (test/money), not ${JSON.stringify(folder)}`);
}

// Not mergeConfig: it concatenates arrays, which would keep the project's `test/**/*.test.ts`.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [`${folder}/**/*.test.ts`],
    pool: 'threads',
    isolate: true,
    maxWorkers: 1,
  },
});
