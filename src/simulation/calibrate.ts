/**
 * Calibration: the largest price scale (or amount of one cap) such that the chosen percentile of
 * the total cost stays within a budget, by bisection on common random numbers: every step
 * simulates the same runs with the same seed, so two steps differ by the terms alone.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { parseContract, type Contract } from '../contract/index.js';
import { isObjectValue, thrownReason } from '../guard.js';
import { isDecimalString, minorUnits, parseAmount, type Amount } from '../money/index.js';
import { fail, ok, type Result } from '../result.js';
import { hasAmount, scaledPrices, withCapAmount } from './scaled-contract.js';
import { simulate, type SimulationSamples } from './simulate.js';

/** The options of {@link calibrate}. */
export interface CalibrationOptions {
  /** The budget, a decimal string in the contract's currency (at most its minor unit). */
  readonly budget: string;
  /** The percentile of the total cost that must stay within the budget, above 0 and at most 100 (default 95). */
  readonly percentile?: number;
  /** Calibrate this cap's amount (a cap with an amount) instead of the price scale. */
  readonly cap?: string;
  /** Runs per step (1 to 10,000,000). */
  readonly runs: number;
  /** The seed shared by every step. */
  readonly seed: number;
  /** How fine the answer is: a positive decimal string; default `"0.0001"` for a scale, one minor unit for a cap. */
  readonly precision?: string;
  /** As in `simulate`: `"auto"` (default) or `"participants"`. */
  readonly path?: 'auto' | 'participants';
}

/** One step of the search: the value tried and the percentile of the total cost it gave. */
export interface CalibrationStep {
  /** The scale or cap amount tried (decimal string). */
  readonly value: string;
  /** The chosen percentile of the total cost at that value. */
  readonly cost: string;
  /** Whether that cost is at most the budget. */
  readonly withinBudget: boolean;
}

/**
 * The answer of {@link calibrate}. `result` says which of three it is:
 * - `"found"`: `value` is within the budget and `above` (exactly one `precision` higher: every
 *   value tried is a multiple of the precision) is not;
 * - `"unlimited"`: the budget holds at every value tried, up to `value` (a scale of
 *   {@link MAX_PRICE_SCALE}, or a cap that no longer binds in any run: raising it changes nothing);
 * - `"impossible"`: even a scale of 0 (or a cap of 0) costs more than the budget (fees or
 *   payments outside the cap alone exceed it); `value` is null.
 */
export interface Calibration {
  readonly currency: string;
  readonly budget: string;
  readonly percentile: number;
  readonly runs: number;
  readonly seed: number;
  /** What was calibrated: the price scale, or the amount of the cap `cap`. */
  readonly target: 'priceScale' | 'cap';
  /** The cap calibrated, or null for the price scale. */
  readonly cap: string | null;
  readonly result: 'found' | 'unlimited' | 'impossible';
  /** The largest value found within the budget (null when impossible). */
  readonly value: string | null;
  /** The percentile of the total cost at `value` (null when impossible). */
  readonly cost: string | null;
  /**
   * How close the percentile of runs is to the distribution's, at `value`: the run amounts at the
   * ranks of an approximate 95 % distribution-free confidence interval of that percentile
   * (ranks n·q ∓ 1.96·√(n·q·(1 − q)), clamped to the runs). Null when impossible.
   */
  readonly interval: { readonly lower: string; readonly upper: string } | null;
  /** The smallest value found above the budget (null when unlimited). */
  readonly above: string | null;
  /** The precision of the answer: `above − value` when found, else null. */
  readonly precision: string | null;
  /** Every step, in the order tried. */
  readonly steps: readonly CalibrationStep[];
}

/**
 * The largest price scale a calibration tries (doubling from 1): a contract whose caps hold the
 * cost within budget at this scale is `"unlimited"`.
 *
 * @example
 * MAX_PRICE_SCALE; // 1024
 */
export const MAX_PRICE_SCALE = 1024;

type Read = { budget: Amount; percentile: number; cap: string | undefined; runs: number; seed: number; precision: Decimal | undefined; path: 'auto' | 'participants' };

const refuse = (field: string, message: string): Result<never> =>
  fail([{ code: 'CALIBRATION_OPTIONS', path: ['options', field], message: `options.${field}: ${message}` }]);

