/**
 * Reinvestment: a share of payments set aside for a destination (e.g. the next cohort).
 *
 * @module
 */
import * as z from 'zod/mini';
import { CountSchema, DecimalStringSchema, IdSchema, TextSchema } from './primitives.js';

/**
 * What part of the payments a reinvestment takes its share of:
 * - `paymentsAboveThreshold`: the part of cumulative payments above `threshold`;
 * - `surplusOverTarget`: payments for achievements of `outcome` beyond `targetUnits`.
 *
 * @example
 * ReinvestmentTriggerSchema.parse({ kind: 'paymentsAboveThreshold', threshold: '200000.00' });
 */
export const ReinvestmentTriggerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('paymentsAboveThreshold'), threshold: DecimalStringSchema }),
  z.strictObject({ kind: z.literal('surplusOverTarget'), outcome: IdSchema, targetUnits: CountSchema }),
]);

/**
 * Where reinvested money goes: a cohort of this contract, or a named external destination.
 *
 * @example
 * ReinvestmentDestinationSchema.parse({ kind: 'cohort', cohort: '2023-B' });
 */
export const ReinvestmentDestinationSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('cohort'), cohort: IdSchema }),
  z.strictObject({ kind: z.literal('external'), name: TextSchema }),
]);

/**
 * A reinvestment: `share` (in [0, 1]) of the triggering payments, at most `cap` in total.
 *
 * @example
 * ReinvestmentSchema.parse({
 *   id: 'recycle', name: 'Recycle into 2023-B',
 *   trigger: { kind: 'paymentsAboveThreshold', threshold: '200000.00' },
 *   share: '0.25', destination: { kind: 'cohort', cohort: '2023-B' }, cap: '50000.00',
 * });
 */
export const ReinvestmentSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  trigger: ReinvestmentTriggerSchema,
  share: DecimalStringSchema,
  destination: ReinvestmentDestinationSchema,
  cap: DecimalStringSchema,
});
