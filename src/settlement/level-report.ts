/**
 * The `minimumPerformance` section of the settlement document: a level run in words and figures.
 *
 * @module
 */
import { formatDate } from '../calendar/index.js';
import type { Amount } from '../money/index.js';
import { levelTotals, type LevelReview, type LevelRun } from './minimum-performance.js';
import type { SettlementLevelReview, SettlementMinimumPerformance } from './types.js';

function reviewWords(run: LevelRun, review: LevelReview, money: (a: Amount) => string): string {
  const source = run.plan.source;
  const on = formatDate(review.reviewOn);
  if (review.outcome === 'notYetReviewed') return `reviewed on ${on}, after the as-of date`;
  const figures = review.participants === 0 ? 'no participant to measure: met' : `${String(review.achieved)} of ${String(review.participants)} participants achieved ${source.outcome} (${String(review.rate)})`;
  if (review.outcome === 'met') return `${figures} ≥ level ${source.level} on ${on}: met`;
  const consequence = source.consequence;
  switch (consequence.kind) {
    case 'flag':
      return `${figures} < level ${source.level} on ${on}: not met, flagged (no payment effect)`;
    case 'withhold':
      return `${figures} < level ${source.level} on ${on}: not met; ${money(review.amount)} of ${consequence.rules.join(', ')} withheld in the tranches measured after it until a tranche's measurement date finds the level met`;
    case 'priceReduction':
      return `${figures} < level ${source.level} on ${on}: not met; ${consequence.share} off ${consequence.rules.join(', ')} (${money(review.amount)}) in the tranches measured after it until a tranche's measurement date finds the level met`;
    default: {
      const never: never = consequence;
      return never;
    }
  }
}

function reviewReport(run: LevelRun, review: LevelReview, money: (a: Amount) => string): SettlementLevelReview {
  return {
    reviewOn: formatDate(review.reviewOn),
    outcome: review.outcome,
    achieved: review.achieved ?? null,
    participants: review.participants ?? null,
    rate: review.rate ?? null,
    level: run.plan.source.level,
    amount: money(review.amount),
    explanation: reviewWords(run, review, money),
  };
}

/**
 * One level of the settlement document.
 *
 * @example
 * levelReport(run.levels[0], (amount) => formatMoney(amount, 'GBP')).outstanding;
 */
export function levelReport(run: LevelRun, money: (a: Amount) => string): SettlementMinimumPerformance {
  const source = run.plan.source;
  const totals = levelTotals(run);
  return {
    id: source.id,
    name: source.name,
    outcome: source.outcome,
    cohorts: source.cohorts === undefined ? null : [...source.cohorts],
    enrolledBy: source.enrolledBy ?? null,
    level: source.level,
    consequence: source.consequence.kind,
    reviews: run.reviews.map((review) => reviewReport(run, review, money)),
    tranches: run.actions.map((action) => ({
      tranche: action.tranche,
      measuredOn: formatDate(action.measuredOn),
      review: formatDate(action.review),
      achieved: action.achieved,
      participants: action.participants,
      rate: action.rate,
      met: action.met,
      action: action.action,
      amount: money(action.amount),
    })),
    withheld: money(totals.withheld),
    released: money(totals.released),
    outstanding: money(totals.outstanding),
    reduced: money(totals.reduced),
  };
}
