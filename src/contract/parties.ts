/**
 * Parties of a contract: the payers (with how they fund each payment), the provider, and
 * optional investors with waterfall terms used by simulation.
 *
 * @module
 */
import * as z from 'zod/mini';
import { DateStringSchema, DecimalStringSchema, IdSchema, ShareTextSchema, TextSchema } from './primitives.js';

/**
 * The lines a payer funds: each list given narrows them (a line is funded when its rule, its
 * outcome and its cohort are each in the list given, if any). A line with no outcome (a fee, a
 * fixed payment on exit) is outside any `outcomes` list; a line with no cohort (a fee, a pooled
 * cohort rate, a contract-wide bonus, a fixed payment on exit) is outside any `cohorts` list; a
 * fixed payment on exit is outside any `rules` list.
 *
 * @example
 * PayerScopeSchema.parse({ outcomes: ['retention-12m'] });
 */
export const PayerScopeSchema = z.strictObject({
  rules: z.optional(z.array(IdSchema).check(z.minLength(1), z.describe('Rule ids: the payer funds lines of these rules only.'))),
  outcomes: z.optional(z.array(IdSchema).check(z.minLength(1), z.describe('Outcome ids: the payer funds lines paying for these outcomes only.'))),
  cohorts: z.optional(z.array(IdSchema).check(z.minLength(1), z.describe('Cohort ids: the payer funds lines of these cohorts only.'))),
});

/**
 * An outcome payer and how it funds payments: exactly one of `share` (its share of every line it
 * funds: a decimal `"0.6"` or an exact fraction `"1/3"`; the shares of the payers funding a line
 * sum to exactly 1), `weight` (a 2:1 split is weights `"2"` and `"1"`: each line is split in
 * proportion to the weights of the payers funding it) or `topUp` (a fixed fraction of each line it
 * funds, taken first; the share or weight payers split the rest), and optionally `funds`, the
 * lines it funds (all, when absent). See docs/mechanics/payer-funding.md.
 *
 * @example
 * PayerSchema.parse({ id: 'region', name: 'Région Sud', share: '0.6' });
 * PayerSchema.parse({ id: 'city', name: 'City', share: '1/3' });
 * PayerSchema.parse({ id: 'lcf', name: 'Life Chances Fund', topUp: '0.2', funds: { outcomes: ['retention-12m'] } });
 */
export const PayerSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  share: z.optional(
    ShareTextSchema.check(z.describe('Share of every line this payer funds, a decimal ("0.6") or a fraction ("1/3"), in [0, 1]; the shares of the payers funding a line sum to exactly 1.')),
  ),
  weight: z.optional(DecimalStringSchema.check(z.describe('Weight of this payer: each line is split among the payers funding it in proportion to their weights (a 2:1 split is "2" and "1").'))),
  topUp: z.optional(ShareTextSchema.check(z.describe('Fixed fraction of each line this payer funds, in [0, 1], taken before the share or weight payers split the rest (a fund topping up 20 % is "0.2").'))),
  funds: z.optional(PayerScopeSchema),
});

/**
 * The provider (operator) that delivers the programme and receives the payments.
 *
 * @example
 * ProviderSchema.parse({ id: 'ofp', name: 'Training provider' });
 */
export const ProviderSchema = z.strictObject({ id: IdSchema, name: TextSchema });

/**
 * Cap on an investor's return: an internal rate of return per year, or a multiple of principal.
 *
 * @example
 * ReturnCapSchema.parse({ kind: 'irr', rate: '0.15' });
 */
export const ReturnCapSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('irr'), rate: DecimalStringSchema.check(z.describe('Annual IRR cap as a fraction, e.g. "0.15".')) }),
  z.strictObject({
    kind: z.literal('multiple'),
    multiple: DecimalStringSchema.check(z.describe('Maximum total repaid as a multiple of principal, e.g. "1.3".')),
  }),
]);

/**
 * A guarantee covering part of an investor's principal.
 *
 * @example
 * GuaranteeSchema.parse({ guarantor: 'Foundation', amount: '6000000.00' });
 */
export const GuaranteeSchema = z.strictObject({ guarantor: TextSchema, amount: DecimalStringSchema });

/**
 * One drawing of an investor's capital: the amount paid to the provider on a date.
 *
 * @example
 * DrawdownSchema.parse({ on: '2023-01-02', amount: '250000.00' });
 */
export const DrawdownSchema = z.strictObject({ on: DateStringSchema, amount: DecimalStringSchema });

/**
 * Waterfall terms of an investor: the capital drawn (`principal`, on the `drawdowns` schedule,
 * default all on the contract's first day), repaid with a return up to `returnCap` from the
 * outcome payments in the waterfall's order (contract order, `firstLoss` investors last); an
 * optional guarantee of capital.
 *
 * @example
 * InvestorTermsSchema.parse({ principal: '500000.00', returnCap: { kind: 'multiple', multiple: '1.2' } });
 */
export const InvestorTermsSchema = z.strictObject({
  principal: DecimalStringSchema,
  returnCap: z.optional(ReturnCapSchema),
  guarantee: z.optional(GuaranteeSchema),
  drawdowns: z.optional(z.array(DrawdownSchema).check(z.minLength(1))),
  firstLoss: z.optional(z.boolean()),
});

/**
 * An investor funding the provider up front (for simulation; never changes what payers owe).
 *
 * @example
 * InvestorSchema.parse({ id: 'fund', name: 'Impact fund', commitment: '500000.00' });
 */
export const InvestorSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  commitment: DecimalStringSchema,
  terms: z.optional(InvestorTermsSchema),
});

/**
 * The parties: one or more payers, one provider, optional investors.
 *
 * @example
 * PartiesSchema.parse({
 *   payers: [{ id: 'region', name: 'Région', share: '1' }],
 *   provider: { id: 'ofp', name: 'Provider' },
 * });
 */
export const PartiesSchema = z.strictObject({
  payers: z.array(PayerSchema).check(z.minLength(1)),
  provider: ProviderSchema,
  investors: z.optional(z.array(InvestorSchema)),
});
