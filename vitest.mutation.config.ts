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
import { configDefaults, defineConfig } from 'vitest/config';
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

/**
 * The property files of test/settlement/properties (about 135 s of the folder's 153 s) are left
 * out of settlement's mutation runs unless `MUTATION_PROPERTIES=1` (`--properties`): a mutant
 * that survives runs every covering test, and with them a surviving settlement mutant took minutes
 * (five parts of about 1,000 to 1,700 mutants: days of a 2-core machine). Leaving tests out can
 * only let more mutants survive, never fewer: the score recorded without them is a lower bound of
 * the score with them. The unit tests, vectors and examples of test/settlement still run.
 */
const withProperties = process.env['MUTATION_PROPERTIES'] === '1';
const exclude = folder === 'test/settlement' && !withProperties ? ['test/settlement/properties/**'] : [];

// Not mergeConfig: it concatenates arrays, which would keep the project's `test/**/*.test.ts`.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [`${folder}/**/*.test.ts`],
    exclude: [...(base.test?.exclude ?? configDefaults.exclude), ...exclude],
    pool: 'threads',
    isolate: true,
    maxWorkers: 1,
    sequence: { ...base.test?.sequence, sequencer: QuickestFirst },
  },
});
