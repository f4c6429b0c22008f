/**
 * The codes of the money core: the issues `checkAmount` reports for an amount typed by a person,
 * and the errors the money functions throw when they are misused (`parseAmount(0.1)`).
 *
 * @module
 */

/**
 * Every code of the money core, with a one-line meaning.
 *
 * @example
 * MONEY_CODES.AMOUNT_FRACTIONAL_NUMBER; // 'an amount given as a JavaScript number with a fraction ...'
 */
export const MONEY_CODES = {
  AMOUNT_TYPE: 'an amount is neither a decimal string nor a number',
  AMOUNT_FORMAT: 'an amount is not a plain decimal string such as "1500.00"',
  AMOUNT_FRACTIONAL_NUMBER: 'an amount given as a JavaScript number with a fraction (already binary, maybe rounded): give a decimal string',
  AMOUNT_NOT_FINITE: 'an amount is NaN or infinite',
  AMOUNT_UNSAFE_INTEGER: 'an amount given as an integer beyond the exact range of a JavaScript number',
  AMOUNT_TOO_LARGE: 'an amount is 10^15 or more in absolute value (the largest kept exact)',
  AMOUNT_TOO_PRECISE: 'an amount has a non-zero digit after the 12th decimal place',
  AMOUNT_NOT_ROUNDED: 'an amount has more decimal places than its currency (format or allocate it after roundMoney)',
  CURRENCY_UNKNOWN: 'not an active ISO 4217 currency code',
  ALLOCATION_NO_WEIGHTS: 'allocate was given an empty list of weights (thrown)',
  ALLOCATION_WEIGHT_NEGATIVE: 'allocate was given a negative weight (thrown)',
  ALLOCATION_WEIGHTS_ZERO: 'allocate was given weights that are all zero (thrown)',
  RATIO_DIVISION_BY_ZERO: 'an exact fraction divided by zero (thrown)',
  RATIO_NOT_INTEGER: 'an exact fraction built from a count that is not a safe integer (thrown)',
  ROUNDING_MODE_UNKNOWN: 'not one of the rounding modes (thrown)',
  ROUNDING_PLACES_INVALID: 'a number of decimal places that is not a whole number from 0 (thrown)',
} as const;

/**
 * One of the money core's codes.
 *
 * @example
 * const code: MoneyCode = 'AMOUNT_FORMAT';
 */
export type MoneyCode = keyof typeof MONEY_CODES;
