/**
 * Cohort rate (`cohortRate`): an amount set by a cohort's (or a pool's) achievement rate at the
 * measurement date: a threshold, tiers or a linear schedule, optionally over a baseline (a fixed
 * rate or a comparison-group indicator), as a lump sum or per achiever. Paid through the ratchet:
 * each tranche pays the increase over earlier tranches.
 *
 * @module
 */
import { ZERO, compareRatios, formatDecimal, parseAmount, RATIO_ZERO, ratioOf, ratioOfInteger, ratioTimes, type Amount, type Ratio } from '../../money/index.js';
import type { RateCounts } from '../ledger.js';
import { rateSpecIndex } from '../rate-specs.js';
import { atLeast, rateAt, rateText, scheduleValue } from '../rates.js';
import { roundedValue } from './bound-cells.js';
import { priceFactor } from './price-reductions.js';
import { cohortIdOf, indicatorValue, ratchet, type CohortValue } from './ratchet.js';
import type { BoundCell, BoundTerms, RuleModule, RuleOf, RuleParts, RuleTerms, RunState } from './rule-module.js';

type CohortRateRule = RuleOf<'cohortRate'>;

/** What the rule is worth on the counts of its cohorts at `date`. */
function cohortRateValue(state: RunState, rule: CohortRateRule, counts: readonly RateCounts[], cohortKey: string, date: number): CohortValue {
  const figures = rateAt(counts, date, rule.pending);
  const inputs: Record<string, string | number> = {
    inDenominator: figures.inDenominator,
    achieved: figures.achieved,
    failed: figures.failed,
    pending: figures.pending,
    pendingCounted: rule.pending,
    rateNumerator: figures.achieved,
    rateDenominator: figures.denominator,
    rate: rateText(figures.numerator, figures.denominator),
  };
  const perAchiever = (amount: Ratio): Ratio => (rule.amountBasis === 'perAchiever' ? ratioTimes(amount, ratioOfInteger(figures.achieved)) : amount);
  if (figures.denominator === 0) {
    if (rule.emptyCohort === 'nothing') return { exact: RATIO_ZERO, formula: 'empty denominator: the contract says it earns nothing', inputs, decision: 'empty cohort' };
    const full = scheduleValue(rule.schedule, parseAmount(1), 1);
    return { exact: perAchiever(full.exact), formula: `empty denominator: the contract pays the schedule at rate 1 (${full.formula})`, inputs, decision: 'empty cohort' };
  }
  let numerator: Amount = figures.numerator;
  let basis = '';
  if (rule.baseline !== undefined) {
    const source = rule.baseline.source;
    const baseline = source.kind === 'rate' ? parseAmount(source.rate) : indicatorValue(state, source.indicator, cohortKey, rule.id);
    if (baseline === undefined) return { exact: RATIO_ZERO, formula: 'baseline indicator missing', inputs, decision: 'baseline missing' };
    const excess = figures.numerator.minus(baseline.times(figures.denominator));
    inputs['baseline'] = formatDecimal(baseline);
    inputs['minimumDifference'] = rule.baseline.minimumDifference;
    if (!atLeast(excess, figures.denominator, parseAmount(rule.baseline.minimumDifference))) {
      return {
        exact: RATIO_ZERO,
        formula: `rate ${String(inputs['rate'])} − baseline ${formatDecimal(baseline)} < minimum difference ${rule.baseline.minimumDifference}: pays nothing`,
        inputs,
        decision: 'below the baseline plus the minimum difference',
      };
    }
    if (rule.baseline.scheduleAppliesTo === 'excessOverBaseline') {
      numerator = excess;
      basis = `excess over baseline ${formatDecimal(baseline)}: `;
    }
  }
  const value = scheduleValue(rule.schedule, numerator, figures.denominator);
  const per = rule.amountBasis === 'perAchiever' ? ` × ${figures.achieved} achievers` : '';
  return { exact: perAchiever(value.exact), formula: `${basis}${value.formula}${per}`, inputs, decision: value.decision };
}

function prepare(rule: CohortRateRule, index: number, terms: RuleTerms): RuleParts {
  const spec = rateSpecIndex(terms.rateSpecs, rule);
  const ruleCohorts = new Set(rule.cohorts);
  // One ratchet per pool of the rule, whichever of its cohorts a tranche lists: a lump sum paid
  // on part of the pool is deducted when a later tranche pays on the whole pool.
  const pool = rule.cohorts.length === 1 ? (rule.cohorts[0] as string) : '*';
  return {
    prices: [],
    claims: undefined,
    unseenClaims: () => [],
    scheduled: [],
    lines: (tranche) => {
      const cohorts = tranche.cohorts.filter((cohort) => ruleCohorts.has(cohortIdOf(terms, cohort)));
      if (cohorts.length === 0) return [];
      const countsOf = (indexes: readonly number[]): RateCounts[] =>
        indexes.flatMap((cohort) => {
          const counts = tranche.ledger.cohorts[cohort]?.rates[spec];
          return counts === undefined ? [] : [counts];
        });
      const { state, measuredOn } = tranche;
      const factor = priceFactor(state.reductions, index, measuredOn);
      if (rule.pooling === 'pooled') {
        const key = cohorts.length === 1 ? cohortIdOf(terms, cohorts[0] as number) : '*';
        const value = cohortRateValue(state, rule, countsOf(cohorts), key, measuredOn);
        return [ratchet(terms, state, rule, { key: pool, cohort: key === '*' ? null : key, outcome: rule.outcome }, value, factor)];
      }
      return cohorts.map((cohort) => {
        const id = cohortIdOf(terms, cohort);
        return ratchet(terms, state, rule, { key: id, cohort: id, outcome: rule.outcome }, cohortRateValue(state, rule, countsOf([cohort]), id, measuredOn), factor);
      });
    },
  };
}

