/**
 * The reference's results indicator (docs/contract.md, docs/mechanics/results-indicators.md),
 * written from the docs without the engine: at a measurement day, the periods verified by then;
 * each period's band between the previous target (or the baseline) and its own; assessed on its
 * own verified value, or with a rollover on the highest value verified from its own verification
 * to the measurement day; proportional or per unit capped at the allocation, rounded with the
 * rule's mode. Also what each period has rolled over, lapsed and left pending.
 */
import type { ContractInput } from '../../../src/contract/index.js';
import type { Indicators } from '../arbitraries/index.js';
import { refDay } from './dates.js';
import { achievedOn, type RefParticipant } from './cohort.js';
import { D, roundMinor, sum, type Dec } from './decimal.js';

type Rule = Extract<ContractInput['rules'][number], { kind: 'resultsIndicator' }>;

/** One period's figures in the reference. */
export interface RefPeriod {
  readonly earned: Dec;
  readonly rolledOver: Dec;
  readonly lapsed: Dec;
  readonly pending: Dec;
}

/** Each period's figures at `day`. */
export function referencePeriods(rule: Rule, indicators: Indicators | undefined, participants: readonly RefParticipant[], day: number, places: number): RefPeriod[] {
  const verifiedCount = rule.periods.filter((period) => refDay(period.verifiedOn) <= day).length;
  const finalPassed = rule.rollover === undefined || refDay(rule.rollover.until) <= day;
  return rule.periods.map((period, k) => {
    const allocation = new D(period.allocation);
    if (k >= verifiedCount) return { earned: new D(0), rolledOver: new D(0), lapsed: new D(0), pending: allocation };
    const assessedOn = rule.rollover === undefined ? [k] : Array.from({ length: verifiedCount - k }, (_, i) => k + i);
    const given = assessedOn.flatMap((i) => {
      const verifiedOn = refDay(rule.periods[i]?.verifiedOn ?? '');
      // counted: the participants of every cohort who achieved the outcome by the verification date
      if (rule.participants !== undefined) return [new D(participants.filter((p) => (achievedOn(p, rule.participants?.outcome ?? '') ?? Infinity) <= verifiedOn).length)];
      const text = indicators?.[rule.periods[i]?.indicator ?? '']?.['*'];
      return text === undefined ? [] : [new D(text)];
    });
    let earned = new D(0);
    if (given.length > 0) {
      const best = given.reduce((a, b) => (b.greaterThan(a) ? b : a));
      const from = new D(k === 0 ? rule.baseline : (rule.periods[k - 1]?.target ?? rule.baseline));
      const width = new D(period.target).minus(from);
      const units = D.min(D.max(best.minus(from), 0), width);
      earned =
        rule.payment.kind === 'proportional'
          ? roundMinor(allocation.times(units).dividedBy(width), places, rule.rounding)
          : D.min(allocation, roundMinor(new D(rule.payment.amount).times(units), places, rule.rounding));
    }
    const left = allocation.minus(earned);
    return { earned, rolledOver: finalPassed ? new D(0) : left, lapsed: finalPassed ? left : new D(0), pending: new D(0) };
  });
}

/** What the rule is worth at `day`: the sum of its periods' earnings. */
export function resultsIndicatorValue(rule: Rule, indicators: Indicators | undefined, participants: readonly RefParticipant[], day: number, places: number): Dec {
  return sum(referencePeriods(rule, indicators, participants, day, places).map((period) => period.earned));
}
