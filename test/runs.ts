/**
 * How many cases a property runs. Each property states the count that keeps `npm test` quick; a
 * deep run raises every count at once with the `FC_RUNS` environment setting
 * (`FC_RUNS=2000 npx vitest run test/settlement`): each property then runs at least that many
 * cases. `test/setup.ts` also makes `FC_RUNS` the default for properties that state no count.
 */

/** The `FC_RUNS` setting, or undefined when absent (a missing or malformed value is refused). */
export function deepRuns(text: string | undefined = process.env['FC_RUNS']): number | undefined {
  if (text === undefined || text === '') return undefined;
  if (!/^[1-9][0-9]{0,6}$/.test(text)) throw new Error(`FC_RUNS must be a whole number of cases from 1 to 9999999, not ${JSON.stringify(text)}`);
  return Number.parseInt(text, 10);
}

const DEEP = deepRuns();

/**
 * The number of cases for a property that runs `base` cases in the quick suite: `base`, or the
 * `FC_RUNS` setting when that is larger.
 *
 * @example
 * fc.assert(fc.property(scenarioArbitrary(), check), { numRuns: runs(100) });
 */
export function runs(base: number): number {
  return DEEP === undefined ? base : Math.max(base, DEEP);
}

/**
 * A test's time limit: `base` milliseconds in the quick suite, an hour in a deep run (`FC_RUNS`),
 * as vitest.config.ts sets for every test; for a file that sets its own limit with `vi.setConfig`.
 *
 * @example
 * vi.setConfig({ testTimeout: timeLimit(120_000) });
 */
export function timeLimit(base: number): number {
  return DEEP === undefined ? base : Math.max(base, 3_600_000);
}
