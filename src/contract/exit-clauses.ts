/**
 * Exit clauses: a condition checked on a date, and its effect when it holds.
 *
 * @module
 */
import * as z from 'zod/mini';
import { DateStringSchema, DecimalStringSchema, IdSchema, TextSchema } from './primitives.js';
import { DenominatorSchema } from './rules/index.js';

/**
 * The condition of an exit clause:
 * - `outcomeRateBelow`: the rate of `outcome` over the listed cohorts is below `threshold`;
 * - `indicatorBelow`: a cohort indicator supplied at settlement is below `threshold` (any listed cohort);
 * - `capReached`: the cap with id `cap` is exhausted;
 * - `datePassed`: the check date is on or after `date` (unconditional sunset).
 *
 * @example
 * ExitConditionSchema.parse({ kind: 'capReached', cap: 'cap-total' });
 */
export const ExitConditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('outcomeRateBelow'),
    outcome: IdSchema,
    cohorts: z.array(IdSchema).check(z.minLength(1)),
    denominator: DenominatorSchema,
    pending: z.enum(['exclude', 'countAsNotAchieved']),
    threshold: DecimalStringSchema,
  }),
  z.strictObject({
    kind: z.literal('indicatorBelow'),
    indicator: IdSchema,
    cohorts: z.array(IdSchema).check(z.minLength(1)),
    threshold: DecimalStringSchema,
  }),
  z.strictObject({ kind: z.literal('capReached'), cap: IdSchema }),
  z.strictObject({ kind: z.literal('datePassed'), date: DateStringSchema }),
]);

/**
 * What is paid when a contract ends through an exit clause:
 * - `earnedToDate`: outcomes achieved by the check date, nothing for pending ones;
 * - `earnedToDatePlusFixed`: the same plus a fixed `amount` (e.g. wind-down costs);
 * - `fixed`: only a fixed `amount`;
 * - `nothing`: nothing more.
 *
 * @example
 * PayOnExitSchema.parse({ kind: 'earnedToDate' });
 */
export const PayOnExitSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('earnedToDate') }),
  z.strictObject({ kind: z.literal('earnedToDatePlusFixed'), amount: DecimalStringSchema }),
  z.strictObject({ kind: z.literal('fixed'), amount: DecimalStringSchema }),
  z.strictObject({ kind: z.literal('nothing') }),
]);

/**
 * The effect of an exit clause:
 * - `terminate`: the contract ends on the check date; `payOnExit` says what is still paid;
 * - `suspendTranches`: the listed tranches (due after the check date) are not paid;
 * - `reducePrices`: prices of the listed rules are multiplied by `factor` (in [0, 1]) for
 *   outcomes achieved after the check date;
 * - `completeEarly`: targets met, the contract completes on the check date; `payOnExit` as for terminate.
 *
 * @example
 * ExitEffectSchema.parse({ kind: 'terminate', payOnExit: { kind: 'earnedToDate' } });
 */
export const ExitEffectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('terminate'), payOnExit: PayOnExitSchema }),
  z.strictObject({ kind: z.literal('suspendTranches'), tranches: z.array(IdSchema).check(z.minLength(1)) }),
  z.strictObject({ kind: z.literal('reducePrices'), factor: DecimalStringSchema, rules: z.array(IdSchema).check(z.minLength(1)) }),
  z.strictObject({ kind: z.literal('completeEarly'), payOnExit: PayOnExitSchema }),
]);

/**
 * An exit clause.
 *
 * @example
 * ExitClauseSchema.parse({
 *   id: 'midterm', name: 'Mid-term review', checkOn: '2025-06-30',
 *   condition: { kind: 'capReached', cap: 'cap-total' },
 *   effect: { kind: 'completeEarly', payOnExit: { kind: 'earnedToDate' } },
 * });
 */
export const ExitClauseSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  checkOn: DateStringSchema,
  condition: ExitConditionSchema,
  effect: ExitEffectSchema,
});
