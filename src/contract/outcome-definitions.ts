/**
 * Outcome definitions, each precise to the day. An outcome says what a participant (or a
 * cohort, for indicators) must achieve; payment rules say what it is worth.
 *
 * Boundaries: every "within N days" window is inclusive at both ends
 * (`anchor <= date <= anchor + N`). Month arithmetic clamps to month end
 * (31 August + 6 months = last day of February); a week is 7 days.
 *
 * @module
 */
import * as z from 'zod/mini';
import { hasOwn } from '../own-data.js';
import type { DurationFields } from './durations.js';
import { EarningsThresholdSchema } from './earnings-outcome.js';
import { DaysSchema, DecimalStringSchema, IdSchema, MonthsSchema, TextSchema, WeeksSchema } from './primitives.js';

const common = {
  id: IdSchema,
  name: TextSchema,
  description: z.optional(TextSchema),
};

/** The date a window is counted from: the participant's enrolment date or programme exit date. */
export const AnchorSchema = z.enum(['enrolment', 'exit']);

/** The restriction keys of a `jobs` restriction, as they are listed in messages. */
const JOB_KEYS = ['sectors', 'employers'] as const;

/** The keys of a `jobs` restriction stated (own properties only). */
function jobKeys(o: unknown): (typeof JOB_KEYS)[number][] {
  if (typeof o !== 'object' || o === null) return [];
  return JOB_KEYS.filter((key) => hasOwn(o, key) && (o as Record<string, unknown>)[key] !== undefined);
}

/**
 * The jobs an outcome counts: only a spell whose `sector` is one of `sectors` (when given) and whose
 * `employer` is one of `employers` (when given) counts; a spell without the field does not. At least
 * one of the two lists (`JOBS_RESTRICTION_EMPTY`).
 *
 * @example
 * JobsRestrictionSchema.parse({ sectors: ['62.01Z', '62.02A'] });
 * JobsRestrictionSchema.parse({ employers: ['member-1', 'member-2'] });
 */
export const JobsRestrictionSchema = z
  .strictObject({
    sectors: z.optional(z.array(IdSchema).check(z.minLength(1))).check(z.describe('Only jobs in these sectors count.')),
    employers: z.optional(z.array(IdSchema).check(z.minLength(1))).check(z.describe('Only jobs with these employers count.')),
  })
  .check(
    z.refine((o: unknown) => jobKeys(o).length > 0, {
      error: 'give "sectors", "employers" or both',
      params: { code: 'JOBS_RESTRICTION_EMPTY' },
    }),
    z.meta({ anyOf: JOB_KEYS.map((key) => ({ required: [key] })) }),
  );

/**
 * The participants who can achieve an outcome: those in at least one of `groups` (contract group ids).
 * Any other participant fails it (reason `NOT_IN_GROUPS`).
 *
 * @example
 * ParticipantsRestrictionSchema.parse({ groups: ['women'] });
 */
export const ParticipantsRestrictionSchema = z
  .strictObject({
    groups: z.array(IdSchema).check(z.minLength(1), z.describe('Only participants of these groups can achieve the outcome.')),
  });

const restrictions = {
  jobs: z.optional(JobsRestrictionSchema),
  participants: z.optional(ParticipantsRestrictionSchema),
};

/**
 * Placement: employment starting within `window.days` days (inclusive) of enrolment or exit.
 *
 * @example
 * PlacementOutcomeSchema.parse({
 *   kind: 'placement', id: 'placement', name: 'Job within 90 days of exit',
 *   window: { from: 'exit', days: 90 }, contractTypes: ['permanent', 'fixed-term'],
 *   minWeeklyHours: '24', minSpellDays: 30,
 * });
 */
export const PlacementOutcomeSchema = z.strictObject({
  kind: z.literal('placement'),
  ...common,
  window: z.strictObject({ from: AnchorSchema, days: DaysSchema }).check(
    z.describe('Employment must start on a day in [anchor, anchor + days], both inclusive.'),
  ),
  contractTypes: z
    .union([z.literal('any'), z.array(IdSchema).check(z.minLength(1))])
    .check(z.describe('Allowed employment contract types as recorded in the records (e.g. "permanent"), or "any".')),
  minWeeklyHours: z.optional(DecimalStringSchema).check(z.describe('Minimum contractual hours per week; absent = no minimum.')),
  minSpellDays: z.optional(DaysSchema).check(z.describe('Minimum length of the employment spell in calendar days; absent = no minimum.')),
  ...restrictions,
});

/**
 * How retention over a period is measured.
 * - `continuous`: employed every day of the period, gaps of at most `allowedGapDays` days tolerated;
 * - `cumulative`: employed at least `minDays` days in the period;
 * - `anniversary`: employed on the end date of the period.
 *
 * @example
 * RetentionMeasureSchema.parse({ kind: 'continuous', allowedGapDays: 14 });
 */
export const RetentionMeasureSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('continuous'), allowedGapDays: DaysSchema }),
  z.strictObject({ kind: z.literal('cumulative'), minDays: DaysSchema }),
  z.strictObject({ kind: z.literal('anniversary') }),
]);

