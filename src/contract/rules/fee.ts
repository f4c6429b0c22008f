/**
 * Fee (`fee`) in the contract format: an attachment or delivery fee, per start or on fixed dates.
 * Paid by `src/settlement/rules/fee.ts`.
 *
 * @module
 */
import { z } from 'zod';
import type { DeepReadonly } from '../deep-readonly.js';
import { DateStringSchema, DecimalStringSchema } from '../primitives.js';
import { ruleCommon, type RuleFacts } from './common.js';

/**
 * What a fee charges: an amount per participant start (enrolment), or fixed amounts on dates.
 *
 * @example
 * FeeChargeSchema.parse({ basis: 'perStart', amount: '400.00' });
 */
export const FeeChargeSchema = z.discriminatedUnion('basis', [
  z.object({ basis: z.literal('perStart'), amount: DecimalStringSchema }).strict(),
  z
    .object({
      basis: z.literal('schedule'),
      payments: z.array(z.object({ date: DateStringSchema, amount: DecimalStringSchema }).strict()).min(1),
    })
    .strict(),
]);

/**
 * Fee rule: attachment / delivery fee, paid for starts or on a schedule, not for results.
 *
 * @example
 * FeeRuleSchema.parse({ kind: 'fee', id: 'attachment', name: 'Attachment fee', charge: { basis: 'perStart', amount: '400.00' } });
 */
export const FeeRuleSchema = z
  .object({
    kind: z.literal('fee'),
    ...ruleCommon,
    charge: FeeChargeSchema,
  })
  .strict();


/** What the contract checks need of a fee. */
export const feeFacts: RuleFacts<DeepReadonly<z.output<typeof FeeRuleSchema>>> = {
  references: () => [],
  numbers: (rule, at) =>
    rule.charge.basis === 'perStart'
      ? [{ value: rule.charge.amount, class: 'money', path: at('charge', 'amount') }]
      : rule.charge.payments.map((payment, j) => ({ value: payment.amount, class: 'money' as const, path: at('charge', 'payments', j, 'amount') })),
  timing: () => ({ ids: [], extraDays: 0 }),
};
