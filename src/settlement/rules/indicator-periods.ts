/**
 * The periods of a results indicator at a measurement date: what each period's allocation has
 * earned, what rolls over to later verifications, what lapsed and what waits for its verification.
 *
 * The convention (World Bank Program-for-Results, cumulative targets; docs/mechanics/results-indicators.md):
 * period k's allocation pays for the band of cumulative achievement from the previous period's
 * target (the baseline for the first period) up to its own target. It is assessed at its own
 * verification on the achievement then verified and, with a rollover, again at every later
 * verification up to the measurement date, on the highest cumulative achievement verified since
 * its own (so a later catch-up earns what was rolled over). In proportion, it earns
 * `allocation × units in band / band width`; per unit, `amount × units in band`, capped at the
 * allocation; rounded to the minor unit by the rule's rounding. What it has not earned is rolled
 * over until the rollover's final date and lapsed from that date on (without a rollover, it
 * lapses at its own verification). For every period, earned + rolled over + lapsed + pending =
 * allocation.
 *
 * @module
 */
import { parseDate } from '../../calendar/index.js';
import { ZERO, parseAmount, ratioOf, ratioOver, ratioTimes, roundMoney, roundRatioMoney, type Amount, type CurrencyCode } from '../../money/index.js';
import type { RuleOf } from './rule-module.js';

type ResultsIndicatorRule = RuleOf<'resultsIndicator'>;

/** One period's figures at a measurement date. */
export interface PeriodFigures {
  /** Period id. */
  readonly id: string;
  /** The allocation. */
  readonly allocation: Amount;
  /** The cumulative achievement the period is assessed on (the highest verified since its own verification), or undefined before it is verified or when no value was given. */
  readonly achievement: Amount | undefined;
  /** Earned so far (rounded). */
  readonly earned: Amount;
  /** Not earned yet, still earnable at a later verification (rollover). */
  readonly rolledOver: Amount;
  /** Not earned and no longer earnable. */
  readonly lapsed: Amount;
  /** Not yet verified at the measurement date: the whole allocation. */
  readonly pending: Amount;
}

/**
 * A period's earnings on cumulative achievement `achieved`, for its band from `lower` to `target`.
 *
 * @example
 * bandEarnings(rule, 0, parseAmount('150'), 'EUR'); // half of a 100-to-200 band's allocation
 */
export function bandEarnings(rule: ResultsIndicatorRule, period: number, achieved: Amount, currency: CurrencyCode): Amount {
  const current = rule.periods[period];
  if (current === undefined) return ZERO;
  const lower = parseAmount(period === 0 ? rule.baseline : (rule.periods[period - 1]?.target ?? rule.baseline));
  const width = parseAmount(current.target).minus(lower);
  const allocation = parseAmount(current.allocation);
  const above = achieved.minus(lower);
  const units = above.isNegative() ? ZERO : above.greaterThan(width) ? width : above;
  if (rule.payment.kind === 'proportional') return roundRatioMoney(ratioOver(ratioTimes(ratioOf(allocation), ratioOf(units)), ratioOf(width)), currency, rule.rounding);
  const earned = roundMoney(parseAmount(rule.payment.amount).times(units), currency, rule.rounding);
  return earned.greaterThan(allocation) ? allocation : earned;
}

/**
 * Every period's figures at `measuredOn` (a day number), from the cumulative achievement verified
 * for each period (`valueOf(period)`, undefined when not given: the period earns nothing on it).
 *
 * @example
 * indicatorPeriods(rule, (j) => values[j], parseDate('2026-12-31'), 'USD').map((p) => p.earned.toFixed(2));
 */
export function indicatorPeriods(rule: ResultsIndicatorRule, valueOf: (period: number) => Amount | undefined, measuredOn: number, currency: CurrencyCode): PeriodFigures[] {
  const verified = rule.periods.map((period) => parseDate(period.verifiedOn) <= measuredOn);
  const lapses = rule.rollover === undefined ? true : parseDate(rule.rollover.until) <= measuredOn;
  const values = rule.periods.map((_, j) => (verified[j] === true ? valueOf(j) : undefined));
  return rule.periods.map((period, j) => {
    const allocation = parseAmount(period.allocation);
    if (verified[j] !== true) return { id: period.id, allocation, achievement: undefined, earned: ZERO, rolledOver: ZERO, lapsed: ZERO, pending: allocation };
    // its own verification, and with a rollover every later one up to the measurement date
    let achievement: Amount | undefined;
    const last = rule.rollover === undefined ? j : values.length - 1;
    for (let i = j; i <= last; i += 1) {
      const value = values[i];
      if (value !== undefined && (achievement === undefined || value.greaterThan(achievement))) achievement = value;
    }
    const earned = achievement === undefined ? ZERO : bandEarnings(rule, j, achievement, currency);
    const left = allocation.minus(earned);
    return { id: period.id, allocation, achievement, earned, rolledOver: lapses ? ZERO : left, lapsed: lapses ? left : ZERO, pending: ZERO };
  });
}
