/**
 * Payment rules: what each outcome is worth. A discriminated union on `kind`.
 * Every amount is in the contract currency; every rate/share is a fraction in [0, 1].
 *
 * @module
 */
import { z } from 'zod';
import {
  CountSchema,
  DateStringSchema,
  DaysSchema,
  DecimalStringSchema,
  IdSchema,
  RoundingModeSchema,
  TextSchema,
} from './primitives.js';

const common = {
  id: IdSchema,
  name: TextSchema,
  description: TextSchema.optional(),
};

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
 *   currency's minor unit with `rounding`.
 *
 * @example
 * GroupPricingSchema.parse({ mode: 'multipliers', rounding: 'up', severalGroups: 'highest' });
 */
export const GroupPricingSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('flat') }).strict(),
  z
    .object({
      mode: z.literal('prices'),
      prices: z.array(z.object({ group: IdSchema, price: DecimalStringSchema }).strict()).min(1),
      severalGroups: SeveralGroupsSchema,
    })
    .strict(),
  z
    .object({ mode: z.literal('multipliers'), rounding: RoundingModeSchema, severalGroups: SeveralGroupsSchema })
    .strict(),
]);

/**
 * Rate card: a price per participant for an outcome, paid at most once per participant, only
 * when every prerequisite outcome is achieved too.
 *
 * @example
 * RateCardRuleSchema.parse({
 *   kind: 'rateCard', id: 'pay-placement', name: 'Placement', outcome: 'placement',
 *   price: '1500.00', groupPricing: { mode: 'flat' }, prerequisites: [],
 * });
 */
export const RateCardRuleSchema = z
  .object({
    kind: z.literal('rateCard'),
    ...common,
    outcome: IdSchema,
    price: DecimalStringSchema,
    groupPricing: GroupPricingSchema,
    prerequisites: z.array(IdSchema).describe('Outcome ids that must also be achieved before this one is paid.'),
  })
  .strict();

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
export const SustainmentRuleSchema = z
  .object({
    kind: z.literal('sustainment'),
    ...common,
    placementOutcome: IdSchema,
    periodDays: DaysSchema.min(1),
    maxPayments: CountSchema.min(1),
    price: DecimalStringSchema,
    allowedGapDays: DaysSchema,
    paymentLagDays: DaysSchema,
    windowDays: DaysSchema.min(1),
  })
  .strict();

/**
 * The denominator of a cohort rate: all enrolled participants, those placed (achieved a
 * placement outcome), or those who completed (achieved a milestone outcome).
 *
 * @example
 * DenominatorSchema.parse({ basis: 'placed', outcome: 'placement' });
 */
export const DenominatorSchema = z.discriminatedUnion('basis', [
  z.object({ basis: z.literal('enrolled') }).strict(),
  z.object({ basis: z.literal('placed'), outcome: IdSchema }).strict(),
  z.object({ basis: z.literal('completed'), outcome: IdSchema }).strict(),
]);

/**
 * What a cohort rate pays as a function of the rate `r`:
 * - `allOrNothing`: `amount` when `r >= threshold`, else 0;
 * - `tiers`: the amount of the highest tier with `from <= r` (tiers in strictly increasing `from`), else 0;
 * - `linear`: 0 below `floor`; `amountAtFloor` at floor rising linearly to `amountAtTarget` at
 *   `target`, continuing at the same slope above target but never beyond `ceiling`.
 *
 * @example
 * RateScheduleSchema.parse({ mode: 'allOrNothing', threshold: '0.5', amount: '10000.00' });
 */
export const RateScheduleSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('allOrNothing'), threshold: DecimalStringSchema, amount: DecimalStringSchema }).strict(),
  z
    .object({
      mode: z.literal('tiers'),
      tiers: z.array(z.object({ from: DecimalStringSchema, amount: DecimalStringSchema }).strict()).min(1),
    })
    .strict(),
  z
    .object({
      mode: z.literal('linear'),
      floor: DecimalStringSchema,
      target: DecimalStringSchema,
      amountAtFloor: DecimalStringSchema,
      amountAtTarget: DecimalStringSchema,
      ceiling: DecimalStringSchema,
    })
    .strict(),
]);

/**
 * Where a counterfactual baseline comes from: a fixed rate, or a cohort indicator supplied at settlement.
 *
 * @example
 * BaselineSourceSchema.parse({ kind: 'indicator', indicator: 'comparison-rate' });
 */
