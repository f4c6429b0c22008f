/**
 * Rounding to a currency's minor units, with a mode the contract names.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { OutcomePayError } from '../errors.js';
import { describeValue } from '../guard.js';
import { ZERO, expectAmount, type Amount } from './amount.js';
import { currencyUnits, type CurrencyCode } from './currency.js';

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

function decimalJsMode(where: string, mode: RoundingMode): Decimal.Rounding {
  const rounding = typeof mode === 'string' && Object.hasOwn(DECIMAL_JS_MODE, mode) ? DECIMAL_JS_MODE[mode] : undefined;
  if (rounding === undefined) {
    throw new OutcomePayError(
      'ROUNDING_MODE_UNKNOWN',
      `${where}: mode must be a rounding mode, one of ${ROUNDING_MODES.join(', ')}, not ${describeValue(mode)}`,
      ['mode'],
    );
  }
  return rounding;
}

/**
 * Rounds to a number of decimal places with the given mode. Zero is always positive zero. Throws
 * {@link OutcomePayError} `ROUNDING_PLACES_INVALID`, `ROUNDING_MODE_UNKNOWN`, or `ARGUMENT_INVALID`
 * for an amount that is not a finite {@link Amount}.
 *
 * @example
 * roundDecimal(parseAmount('1.2345'), 3, 'half-even').toFixed(); // '1.234'
 */
export function roundDecimal(amount: Amount, places: number, mode: RoundingMode): Amount {
  return roundTo('roundDecimal', amount, places, mode);
}

function roundTo(where: string, amount: Amount, places: number, mode: RoundingMode): Amount {
  expectAmount(where, 'amount', amount);
  if (typeof places !== 'number' || !Number.isSafeInteger(places) || places < 0) {
    throw new OutcomePayError('ROUNDING_PLACES_INVALID', `${where}: places must be a whole number of decimal places from 0, not ${describeValue(places)}`, ['places']);
  }
  const rounded = amount.toDecimalPlaces(places, decimalJsMode(where, mode));
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
  return roundTo('roundMoney', amount, currencyUnits('roundMoney', currency), mode);
}