/** The options read once, own properties only; runs, seed and path are checked by `simulate`. */
function readOptions(options: unknown, contract: Contract): Result<Read> {
  if (!isObjectValue(options)) return refuse('budget', 'the options must be an object { budget, runs, seed, percentile?, cap?, precision?, path? }');
  let fields: Record<string, unknown>;
  try {
    const own = (key: string): unknown => (Object.hasOwn(options, key) ? options[key] : undefined);
    fields = Object.fromEntries(['budget', 'percentile', 'cap', 'runs', 'seed', 'precision', 'path'].map((key) => [key, own(key)]));
  } catch (error) {
    return refuse('budget', `the options could not be read (${thrownReason(error)})`);
  }
  const places = minorUnits(contract.currency);
  const { budget, percentile = 95, cap, precision } = fields;
  if (!isDecimalString(budget) || new Decimal(budget).isNegative() || new Decimal(budget).decimalPlaces() > places) {
    return refuse('budget', `the budget must be a decimal string of at least 0 with at most ${places} decimals (${contract.currency}), not ${JSON.stringify(budget)}`);
  }
  if (typeof percentile !== 'number' || !(percentile > 0 && percentile <= 100)) return refuse('percentile', `the percentile must be a number above 0 and at most 100, not ${JSON.stringify(percentile)}`);
  if (cap !== undefined) {
    const found = (contract.caps ?? []).find((candidate) => candidate.id === cap);
    if (found === undefined) return refuse('cap', `the contract has no cap ${JSON.stringify(cap)}`);
    if (!hasAmount(found)) return refuse('cap', `cap ${JSON.stringify(cap)} is a ${found.kind} cap, which has no amount to calibrate`);
  }
  if (precision !== undefined && (!isDecimalString(precision) || !new Decimal(precision).isPositive() || new Decimal(precision).isZero())) {
    return refuse('precision', `the precision must be a positive decimal string, not ${JSON.stringify(precision)}`);
  }
  if (precision !== undefined && cap !== undefined && new Decimal(precision).decimalPlaces() > places) {
    return refuse('precision', `a cap's precision is an amount of at most ${places} decimals (${contract.currency}), not ${JSON.stringify(precision)}`);
  }
  return ok({
    budget: parseAmount(budget),
    percentile,
    cap: cap as string | undefined,
    runs: fields['runs'] as number,
    seed: fields['seed'] as number,
    precision: precision === undefined ? undefined : new Decimal(precision),
    path: (fields['path'] ?? 'auto') as 'auto' | 'participants',
  });
}

/** The 1-based nearest rank of percentile `p` among `n` runs, computed exactly: ceil(p × n / 100), at least 1. */
function nearestRank(p: number, n: number): number {
  return Math.max(new Decimal(p).times(n).dividedBy(100).ceil().toNumber(), 1);
}

/** The sorted totals' run amount at a 1-based rank, clamped to the runs. */
const atRank = (sorted: readonly Amount[], rank: number): Amount => sorted[Math.min(Math.max(rank, 1), sorted.length) - 1] as Amount;

/** A step's outcome: the cost, and the sorted totals and cap bindings it came from. */
interface Trial {
  readonly value: Decimal;
  readonly cost: Amount;
  readonly sorted: readonly Amount[];
  readonly capBinds: boolean;
}

/**
 * The largest price scale (or amount of the cap `options.cap`) such that the `percentile` of the
 * total cost over `runs` runs stays within `budget`, by bisection on common random numbers (the
 * same runs and seed at every step), to `precision`. A price scale multiplies every price of the
 * payment rules (fees, rounding increments and caps stay as written) and starts from 0, 1, 2, 4…
 * up to {@link MAX_PRICE_SCALE}; a cap starts from 0 and its contract amount, doubled while the
 * cap still binds. The start (1, or the cap's amount) is first rounded up to a multiple of the
 * precision, so every value tried is a multiple of it and `above − value` is the precision. The search assumes the cost grows with the value; where an all-or-nothing cap
 * or a threshold makes it fall somewhere, the answer is still within the budget and the next step
 * above it is not (every step is listed). Returns the contract's or the assumptions' issues, or
 * `CALIBRATION_OPTIONS` naming the option at fault.
 *
 * @example
 * const answer = calibrate(contractJson, assumptionsJson, { budget: '500000.00', percentile: 95, runs: 1000, seed: 1 });
 * if (answer.ok) console.log(answer.value.value); // the largest scale of the prices within budget, e.g. '1.2375'
 */
