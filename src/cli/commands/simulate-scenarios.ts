/**
 * The scenario and sensitivity options of `outcome-pay simulate`: `--scenario` replaces the
 * assumptions by a scenario's, `--tornado` prints the sensitivity table instead of one simulation.
 *
 * @module
 */
import type { Issue } from '../../errors.js';
import { scenarioOf, tornado, type Tornado } from '../../simulation/sensitivity.js';
import { CliUsageError } from '../io.js';
import { printableLines } from '../printable.js';

/** What the simulate command does next: simulate these assumptions, print a tornado table, or report problems. */
export type ScenarioRun = { kind: 'simulate'; assumptions: unknown } | { kind: 'tornado'; tornado: Tornado } | { kind: 'problems'; issues: readonly Issue[] };

/** `--step`: a decimal above 0 and at most 0.5, or a usage error. */
function stepOption(command: string, text: string | undefined): number {
  if (text === undefined) return 0.05;
  const value = /^0?\.[0-9]{1,6}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value > 0 && value <= 0.5)) throw new CliUsageError(`${command}: --step takes a decimal above 0 and at most 0.5 (at most 6 places), not ${JSON.stringify(text)}`);
  return value;
}

/**
 * Applies `--scenario`, `--scenarios`, `--step` and `--tornado` to the assumptions read.
 *
 * @example
 * scenarioRun('simulate', contract, assumptions, { name: 'central', own: undefined, step: undefined, tornado: false, runs: 100, seed: 1 });
 */
export function scenarioRun(
  command: string,
  contract: unknown,
  assumptions: unknown,
  options: { name: string | undefined; own: unknown; step: string | undefined; tornado: boolean; runs: number; seed: number },
): ScenarioRun {
  const step = stepOption(command, options.step);
  if (options.own !== undefined && options.name === undefined) throw new CliUsageError(`${command}: --scenarios names scenarios for --scenario: give --scenario <name> too`);
  let chosen: unknown = assumptions;
  if (options.name !== undefined) {
    const scenario = scenarioOf(contract, assumptions, options.name, step, options.own);
    if (!scenario.ok) return { kind: 'problems', issues: scenario.issues };
    chosen = scenario.value;
  }
  if (!options.tornado) return { kind: 'simulate', assumptions: chosen };
  const table = tornado(contract, chosen, { runs: options.runs, seed: options.seed, step });
  return table.ok ? { kind: 'tornado', tornado: table.value } : { kind: 'problems', issues: table.issues };
}

/**
 * The tornado table in words: a header, then one line per assumption (largest swing first).
 *
 * @example
 * tornadoLines(table).split('\n')[0]; // 'Sensitivity of the mean total cost: 100 runs a variant, seed 1, step 0.05, amounts in EUR (common random numbers)'
 */
export function tornadoLines(table: Tornado): string {
  const width = Math.max(10, ...table.rows.map((row) => row.assumption.length));
  return printableLines([
    `Sensitivity of the mean total cost: ${table.runs} runs a variant, seed ${table.seed}, step ${table.step}, amounts in ${table.currency} (common random numbers)`,
    `${'assumption'.padEnd(width)}  low (change)  |  high (change)  |  swing`,
    ...table.rows.map((row) => `${row.assumption.padEnd(width)}  ${row.low} (${row.down})  |  ${row.high} (${row.up})  |  ${row.swing}`),
    `Base (every assumption as given): ${table.rows[0]?.base ?? 'no assumption to move'}`,
    ...table.rows.map((row) => `  ${row.assumption}: moved ${row.moved}`),
  ]);
}
