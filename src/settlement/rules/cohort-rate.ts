/**
 * Cohort rate (`cohortRate`): an amount set by a cohort's (or a pool's) achievement rate at the
 * measurement date: a threshold, tiers or a linear schedule, optionally over a baseline (a fixed
 * rate or a comparison-group indicator), as a lump sum or per achiever. Paid through the ratchet:
 * each tranche pays the increase over earlier tranches.
 *
 * @module
 */
import { formatDecimal, parseAmount, RATIO_ZERO, ratioOfInteger, ratioTimes, type Amount, type Ratio } from '../../money/index.js';
import type { RateCounts } from '../ledger.js';
import { rateSpecIndex } from '../rate-specs.js';
import { atLeast, rateAt, rateText, scheduleValue } from '../rates.js';
import { priceFactor } from './price-reductions.js';
import { cohortIdOf, indicatorValue, ratchet, type CohortValue } from './ratchet.js';
import type { RuleModule, RuleOf, RuleParts, RuleTerms, RunState } from './rule-module.js';

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

/** The cohort-rate rule kind. */
export const cohortRate: RuleModule<'cohortRate'> = {
  kind: 'cohortRate',
  paysFor: (rule) => [rule.outcome],
  rateUses: (rule) => [rule],
  prepare,
};
