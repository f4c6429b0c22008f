/**
 * Scenarios and sensitivity on common random numbers: the same contract simulated under other
 * assumptions with the same seed, so run r of every variant draws from the same stream and the
 * differences between them are the effect of the assumptions, not noise.
 *
 * @module
 */
import { parseContract } from '../contract/index.js';
import { invalidArgument, isObjectValue } from '../guard.js';
import { minorUnits, parseAmount, type Amount } from '../money/index.js';
import { fail, ok, type Result } from '../result.js';
import type { Issue } from '../errors.js';
import { statistics } from './amount-statistics.js';
import { checkAssumptions, type Assumptions } from './assumptions.js';
import { SCENARIOS, scenarioAssumptions, sensitivityAssumptions, type ScenarioName } from './scenarios.js';
import { simulate, type SimulationSamples } from './simulate.js';

/** The options of {@link tornado} and {@link scenarios}. */
export interface SensitivityOptions {
  /** Runs per variant (1 to 10,000,000). */
  readonly runs: number;
  /** The seed shared by every variant. */
  readonly seed: number;
  /** How far each assumption moves (probabilities absolutely, days and sizes relatively), above 0 and at most 0.5. Default 0.05. */
  readonly step?: number;
  /**
   * `"participants"` (the default here) draws every participant, whose draws keep their order in
   * every variant; `"auto"` lets the count path run where it can, faster but with noisier
   * differences (docs/simulation.md, "Scenarios and sensitivity").
   */
  readonly path?: 'auto' | 'participants';
}

/**
 * One row of a tornado table: the mean total cost with one assumption moved down (`low`), as
 * assumed (`base`) and moved up (`high`), exact decimals; `down` and `up` the changes from the
 * base; `swing` the distance between low and high.
 */
export interface TornadoRow {
  readonly assumption: string;
  readonly moved: string;
  readonly low: string;
  readonly base: string;
  readonly high: string;
  readonly down: string;
  readonly up: string;
  readonly swing: string;
}

/** A tornado table: the rows sorted by swing, largest first (ties in the assumptions' document order). */
export interface Tornado {
  readonly currency: string;
  readonly runs: number;
  readonly seed: number;
  readonly step: number;
  readonly rows: readonly TornadoRow[];
}

function readOptions(options: SensitivityOptions): { runs: number; seed: number; step: number; path: 'auto' | 'participants' } {
  const step = options.step ?? 0.05;
  if (typeof step !== 'number' || !(step > 0 && step <= 0.5)) throw invalidArgument('tornado', 'options.step', 'a number above 0 and at most 0.5', step);
  return { runs: options.runs, seed: options.seed, step, path: options.path ?? 'participants' };
}

function meanTotal(samples: SimulationSamples): Amount {
  return parseAmount(statistics(samples.total, minorUnits(samples.currency)).mean);
}

function prepared(contractInput: unknown, assumptionsInput: unknown): Result<{ contract: ReturnType<typeof parseContract> & { ok: true }; assumptions: Assumptions }> {
  const contract = parseContract(contractInput);
  if (!contract.ok) return fail(contract.issues);
  const assumptions = checkAssumptions(assumptionsInput, contract.value);
  if (!assumptions.ok) return fail(assumptions.issues.map((problem): Issue => ({ ...problem, path: ['assumptions', ...problem.path] })));
  return ok({ contract, assumptions: assumptions.value });
}

/** Simulates moved assumptions; a variant the validation refuses (a moved size below 1, say) is reported with its assumption. */
function variant(contractInput: unknown, assumptions: Assumptions, options: { runs: number; seed: number; path: 'auto' | 'participants' }, label: string): Result<SimulationSamples> {
  const samples = simulate(contractInput, assumptions, options);
  if (samples.ok) return samples;
  return fail(samples.issues.map((problem) => ({ ...problem, message: `${label}: ${problem.message}` })));
}

/**
 * The sensitivity of the expected total cost to each assumption (a tornado table): every
 * assumption moved down and up by `step` (see `sensitivityAssumptions`: probabilities ± step,
 * days and cohort sizes × (1 ± step), mix shares ± step), each variant simulated with the same
 * runs and seed as the base (common random numbers), rows sorted by swing, largest first.
 *
 * @example
 * const table = tornado(contractJson, assumptionsJson, { runs: 500, seed: 1, step: 0.05 });
 * if (table.ok) console.log(table.value.rows[0]); // the assumption that moves the cost most
 */
export function tornado(contractInput: unknown, assumptionsInput: unknown, options: SensitivityOptions): Result<Tornado> {
  const read = readOptions(options);
  const inputs = prepared(contractInput, assumptionsInput);
  if (!inputs.ok) return inputs;
  const { contract, assumptions } = inputs.value;
  const base = simulate(contractInput, assumptions, read);
  if (!base.ok) return base;
  const baseMean = meanTotal(base.value);
  const rows: (TornadoRow & { order: number; swingAmount: Amount })[] = [];
  for (const [order, entry] of sensitivityAssumptions(contract.value, assumptions, read.step).entries()) {
    const low = variant(contractInput, entry.move(-1), read, `${entry.assumption} moved down`);
    if (!low.ok) return low;
    const high = variant(contractInput, entry.move(1), read, `${entry.assumption} moved up`);
    if (!high.ok) return high;
    const lowMean = meanTotal(low.value);
    const highMean = meanTotal(high.value);
    const swingAmount = highMean.minus(lowMean).abs();
    rows.push({
      order,
      swingAmount,
      assumption: entry.assumption,
      moved: entry.moved,
      low: lowMean.toFixed(),
      base: baseMean.toFixed(),
      high: highMean.toFixed(),
      down: lowMean.minus(baseMean).toFixed(),
      up: highMean.minus(baseMean).toFixed(),
      swing: swingAmount.toFixed(),
    });
  }
  rows.sort((a, b) => b.swingAmount.comparedTo(a.swingAmount) || a.order - b.order);
  return ok({ currency: base.value.currency, runs: read.runs, seed: read.seed, step: read.step, rows: rows.map(({ order: _order, swingAmount: _swing, ...row }) => row) });
}

