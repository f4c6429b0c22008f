/**
 * The increment a rate card's derived prices are rounded to (`groupPricing.increment`): a whole
 * peso (`"1"`), five cents (`"0.05"`), a hundred (`"100"`). Written with `zod/mini`.
 *
 * @module
 */
import * as z from 'zod/mini';
import { DecimalStringSchema } from '../primitives.js';

/**
 * The optional rounding increment of prices derived by group multipliers: above zero, in the
 * currency's minor units at most (checked after the schema: `ROUNDING_INCREMENT_ZERO`,
 * `AMOUNT_PRECISION`); absent = the currency's minor unit, as before.
 *
 * @example
 * RoundingIncrementSchema.parse('1'); // '1': 58962.4 rounded up is 58963
 */
export const RoundingIncrementSchema = z.optional(DecimalStringSchema).check(
  z.describe('Derived prices are rounded to a multiple of this amount (e.g. "1" for a whole unit of the currency), with the pricing\'s rounding mode; absent = the currency\'s minor unit.'),
);
