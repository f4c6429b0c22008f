/**
 * Fee (`fee`) in the contract format: an attachment or delivery fee, per start (at one amount,
 * or phased by enrolment date), on fixed dates, or as a share of the contract's value paid in
 * monthly instalments. Paid by `src/settlement/rules/fee.ts`.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { PathSegment } from '../../errors.js';
import type { DeepReadonly } from '../deep-readonly.js';
import { DateStringSchema, DecimalStringSchema, MAX_CONTRACT_MONTHS } from '../primitives.js';
import { ruleCommon, type RuleFacts, type RuleNumber } from './common.js';

/**
 * What a fee charges: an amount per participant start (enrolment), optionally phased by the
 * enrolment date; fixed amounts on dates; or a share of the contract's stated value in equal
 * monthly instalments.
 *
 * @example
 * FeeChargeSchema.parse({ kind: 'perStart', amount: '400.00', phases: [{ from: '2012-06-01', amount: '0.00' }] });
 * FeeChargeSchema.parse({ kind: 'shareOfValue', share: '0.3', contractValue: '1200000.00', months: 24, firstOn: '2024-01-31' });
 */
export const FeeChargeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('perStart'),
    amount: DecimalStringSchema,
    phases: z.optional(z.array(z.strictObject({ from: DateStringSchema, amount: DecimalStringSchema })).check(z.minLength(1))),
  }),
  z.strictObject({
    kind: z.literal('schedule'),
    payments: z.array(z.strictObject({ date: DateStringSchema, amount: DecimalStringSchema })).check(z.minLength(1)),
  }),
  z.strictObject({
    kind: z.literal('shareOfValue'),
    share: DecimalStringSchema,
    contractValue: DecimalStringSchema,
    months: z.int().check(z.minimum(1), z.maximum(MAX_CONTRACT_MONTHS)),
    firstOn: DateStringSchema,
    whenSuspended: z.optional(z.enum(['withheld', 'deferred'])),
  }),
]);

/**
 * Fee rule: attachment / delivery fee, paid for starts, on a schedule or in monthly instalments,
 * not for results.
 *
 * @example
 * FeeRuleSchema.parse({ kind: 'fee', id: 'attachment', name: 'Attachment fee', charge: { kind: 'perStart', amount: '400.00' } });
 */
export const FeeRuleSchema = z.strictObject({
  kind: z.literal('fee'),
  ...ruleCommon,
  charge: FeeChargeSchema,
});

type FeeRule = DeepReadonly<z.output<typeof FeeRuleSchema>>;

function feeNumbers(rule: FeeRule, at: (...path: PathSegment[]) => PathSegment[]): RuleNumber[] {
  const charge = rule.charge;
  switch (charge.kind) {
    case 'perStart':
      return [
        { value: charge.amount, class: 'money', path: at('charge', 'amount') },
        ...(charge.phases ?? []).map((phase, j): RuleNumber => ({ value: phase.amount, class: 'money', path: at('charge', 'phases', j, 'amount') })),
      ];
    case 'schedule':
      return charge.payments.map((payment, j): RuleNumber => ({ value: payment.amount, class: 'money', path: at('charge', 'payments', j, 'amount') }));
    case 'shareOfValue':
      return [
        { value: charge.share, class: 'rate', path: at('charge', 'share') },
        { value: charge.contractValue, class: 'money', path: at('charge', 'contractValue') },
      ];
  }
}

/** What the contract checks need of a fee. */
export const feeFacts: RuleFacts<FeeRule> = {
  // a fee per start shows each cohort's starts; scheduled payments and instalments are contract-level
  lineShapes: (rule, cohorts) => (rule.charge.kind === 'perStart' ? cohorts.map((cohort) => ({ cohort, outcome: null })) : [{ cohort: null, outcome: null }]),
  references: () => [],
  numbers: feeNumbers,
  timing: () => ({ ids: [], extraDays: 0 }),
};