/** The keys a duration can be stated in, in the order they are listed in messages. */
const DURATION_KEYS = ['months', 'weeks', 'days'] as const;

/**
 * The duration fields of a retention or wage progression: exactly one of `months` (calendar
 * months, month-end clamped), `weeks` (7 days each) or `days`, each at least `min`.
 */
function durationFields(min: 0 | 1) {
  const at = (schema: typeof MonthsSchema) => (min === 0 ? schema : schema.check(z.minimum(min)));
  return {
    months: z.optional(at(MonthsSchema)).check(z.describe('Calendar months after the placement date (month-end clamped). Exactly one of months, weeks, days.')),
    weeks: z.optional(at(WeeksSchema)).check(z.describe('Weeks (7 days each) after the placement date. Exactly one of months, weeks, days.')),
    days: z.optional(at(DaysSchema)).check(z.describe('Days after the placement date. Exactly one of months, weeks, days.')),
  };
}

/** The duration keys an outcome states: its own properties only (one on `Object.prototype` is not stated). */
function statedKeys(o: unknown): (typeof DURATION_KEYS)[number][] {
  if (typeof o !== 'object' || o === null) return [];
  return DURATION_KEYS.filter((key) => hasOwn(o, key) && (o as DurationFields)[key] !== undefined);
}

/** The checks of an outcome with a duration: exactly one of its keys, in zod and in the JSON Schema. */
const exactlyOneDuration = [
  z.refine((o: unknown) => statedKeys(o).length === 1, {
    error: (issue) => {
      const stated = statedKeys(issue.input);
      return stated.length === 0 ? 'states no duration: give exactly one of "months", "weeks", "days"' : `states its duration ${stated.length} times (${stated.map((key) => `"${key}"`).join(', ')}): give exactly one of "months", "weeks", "days"`;
    },
    params: { code: 'DURATION_UNITS' },
  }),
  z.meta({ oneOf: DURATION_KEYS.map((key) => ({ required: [key] })) }),
] as const;

/**
 * Retention: still in work a duration after the placement date, stated as exactly one of `months`
 * (calendar months), `weeks` (7 days each) or `days`. The period runs from the placement start
 * date P to `addMonths(P, months)` (month-end clamped), `P + 7 × weeks` or `P + days`;
 * `endBoundary` says whether that end date itself belongs to the period (26 weeks in work from
 * P are the 182 days `[P, P + 182)`: `weeks: 26` with `endBoundary: 'exclusive'`).
 *
 * @example
 * RetentionOutcomeSchema.parse({
 *   kind: 'retention', id: 'retention-6m', name: 'In work 6 months after placement',
 *   placementOutcome: 'placement', months: 6,
 *   measure: { kind: 'continuous', allowedGapDays: 14 }, endBoundary: 'inclusive',
 * });
 */
export const RetentionOutcomeSchema = z.strictObject({
  kind: z.literal('retention'),
  ...common,
  placementOutcome: IdSchema.check(z.describe('Id of the placement outcome whose start date anchors the period.')),
  ...durationFields(1),
  measure: RetentionMeasureSchema,
  endBoundary: z.enum(['inclusive', 'exclusive']),
  ...restrictions,
}).check(...exactlyOneDuration);

/**
 * Threshold of a wage progression: a percentage rise (`"10"` = 10 %) or an amount rise, both
 * passed when the rise is greater than or equal to the threshold (an exact 10 % passes 10 %).
 *
 * @example
 * WageThresholdSchema.parse({ kind: 'percent', percent: '10' });
 */
export const WageThresholdSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('percent'), percent: DecimalStringSchema }),
  z.strictObject({ kind: z.literal('amount'), amount: DecimalStringSchema }),
]);

/**
 * Wage progression: the wage a duration after placement against a baseline wage, the duration
 * stated as exactly one of `months` (calendar months), `weeks` (7 days each) or `days`.
 *
 * @example
 * WageProgressionOutcomeSchema.parse({
 *   kind: 'wageProgression', id: 'wage-10pc', name: 'Wage +10% at 12 months',
 *   placementOutcome: 'placement', months: 12, baseline: 'preProgramme',
 *   threshold: { kind: 'percent', percent: '10' },
 * });
 */
export const WageProgressionOutcomeSchema = z.strictObject({
  kind: z.literal('wageProgression'),
  ...common,
  placementOutcome: IdSchema,
  ...durationFields(0),
  baseline: z.enum(['preProgramme', 'placement']),
  threshold: WageThresholdSchema,
  participants: restrictions.participants,
}).check(...exactlyOneDuration);

/**
 * Milestone: an event of kind `event` recorded in the outcome records, optionally within a window.
 *
 * @example
 * MilestoneOutcomeSchema.parse({
 *   kind: 'milestone', id: 'training', name: 'Training completed',
 *   event: 'training-completed', within: { from: 'enrolment', days: 365 },
 * });
 */