/**
 * The rates where the schedule's value can change: 0, 1 and its thresholds, those in [0, 1] (or
 * every one, when the rate can pass 1).
 */
function breakpoints(schedule: CohortRateRule['schedule'], beyondOne: boolean): Amount[] {
  const points = [parseAmount(0), parseAmount(1)];
  if (schedule.kind === 'allOrNothing') points.push(parseAmount(schedule.threshold));
  if (schedule.kind === 'tiers') points.push(...schedule.tiers.map((tier) => parseAmount(tier.from)));
  if (schedule.kind === 'linear') points.push(parseAmount(schedule.floor), parseAmount(schedule.target));
  return points.filter((rate) => rate.greaterThanOrEqualTo(0) && (beyondOne || rate.lessThanOrEqualTo(1)));
}

/**
 * The highest and lowest value of the schedule over every rate in [0, 1]: the schedule is a
 * step function (threshold, tiers) or a line between a floor and a ceiling, so its extremes are
 * at its breakpoints, evaluated by the same `scheduleValue` the settlement uses. A rate over a
 * baseline indicator the caller gives can pass 1 (a negative baseline): then every threshold
 * counts, and a line can reach its ceiling.
 */
function scheduleExtremes(schedule: CohortRateRule['schedule'], beyondOne: boolean): { highest: Ratio; lowest: Ratio } {
  const values = breakpoints(schedule, beyondOne).map((rate) => scheduleValue(schedule, rate, 1).exact);
  if (beyondOne && schedule.kind === 'linear') values.push(ratioOf(parseAmount(schedule.ceiling)));
  let highest = values[0] ?? RATIO_ZERO;
  let lowest = highest;
  for (const value of values) {
    if (compareRatios(value, highest) > 0) highest = value;
    if (compareRatios(value, lowest) < 0) lowest = value;
  }
  return { highest, lowest };
}

/**
 * Most: the schedule's highest value (times every participant when paid per achiever) per cohort
 * or pool. Least, when nothing can take it away: a lump sum the schedule pays at its lowest, or
 * on an empty denominator when one can be empty; 0 with a baseline or per achiever.
 */
function bounds(rule: CohortRateRule, terms: BoundTerms): BoundCell[] {
  const listed = new Set(rule.cohorts);
  const cohorts = terms.paidCohorts.filter((cohort) => listed.has(cohort.id));
  const baseline = rule.baseline;
  const beyondOne = baseline?.scheduleAppliesTo === 'excessOverBaseline' && baseline.source.kind === 'indicator';
  const { highest, lowest } = scheduleExtremes(rule.schedule, beyondOne);
  const cell = (cohort: string | null, participants: number): BoundCell => {
    const perAchiever = rule.amountBasis === 'perAchiever';
    const most = roundedValue(terms, perAchiever ? ratioTimes(highest, ratioOfInteger(participants)) : highest);
    const canBeEmpty = rule.pending === 'exclude' || rule.denominator.kind !== 'enrolled' || participants === 0;
    const empty = rule.emptyCohort === 'maximum' ? scheduleValue(rule.schedule, parseAmount(1), 1).exact : RATIO_ZERO;
    const floor = canBeEmpty && compareRatios(empty, lowest) < 0 ? empty : lowest;
    const least = !terms.certain || perAchiever || rule.baseline !== undefined ? ZERO : roundedValue(terms, floor);
    return { cohort, outcome: rule.outcome, most, least };
  };
  if (rule.pooling === 'perCohort') return cohorts.map((cohort) => cell(cohort.id, cohort.size));
  if (cohorts.length === 0) return [];
  // a pool's line shows a cohort only when a tranche lists one of its cohorts: not known in advance
  const only = rule.cohorts.length === 1 ? (cohorts[0]?.id ?? null) : null;
  return [cell(only, cohorts.reduce((sum, cohort) => sum + cohort.size, 0))];
}

/** The cohort-rate rule kind. */
export const cohortRate: RuleModule<'cohortRate'> = {
  kind: 'cohortRate',
  paysFor: (rule) => [rule.outcome],
  rateUses: (rule) => [rule],
  prepare,
  bounds,
};
