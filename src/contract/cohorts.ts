/**
 * Cohorts (enrolment windows) and participant groups (priority groups with optional price
 * multipliers and minimum shares).
 *
 * @module
 */
import { z } from 'zod';
import { CountSchema, DateStringSchema, DecimalStringSchema, IdSchema, TextSchema } from './primitives.js';

/**
 * A cohort: participants enrolled between `enrolmentStart` and `enrolmentEnd`, both inclusive.
 *
 * @example
 * CohortSchema.parse({ id: '2023-A', enrolmentStart: '2023-01-01', enrolmentEnd: '2023-06-30', targetSize: 120 });
 */
export const CohortSchema = z
  .object({
    id: IdSchema,
    name: TextSchema.optional(),
    enrolmentStart: DateStringSchema.describe('First enrolment day, inclusive.'),
    enrolmentEnd: DateStringSchema.describe('Last enrolment day, inclusive.'),
    targetSize: CountSchema.optional().describe('Planned number of participants (informative; caps use their own fields).'),
  })
  .strict();

/**
 * A participant group (e.g. minimum-income beneficiaries "rsa", long-term unemployed "ltu",
 * young people "youth").
 *
 * @example
 * GroupSchema.parse({ id: 'rsa', name: 'RSA beneficiaries', priceMultiplier: '1.25', minimumShare: '0.25' });
 */
export const GroupSchema = z
  .object({
    id: IdSchema,
    name: TextSchema,
    priceMultiplier: DecimalStringSchema.optional().describe(
      'Multiplier applied to rate-card prices of rules using group pricing mode "multipliers"; absent = 1.',
    ),
    minimumShare: DecimalStringSchema.optional().describe(
      'Minimum share of each cohort\'s enrolments that must belong to this group, in [0, 1] (reported; used by bonuses/exit clauses).',
    ),
  })
  .strict();