/** One scenario's results: its name, the assumptions it ran and its samples. */
export interface ScenarioResult {
  readonly scenario: string;
  readonly assumptions: Assumptions;
  readonly samples: SimulationSamples;
}

/**
 * A user's own scenarios: a JSON object, scenario name → an object whose fields replace the
 * assumptions' (its `outcomes` replace the assumptions' outcome by outcome).
 */
export type OwnScenarios = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

const refuse = (path: readonly (string | number)[], message: string, code: 'SIMULATION_OPTIONS' | 'ASSUMPTIONS_NOT_OBJECT' = 'SIMULATION_OPTIONS'): Result<never> =>
  fail([{ code, path, message: `${path.join('.')}: ${message}` }]);

/** The overrides of a user's scenario, own properties only, or why not. */
function ownOverrides(own: unknown, name: string): Result<Record<string, unknown>> | undefined {
  if (own === undefined) return undefined;
  if (!isObjectValue(own) || Array.isArray(own)) return refuse(['scenarios'], 'the scenarios must be a JSON object: scenario name → the fields it changes', 'ASSUMPTIONS_NOT_OBJECT');
  if (!Object.hasOwn(own, name)) return undefined;
  const overrides = own[name];
  if (!isObjectValue(overrides) || Array.isArray(overrides)) return refuse(['scenarios', name], 'a scenario must be an object of the assumption fields it changes', 'ASSUMPTIONS_NOT_OBJECT');
  return ok(Object.fromEntries(Object.keys(overrides).map((key) => [key, overrides[key]])));
}

/**
 * The assumptions of one scenario, validated: a named one (`pessimistic`, `central`,
 * `optimistic`: see `scenarioAssumptions`) or one of the user's own (`own`: name → fields
 * replacing the assumptions', `outcomes` outcome by outcome), which wins over a named one of the
 * same name. An unknown name is refused (`SIMULATION_OPTIONS`).
 *
 * @example
 * const central = scenarioOf(contractJson, assumptionsJson, 'central', 0.05);
 * if (central.ok) simulate(contractJson, central.value, { runs: 100, seed: 1 });
 */
export function scenarioOf(contractInput: unknown, assumptionsInput: unknown, name: string, step = 0.05, own?: unknown): Result<Assumptions> {
  const inputs = prepared(contractInput, assumptionsInput);
  if (!inputs.ok) return inputs;
  const { contract, assumptions } = inputs.value;
  const overrides = ownOverrides(own, name);
  if (overrides !== undefined && !overrides.ok) return overrides;
  if (overrides === undefined) {
    if (!(SCENARIOS as readonly string[]).includes(name)) return refuse(['scenario'], `"${name}" is not a scenario: pessimistic, central, optimistic or a name of the scenarios document`);
    return ok(scenarioAssumptions(assumptions, name as ScenarioName, readOptions({ runs: 1, seed: 0, step }).step));
  }
  const outcomes = Object.hasOwn(overrides.value, 'outcomes') ? overrides.value['outcomes'] : undefined;
  const merged = { ...assumptions, ...overrides.value, ...(isObjectValue(outcomes) && !Array.isArray(outcomes) ? { outcomes: { ...assumptions.outcomes, ...outcomes } } : {}) };
  const checked = checkAssumptions(merged, contract.value);
  return checked.ok ? checked : fail(checked.issues.map((problem): Issue => ({ ...problem, path: ['scenarios', name, ...problem.path], message: `scenario ${name}: ${problem.message}` })));
}

/**
 * Simulates scenarios (see {@link scenarioOf}) with the same runs and seed: common random
 * numbers, so their differences are the scenarios', not the draws'.
 *
 * @example
 * const results = scenarios(contractJson, assumptionsJson, ['pessimistic', 'central', 'optimistic'], { runs: 200, seed: 1 });
 * if (results.ok) for (const result of results.value) console.log(result.scenario, summarize(result.samples).total.mean);
 */
export function scenarios(contractInput: unknown, assumptionsInput: unknown, names: readonly string[], options: SensitivityOptions, own?: unknown): Result<ScenarioResult[]> {
  const read = readOptions(options);
  const results: ScenarioResult[] = [];
  for (const name of names) {
    const assumptions = scenarioOf(contractInput, assumptionsInput, name, read.step, own);
    if (!assumptions.ok) return assumptions;
    const samples = variant(contractInput, assumptions.value, read, `scenario ${name}`);
    if (!samples.ok) return samples;
    results.push({ scenario: name, assumptions: assumptions.value, samples: samples.value });
  }
  return ok(results);
}