export function calibrate(contractInput: unknown, assumptionsInput: unknown, options: CalibrationOptions): Result<Calibration> {
  const parsed = parseContract(contractInput);
  if (!parsed.ok) return fail(parsed.issues);
  const contract = parsed.value;
  const read = readOptions(options, contract);
  if (!read.ok) return read;
  const { budget, percentile, cap, runs, seed, path } = read.value;
  const places = minorUnits(contract.currency);
  const precision = read.value.precision ?? new Decimal(cap === undefined ? '0.0001' : new Decimal(1).dividedBy(new Decimal(10).pow(places)));
  const steps: CalibrationStep[] = [];
  const rank = (n: number): number => nearestRank(percentile, n);
  const shown = (value: Decimal): string => (cap === undefined ? value.toFixed() : value.toFixed(places));

  const trial = (value: Decimal): Result<Trial> => {
    const variant = cap === undefined ? scaledPrices(contract, value) : withCapAmount(contract, cap, value);
    const samples = simulate(variant, assumptionsInput, { runs, seed, path });
    if (!samples.ok) return samples;
    const sorted = [...samples.value.total].sort((a, b) => a.comparedTo(b));
    const cost = atRank(sorted, rank(sorted.length));
    steps.push({ value: shown(value), cost: cost.toFixed(places), withinBudget: cost.lte(budget) });
    return ok({ value, cost, sorted, capBinds: cap === undefined ? true : bindsSomewhere(samples.value, cap) });
  };

  const answer = (result: Calibration['result'], within: Trial | null, above: Trial | null): Calibration => ({
    currency: contract.currency,
    budget: budget.toFixed(places),
    percentile,
    runs,
    seed,
    target: cap === undefined ? 'priceScale' : 'cap',
    cap: cap ?? null,
    result,
    value: within === null ? null : shown(within.value),
    cost: within === null ? null : within.cost.toFixed(places),
    interval: within === null ? null : confidenceInterval(within.sorted, percentile, places),
    above: above === null ? null : shown(above.value),
    precision: within !== null && above !== null ? shown(above.value.minus(within.value)) : null,
    steps,
  });

  const zero = trial(new Decimal(0));
  if (!zero.ok) return zero;
  if (zero.value.cost.gt(budget)) return ok(answer('impossible', null, zero.value));
  let low = zero.value;
  // The start rounded up to a multiple of the precision, so that every value tried is one and the
  // bisection ends with `above` exactly one precision above `value`.
  const start = (cap === undefined ? new Decimal(1) : amountOf(contract, cap)).dividedBy(precision).ceil().times(precision);
  let first = trial(start.isZero() ? precision : start);
  if (!first.ok) return first;
  let high = first.value;
  // Widen: double while the cost stays within the budget, up to the largest scale (a cap: while it still binds).
  while (high.cost.lte(budget)) {
    low = high;
    const limitReached = cap === undefined ? high.value.gte(MAX_PRICE_SCALE) : !high.capBinds;
    if (limitReached) return ok(answer('unlimited', low, null));
    first = trial(high.value.times(2));
    if (!first.ok) return first;
    high = first.value;
  }
  // Bisect on multiples of the precision: low within, high above.
  for (;;) {
    const middle = low.value.plus(high.value).dividedBy(2).dividedBy(precision).floor().times(precision);
    if (middle.lte(low.value)) break;
    const step = trial(middle);
    if (!step.ok) return step;
    if (step.value.cost.lte(budget)) low = step.value;
    else high = step.value;
  }
  return ok(answer('found', low, high));
}

/** The amount the contract writes for a cap with an amount. */
function amountOf(contract: Contract, capId: string): Decimal {
  const found = (contract.caps ?? []).find((candidate) => candidate.id === capId);
  return found !== undefined && hasAmount(found) ? new Decimal(found.amount) : new Decimal(0);
}

/** Whether the cap cut something in at least one run. */
function bindsSomewhere(samples: SimulationSamples, capId: string): boolean {
  const k = samples.caps.findIndex((cap) => cap.id === capId);
  return (samples.capBound[k] ?? []).some(Boolean);
}

/** The run amounts at the ranks of an approximate 95 % confidence interval of the percentile (normal approximation to the binomial count of runs below it). */
function confidenceInterval(sorted: readonly Amount[], percentile: number, places: number): { lower: string; upper: string } {
  const n = sorted.length;
  const q = percentile / 100;
  const spread = 1.96 * Math.sqrt(n * q * (1 - q));
  return { lower: atRank(sorted, Math.floor(n * q - spread)).toFixed(places), upper: atRank(sorted, Math.ceil(n * q + spread)).toFixed(places) };
}
