/**
 * Cohort rate (`cohortRate`) in the contract format: an amount set by a cohort's achievement rate
 * (threshold, tiers or linear), optionally over a baseline. Paid by
 * `src/settlement/rules/cohort-rate.ts`.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { DeepReadonly } from '../deep-readonly.js';
import { DecimalStringSchema, IdSchema } from '../primitives.js';
import { unreachable } from '../unreachable.js';
import { PER_PARTICIPANT, listedIds, ruleCommon, type RuleFacts, type RuleNumber, type RuleReference } from './common.js';

/**
 * The denominator of a cohort rate: all enrolled participants, those placed (achieved a
 * placement outcome), those who completed (achieved a milestone outcome), or those who achieved
 * any per-participant outcome (`achieved`: those employed in the second quarter after exit, the
 * denominator of a median earnings target).
 *
 * @example
 * DenominatorSchema.parse({ kind: 'placed', outcome: 'placement' });
 */
export const DenominatorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('enrolled') }),
  z.strictObject({ kind: z.literal('placed'), outcome: IdSchema }),
  z.strictObject({ kind: z.literal('completed'), outcome: IdSchema }),
  z.strictObject({ kind: z.literal('achieved'), outcome: IdSchema }),
]);

/**
 * What a cohort rate pays as a function of the rate `r`:
 * - `allOrNothing`: `amount` when `r >= threshold`, else 0;
 * - `tiers`: the amount of the highest tier with `from <= r` (tiers in strictly increasing `from`), else 0;
 * - `linear`: 0 below `floor`; `amountAtFloor` at floor rising linearly to `amountAtTarget` at
 *   `target`, continuing at the same slope above target but never beyond `ceiling`.
 *
 * @example
 * RateScheduleSchema.parse({ kind: 'allOrNothing', threshold: '0.5', amount: '10000.00' });
 */
export const RateScheduleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('allOrNothing'), threshold: DecimalStringSchema, amount: DecimalStringSchema }),
  z.strictObject({
    kind: z.literal('tiers'),
    tiers: z.array(z.strictObject({ from: DecimalStringSchema, amount: DecimalStringSchema })).check(z.minLength(1)),
  }),
  z.strictObject({
    kind: z.literal('linear'),
    floor: DecimalStringSchema,
    target: DecimalStringSchema,
    amountAtFloor: DecimalStringSchema,
    amountAtTarget: DecimalStringSchema,
    ceiling: DecimalStringSchema,
  }),
]);

/**
 * Where a counterfactual baseline comes from: a fixed rate, or a cohort indicator supplied at settlement.
 *
 * @example
 * BaselineSourceSchema.parse({ kind: 'indicator', indicator: 'comparison-rate' });
 */
export const BaselineSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rate'), rate: DecimalStringSchema }),
  z.strictObject({ kind: z.literal('indicator'), indicator: IdSchema }),
]);

/**
 * Counterfactual baseline: pay only when `rate - baseline >= minimumDifference`; the schedule is
 * then applied to the raw rate or to the excess over the baseline.
 *
 * @example
 * BaselineSchema.parse({ source: { kind: 'rate', rate: '0.3' }, minimumDifference: '0.03', scheduleAppliesTo: 'rate' });
 */
export const BaselineSchema = z.strictObject({
  source: BaselineSourceSchema,
  minimumDifference: DecimalStringSchema,
  scheduleAppliesTo: z.enum(['rate', 'excessOverBaseline']),
});

/**
 * Cohort rate: the share of a cohort's denominator that achieved `outcome`, paid by a schedule.
 *
 * @example
 * CohortRateRuleSchema.parse({
 *   kind: 'cohortRate', id: 'placement-rate', name: 'Placement rate', outcome: 'placement',
 *   cohorts: ['2023-A'], pooling: 'perCohort', denominator: { kind: 'enrolled' }, pending: 'exclude',
 *   emptyCohort: 'nothing', amountBasis: 'perCohort',
 *   schedule: { kind: 'allOrNothing', threshold: '0.6', amount: '50000.00' },
 * });
 */
