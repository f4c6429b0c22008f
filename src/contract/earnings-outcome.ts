/**
 * The threshold of the earnings threshold outcome (`kind: 'earningsThreshold'`, in outcome-definitions.ts): cumulative earnings within a window after the anchor reach a
 * threshold, an amount or hours × weeks × an hourly minimum wage from a table of rates by
 * effective date (UK Work and Health Programme). An earnings ladder is several of these, one per
 * step, each with its own amount and price (docs/mechanics/earnings.md).
 *
 * @module
 */
import * as z from 'zod/mini';
import { DateStringSchema, DecimalStringSchema, RoundingModeSchema, WeeksSchema } from './primitives.js';

/**
 * One rate of a minimum wage table: the hourly rate in force from `from` (inclusive) until the
 * next rate's `from`.
 *
 * @example
 * HourlyRateSchema.parse({ from: '2024-04-01', hourly: '11.44' });
 */
export const HourlyRateSchema = z.strictObject({
  from: DateStringSchema.check(z.describe('First day the rate is in force, YYYY-MM-DD.')),
  hourly: DecimalStringSchema.check(z.describe('Hourly rate in the contract currency.')),
});

/**
 * The threshold of an earnings outcome:
 * - `amount`: a fixed cumulative amount (an earnings ladder's step);
 * - `minimumWage`: `hours` × `weeks` × the hourly rate of `rates` in force on the window's first
 *   day (`rateOn: 'windowStart'`) or last day (`'windowEnd'`), rounded to a multiple of
 *   `increment` with `rounding`.
 *
 * @example
 * EarningsThresholdSchema.parse({
 *   kind: 'minimumWage', hours: '16', weeks: 26, rateOn: 'windowStart', rounding: 'half-up', increment: '0.01',
 *   rates: [{ from: '2023-04-01', hourly: '10.42' }, { from: '2024-04-01', hourly: '11.44' }],
 * });
 */
export const EarningsThresholdSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('amount'), amount: DecimalStringSchema.check(z.describe('Cumulative earnings to reach.')) }),
  z.strictObject({
    kind: z.literal('minimumWage'),
    hours: DecimalStringSchema.check(z.describe('Hours per week.')),
    weeks: WeeksSchema.check(z.minimum(1), z.describe('Number of weeks.')),
    rates: z.array(HourlyRateSchema).check(z.minLength(1), z.describe('Hourly rates by effective date, in increasing order of "from".')),
    rateOn: z.enum(['windowStart', 'windowEnd']).check(z.describe('The window day whose rate in force sets the threshold.')),
    rounding: RoundingModeSchema,
    increment: DecimalStringSchema.check(z.describe('The threshold is rounded to a multiple of this amount, e.g. "0.01".')),
  }),
]);
