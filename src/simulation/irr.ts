/**
 * The internal rate of return of dated cash flows, by a bracketed solver in exact decimals.
 *
 * Convention (XIRR-style): an annual effective rate `r` with actual/365 from exact calendar
 * dates: a flow `t` days after the first flow is discounted by `(1 + r)^(t / 365)`, so a leap
 * year counts 366/365 of a year. The IRR is the rate at which the flows' net present value is 0.
 *
 * The solver works on the daily factor `g = (1 + r)^(1/365)`: multiplied by `g^D` (`D` the days
 * from the first flow to the last), the net present value becomes the polynomial
 * `P(g) = Σ c_i g^(D − t_i)` with whole exponents, the same sign as the NPV for every `g > 0`.
 * `g = 0` is `r = −100 %`, where `P` is exactly the last day's flow, so a bond that loses almost
 * everything is bracketed like any other. The root is bracketed on a fixed grid of factors,
 * then narrowed by Newton steps kept inside the bracket (bisection when a step leaves it, or
 * when the bracket has not halved in two steps), until the bracket's width is at most `10^−18`
 * of its upper end.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { parseDate } from '../calendar/index.js';
import { OutcomePayError } from '../errors.js';
import { invalidArgument, isObjectValue, unreadableArgument } from '../guard.js';
import { Dec, parseAmount } from '../money/index.js';

/**
 * The solver's own decimal constructor: outcome-pay's private one (every setting named, nothing
 * inherited from the global constructor) at 40 significant digits.
 */
const Irr = Dec.clone({ precision: 40 });
type Irr = Decimal;

/** Decimal places of a returned rate. */
export const IRR_DECIMALS = 10;

/** Days in the year of the day count (actual/365). */
export const DAYS_PER_YEAR = 365;

/**
 * How exact a returned rate is: within `10^−10 × max(1, 1 + r)` of a rate `r` at which the net
 * present value is exactly 0 (the bracket, `10^−18` relative on the daily factor, is about
 * `3.7 × 10^−16` relative on `1 + r`; rounding to 10 places adds at most `5 × 10^−11`).
 *
 * @example
 * IRR_TOLERANCE; // '1e-10 × max(1, 1 + rate)'
 */
export const IRR_TOLERANCE = '1e-10 × max(1, 1 + rate)';

/** Relative width of the final bracket on the daily factor. */
const WIDTH = new Irr('1e-18');

/** A cash flow on a day: negative paid out (a draw), positive received. */
export interface DayFlow {
  /** Day number (any origin: only differences count). */
  readonly day: number;
  /** Signed amount, exact. */
  readonly amount: Decimal;
}

/**
 * The result of `irrOfFlows` (the IRR of dated flows): the rate, or why there is none. `noSignChange`: after
 * netting the flows of each day, they are all of one sign (nothing received, or nothing paid
 * out), or fall on fewer than two days, so no rate makes the NPV 0. `noRoot`: the NPV does not
 * change sign over the grid searched (possible only for flows that change sign more than once,
 * or a daily factor above 10^12, a rate above `10^4380 − 1`).
 */
export type IrrResult =
  | { readonly defined: true; readonly rate: string }
  | { readonly defined: false; readonly reason: 'noSignChange' | 'noRoot' };

/**
 * Daily factors searched for a sign change above `g = 1` (r = 0): r ≈ 20 %, 44 %, 198 %, 3,680 %,
 * and far beyond, up to a factor of 10^12 a day (a cent turned into ten billion in a day: what a
 * simulated run with almost nothing drawn before its first receipt can show).
 */
const GRID_UP = ['1.0005', '1.001', '1.003', '1.01', '1.05', '1.1', '2', '10', '100', '1e4', '1e8', '1e12'].map((text) => new Irr(text));
/** Daily factors below 1 searched first when the flows change sign more than once (r from about −100 % to −31 %). */
const GRID_DOWN = ['0.9', '0.95', '0.97', '0.99', '0.995', '0.999'].map((text) => new Irr(text));
const ONE = new Irr(1);

