/**
 * Cohorts (enrolment windows) and participant groups (priority groups with optional price
 * multipliers and minimum shares).
 *
 * @module
 */
import * as z from 'zod/mini';
import { CountSchema, DateStringSchema, DecimalStringSchema, IdSchema, TextSchema } from './primitives.js';

/**
 * A cohort: participants enrolled between `enrolmentStart` and `enrolmentEnd`, both inclusive.
 *
 * @example
 * CohortSchema.parse({ id: '2023-A', enrolmentStart: '2023-01-01', enrolmentEnd: '2023-06-30', targetSize: 120 });
 */
export const CohortSchema = z.strictObject({
  id: IdSchema,
  name: z.optional(TextSchema),
  enrolmentStart: DateStringSchema.check(z.describe('First enrolment day, inclusive.')),
  enrolmentEnd: DateStringSchema.check(z.describe('Last enrolment day, inclusive.')),
  targetSize: z.optional(CountSchema).check(z.describe('Planned number of participants (informative; caps use their own fields).')),
});

/**
 * A participant group (e.g. minimum-income beneficiaries "rsa", long-term unemployed "ltu",
 * young people "youth").
 *
 * @example
 * GroupSchema.parse({ id: 'rsa', name: 'RSA beneficiaries', priceMultiplier: '1.25', minimumShare: '0.25' });
 */
export const GroupSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  priceMultiplier: z.optional(DecimalStringSchema).check(
    z.describe('Multiplier applied to rate-card prices of rules using group pricing mode "multipliers"; absent = 1.'),
  ),
  minimumShare: z.optional(DecimalStringSchema).check(
    z.describe('Minimum share of each cohort\'s enrolments that must belong to this group, in [0, 1] (reported; used by bonuses/exit clauses).'),
  ),
});
