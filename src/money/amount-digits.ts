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

/** Integers of hundredths at or beyond this magnitude are not given (products stay below 2^53). */
const MAX_HUNDREDTHS = 2 ** 31;

/** Digits of a base-10^7 word (1 to 7; 1 for 0). */
function wordDigits(word: number): number {
  if (word >= 1_000_000) return 7;
  if (word >= 100_000) return 6;
  if (word >= 10_000) return 5;
  if (word >= 1_000) return 4;
  if (word >= 100) return 3;
  return word >= 10 ? 2 : 1;
}

/**
 * The amount in hundredths as an integer, read from its digit words without creating a decimal:
 * `undefined` when that is not exact (more than two decimal places) or its magnitude is 2^31 or
 * more (so that callers can multiply two such integers, or one by up to 2^21, exactly).
 *
 * @example
 * hundredthsOf(parseAmount('1650.5')); // 165050
 * hundredthsOf(parseAmount('0.005')); // undefined
 */
export function hundredthsOf(amount: Amount): number | undefined {
  const parts = amountDigits(amount);
  if (isZeroDigits(parts)) return 0;
  const d = parts.d;
  // the power of ten, in hundredths, of the last digit of each word: the first word's, then 7 less per word
  let power = parts.e - wordDigits(d[0] as number) + 3;
  let total = 0;
  for (let i = 0; i < d.length; i++, power -= 7) {
    const word = d[i] as number;
    if (word === 0) continue;
    if (power >= 0) {
      if (power > 9) return undefined; // 10^10 hundredths or more
      total += word * 10 ** power;
    } else {
      if (power < -7) return undefined; // a word entirely below a hundredth, and not zero
      const divisor = 10 ** -power;
      if (word % divisor !== 0) return undefined; // a digit below the hundredths
      total += word / divisor;
    }
    if (total >= MAX_HUNDREDTHS) return undefined;
  }
  return parts.s < 0 ? -total : total;
}
