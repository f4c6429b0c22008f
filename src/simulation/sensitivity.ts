/**
 * Scenarios and sensitivity on common random numbers: the same contract simulated under other
 * assumptions with the same seed, so run r of every variant draws from the same stream and the
 * differences between them are the effect of the assumptions, not noise.
 *
 * @module
 */
import { parseContract } from '../contract/index.js';
import { isObjectValue } from '../guard.js';
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

const refuse = (path: readonly (string | number)[], message: string, code: 'SIMULATION_OPTIONS' | 'ASSUMPTIONS_NOT_OBJECT' = 'SIMULATION_OPTIONS'): Result<never> =>
  fail([{ code, path, message: `${path.join('.')}: ${message}` }]);

type ReadOptions = { runs: number; seed: number; step: number; path: 'auto' | 'participants' };

/** The options read once (own properties), or the issue that refuses them; runs and seed are checked by `simulate`. */
function readOptions(options: unknown): Result<ReadOptions> {
  if (!isObjectValue(options) || Array.isArray(options)) return refuse(['options'], 'expected an object { runs, seed, step? }');
  let fields: { runs: unknown; seed: unknown; step: unknown; path: unknown };
  try {
    const own = (key: string): unknown => (Object.hasOwn(options, key) ? options[key] : undefined);
    fields = { runs: own('runs'), seed: own('seed'), step: own('step') ?? 0.05, path: own('path') ?? 'participants' };
  } catch (error) {
    return refuse(['options'], `could not be read (${error instanceof Error ? error.message : 'unknown error'})`);
  }
  const { step, path } = fields;
  if (typeof step !== 'number' || !(step > 0 && step <= 0.5)) return refuse(['options', 'step'], 'step must be a number above 0 and at most 0.5');
  if (path !== 'auto' && path !== 'participants') return refuse(['options', 'path'], 'path must be "auto" or "participants"');
  return ok({ runs: fields.runs as number, seed: fields.seed as number, step, path });
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
  const options_ = readOptions(options);
  if (!options_.ok) return options_;
  const read = options_.value;
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
    const decimals = minorUnits(base.value.currency);
    const lowMean = meanTotal(low.value);
    const highMean = meanTotal(high.value);
    const swingAmount = highMean.minus(lowMean).abs();
    rows.push({
      order,
      swingAmount,
      assumption: entry.assumption,
      moved: entry.moved,
      low: lowMean.toFixed(decimals),
      base: baseMean.toFixed(decimals),
      high: highMean.toFixed(decimals),
      down: lowMean.minus(baseMean).toFixed(decimals),
      up: highMean.minus(baseMean).toFixed(decimals),
      swing: swingAmount.toFixed(decimals),
    });
  }
  rows.sort((a, b) => b.swingAmount.comparedTo(a.swingAmount) || a.order - b.order);
  return ok({ currency: base.value.currency, runs: read.runs, seed: read.seed, step: read.step, rows: rows.map((row): TornadoRow => ({ assumption: row.assumption, moved: row.moved, low: row.low, base: row.base, high: row.high, down: row.down, up: row.up, swing: row.swing })) });
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
  if (typeof name !== 'string') return refuse(['scenario'], 'the scenario must be a name');
  const inputs = prepared(contractInput, assumptionsInput);
  if (!inputs.ok) return inputs;
  const { contract, assumptions } = inputs.value;
  let overrides: Result<Record<string, unknown>> | undefined;
  try {
    overrides = ownOverrides(own, name);
  } catch (error) {
    return refuse(['scenarios'], `could not be read (${error instanceof Error ? error.message : 'unknown error'})`, 'ASSUMPTIONS_NOT_OBJECT');
  }
  if (overrides !== undefined && !overrides.ok) return overrides;
  if (overrides === undefined) {
    if (!(SCENARIOS as readonly string[]).includes(name)) return refuse(['scenario'], `"${name}" is not a scenario: pessimistic, central, optimistic or a name of the scenarios document`);
    if (typeof step !== 'number' || !(step > 0 && step <= 0.5)) return refuse(['step'], 'step must be a number above 0 and at most 0.5');
    return ok(scenarioAssumptions(assumptions, name as ScenarioName, step));
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
  let list: string[];
  try {
    list = Array.isArray(names) ? Array.from(names as readonly unknown[], (name) => (typeof name === 'string' ? name : '')) : [];
  } catch {
    list = [];
  }
  if (list.length === 0 || list.includes('')) return refuse(['names'], 'expected a list of one or more scenario names');
  const options_ = readOptions(options);
  if (!options_.ok) return options_;
  const read = options_.value;
  const results: ScenarioResult[] = [];
  for (const name of list) {
    const assumptions = scenarioOf(contractInput, assumptionsInput, name, read.step, own);
    if (!assumptions.ok) return assumptions;
    const samples = variant(contractInput, assumptions.value, read, `scenario ${name}`);
    if (!samples.ok) return samples;
    results.push({ scenario: name, assumptions: assumptions.value, samples: samples.value });
  }
  return ok(results);
}

