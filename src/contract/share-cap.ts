/**
 * Share caps (`kind: "share"`): at most a share of each cohort's participants is paid under a
 * rate card (Buenos Aires paid some outcomes for at most 40 % or 70 % of a cohort). Written with
 * `zod/mini`; part of the cap union in `caps.ts`. Applied by `src/settlement/caps/share-caps.ts`.
 *
 * @module
 */
import * as z from 'zod/mini';
import { DecimalStringSchema, IdSchema } from './primitives.js';

/**
 * How the payable count `share × participants` is made a whole number: `down` (40 % of 12 is 4),
 * `up` (5) or `nearest` (5; an exact half rounded up).
 *
 * @example
 * ShareCapRoundingSchema.parse('down'); // 'down'
 */
export const ShareCapRoundingSchema = z.enum(['down', 'up', 'nearest']);

/**
 * Share cap: a rate-card rule pays, in each cohort, at most `share` × the cohort's participants
 * (those enrolled by the tranche's measurement date), rounded with `rounding`; the claims paid are the earliest
 * (by claim date; same day: higher price first, then participant id), over the tranches in order.
 *
 * @example
 * ShareCapSchema.parse({ kind: 'share', id: 'at-most-40', rule: 'pay-placement', share: '0.4', rounding: 'down' });
 */
export const ShareCapSchema = z.strictObject({
  kind: z.literal('share'),
  id: IdSchema,
  rule: IdSchema.check(z.describe('The rate-card rule whose claims are capped.')),
  share: DecimalStringSchema.check(z.describe('The most of each cohort\'s participants paid under the rule, as a fraction in [0, 1] (40 % is "0.4").')),
  rounding: ShareCapRoundingSchema.check(z.describe('How share × participants is made a whole number of claims: down, up, or nearest (a half up).')),
});
