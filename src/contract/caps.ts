/**
 * Caps: upper limits on what is paid. A discriminated union on `kind`.
 * Money caps say whether the claim that crosses the cap is paid in part (`partialPayment: true`:
 * up to the cap) or not at all (`false`).
 *
 * @module
 */
import * as z from 'zod/mini';
import { CountSchema, DecimalStringSchema, IdSchema } from './primitives.js';
import { ShareCapSchema } from './share-cap.js';

const money = {
  id: IdSchema,
  amount: DecimalStringSchema,
  partialPayment: z.boolean().check(z.describe('Whether the claim that crosses the cap is paid up to the cap (true) or not at all (false).')),
};

/**
 * Cap per participant over all rules; claims are taken in `claimOrder`
 * (`achievementDate`: by achievement date, ties by rule order in the contract; `ruleOrder`: by rule order).
 *
 * @example
 * ParticipantCapSchema.parse({ kind: 'participant', id: 'cap-pp', amount: '8200.00', partialPayment: true, claimOrder: 'achievementDate' });
 */
export const ParticipantCapSchema = z.strictObject({ kind: z.literal('participant'), ...money, claimOrder: z.enum(['achievementDate', 'ruleOrder']) });

/**
 * Cap on all payments for one outcome.
 *
 * @example
 * OutcomeCapSchema.parse({ kind: 'outcome', id: 'cap-placement', outcome: 'placement', amount: '100000.00', partialPayment: false });
 */
export const OutcomeCapSchema = z.strictObject({ kind: z.literal('outcome'), ...money, outcome: IdSchema });

/**
 * Volume cap: a rate-card rule pays at most `targetUnits` participants (price × target units).
 *
 * @example
 * OutcomeVolumeCapSchema.parse({ kind: 'outcomeVolume', id: 'vol', rule: 'pay-placement', targetUnits: 200 });
 */
export const OutcomeVolumeCapSchema = z.strictObject({ kind: z.literal('outcomeVolume'), id: IdSchema, rule: IdSchema, targetUnits: CountSchema });

/**
 * Cap on all payments for one cohort.
 *
 * @example
 * CohortCapSchema.parse({ kind: 'cohort', id: 'cap-a', cohort: '2023-A', amount: '300000.00', partialPayment: true });
 */
export const CohortCapSchema = z.strictObject({ kind: z.literal('cohort'), ...money, cohort: IdSchema });

/**
 * Cap on one tranche.
 *
 * @example
 * TrancheCapSchema.parse({ kind: 'tranche', id: 'cap-t1', tranche: 't1', amount: '50000.00', partialPayment: true });
 */
export const TrancheCapSchema = z.strictObject({ kind: z.literal('tranche'), ...money, tranche: IdSchema });

/**
 * The budget year of a payer's yearly commitment: the calendar year, or a fiscal year starting on
 * the first day of `startMonth` (4: the UK's April to March). A tranche belongs to the budget year of
 * its due date.
 *
 * @example
 * BudgetYearSchema.parse({ kind: 'fiscalYear', startMonth: 4 });
 */
export const BudgetYearSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('calendarYear') }),
  z.strictObject({
    kind: z.literal('fiscalYear'),
    startMonth: z.int().check(z.minimum(1), z.maximum(12), z.describe('Month (1 to 12) on whose first day the fiscal year starts.')),
  }),
]);

/**
 * What happens to a payer's part above its yearly commitment: `notPaid` (cut), `deferred` (paid with
 * the payer's first tranche due in a later budget year, within that year's commitment), or
 * `{ takenBy }` (another payer pays it, within its own yearly commitment if it has one).
 *
 * @example
 * PayerCapOverflowSchema.parse({ takenBy: 'state' });
 */
export const PayerCapOverflowSchema = z.union([z.enum(['notPaid', 'deferred']), z.strictObject({ takenBy: IdSchema })]);

/**
 * Cap on what one payer pays: over the contract, or with `per`, in each budget year (its yearly
 * commitment), with `overflow` saying what happens above it (docs/mechanics/payer-funding.md).
 *
 * @example
 * PayerCapSchema.parse({ kind: 'payer', id: 'cap-region', payer: 'region', amount: '600000.00', partialPayment: true });
 * PayerCapSchema.parse({ kind: 'payer', id: 'cap-council', payer: 'council', amount: '50000.00', partialPayment: true, per: { kind: 'fiscalYear', startMonth: 4 }, overflow: 'deferred' });
 */
export const PayerCapSchema = z.strictObject({
  kind: z.literal('payer'),
  ...money,
  payer: IdSchema,
  per: z.optional(BudgetYearSchema).check(z.describe('A yearly commitment: the cap applies to each budget year (calendar or fiscal) of the tranches\' due dates; absent, over the whole contract.')),
  overflow: z.optional(PayerCapOverflowSchema).check(z.describe('With per (and only then): what happens to the part above the yearly cap: notPaid, deferred to the next budget year, or { takenBy: payer }.')),
});

/**
 * Cap on the whole contract.
 *
 * @example
 * ContractCapSchema.parse({ kind: 'contract', id: 'cap-total', amount: '1000000.00', partialPayment: true });
 */
export const ContractCapSchema = z.strictObject({ kind: z.literal('contract'), ...money });

/**
 * Any cap, discriminated by `kind`.
 *
 * @example
 * CapSchema.parse({ kind: 'contract', id: 'cap-total', amount: '1000000.00', partialPayment: true });
 */
export const CapSchema = z.discriminatedUnion('kind', [
  ParticipantCapSchema,
  OutcomeCapSchema,
  OutcomeVolumeCapSchema,
  CohortCapSchema,
  TrancheCapSchema,
  PayerCapSchema,
  ContractCapSchema,
  ShareCapSchema,
]);
