/**
 * Resolves an earnings threshold outcome for one participant: the threshold (an amount, or hours
 * × weeks × the minimum wage in force, rounded), and the earnings counted in the window.
 *
 * @module
 */
import { addDaysUnbounded, type CalendarDate } from '../calendar/index.js';
import { roundToIncrement } from '../money/increment.js';
import { compareRatios, ratioOf, ratioOfInteger, ratioOver, ratioPlus, ratioTimes, RATIO_ZERO, type Amount, type Ratio } from '../money/index.js';
import { recordEarnings, type EarningsObservation, type OutcomeRecord } from '../records/index.js';
import { windowAnchor } from './anchor.js';
import type { CompiledEarningsOutcome, CompiledEarningsThreshold } from './compiled-form.js';
import { achieved, failed, pending, type Resolution } from './resolution.js';

/**
 * The threshold of an earnings outcome whose window runs from `first` to `last` (both
 * inclusive): the amount; or `hours × weeks × hourly`, the hourly rate being the last rate whose
 * `from` is on or before the window day `rateOn` names, rounded to a multiple of `increment` with
 * `rounding`. `undefined` when no rate is in force on that day. `rate` is the rate used.
 *
 * @example
 * earningsThreshold({ kind: 'amount', amount: parseAmount('2000') }, first, last); // { amount: 2000 }
 */
export function earningsThreshold(
  t: CompiledEarningsThreshold,
  first: CalendarDate,
  last: number,
): { readonly amount: Amount; readonly rate?: { readonly from: CalendarDate; readonly hourly: Amount } } | undefined {
  if (t.kind === 'amount') return { amount: t.amount };
  const day = t.rateOn === 'windowStart' ? first : last;
  let rate: { readonly from: CalendarDate; readonly hourly: Amount } | undefined;
  for (const r of t.rates) if (r.from <= day) rate = r;
  if (rate === undefined) return undefined;
  const exact = t.hours.times(t.weeks).times(rate.hourly);
  return { amount: roundToIncrement(exact, t.increment, t.rounding), rate };
}

/**
 * The part of an observation counted in a window starting on `first`: the whole amount for a
 * period starting in the window; for a period starting before it, the whole amount (`full`), none
 * (`exclude`) or the amount × its days in the window / its days (`proRata`), exact.
 *
 * @example
 * countedEarnings(observation, first, 'proRata'); // amount × 17/30 for a 30-day period with 17 days in the window
 */
export function countedEarnings(e: EarningsObservation, first: CalendarDate, rule: CompiledEarningsOutcome['periodAcrossStart']): Ratio {
  if (e.from >= first || rule === 'full') return ratioOf(e.amount);
  if (rule === 'exclude') return RATIO_ZERO;
  return ratioOver(ratioTimes(ratioOf(e.amount), ratioOfInteger(e.to - first + 1)), ratioOfInteger(e.to - e.from + 1));
}

/**
 * Resolves an earnings threshold: the observations known at `asOf` (period end on or before it)
 * whose period ends in the window `[anchor, anchor + days]` are counted (a period across the
 * window's start as `periodAcrossStart` says; a period ending after the window is not counted), in
 * order of period end; achieved on the period end of the observation that brings the total to the
 * threshold or above; failed on the day after the window when the total stays below; failed on
 * the anchor (`NO_RATE_IN_FORCE`) when the rate table has no rate in force on the day it is read.
 *
 * @param o - the compiled outcome
 * @param record - the participant
 * @param asOf - the as-of date: periods ending after it are unknown
 * @example
 * resolveEarningsThreshold(compiled.outcomes[0], record, parseDate('2025-12-31'));
 */
export function resolveEarningsThreshold(o: CompiledEarningsOutcome, record: OutcomeRecord, asOf: CalendarDate): Resolution {
  const first = windowAnchor(o.window.from, record, asOf);
  if (first === undefined) return pending('AWAITING_EXIT');
  const last = addDaysUnbounded(first, o.window.days); // may pass 9999-12-31
  const threshold = earningsThreshold(o.threshold, first, last);
  if (threshold === undefined) return first <= asOf ? failed(first, 'NO_RATE_IN_FORCE') : pending('WINDOW_OPEN');
  const target = ratioOf(threshold.amount);
  let total = RATIO_ZERO;
  for (const e of recordEarnings(record)) {
    // sorted by period end: the first one past the as-of date or the window ends the count
    if (e.to > asOf || e.to > last) break;
    if (e.to < first) continue;
    total = ratioPlus(total, countedEarnings(e, first, o.periodAcrossStart));
    if (compareRatios(total, target) >= 0) return achieved(e.to, 'EARNINGS_REACHED');
  }
  const closes = addDaysUnbounded(first, o.window.days + 1);
  return closes <= asOf ? failed(closes as CalendarDate, 'EARNINGS_BELOW_THRESHOLD') : pending('WINDOW_OPEN');
}