export const CohortRateRuleSchema = z.strictObject({
  kind: z.literal('cohortRate'),
  ...ruleCommon,
  outcome: IdSchema,
  cohorts: z.array(IdSchema).check(z.minLength(1)),
  pooling: z.enum(['perCohort', 'pooled']).check(z.describe('Rate per cohort, or one rate over the listed cohorts pooled.')),
  denominator: DenominatorSchema,
  pending: z
    .enum(['exclude', 'countAsNotAchieved'])
    .check(z.describe('Participants whose outcome is still pending: left out of the denominator, or counted as not achieved.')),
  emptyCohort: z.enum(['nothing', 'maximum']).check(z.describe('What a zero denominator earns: nothing, or the schedule\'s amount at rate 1.')),
  amountBasis: z
    .enum(['perCohort', 'perAchiever'])
    .check(z.describe('Schedule amounts are a lump sum per cohort (or pool), or an amount per participant who achieved the outcome.')),
  schedule: RateScheduleSchema,
  baseline: z.optional(BaselineSchema),
});


type CohortRateRule = DeepReadonly<z.output<typeof CohortRateRuleSchema>>;

function scheduleNumbers(schedule: CohortRateRule['schedule'], at: (...path: (string | number)[]) => (string | number)[]): RuleNumber[] {
  const f = (value: string, cls: RuleNumber['class'], ...path: (string | number)[]): RuleNumber => ({ value, class: cls, path: at('schedule', ...path) });
  switch (schedule.kind) {
    case 'allOrNothing':
      return [f(schedule.threshold, 'rate', 'threshold'), f(schedule.amount, 'money', 'amount')];
    case 'tiers':
      return schedule.tiers.flatMap((tier, j) => [f(tier.from, 'rate', 'tiers', j, 'from'), f(tier.amount, 'money', 'tiers', j, 'amount')]);
    case 'linear':
      return [
        f(schedule.floor, 'rate', 'floor'),
        f(schedule.target, 'rate', 'target'),
        f(schedule.amountAtFloor, 'money', 'amountAtFloor'),
        f(schedule.amountAtTarget, 'money', 'amountAtTarget'),
        f(schedule.ceiling, 'money', 'ceiling'),
      ];
    default:
      return unreachable(schedule);
  }
}

/**
 * The outcome reference of a denominator that counts the placed (a placement outcome) or those who
 * completed (a milestone outcome); none for the enrolled.
 *
 * @example
 * denominatorReferences({ kind: 'placed', outcome: 'placement' }, ['rules', 2, 'denominator']);
 */
export function denominatorReferences(denominator: DeepReadonly<z.output<typeof DenominatorSchema>>, base: readonly (string | number)[]): RuleReference[] {
  if (denominator.kind === 'placed') return [{ target: 'outcome', id: denominator.outcome, path: [...base, 'outcome'], kinds: ['placement'] }];
  if (denominator.kind === 'completed') return [{ target: 'outcome', id: denominator.outcome, path: [...base, 'outcome'], kinds: ['milestone'] }];
  if (denominator.kind === 'achieved') return [{ target: 'outcome', id: denominator.outcome, path: [...base, 'outcome'], kinds: PER_PARTICIPANT }];
  return [];
}

/** What the contract checks need of a cohort rate. */
export const cohortRateFacts: RuleFacts<CohortRateRule> = {
  // a pooled rate over one cohort of the tranche shows it; over several, no cohort
  lineShapes: (rule, cohorts) => {
    const paid = cohorts.filter((cohort) => rule.cohorts.includes(cohort));
    if (paid.length === 0) return [];
    if (rule.pooling === 'pooled') return [{ cohort: paid.length === 1 ? (paid[0] ?? null) : null, outcome: rule.outcome }];
    return paid.map((cohort) => ({ cohort, outcome: rule.outcome }));
  },
  references: (rule, at) => [
    { target: 'outcome', id: rule.outcome, path: at('outcome'), kinds: PER_PARTICIPANT },
    ...listedIds('cohort', rule.cohorts, at('cohorts')),
    ...denominatorReferences(rule.denominator, at('denominator')),
    ...(rule.baseline?.source.kind === 'indicator'
      ? [{ target: 'outcome' as const, id: rule.baseline.source.indicator, path: at('baseline', 'source', 'indicator'), kinds: ['cohortIndicator' as const] }]
      : []),
  ],
  numbers: (rule, at) => [
    ...scheduleNumbers(rule.schedule, at),
    ...(rule.baseline === undefined
      ? []
      : [
          ...(rule.baseline.source.kind === 'rate' ? [{ value: rule.baseline.source.rate, class: 'rate' as const, path: at('baseline', 'source', 'rate') }] : []),
          { value: rule.baseline.minimumDifference, class: 'rate' as const, path: at('baseline', 'minimumDifference') },
        ]),
  ],
  timing: (rule) => ({ ids: [rule.outcome], extraDays: 0 }),
};
