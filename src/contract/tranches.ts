/**
 * Tranches: payment instalments, each measured on a date and falling due on a date.
 *
 * @module
 */
import * as z from 'zod/mini';
import { DateStringSchema, IdSchema, TextSchema } from './primitives.js';

/**
 * A tranche pays, for the listed cohorts, what the listed rules owe as measured on `measuredOn`
 * (outcomes achieved on or before that date), less what earlier tranches paid; it falls due on `dueOn`.
 *
 * @example
 * TrancheSchema.parse({
 *   id: 't1', name: 'First tranche', rules: ['pay-placement'], cohorts: ['2023-A'],
 *   measuredOn: '2024-03-31', dueOn: '2024-04-30',
 * });
 */
export const TrancheSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  rules: z.array(IdSchema).check(z.minLength(1)),
  cohorts: z.array(IdSchema).check(z.minLength(1)),
  outcomes: z
    .optional(z.array(IdSchema).check(z.minLength(1)))
    .check(z.describe('Restrict to these outcomes; absent = every outcome the listed rules pay for.')),
  measuredOn: DateStringSchema.check(z.describe('Outcomes achieved on or before this date count.')),
  dueOn: DateStringSchema.check(z.describe('Date the payment falls due; on or after measuredOn.')),
});
