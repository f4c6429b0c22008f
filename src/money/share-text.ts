/**
 * Shares written as text: a decimal (`"0.6"`) or an exact fraction (`"1/3"`), read as exact
 * fractions, and fractions written back as the shortest exact text. Internal (the contract reads
 * payer shares with it; not exported from the package).
 *
 * @module
 */
import { OutcomePayError } from '../errors.js';
import { parseAmount } from './amount.js';
import { ratioOf, ratioOver, type Ratio } from './ratio.js';

/** A fraction of two whole numbers, at most 15 digits each, no sign, no spaces: `1/3`, `2/3`. */
export const FRACTION_PATTERN = /^(0|[1-9][0-9]{0,14})\/([1-9][0-9]{0,14})$/;

/**
 * Whether `text` is written as a fraction (`"1/3"`) rather than a decimal.
 *
 * @example
 * isFractionText('1/3'); // true
 * isFractionText('0.5'); // false
 */
export function isFractionText(text: string): boolean {
  return FRACTION_PATTERN.test(text);
}

/**
 * A share written as a decimal (`"0.6"`) or a fraction (`"1/3"`) as an exact fraction in lowest
 * terms. Throws `AMOUNT_FORMAT` (an `OutcomePayError`) for any other text.
 *
 * @example
 * shareRatio('1/3'); // { numerator: 1n, denominator: 3n }
 * shareRatio('0.25'); // { numerator: 1n, denominator: 4n }
 */
export function shareRatio(text: string): Ratio {
  const match = FRACTION_PATTERN.exec(text);
  if (match === null) return ratioOf(parseAmount(text));
  return ratioOver({ numerator: BigInt(match[1] ?? '0'), denominator: 1n }, { numerator: BigInt(match[2] ?? '1'), denominator: 1n });
}

/**
 * A fraction as exact text: a decimal when it has a finite expansion (`1/4` → `"0.25"`, `2` →
 * `"2"`), else `numerator/denominator` in lowest terms (`"2/3"`). Negative fractions keep their sign.
 *
 * @example
 * ratioText({ numerator: 2n, denominator: 3n }); // '2/3'
 * ratioText({ numerator: 3n, denominator: 8n }); // '0.375'
 */
export function ratioText(value: Ratio): string {
  if (value.denominator <= 0n) throw new OutcomePayError('RATIO_DIVISION_BY_ZERO', 'a fraction has a denominator of zero or below');
  let rest = value.denominator;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) {
    rest /= 2n;
    twos += 1;
  }
  while (rest % 5n === 0n) {
    rest /= 5n;
    fives += 1;
  }
  if (rest !== 1n) return `${value.numerator.toString()}/${value.denominator.toString()}`;
  const places = Math.max(twos, fives);
  const scaled = (value.numerator * 10n ** BigInt(places)) / value.denominator;
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative ? `-${text}` : text;
}
