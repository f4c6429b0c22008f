/**
 * Results indicator (`resultsIndicator`) in the contract format: a disbursement-linked indicator
 * of a results programme (World Bank Program-for-Results). Each period has a cumulative target, a
 * verification date and an allocation; the period's allocation pays for the band of achievement
 * from the previous period's target (the baseline for the first) to its own, in proportion or per
 * unit, and what is not earned rolls over to later verifications until a final date, after which
 * it lapses. Paid by `src/settlement/rules/results-indicator.ts`; the convention is written out in
 * `docs/mechanics/results-indicators.md`.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { DeepReadonly } from '../deep-readonly.js';
import { DateStringSchema, DecimalStringSchema, IdSchema, RoundingModeSchema } from '../primitives.js';
import { PER_PARTICIPANT, ruleCommon, type RuleFacts } from './common.js';

/**
 * How a period's allocation is earned from the achievement in its band: in proportion
 * (`allocation × units in band / band width`), or an amount per unit in the band, capped at the
 * allocation.
 *
 * @example
 * IndicatorPaymentSchema.parse({ kind: 'perUnit', amount: '250.00' });
 */
export const IndicatorPaymentSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('proportional') }),
  z.strictObject({ kind: z.literal('perUnit'), amount: DecimalStringSchema }),
]);

/**
 * One period of a results indicator: the cohortIndicator outcome whose value (key `*`) is the
 * cumulative achievement verified for the period (absent when the rule counts `participants`),
 * the verification date, the cumulative target and the allocation (money available for the period).
 *
 * @example
 * IndicatorPeriodSchema.parse({ id: 'year-1', indicator: 'teachers-2025', verifiedOn: '2025-12-31', target: '1000', allocation: '2000000.00' });
 */
export const IndicatorPeriodSchema = z.strictObject({
  id: IdSchema,
  indicator: z.optional(IdSchema).check(z.describe('A cohortIndicator outcome: its value under key "*" is the cumulative achievement verified for this period; absent when the rule counts participants.')),
  verifiedOn: DateStringSchema.check(z.describe('The date the achievement of the period is verified: a tranche measured on or after it pays what it earns.')),
  target: DecimalStringSchema.check(z.describe('The cumulative target of the period, above the previous period\'s target (or the baseline).')),
  allocation: DecimalStringSchema.check(z.describe('The money available for the period.')),
});

/**
 * Results indicator: periods with cumulative targets and allocations, paid in proportion or per
 * unit, with an optional rollover of what is not earned until a final date. The achievement is
 * each period's indicator value, or with `participants` the count of participants who achieved an
 * outcome by the period's verification date (`RESULTS_INDICATOR_SOURCE` when both or neither).
 *
 * @example
 * ResultsIndicatorRuleSchema.parse({
 *   kind: 'resultsIndicator', id: 'dli-1', name: 'DLI 1', baseline: '0', rounding: 'down',
 *   payment: { kind: 'proportional' },
 *   periods: [{ id: 'y1', indicator: 'dli-1-y1', verifiedOn: '2025-12-31', target: '100', allocation: '1000000.00' }],
 *   rollover: { until: '2027-06-30' },
 * });
 */
export const ResultsIndicatorRuleSchema = z.strictObject({
  kind: z.literal('resultsIndicator'),
  ...ruleCommon,
  baseline: DecimalStringSchema.check(z.describe('The cumulative achievement before the first period: the lower end of the first period\'s band.')),
  payment: IndicatorPaymentSchema,
  rounding: RoundingModeSchema.check(z.describe('Rounding of each period\'s earned amount to the currency minor unit.')),
  participants: z.optional(z.strictObject({ outcome: IdSchema })).check(
    z.describe('The achievement is the number of participants (every cohort) who achieved this outcome on or before each verification date, instead of indicator values.'),
  ),
  periods: z.array(IndicatorPeriodSchema).check(z.minLength(1)),
  rollover: z.optional(
    z.strictObject({
      until: DateStringSchema.check(z.describe('The final date: verifications up to it can earn what earlier periods did not; what is left at it lapses.')),
    }),
  ).check(z.describe('Absent: what a period does not earn at its own verification lapses then.')),
});

type ResultsIndicatorRule = DeepReadonly<z.output<typeof ResultsIndicatorRuleSchema>>;

/** What the contract checks need of a results indicator. */
export const resultsIndicatorFacts: RuleFacts<ResultsIndicatorRule> = {
  // one contract-level line per tranche, whichever cohorts the tranche lists
  lineShapes: () => [{ cohort: null, outcome: null }],
  references: (rule, at) => [
    ...rule.periods.flatMap((period, j) => (period.indicator === undefined ? [] : [{ target: 'outcome' as const, id: period.indicator, path: at('periods', j, 'indicator'), kinds: ['cohortIndicator' as const], list: at('periods').join('/') }])),
    ...(rule.participants === undefined ? [] : [{ target: 'outcome' as const, id: rule.participants.outcome, path: at('participants', 'outcome'), kinds: PER_PARTICIPANT }]),
  ],
  numbers: (rule, at) => [
    ...rule.periods.map((period, j) => ({ value: period.allocation, class: 'money' as const, path: at('periods', j, 'allocation') })),
    ...(rule.payment.kind === 'perUnit' ? [{ value: rule.payment.amount, class: 'money' as const, path: at('payment', 'amount') }] : []),
  ],
  // a verification may find nothing achieved yet: no tranche is refused for coming before the counted outcome
  timing: () => ({ ids: [], extraDays: 0 }),
};
