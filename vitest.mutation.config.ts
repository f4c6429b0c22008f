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
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * Runs a mutant's covering test files quickest first. Stryker stops a mutant's run at the first
 * failing test, so a quick unit test that fails kills it in milliseconds, before the property
 * files (tens of seconds each) start; vitest's own order is the opposite (the longest file first,
 * which suits parallel workers, not one worker that stops early). The durations are vitest's
 * cache of the last run (the dry run); a file with none (a new test) goes first. The order changes
 * how long a run takes, never which mutants are detected: a surviving mutant runs every covering
 * test whatever the order.
 */
class QuickestFirst extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const duration = (file: TestSpecification): number | undefined =>
      this.ctx.cache.getFileTestResults(`${file.project.name}:${relative(root, file.moduleId)}`)?.duration;
    return Promise.resolve(
      [...files].sort((a, b) => {
        const da = duration(a);
        const db = duration(b);
        if (da === undefined || db === undefined) return da === undefined ? (db === undefined ? 0 : -1) : 1;
        return da - db;
      }),
    );
  }
}

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
    sequence: { ...base.test?.sequence, sequencer: QuickestFirst },
  },
});
