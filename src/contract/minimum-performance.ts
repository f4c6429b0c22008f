/**
 * Minimum performance levels: the share of participants who must have achieved an outcome on
 * review dates (UK Restart: at least 15 % of participants into a job outcome), and the consequence
 * of falling below it: payments withheld until the level is reached, a price reduction while below,
 * or a flag in the settlement only.
 *
 * @module
 */
import * as z from 'zod/mini';
import { DateStringSchema, DecimalStringSchema, IdSchema, TextSchema } from './primitives.js';

/**
 * What happens while the level is not met (from a review that finds it below, at every tranche
 * measured after it, until a tranche's measurement date finds the level met):
 * - `withhold`: the payments of the listed rules (in the listed tranches, absent = any tranche) are
 *   withheld, and released in full in the first tranche at whose measurement date the level is met;
 * - `priceReduction`: `share` (in [0, 1]) is taken off the payments of the listed rules;
 * - `flag`: nothing is taken, the settlement reports the shortfall.
 *
 * @example
 * MinimumPerformanceConsequenceSchema.parse({ kind: 'withhold', rules: ['pay-job'] });
 */
export const MinimumPerformanceConsequenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('withhold'),
    rules: z.array(IdSchema).check(z.minLength(1)),
    tranches: z.optional(z.array(IdSchema).check(z.minLength(1))).check(z.describe('Absent = every tranche measured while below.')),
  }),
  z.strictObject({ kind: z.literal('priceReduction'), share: DecimalStringSchema, rules: z.array(IdSchema).check(z.minLength(1)) }),
  z.strictObject({ kind: z.literal('flag') }),
]);

/**
 * A minimum performance level: on each `reviewOn` date, the participants of `cohorts` (absent:
 * every cohort, pooled) enrolled by `enrolledBy` (absent: by the date measured) who achieved
 * `outcome` by that date, over those participants, must be at least `level`.
 *
 * @example
 * MinimumPerformanceSchema.parse({
 *   id: 'mpl', name: 'Minimum performance level', outcome: 'job', level: '0.15',
 *   reviewOn: ['2024-06-30'], consequence: { kind: 'flag' },
 * });
 */
export const MinimumPerformanceSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  outcome: IdSchema,
  cohorts: z.optional(z.array(IdSchema).check(z.minLength(1))).check(z.describe('Absent = every cohort of the contract, pooled.')),
  enrolledBy: z.optional(DateStringSchema).check(z.describe('Absent = participants enrolled by the date measured.')),
  level: DecimalStringSchema,
  reviewOn: z.array(DateStringSchema).check(z.minLength(1)),
  consequence: MinimumPerformanceConsequenceSchema,
});
