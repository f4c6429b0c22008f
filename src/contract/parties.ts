/**
 * Parties of a contract: the payers (with their share of every payment), the provider, and
 * optional investors with waterfall terms used by simulation.
 *
 * @module
 */
import * as z from 'zod/mini';
import { DecimalStringSchema, IdSchema, TextSchema } from './primitives.js';

/**
 * An outcome payer and its share of every payment (shares of all payers sum to exactly 1).
 *
 * @example
 * PayerSchema.parse({ id: 'region', name: 'Région Sud', share: '0.6' });
 */
export const PayerSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  share: DecimalStringSchema.check(z.describe('Share of every payment borne by this payer, in [0, 1]; all shares sum to exactly 1.')),
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
 * Waterfall terms of an investor: principal repaid first, then a capped return; optional guarantee.
 *
 * @example
 * InvestorTermsSchema.parse({ principal: '500000.00', returnCap: { kind: 'multiple', multiple: '1.2' } });
 */
export const InvestorTermsSchema = z.strictObject({
  principal: DecimalStringSchema,
  returnCap: z.optional(ReturnCapSchema),
  guarantee: z.optional(GuaranteeSchema),
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
