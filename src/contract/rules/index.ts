/**
 * Payment rules in the contract format: what each outcome is worth. A discriminated union on
 * `kind`, one module per kind (its schema and what the contract checks need of it). Every amount
 * is in the contract currency; every rate or share is a fraction in [0, 1]. To add a rule kind:
 * its module here and its entry in `PaymentRuleSchema` and `RULE_FACTS`, then its settlement
 * module (`src/settlement/rules/`).
 *
 * @module
 */
import * as z from 'zod/mini';
import type { DeepReadonly } from '../deep-readonly.js';
import { bonusFacts, BonusRuleSchema } from './bonus.js';
import { cohortRateFacts, CohortRateRuleSchema } from './cohort-rate.js';
import type { RuleFacts } from './common.js';
import { feeFacts, FeeRuleSchema } from './fee.js';
import { rateCardFacts, RateCardRuleSchema } from './rate-card.js';
import { resultsIndicatorFacts, ResultsIndicatorRuleSchema } from './results-indicator.js';
import { sustainmentFacts, SustainmentRuleSchema } from './sustainment.js';

export { BonusPaymentSchema, BonusRuleSchema, BonusTriggerSchema } from './bonus.js';
export { BaselineSchema, BaselineSourceSchema, CohortRateRuleSchema, DenominatorSchema, RateScheduleSchema, denominatorReferences } from './cohort-rate.js';
export { FeeChargeSchema, FeeRuleSchema } from './fee.js';
export { GroupPricingSchema, RateCardRuleSchema, SeveralGroupsSchema } from './rate-card.js';
export { IndicatorPaymentSchema, IndicatorPeriodSchema, ResultsIndicatorRuleSchema } from './results-indicator.js';
export { SustainmentRuleSchema } from './sustainment.js';
export { PER_PARTICIPANT, type LineShape, type RuleFacts, type RuleNumber, type RuleReference, type RuleTiming } from './common.js';

/**
 * Any payment rule, discriminated by `kind`.
 *
 * @example
 * PaymentRuleSchema.parse({ kind: 'fee', id: 'fee', name: 'Fee', charge: { kind: 'perStart', amount: '400.00' } });
 */
export const PaymentRuleSchema = z.discriminatedUnion('kind', [
  RateCardRuleSchema,
  SustainmentRuleSchema,
  CohortRateRuleSchema,
  BonusRuleSchema,
  FeeRuleSchema,
  ResultsIndicatorRuleSchema,
]);

type Rule = DeepReadonly<z.output<typeof PaymentRuleSchema>>;

/** What the contract checks need of each rule kind, by kind: a kind without an entry does not compile. */
export const RULE_FACTS: { readonly [K in Rule['kind']]: RuleFacts<Extract<Rule, { kind: K }>> } = {
  rateCard: rateCardFacts,
  sustainment: sustainmentFacts,
  cohortRate: cohortRateFacts,
  bonus: bonusFacts,
  fee: feeFacts,
  resultsIndicator: resultsIndicatorFacts,
};

/**
 * What the contract checks need of `rule`, from its kind's module.
 *
 * @example
 * ruleFacts(rule).timing(rule).ids; // ['placement']
 */
export function ruleFacts<R extends Rule>(rule: R): RuleFacts<R> {
  return RULE_FACTS[rule.kind] as unknown as RuleFacts<R>;
}