/** `x^n` for a whole `n ≥ 0`, by squaring, each product at the solver's precision. */
function powWhole(x: Irr, n: number): Irr {
  let result = ONE;
  let base = x;
  let k = n;
  while (k > 0) {
    if (k % 2 === 1) result = result.times(base);
    k = Math.floor(k / 2);
    if (k > 0) base = base.times(base);
  }
  return result;
}

/** Flows netted by day, zero days dropped, in day order. */
function netByDay(flows: readonly DayFlow[]): { days: number[]; amounts: Irr[] } {
  const byDay = new Map<number, Irr>();
  for (const flow of flows) byDay.set(flow.day, (byDay.get(flow.day) ?? new Irr(0)).plus(new Irr(flow.amount)));
  const days = [...byDay.keys()].filter((day) => !(byDay.get(day) as Irr).isZero()).sort((a, b) => a - b);
  return { days, amounts: days.map((day) => byDay.get(day) as Irr) };
}

/** `P(g)` and `P'(g)` by Horner's scheme over the gaps between the flows' days. */
function evaluate(days: readonly number[], amounts: readonly Irr[], g: Irr): { p: Irr; dp: Irr } {
  let p = amounts[0] as Irr;
  let dp = new Irr(0);
  for (let i = 1; i < days.length; i++) {
    const gap = (days[i] as number) - (days[i - 1] as number);
    const below = powWhole(g, gap - 1);
    const power = below.times(g);
    dp = dp.times(power).plus(p.times(gap).times(below));
    p = p.times(power).plus(amounts[i] as Irr);
  }
  return { p, dp };
}

/** The first bracket `[lo, hi]` of the grid on which `P` changes sign from its sign at 0, or none. */
function bracket(days: readonly number[], amounts: readonly Irr[], signAtZero: number, signChanges: number): { lo: Irr; hi: Irr } | undefined {
  const grid = signChanges === 1 ? [ONE, ...GRID_UP] : [...GRID_DOWN, ONE, ...GRID_UP];
  let lo = new Irr(0);
  for (const g of grid) {
    const sign = g.eq(ONE) ? amounts.reduce((sum, amount) => sum.plus(amount), new Irr(0)).comparedTo(0) : evaluate(days, amounts, g).p.comparedTo(0);
    if (sign !== signAtZero) return { lo, hi: g };
    lo = g;
  }
  return undefined;
}

/** Narrows `[lo, hi]` (P of sign `signAtZero` at lo, the other sign or 0 at hi) to the stated width; returns its middle. */
function narrow(days: readonly number[], amounts: readonly Irr[], signAtZero: number, start: { lo: Irr; hi: Irr }): Irr {
  let { lo, hi } = start;
  let x = lo.plus(hi).dividedBy(2);
  // the bracket's width one and two steps ago: a Newton step is taken only while the bracket
  // at least halves every two steps (far from the root of a polynomial of high degree, Newton
  // steps are short); otherwise the step bisects
  let widths = [hi.minus(lo).times(4), hi.minus(lo).times(2)];
  for (let step = 0; step < 1000 && hi.minus(lo).gt(hi.times(WIDTH)); step++) {
    const { p, dp } = evaluate(days, amounts, x);
    const sign = p.comparedTo(0);
    if (sign === 0) return x;
    if (sign === signAtZero) lo = x;
    else hi = x;
    const width = hi.minus(lo);
    const slow = width.gt((widths[0] as Irr).dividedBy(2));
    widths = [widths[1] as Irr, width];
    let next = dp.isZero() || slow ? lo.plus(hi).dividedBy(2) : x.minus(p.dividedBy(dp));
    if (!next.gt(lo) || !next.lt(hi)) next = lo.plus(hi).dividedBy(2);
    // a converged Newton step: probe just either side of it to close the bracket
    const close = next.minus(x).abs().lte(x.times(WIDTH).dividedBy(4)) || width.lte(hi.times(WIDTH).times(1e6));
    if (close) {
      const half = next.times(WIDTH).dividedBy(4);
      for (const probe of [next.minus(half), next.plus(half)]) {
        if (!probe.gt(lo) || !probe.lt(hi)) continue;
        const probeSign = evaluate(days, amounts, probe).p.comparedTo(0);
        if (probeSign === 0) return probe;
        if (probeSign === signAtZero) lo = probe;
        else hi = probe;
      }
      next = lo.plus(hi).dividedBy(2);
    }
    x = next;
  }
  return lo.plus(hi).dividedBy(2);
}

