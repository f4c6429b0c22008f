/**
 * Canonical text for amounts.
 *
 * @module
 */
import { OutcomePayError } from '../errors.js';
import { expectAmount, type Amount } from './amount.js';
import { currencyUnits, type CurrencyCode } from './currency.js';

/**
 * Formats a money amount with exactly the currency's minor units: `"1234.50"`, `"-0.05"`,
 * `"100"` for JPY. Never exponent notation, never `"-0.00"`. Throws {@link OutcomePayError}
 * `AMOUNT_NOT_ROUNDED` when the amount has more decimals than the currency allows: round it
 * first with `roundMoney`, so that every rounding is explicit.
 *
 * @example
 * formatMoney(parseAmount('1234.5'), 'EUR'); // '1234.50'
 * formatMoney(parseAmount(10n ** 21n), 'EUR'); // '1000000000000000000000.00'
 */
export function formatMoney(amount: Amount, currency: CurrencyCode): string {
  expectAmount('formatMoney', 'amount', amount);
  const units = currencyUnits('formatMoney', currency);
  if (amount.decimalPlaces() > units) {
    throw new OutcomePayError(
      'AMOUNT_NOT_ROUNDED',
      `${amount.toFixed()} has more than ${units} decimal places for ${currency}: round it with roundMoney first`,
    );
  }
  if (amount.isZero()) return (0).toFixed(units);
  return amount.toFixed(units);
}

/**
 * Formats any exact decimal (a rate, a share, an unrounded intermediate) in canonical form:
 * plain digits, no exponent, no trailing zeros after the point, no `"-0"`.
 *
 * @example
 * formatDecimal(parseAmount('0.6000')); // '0.6'
 * formatDecimal(parseAmount('-0'));     // '0'
 */
export function formatDecimal(amount: Amount): string {
  expectAmount('formatDecimal', 'amount', amount);
  if (amount.isZero()) return '0';
  return amount.toFixed();
}
