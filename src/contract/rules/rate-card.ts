/**
 * Rate card (`rateCard`) in the contract format: a price per participant who achieves an outcome
 * and its prerequisites, priced by group. Paid by `src/settlement/rules/rate-card.ts`.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { DeepReadonly } from '../deep-readonly.js';
import { DecimalStringSchema, IdSchema, RoundingModeSchema } from '../primitives.js';
import { PER_PARTICIPANT, listedIds, ruleCommon, type RuleFacts } from './common.js';
import { RoundingIncrementSchema } from './rounding-increment.js';

/**
 * Which price applies to a participant who belongs to several priced groups.
 *
 * @example
 * SeveralGroupsSchema.parse('highest'); // 'highest'
 */
export const SeveralGroupsSchema = z.enum(['highest', 'lowest']);

/**
 * How a rate card prices participant groups:
 * - `flat`: everyone gets `price`;
 * - `prices`: listed groups get their own price, others `price`;
 * - `multipliers`: `price × group.priceMultiplier` (groups without one: × 1), rounded to the
 *   currency's minor unit with `rounding`, or to a multiple of `increment` when it is given.
 *
 * @example
 * GroupPricingSchema.parse({ kind: 'multipliers', rounding: 'up', severalGroups: 'highest' });
 */
export const GroupPricingSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('flat') }),
  z.strictObject({
    kind: z.literal('prices'),
    prices: z.array(z.strictObject({ group: IdSchema, price: DecimalStringSchema })).check(z.minLength(1)),
    severalGroups: SeveralGroupsSchema,
  }),
  z.strictObject({ kind: z.literal('multipliers'), rounding: RoundingModeSchema, increment: RoundingIncrementSchema, severalGroups: SeveralGroupsSchema }),
]);

/**
 * Rate card: a price per participant for an outcome, paid at most once per participant, only
 * when every prerequisite outcome is achieved too.
 *
 * @example
 * RateCardRuleSchema.parse({
 *   kind: 'rateCard', id: 'pay-placement', name: 'Placement', outcome: 'placement',
 *   price: '1500.00', groupPricing: { kind: 'flat' }, prerequisites: [],
 * });
 */
export const RateCardRuleSchema = z.strictObject({
  kind: z.literal('rateCard'),
  ...ruleCommon,
  outcome: IdSchema,
  price: DecimalStringSchema,
  groupPricing: GroupPricingSchema,
  prerequisites: z.array(IdSchema).check(z.describe('Outcome ids that must also be achieved before this one is paid.')),
});


/** What the contract checks need of a rate card. */
export const rateCardFacts: RuleFacts<DeepReadonly<z.output<typeof RateCardRuleSchema>>> = {
  lineShapes: (rule, cohorts) => cohorts.map((cohort) => ({ cohort, outcome: rule.outcome })),
  references: (rule, at) => [
    { target: 'outcome', id: rule.outcome, path: at('outcome'), kinds: PER_PARTICIPANT },
    ...listedIds('outcome', rule.prerequisites, at('prerequisites'), PER_PARTICIPANT),
    ...(rule.groupPricing.kind === 'prices'
      ? listedIds('group', rule.groupPricing.prices.map((entry) => entry.group), at('groupPricing', 'prices'), undefined, 'group')
      : []),
  ],
  numbers: (rule, at) => [
    { value: rule.price, class: 'money', path: at('price') },
    ...(rule.groupPricing.kind === 'prices'
      ? rule.groupPricing.prices.map((entry, j) => ({ value: entry.price, class: 'money' as const, path: at('groupPricing', 'prices', j, 'price') }))
      : []),
    ...(rule.groupPricing.kind === 'multipliers' && rule.groupPricing.increment !== undefined
      ? [{ value: rule.groupPricing.increment, class: 'money' as const, increment: true as const, path: at('groupPricing', 'increment') }]
      : []),
  ],
  timing: (rule) => ({ ids: [rule.outcome, ...rule.prerequisites], extraDays: 0 }),
};
