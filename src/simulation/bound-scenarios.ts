/**
 * The scenarios that reach the most and the least of a contract, written as assumptions documents
 * (so `simulate` with one run, or anyone, can replay them): the most has every participant of
 * every cohort enrolled on its first day, in the groups that pay the most, achieving every outcome
 * as early as it can be achieved and staying in work; the least has nobody achieve anything.
 *
 * @module
 */
import type { Contract } from '../contract/index.js';
import { parseAmount, type Amount } from '../money/index.js';
import { compileRatePrices, priceIndexFor } from '../settlement/index.js';
import type { Assumptions } from './assumptions.js';

/** A cohort's participants and its first enrolment day, as the scenarios enrol them. */
export interface ScenarioCohort {
  readonly id: string;
  readonly size: number;
  readonly firstEnrolment: string;
}

/** The groups a participant pays the most in: among every group, none and each one alone, by the rate cards' prices. */
function costliestGroups(contract: Contract): string[] {
  const groups = (contract.groups ?? []).map((group) => group.id);
  const cards = contract.rules.flatMap((rule) => (rule.kind === 'rateCard' ? [compileRatePrices(rule, contract.groups, contract.currency)] : []));
  const worth = (set: readonly string[]): Amount => cards.reduce((sum, prices) => sum.plus(prices.prices[priceIndexFor(prices, set)] ?? 0), parseAmount(0));
  let best: string[] = groups;
  for (const candidate of [[], ...groups.map((group) => [group])]) if (worth(candidate).greaterThan(worth(best))) best = candidate;
  return best;
}

/** Indicator values: a baseline's at `baseline`; one only exit clauses or results indicators read at `exits` (most: at their highest threshold or target, so none fires and every band is earned). */
function indicatorValues(contract: Contract, cohorts: readonly ScenarioCohort[], most: boolean): NonNullable<Assumptions['indicators']> {
  const indicators: Record<string, Record<string, string>> = {};
  for (const outcome of contract.outcomes) {
    if (outcome.kind !== 'cohortIndicator') continue;
    const baseline = contract.rules.some((rule) => rule.kind === 'cohortRate' && rule.baseline?.source.kind === 'indicator' && rule.baseline.source.indicator === outcome.id);
    const thresholds = (contract.exitClauses ?? []).flatMap((clause) => (clause.condition.kind === 'indicatorBelow' && clause.condition.indicator === outcome.id ? [parseAmount(clause.condition.threshold)] : []));
    // a results indicator's period reads it: at most, its rule's last (highest) target, every band earned in full
    const targets = contract.rules.flatMap((rule) => (rule.kind === 'resultsIndicator' && rule.periods.some((period) => period.indicator === outcome.id) ? rule.periods.map((period) => parseAmount(period.target)) : []));
    const highest = [...thresholds, ...targets].reduce((max, threshold) => (threshold.greaterThan(max) ? threshold : max), parseAmount(1));
    const value = baseline ? (most ? '0' : '1') : most ? highest.toFixed() : '0';
    indicators[outcome.id] = Object.fromEntries([...cohorts.map((cohort) => cohort.id), '*'].map((key) => [key, value]));
  }
  return indicators;
}

/**
 * The scenario of the most (`most` true) or of the least, as an assumptions document.
 *
 * @example
 * boundScenario(contract, [{ id: 'c1', size: 100, firstEnrolment: '2025-01-01' }], true).outcomes; // every outcome with probability 1
 */
export function boundScenario(contract: Contract, cohorts: readonly ScenarioCohort[], most: boolean, baselineWage?: string): Assumptions {
  const outcomes: Assumptions['outcomes'] = {};
  for (const outcome of contract.outcomes) {
    if (outcome.kind === 'cohortIndicator') continue;
    const timed = outcome.kind === 'placement' || outcome.kind === 'milestone';
    outcomes[outcome.id] = most && timed ? { probability: 1, days: 0 } : { probability: most ? 1 : 0 };
  }
  const indicators = indicatorValues(contract, cohorts, most);
  return {
    schemaVersion: '1.0',
    description: most
      ? 'The most: every participant enrolled on the first day of its cohort, in the groups that pay the most, achieving every outcome as early as it can and staying in work.'
      : 'The least: no participant achieves any outcome.',
    cohorts: Object.fromEntries(cohorts.map((cohort) => [cohort.id, { size: cohort.size, enrolment: { from: cohort.firstEnrolment, to: cohort.firstEnrolment } }])),
    daysToExit: 0,
    ...(baselineWage === undefined ? {} : { baselineWage }),
    outcomes,
    mix: [{ groups: most ? costliestGroups(contract) : [], share: 1 }],
    ...(Object.keys(indicators).length === 0 ? {} : { indicators }),
  };
}
