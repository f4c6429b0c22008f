/**
 * Amendments (`amendments`) in the contract format: versions of the contract's terms, each in
 * force from its `effectiveFrom` date (a convention renewed in 2016, 2019 and 2023 with new
 * prices and a new ceiling). The base contract (its `rules` and `caps`) is the version `base`,
 * in force from the period's start; each amendment's changes apply on top of the version before
 * it (docs/mechanics/amendments.md). Resolved into versions by `contract-versions.ts`.
 *
 * @module
 */
import * as z from 'zod/mini';
import { DateStringSchema, DecimalStringSchema, IdSchema, TextSchema } from './primitives.js';
import { GroupPricingSchema } from './rules/rate-card.js';

/**
 * The id of the base version (the contract's own `rules` and `caps`); no amendment may take it.
 *
 * @example
 * BASE_VERSION; // 'base'
 */
export const BASE_VERSION = 'base';

/**
 * A change an amendment makes to a rate-card rule: its `price`, its `groupPricing` (of the same
 * `kind`), or both.
 *
 * @example
 * RuleChangeSchema.parse({ rule: 'pay-placement', price: '1650.00' });
 */
export const RuleChangeSchema = z.strictObject({
  rule: IdSchema.check(z.describe('The id of a rateCard rule of the contract.')),
  price: z.optional(DecimalStringSchema).check(z.describe('The new price (base price of the card).')),
  groupPricing: z.optional(GroupPricingSchema).check(z.describe('The new group pricing, of the same kind as the rule\'s.')),
});

/**
 * A change an amendment makes to a money cap (outcome, cohort, tranche, contract, or a payer cap
 * over the whole contract): its new `amount`.
 *
 * @example
 * CapChangeSchema.parse({ cap: 'cap-total', amount: '250000.00' });
 */
export const CapChangeSchema = z.strictObject({
  cap: IdSchema.check(z.describe('The id of a money cap of the contract (outcome, cohort, tranche, contract, or payer without per).')),
  amount: DecimalStringSchema,
});

/**
 * One amendment: a version of the terms in force from `effectiveFrom` until the day before the
 * next amendment's `effectiveFrom` (the last until the end of the period).
 *
 * @example
 * AmendmentSchema.parse({ id: 'renewal-2019', effectiveFrom: '2019-01-01', changes: { rules: [{ rule: 'pay-placement', price: '1650.00' }] } });
 */
export const AmendmentSchema = z.strictObject({
  id: IdSchema,
  name: z.optional(TextSchema),
  effectiveFrom: DateStringSchema.check(z.describe('The first day the version is in force (after the period start, on or before its end).')),
  changes: z.strictObject({
    rules: z.optional(z.array(RuleChangeSchema)).check(z.describe('Rate-card prices changed; absent = none.')),
    caps: z.optional(z.array(CapChangeSchema)).check(z.describe('Money cap amounts changed; absent = none.')),
  }),
});

/**
 * The amendments of a contract: which version prices an outcome (`achievement`: the version in
 * force on the date the claim is made, the latest achievement date of the outcome and its
 * prerequisites; `enrolment`: the version in force on the participant's enrolment date, whatever
 * the achievement date) and the versions, in date order.
 *
 * @example
 * AmendmentsSchema.parse({ pricedBy: 'enrolment', versions: [{ id: 'renewal-2019', effectiveFrom: '2019-01-01', changes: {} }] });
 */
export const AmendmentsSchema = z.strictObject({
  pricedBy: z
    .enum(['achievement', 'enrolment'])
    .check(z.describe('Which version prices a claim: achievement = the version in force on its achievement date; enrolment = the version in force on the participant\'s enrolment date (enrolledOn).')),
  versions: z.array(AmendmentSchema).check(z.minLength(1), z.describe('The amendments, effectiveFrom strictly increasing.')),
});