export const MilestoneOutcomeSchema = z.strictObject({
  kind: z.literal('milestone'),
  ...common,
  event: IdSchema.check(z.describe('Event kind as written in the records, e.g. "training-completed".')),
  within: z.optional(z.strictObject({ from: AnchorSchema, days: DaysSchema })).check(
    z.describe('Event must fall in [anchor, anchor + days], inclusive; absent = any date.'),
  ),
  participants: restrictions.participants,
});

/**
 * Cohort indicator: a cohort-level figure supplied from outside (employer satisfaction,
 * comparison-group rate). Values come with the settlement inputs, not the records.
 *
 * @example
 * CohortIndicatorOutcomeSchema.parse({
 *   kind: 'cohortIndicator', id: 'comparison-rate', name: 'Comparison group placement rate', unit: 'rate',
 * });
 */
export const CohortIndicatorOutcomeSchema = z.strictObject({
  kind: z.literal('cohortIndicator'),
  ...common,
  unit: z.enum(['rate', 'score', 'count', 'amount']).check(
    z.describe('"rate" = fraction in [0, 1]; "score" = a number on a scale; "count"; "amount" in contract currency.'),
  ),
});

/**
 * Earnings threshold: achieved on the last day of the pay period whose earnings bring the
 * cumulative earnings counted in the window `[anchor, anchor + days]` (both inclusive) to the
 * threshold or above; failed on the day after the window when they do not. A pay period counts
 * when it ends in the window; one that starts before the window counts as `periodAcrossStart`
 * says (`full`, `proRata` by days, or `exclude`); one that ends after the window does not count.
 *
 * @example
 * EarningsThresholdOutcomeSchema.parse({
 *   kind: 'earningsThreshold', id: 'earnings', name: 'Earnings of 16 h x 26 weeks at the NLW',
 *   window: { from: 'enrolment', days: 456 }, periodAcrossStart: 'proRata',
 *   threshold: { kind: 'amount', amount: '4759.04' },
 * });
 */
export const EarningsThresholdOutcomeSchema = z.strictObject({
  kind: z.literal('earningsThreshold'),
  ...common,
  window: z.strictObject({ from: AnchorSchema, days: DaysSchema }).check(
    z.describe('Earnings count in pay periods ending in [anchor, anchor + days], both inclusive.'),
  ),
  threshold: EarningsThresholdSchema,
  periodAcrossStart: z.enum(['full', 'proRata', 'exclude']).check(
    z.describe('A pay period that starts before the window and ends in it: counted in full, pro rata by its days in the window, or not at all.'),
  ),
  participants: restrictions.participants,
});

/**
 * When the wage data of a calendar quarter is due: `count` days after the quarter's last day, or
 * the last day of the `count`-th month after it (`months`: 30 June + 2 months is 31 August). An
 * outcome measured in a quarter is pending until then.
 *
 * @example
 * DataLagSchema.parse({ unit: 'months', count: 4 });
 */
export const DataLagSchema = z.strictObject({
  unit: z.enum(['months', 'days']).check(z.describe('"months": the data is due on the last day of the count-th month after the quarter; "days": count days after its last day.')),
  count: DaysSchema.check(z.describe('How many months or days after the quarter ends its data is due.')),
});

/**
 * Employment in a calendar quarter after the exit quarter (US WIOA: employed in the second and
 * fourth quarter after exit), from the records' earnings observations (quarterly wage records):
 * the earnings of the observations whose period ends in the `quarter`-th calendar quarter after the
 * quarter of the exit are above zero (and at least `minimumEarnings` when given). Decided on the
 * day the quarter's data is due (`dataLag`): achieved or failed then, pending before.
 *
 * @example
 * QuarterAfterExitOutcomeSchema.parse({
 *   kind: 'quarterAfterExit', id: 'employed-q2', name: 'Employed in the 2nd quarter after exit',
 *   quarter: 2, dataLag: { unit: 'months', count: 4 },
 * });
 */
export const QuarterAfterExitOutcomeSchema = z.strictObject({
  kind: z.literal('quarterAfterExit'),
  ...common,
  quarter: z.int().check(z.minimum(1), z.maximum(40), z.describe('Which calendar quarter after the exit quarter: 2 = the second quarter after the quarter of the exit.')),
  minimumEarnings: z.optional(DecimalStringSchema).check(
    z.describe('Earnings in the quarter must reach this amount (default: any earnings above zero).'),
  ),
  dataLag: DataLagSchema,
  participants: restrictions.participants,
});

/**
 * Any outcome definition, discriminated by `kind`.
 *
 * @example
 * OutcomeSchema.parse({ kind: 'cohortIndicator', id: 'satisfaction', name: 'Employer satisfaction', unit: 'score' });
 */
export const OutcomeSchema = z.discriminatedUnion('kind', [
  PlacementOutcomeSchema,
  RetentionOutcomeSchema,
  WageProgressionOutcomeSchema,
  MilestoneOutcomeSchema,
  CohortIndicatorOutcomeSchema,
  EarningsThresholdOutcomeSchema,
  QuarterAfterExitOutcomeSchema,
]);
