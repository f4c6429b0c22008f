/**
 * Sustainment (`sustainment`) in the contract format: a payment for each full period in work after
 * a placement. Paid by `src/settlement/rules/sustainment.ts`.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { DeepReadonly } from '../deep-readonly.js';
import { CountSchema, DaysSchema, DecimalStringSchema, IdSchema } from '../primitives.js';
import { ruleCommon, type RuleFacts } from './common.js';

/**
 * Sustainment payments after a placement: `price` for each full period of `periodDays` days in
 * work (gaps up to `allowedGapDays` tolerated), at most `maxPayments`, counted within
 * `windowDays` days of the placement start, each due `paymentLagDays` after its period ends.
 *
 * @example
 * SustainmentRuleSchema.parse({
 *   kind: 'sustainment', id: 'sustain', name: 'Sustainment', placementOutcome: 'job',
 *   periodDays: 28, maxPayments: 20, price: '120.00', allowedGapDays: 7, paymentLagDays: 14, windowDays: 728,
 * });
 */
export const SustainmentRuleSchema = z.strictObject({
  kind: z.literal('sustainment'),
  ...ruleCommon,
  placementOutcome: IdSchema,
  periodDays: DaysSchema.check(z.minimum(1)),
  maxPayments: CountSchema.check(z.minimum(1)),
  price: DecimalStringSchema,
  allowedGapDays: DaysSchema,
  paymentLagDays: DaysSchema,
  windowDays: DaysSchema.check(z.minimum(1)),
});


/** What the contract checks need of a sustainment rule. */
export const sustainmentFacts: RuleFacts<DeepReadonly<z.output<typeof SustainmentRuleSchema>>> = {
  lineShapes: (rule, cohorts) => cohorts.map((cohort) => ({ cohort, outcome: rule.placementOutcome })),
  references: (rule, at) => [{ target: 'outcome', id: rule.placementOutcome, path: at('placementOutcome'), kinds: ['placement'] }],
  numbers: (rule, at) => [{ value: rule.price, class: 'money', path: at('price') }],
  timing: (rule) => ({ ids: [rule.placementOutcome], extraDays: rule.periodDays }),
};
