/**
 * The payment rules: one module per rule kind, registered in one table typed by the kind union,
 * so that a kind without a module is a compile error and nothing falls through silently. To add a
 * rule kind: its schema in `src/contract/rules.ts`, its module here, its entry in `RULES`.
 *
 * @module
 */
import type { PaymentRule } from '../../contract/index.js';
import type { RateUse } from '../rate-specs.js';
import { bonus } from './bonus.js';
import { cohortRate } from './cohort-rate.js';
import { fee } from './fee.js';
import { rateCard } from './rate-card.js';
import { resultsIndicator } from './results-indicator.js';
import type { BoundCell, BoundTerms, PreparedRule, RuleModule, RuleTerms } from './rule-module.js';
import { sustainment } from './sustainment.js';

export type { BoundCell, BoundCohort, BoundTerms, Claim, IndicatorValues, PaidCohort, PreparedRule, PriceReduction, RunState, ScheduledPayment, TrancheRun, RuleTerms } from './rule-module.js';
export { sustainmentClaimDates } from './sustainment.js';
export { bandEarnings, indicatorPeriods, type PeriodFigures } from './indicator-periods.js';
export { compileRatePrices, priceIndexFor, type RatePrices } from './rate-card.js';

/** Every rule kind's module, by kind. */
export const RULES: { readonly [K in PaymentRule['kind']]: RuleModule<K> } = { rateCard, sustainment, cohortRate, bonus, fee, resultsIndicator };

/** The module of `rule`'s kind (the one place the kind union is narrowed by the table). */
function moduleOf<K extends PaymentRule['kind']>(rule: Extract<PaymentRule, { readonly kind: K }>): RuleModule<K> {
  return RULES[rule.kind];
}

/**
 * The outcome ids a rule pays for (outcome caps and tranche outcome filters).
 *
 * @example
 * outcomesPaidBy({ kind: 'fee', ... }); // []
 */
export function outcomesPaidBy(rule: PaymentRule): readonly string[] {
  return moduleOf(rule).paysFor(rule);
}

/**
 * The rates (an outcome over a denominator) the contract's rules read.
 *
 * @example
 * rateUsesOf(contract.rules); // [{ outcome: 'placement', denominator: { kind: 'enrolled' } }]
 */
export function rateUsesOf(rules: readonly PaymentRule[]): RateUse[] {
  return rules.flatMap((rule) => moduleOf(rule).rateUses(rule));
}

/**
 * Prepares every rule of the contract for a settlement, in contract order.
 *
 * @example
 * const rules = prepareRules(terms);
 * rules.filter((rule) => rule.claims !== undefined).length; // rules paid per participant
 */
export function prepareRules(terms: RuleTerms): PreparedRule[] {
  return terms.contract.rules.map((rule, index) => ({
    index,
    rule,
    paysFor: outcomesPaidBy(rule),
    ...moduleOf(rule).prepare(rule, index, terms),
  }));
}

/**
 * The most and least `rule` can pay, in closed form from its terms (`contractBounds`), by its
 * kind's module.
 *
 * @example
 * ruleBounds(contract.rules[0], terms).map((cell) => cell.most.toFixed(2));
 */
export function ruleBounds(rule: PaymentRule, terms: BoundTerms): readonly BoundCell[] {
  return moduleOf(rule).bounds(rule, terms);
}