export const BaselineSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rate'), rate: DecimalStringSchema }).strict(),
  z.object({ kind: z.literal('indicator'), indicator: IdSchema }).strict(),
]);

/**
 * Counterfactual baseline: pay only when `rate - baseline >= minimumDifference`; the schedule is
 * then applied to the raw rate or to the excess over the baseline.
 *
 * @example
 * BaselineSchema.parse({ source: { kind: 'rate', rate: '0.3' }, minimumDifference: '0.03', scheduleAppliesTo: 'rate' });
 */
export const BaselineSchema = z
  .object({
    source: BaselineSourceSchema,
    minimumDifference: DecimalStringSchema,
    scheduleAppliesTo: z.enum(['rate', 'excessOverBaseline']),
  })
  .strict();

/**
 * Cohort rate: the share of a cohort's denominator that achieved `outcome`, paid by a schedule.
 *
 * @example
 * CohortRateRuleSchema.parse({
 *   kind: 'cohortRate', id: 'placement-rate', name: 'Placement rate', outcome: 'placement',
 *   cohorts: ['2023-A'], pooling: 'perCohort', denominator: { basis: 'enrolled' }, pending: 'exclude',
 *   emptyCohort: 'nothing', amountBasis: 'perCohort',
 *   schedule: { mode: 'allOrNothing', threshold: '0.6', amount: '50000.00' },
 * });
 */
export const CohortRateRuleSchema = z
  .object({
    kind: z.literal('cohortRate'),
    ...common,
    outcome: IdSchema,
    cohorts: z.array(IdSchema).min(1),
    pooling: z.enum(['perCohort', 'pooled']).describe('Rate per cohort, or one rate over the listed cohorts pooled.'),
    denominator: DenominatorSchema,
    pending: z
      .enum(['exclude', 'countAsNotAchieved'])
      .describe('Participants whose outcome is still pending: left out of the denominator, or counted as not achieved.'),
    emptyCohort: z.enum(['nothing', 'maximum']).describe('What a zero denominator earns: nothing, or the schedule\'s amount at rate 1.'),
    amountBasis: z
      .enum(['perCohort', 'perAchiever'])
      .describe('Schedule amounts are a lump sum per cohort (or pool), or an amount per participant who achieved the outcome.'),
    schedule: RateScheduleSchema,
    baseline: BaselineSchema.optional(),
  })
  .strict();

/**
 * What triggers a bonus:
 * - `volume`: more than `afterUnits` achievements of `outcome` (per cohort or over the contract);
 * - `groupShare`: the share of `outcome` achievements that belong to `group` reaches `minimumShare`.
 *
 * @example
 * BonusTriggerSchema.parse({ kind: 'volume', outcome: 'placement', afterUnits: 100, scope: 'contract' });
 */
export const BonusTriggerSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('volume'), outcome: IdSchema, afterUnits: CountSchema, scope: z.enum(['contract', 'cohort']) })
    .strict(),
  z
    .object({
      kind: z.literal('groupShare'),
      group: IdSchema,
      outcome: IdSchema,
      minimumShare: DecimalStringSchema,
      scope: z.enum(['contract', 'cohort']),
    })
    .strict(),
]);

/**
 * What a bonus pays: an uplift per achievement beyond the volume threshold, or a fixed amount
 * once per scope (contract, or each cohort) when triggered.
 *
 * @example
 * BonusPaymentSchema.parse({ kind: 'fixed', amount: '5000.00' });
 */
export const BonusPaymentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('perUnitUplift'), amount: DecimalStringSchema }).strict(),
  z.object({ kind: z.literal('fixed'), amount: DecimalStringSchema }).strict(),
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
export const BonusRuleSchema = z
  .object({
    kind: z.literal('bonus'),
    ...common,
    trigger: BonusTriggerSchema,
    payment: BonusPaymentSchema,
  })
  .strict();

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
    ...common,
    charge: FeeChargeSchema,
  })
  .strict();

/**
 * Any payment rule, discriminated by `kind`.
 *
 * @example
 * PaymentRuleSchema.parse({ kind: 'fee', id: 'fee', name: 'Fee', charge: { basis: 'perStart', amount: '400.00' } });
 */
export const PaymentRuleSchema = z.discriminatedUnion('kind', [
  RateCardRuleSchema,
  SustainmentRuleSchema,
  CohortRateRuleSchema,
  BonusRuleSchema,
  FeeRuleSchema,
]);
