/**
 * Conditional hiring guarantees: an employer promises to hire participants who reach a
 * qualifying outcome, and pays an optional amount per position not filled.
 *
 * @module
 */
import * as z from 'zod/mini';
import { CountSchema, DaysSchema, DecimalStringSchema, IdSchema, TextSchema } from './primitives.js';

/**
 * A conditional hiring guarantee: for the listed cohorts, `employer` hires up to `positions`
 * participants who achieved `qualifyingOutcome`, within `withinDays` days of programme exit;
 * each position not filled costs the employer `shortfallAmountPerPosition` (absent = nothing).
 *
 * @example
 * HiringGuaranteeSchema.parse({
 *   id: 'hire', employer: 'Acme Logistics', cohorts: ['2023-A'], positions: 20,
 *   qualifyingOutcome: 'training', placementOutcome: 'placement', withinDays: 60,
 * });
 */
export const HiringGuaranteeSchema = z.strictObject({
  id: IdSchema,
  employer: TextSchema,
  cohorts: z.array(IdSchema).check(z.minLength(1)),
  positions: CountSchema.check(z.minimum(1)),
  qualifyingOutcome: IdSchema,
  placementOutcome: IdSchema,
  withinDays: DaysSchema,
  shortfallAmountPerPosition: z.optional(DecimalStringSchema),
});
