/**
 * Exact rates from the ledger, and the schedules that turn a rate into an amount.
 * A rate is kept as a fraction (numerator / denominator) so that comparing it with a threshold
 * is exact: 2/3 ≥ 0.6667 is decided by 2 ≥ 0.6667 × 3, never by a rounded quotient.
 *
 * @module
 */
import type { Contract } from '../contract/index.js';
import {
  parseAmount,
  RATIO_ZERO,
  compareRatios,
  ratioMinus,
  ratioOf,
  ratioOfInteger,
  ratioOver,
  ratioPlus,
  ratioTimes,
  type Amount,
  type Ratio,
} from '../money/index.js';
import type { RateCounts } from './ledger.js';

/** Counts behind a rate at a date. */
export interface RateFigures {
  /** Participants in the denominator (before excluding pending ones). */
  readonly inDenominator: number;
  /** Achieved. */
  readonly achieved: number;
  /** Failed. */
  readonly failed: number;
  /** Pending (not yet observable). */
  readonly pending: number;
  /** Numerator of the rate. */
  readonly numerator: Amount;
  /** Denominator of the rate (0: empty). */
  readonly denominator: number;
}

/**
 * The figures of a rate at `date`, over several cohorts' counts pooled.
 *
 * @example
 * rateAt([ledger.cohorts[0].rates[0]], parseDate('2024-06-30'), 'exclude');
 */
export function rateAt(counts: readonly RateCounts[], date: number, pending: 'exclude' | 'countAsNotAchieved'): RateFigures {
  let inDenominator = 0;
  let achieved = 0;
  let failed = 0;
  for (const rate of counts) {
    inDenominator += rate.denominator.upTo(date);
    achieved += rate.achieved.upTo(date);
    failed += rate.failed.upTo(date);
  }
  const stillPending = inDenominator - achieved - failed;
  return {
    inDenominator,
    achieved,
    failed,
    pending: stillPending,
    numerator: parseAmount(achieved),
    denominator: pending === 'exclude' ? achieved + failed : inDenominator,
  };
}

/**
 * True when numerator / denominator ≥ threshold, exactly (denominator > 0).
 *
 * @example
 * atLeast(parseAmount(2), 3, parseAmount('0.6666')); // true
 */
export function atLeast(numerator: Amount, denominator: number, threshold: Amount): boolean {
  return numerator.greaterThanOrEqualTo(threshold.times(denominator));
}

/**
 * Formats a fraction as a decimal rate for reports, to 6 decimal places (the comparison itself is
 * always done exactly).
 *
 * @example
 * rateText(parseAmount(2), 3); // '0.666667'
 */
export function rateText(numerator: Amount, denominator: number): string {
  if (denominator === 0) return 'n/a';
  return numerator.dividedBy(denominator).toDecimalPlaces(6).toFixed();
}

type Schedule = Extract<Contract['rules'][number], { kind: 'cohortRate' }>['schedule'];

/** The amount a schedule gives for a rate, unrounded, the formula in words and the decision. */
export interface ScheduleValue {
  /** Exact amount (before the contract's rounding): a fraction, as a linear schedule divides. */
  readonly exact: Ratio;
  /** How it was obtained. */
  readonly formula: string;
  /**
   * Which part of the schedule the rate fell in: `threshold met` / `threshold not met`, `tier
   * from <from>` / `below the first tier`, `below floor` / `on the line` / `at ceiling`.
   */
  readonly decision: string;
}

/**
 * Evaluates a schedule at the rate numerator / denominator (denominator > 0), exactly: a linear
 * schedule's value is a fraction, rounded once, later, by the contract's rounding mode.
 *
 * @example
 * scheduleValue({ kind: 'allOrNothing', threshold: '0.6', amount: '50000.00' }, parseAmount(7), 10).exact; // 50000/1
 */
export function scheduleValue(schedule: Schedule, numerator: Amount, denominator: number): ScheduleValue {
  const rate = rateText(numerator, denominator);
  switch (schedule.kind) {
    case 'allOrNothing': {
      const reached = atLeast(numerator, denominator, parseAmount(schedule.threshold));
      return reached
        ? { exact: ratioOf(parseAmount(schedule.amount)), formula: `rate ${rate} ≥ threshold ${schedule.threshold}: pays ${schedule.amount}`, decision: 'threshold met' }
        : { exact: RATIO_ZERO, formula: `rate ${rate} < threshold ${schedule.threshold}: pays nothing`, decision: 'threshold not met' };
    }
    case 'tiers': {
      let chosen: { from: string; amount: string } | undefined;
      for (const tier of schedule.tiers) if (atLeast(numerator, denominator, parseAmount(tier.from))) chosen = tier;
      return chosen === undefined
        ? { exact: RATIO_ZERO, formula: `rate ${rate} below the first tier (${schedule.tiers[0]?.from ?? '?'}): pays nothing`, decision: 'below the first tier' }
        : { exact: ratioOf(parseAmount(chosen.amount)), formula: `rate ${rate} in the tier from ${chosen.from}: pays ${chosen.amount}`, decision: `tier from ${chosen.from}` };
    }
    case 'linear': {
      const floor = parseAmount(schedule.floor);
      if (!atLeast(numerator, denominator, floor)) {
        return { exact: RATIO_ZERO, formula: `rate ${rate} < floor ${schedule.floor}: pays nothing`, decision: 'below floor' };
      }
      const r = ratioOver(ratioOf(numerator), ratioOfInteger(denominator));
      const atFloor = ratioOf(parseAmount(schedule.amountAtFloor));
      const atTarget = ratioOf(parseAmount(schedule.amountAtTarget));
      const ceiling = ratioOf(parseAmount(schedule.ceiling));
      const span = ratioMinus(ratioOf(parseAmount(schedule.target)), ratioOf(floor));
      // atFloor + (r − floor) / span × (atTarget − atFloor), one exact fraction
      const linear = span.numerator === 0n
        ? atTarget
        : ratioPlus(atFloor, ratioTimes(ratioOver(ratioMinus(r, ratioOf(floor)), span), ratioMinus(atTarget, atFloor)));
      const above = compareRatios(linear, ceiling) > 0;
      const exact = above ? ceiling : linear;
      const capped = above ? `, capped at the ceiling ${schedule.ceiling}` : '';
      return {
        exact,
        formula: `${schedule.amountAtFloor} + (rate ${rate} − floor ${schedule.floor}) / (target ${schedule.target} − floor ${schedule.floor}) × (${schedule.amountAtTarget} − ${schedule.amountAtFloor})${capped}`,
        decision: above ? 'at ceiling' : 'on the line',
      };
    }
    default: {
      const never: never = schedule;
      return never;
    }
  }
}
