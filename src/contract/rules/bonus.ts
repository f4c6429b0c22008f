/**
 * Bonus (`bonus`) in the contract format: an amount triggered by a volume of achievements or by a
 * priority group's share of them. Paid by `src/settlement/rules/bonus.ts`.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { DeepReadonly } from '../deep-readonly.js';
import { CountSchema, DecimalStringSchema, IdSchema } from '../primitives.js';
import { PER_PARTICIPANT, ruleCommon, type RuleFacts } from './common.js';

/**
 * What triggers a bonus:
 * - `volume`: more than `afterUnits` achievements of `outcome` (per cohort or over the contract);
 * - `groupShare`: the share of `outcome` achievements that belong to `group` reaches `minimumShare`.
 *
 * @example
 * BonusTriggerSchema.parse({ kind: 'volume', outcome: 'placement', afterUnits: 100, scope: 'contract' });
 */
export const BonusTriggerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('volume'), outcome: IdSchema, afterUnits: CountSchema, scope: z.enum(['contract', 'cohort']) }),
  z.strictObject({
    kind: z.literal('groupShare'),
    group: IdSchema,
    outcome: IdSchema,
    minimumShare: DecimalStringSchema,
    scope: z.enum(['contract', 'cohort']),
  }),
]);

/**
 * What a bonus pays: an uplift per achievement beyond the volume threshold, or a fixed amount
 * once per scope (contract, or each cohort) when triggered.
 *
 * @example
 * BonusPaymentSchema.parse({ kind: 'fixed', amount: '5000.00' });
 */
export const BonusPaymentSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('perUnitUplift'), amount: DecimalStringSchema }),
  z.strictObject({ kind: z.literal('fixed'), amount: DecimalStringSchema }),
]);

/**
 * Bonus / accelerator rule.
 *
 * @example
 * BonusRuleSchema.parse({
 *   kind: 'bonus', id: 'accelerator', name: 'Accelerator',
 *   trigger: { kind: 'volume', outcome: 'placement', afterUnits: 100, scope: 'contract' },
 *   payment: { kind: 'perUnitUplift', amount: '200.00' },
 * });
 */
export const BonusRuleSchema = z.strictObject({
  kind: z.literal('bonus'),
  ...ruleCommon,
  trigger: BonusTriggerSchema,
  payment: BonusPaymentSchema,
});


/** What the contract checks need of a bonus. */
export const bonusFacts: RuleFacts<DeepReadonly<z.output<typeof BonusRuleSchema>>> = {
  lineShapes: (rule, cohorts) =>
    rule.trigger.scope === 'contract' ? [{ cohort: null, outcome: rule.trigger.outcome }] : cohorts.map((cohort) => ({ cohort, outcome: rule.trigger.outcome })),
  references: (rule, at) => [
    { target: 'outcome', id: rule.trigger.outcome, path: at('trigger', 'outcome'), kinds: PER_PARTICIPANT },
    ...(rule.trigger.kind === 'groupShare' ? [{ target: 'group' as const, id: rule.trigger.group, path: at('trigger', 'group') }] : []),
  ],
  numbers: (rule, at) => [
    ...(rule.trigger.kind === 'groupShare' ? [{ value: rule.trigger.minimumShare, class: 'rate' as const, path: at('trigger', 'minimumShare') }] : []),
    { value: rule.payment.amount, class: 'money', path: at('payment', 'amount') },
  ],
  timing: (rule) => ({ ids: [rule.trigger.outcome], extraDays: 0 }),
};
