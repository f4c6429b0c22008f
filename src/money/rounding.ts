/**
 * Rounding to a currency's minor units, with a mode the contract names.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { OutcomePayError } from '../errors.js';
import { ZERO, type Amount } from './amount.js';
import { minorUnits, type CurrencyCode } from './currency.js';

/**
 * How to round a value that falls between two representable amounts.
 * - `half-even`: to the nearest, ties to the even neighbour (banker's rounding);
 * - `half-up`: to the nearest, ties away from zero (the usual commercial rounding);
 * - `half-down`: to the nearest, ties towards zero;
 * - `up`: away from zero; `down`: towards zero (truncation);
 * - `ceiling`: towards +∞; `floor`: towards −∞.
 *
 * @example
 * const mode: RoundingMode = 'half-up';
 */
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/**
 * Every {@link RoundingMode}, for schemas and generators.
 *
 * @example
 * ROUNDING_MODES.includes('half-even'); // true
 */
export const ROUNDING_MODES = Object.freeze([
  'half-even',
  'half-up',
  'half-down',
  'up',
  'down',
  'ceiling',
  'floor',
] as const);

const DECIMAL_JS_MODE: Readonly<Record<RoundingMode, Decimal.Rounding>> = {
  'half-even': Decimal.ROUND_HALF_EVEN,
  'half-up': Decimal.ROUND_HALF_UP,
  'half-down': Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceiling: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
};

function decimalJsMode(mode: RoundingMode): Decimal.Rounding {
  const rounding = (DECIMAL_JS_MODE as Record<string, Decimal.Rounding | undefined>)[mode];
  if (rounding === undefined || !Object.hasOwn(DECIMAL_JS_MODE, mode)) {
    throw new OutcomePayError(
      'ROUNDING_MODE_UNKNOWN',
      `${JSON.stringify(mode)} is not a rounding mode; expected one of ${ROUNDING_MODES.join(', ')}`,
    );
  }
  return rounding;
}

/**
 * Rounds to a number of decimal places with the given mode. Zero is always positive zero.
 *
 * @example
 * roundDecimal(parseAmount('1.2345'), 3, 'half-even').toFixed(); // '1.234'
 */
export function roundDecimal(amount: Amount, places: number, mode: RoundingMode): Amount {
  if (!Number.isSafeInteger(places) || places < 0) {
    throw new OutcomePayError('ROUNDING_PLACES_INVALID', `${String(places)} is not a number of decimal places`);
  }
  const rounded = amount.toDecimalPlaces(places, decimalJsMode(mode));
  return rounded.isZero() ? ZERO : rounded;
}

/**
 * Rounds an amount to the minor units of a currency (cents for EUR, whole yen for JPY).
 * Rounding an already rounded amount returns it unchanged.
 *
 * @example
 * roundMoney(parseAmount('2.345'), 'EUR', 'half-even').toFixed(2); // '2.34'
 * roundMoney(parseAmount('2.345'), 'EUR', 'half-up').toFixed(2);   // '2.35'
 * roundMoney(parseAmount('-0.004'), 'EUR', 'half-up').toFixed(2);  // '0.00'
 */
export function roundMoney(amount: Amount, currency: CurrencyCode, mode: RoundingMode): Amount {
  return roundDecimal(amount, minorUnits(currency), mode);
}
