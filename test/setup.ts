/**
 * Test-wide fast-check settings: a property that fails on a large generated scenario can spend a
 * very long time shrinking it. Interrupting after 45 s, and counting the interruption as a
 * failure, keeps a failing property from hanging the suite while still failing the run.
 * `FC_SEED` (set by .ci/run, one per time zone) fixes the seed so that a CI verdict can be
 * reproduced exactly; without it every run draws new cases. `FC_RUNS` (test/runs.ts) raises the
 * number of cases of every property for a deep run.
 */
import fc from 'fast-check';
import { deepRuns } from './runs.js';

// fast-check 4.10 prefers the interruptAfterTimeLimit plugin, but plugins cannot be set globally
// (GlobalParameters excludes them), so the global options are the only suite-wide switch.
const seed = process.env['FC_SEED'];
const deep = deepRuns();
fc.configureGlobal({
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  interruptAfterTimeLimit: deep === undefined ? 45_000 : 600_000,
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  markInterruptAsFailure: true,
  ...(seed === undefined ? {} : { seed: Number.parseInt(seed, 10) }),
  ...(deep === undefined ? {} : { numRuns: Math.max(100, deep) }),
});
