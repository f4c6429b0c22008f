/**
 * Fee (`fee`) in the contract format: an attachment or delivery fee, per start or on fixed dates.
 * Paid by `src/settlement/rules/fee.ts`.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { DeepReadonly } from '../deep-readonly.js';
import { DateStringSchema, DecimalStringSchema } from '../primitives.js';
import { ruleCommon, type RuleFacts } from './common.js';

/**
 * What a fee charges: an amount per participant start (enrolment), or fixed amounts on dates.
 *
 * @example
 * FeeChargeSchema.parse({ kind: 'perStart', amount: '400.00' });
 */
export const FeeChargeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('perStart'), amount: DecimalStringSchema }),
  z.strictObject({
    kind: z.literal('schedule'),
    payments: z.array(z.strictObject({ date: DateStringSchema, amount: DecimalStringSchema })).check(z.minLength(1)),
  }),
]);

/**
 * Fee rule: attachment / delivery fee, paid for starts or on a schedule, not for results.
 *
 * @example
 * FeeRuleSchema.parse({ kind: 'fee', id: 'attachment', name: 'Attachment fee', charge: { kind: 'perStart', amount: '400.00' } });
 */
export const FeeRuleSchema = z.strictObject({
  kind: z.literal('fee'),
  ...ruleCommon,
  charge: FeeChargeSchema,
});


/** What the contract checks need of a fee. */
export const feeFacts: RuleFacts<DeepReadonly<z.output<typeof FeeRuleSchema>>> = {
  // a fee per start shows each cohort's starts; scheduled payments are contract-level
  lineShapes: (rule, cohorts) => (rule.charge.kind === 'perStart' ? cohorts.map((cohort) => ({ cohort, outcome: null })) : [{ cohort: null, outcome: null }]),
  references: () => [],
  numbers: (rule, at) =>
    rule.charge.kind === 'perStart'
      ? [{ value: rule.charge.amount, class: 'money', path: at('charge', 'amount') }]
      : rule.charge.payments.map((payment, j) => ({ value: payment.amount, class: 'money' as const, path: at('charge', 'payments', j, 'amount') })),
  timing: () => ({ ids: [], extraDays: 0 }),
};
