/**
 * An amount's value as numbers, read without copying or formatting: the one place outside
 * decimal.js that knows how a decimal stores its digits (used to hash amounts by value and to
 * build decimals from wage texts). Internal (not exported from the package).
 *
 * @module
 */
import type { Amount } from './amount.js';

/**
 * A decimal's parts as decimal.js keeps them: sign `s` (1 or -1), exponent `e` (of the first
 * digit), and digits `d` in base-10^7 words, the first word holding 1 to 7 digits, with no
 * trailing zero word. Zero is `d = [0]`, `e = 0`, with either sign.
 */
export interface AmountDigits {
  /** 1 or -1. */
  s: number;
  /** Base-10 exponent of the first digit. */
  e: number;
  /** Base-10^7 digit words. */
  d: number[];
}

/**
 * The parts of `amount` (the same object, seen through {@link AmountDigits}; do not change them).
 *
 * @example
 * amountDigits(parseAmount('1650.50')); // { s: 1, e: 3, d: [1650, 5000000] }
 */
export function amountDigits(amount: Amount): Readonly<AmountDigits> {
  return amount; // decimal.js types its parts as public read-only fields
}

/**
 * Whether the parts are those of zero (of either sign).
 *
 * @example
 * isZeroDigits(amountDigits(parseAmount('-0'))); // true
 */
export function isZeroDigits(parts: { readonly d: readonly number[] }): boolean {
  return parts.d.length === 1 && parts.d[0] === 0;
}