/**
 * The internal rate of return of dated flows (negative paid out, positive received), as an
 * annual effective rate with actual/365 (see the module), rounded half-even to 10 places, or why
 * it is not defined. Flows that change sign once (every draw before every receipt) have exactly
 * one IRR; for flows that change sign more than once, the lowest rate the grid brackets is
 * returned.
 *
 * @example
 * irrOfFlows([{ day: 0, amount: new Decimal(-100) }, { day: 730, amount: new Decimal(121) }]); // { defined: true, rate: '0.1000000000' }
 */
export function irrOfFlows(flows: readonly DayFlow[]): IrrResult {
  const { days, amounts } = netByDay(flows);
  const last = amounts[amounts.length - 1];
  if (last === undefined || days.length < 2) return { defined: false, reason: 'noSignChange' };
  let signChanges = 0;
  for (let i = 1; i < amounts.length; i++) if ((amounts[i] as Irr).isNeg() !== (amounts[i - 1] as Irr).isNeg()) signChanges++;
  if (signChanges === 0) return { defined: false, reason: 'noSignChange' };
  const signAtZero = last.comparedTo(0);
  const start = bracket(days, amounts, signAtZero, signChanges);
  if (start === undefined) return { defined: false, reason: 'noRoot' };
  const g = start.hi.comparedTo(ONE) === 0 && amounts.reduce((sum, amount) => sum.plus(amount), new Irr(0)).isZero() ? ONE : narrow(days, amounts, signAtZero, start);
  const rate = powWhole(g, DAYS_PER_YEAR).minus(1);
  return { defined: true, rate: rate.toDecimalPlaces(IRR_DECIMALS, Decimal.ROUND_HALF_EVEN).toFixed(IRR_DECIMALS) };
}

/** A dated cash flow: negative paid out, positive received. */
export interface DatedFlow {
  /** Date, `YYYY-MM-DD`. */
  readonly on: string;
  /** Signed decimal string, such as `"-100.00"`. */
  readonly amount: string;
}

/**
 * The internal rate of return of dated cash flows (negative paid out, positive received): the
 * annual effective rate, day count actual/365 from the exact calendar dates (as a spreadsheet's
 * XIRR), at which their net present value is 0; rounded half-even to 10 places, within
 * {@link IRR_TOLERANCE} of the exact rate. Not defined (`defined: false`) when the flows do not
 * change sign (nothing received, nothing paid out, or one day only), never an exception. Throws
 * `ARGUMENT_INVALID` (or a date or amount code) for a list that is not dated flows.
 *
 * @example
 * internalRateOfReturn([{ on: '2021-01-01', amount: '-100' }, { on: '2023-01-01', amount: '121' }]);
 * // { defined: true, rate: '0.1000000000' }: 100 × 1.1^2 = 121 over 730 days
 * internalRateOfReturn([{ on: '2021-01-01', amount: '-100' }]); // { defined: false, reason: 'noSignChange' }
 */
export function internalRateOfReturn(flows: readonly DatedFlow[]): IrrResult {
  let read: DayFlow[];
  try {
    if (!Array.isArray(flows)) throw invalidArgument('internalRateOfReturn', 'flows', 'a list of { on, amount }', flows);
    read = (flows as readonly unknown[]).map((flow, k): DayFlow => {
      if (!isObjectValue(flow) || !Object.hasOwn(flow, 'on') || !Object.hasOwn(flow, 'amount') || typeof flow['on'] !== 'string' || typeof flow['amount'] !== 'string') {
        throw invalidArgument('internalRateOfReturn', `flows.${String(k)}`, 'a flow { on: "YYYY-MM-DD", amount: "-100.00" }', flow);
      }
      return { day: parseDate(flow['on'], ['flows', k, 'on']), amount: parseAmount(flow['amount'], ['flows', k, 'amount']) };
    });
  } catch (error) {
    if (error instanceof OutcomePayError) throw error;
    throw unreadableArgument('internalRateOfReturn', 'flows', error);
  }
  return irrOfFlows(read);
}
