/**
 * Rounding to a named increment (a whole peso, five cents, a hundred), not only to a currency's
 * minor unit: the value divided by the increment is rounded to a whole number with the mode, then
 * multiplied back, in exact fractions. Internal (not exported from the package).
 *
 * @module
 */
import { OutcomePayError } from '../errors.js';
import { ZERO, type Amount } from './amount.js';
import { ratioOf, ratioOver, roundRatio } from './ratio.js';
import type { RoundingMode } from './rounding.js';

/**
 * `amount` rounded to a multiple of `increment` with `mode` (the modes of `roundMoney`; `half-*`
 * ties are halfway between two multiples). Exact: the result is a multiple of the increment,
 * less than one increment from `amount`, on the side the mode says. Throws `ARGUMENT_INVALID`
 * for an increment that is not above zero.
 *
 * @example
 * roundToIncrement(parseAmount('58962.4'), parseAmount('1'), 'up').toFixed(); // '58963'
 * roundToIncrement(parseAmount('10.024'), parseAmount('0.05'), 'half-even').toFixed(); // '10'
 */
export function roundToIncrement(amount: Amount, increment: Amount, mode: RoundingMode): Amount {
  if (!increment.greaterThan(ZERO)) {
    throw new OutcomePayError('ARGUMENT_INVALID', `roundToIncrement: increment must be above zero, not ${increment.toFixed()}`, ['increment']);
  }
  const multiples = roundRatio(ratioOver(ratioOf(amount), ratioOf(increment)), 0, mode);
  const rounded = multiples.times(increment);
  return rounded.isZero() ? ZERO : rounded;
}
