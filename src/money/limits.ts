/**
 * The largest amount and the most decimals outcome-pay accepts in its inputs (contract amounts,
 * prices, caps, rates, shares, factors, multipliers, percentages, record wages, indicator values),
 * and the checks that hold inputs to them.
 *
 * Within these limits every computation of a settlement is exact (docs/money.md): an input has at
 * most 15 + 12 = 27 significant digits, so the product of two inputs (a price and a multiplier, a
 * baseline wage and a percentage) has at most 54 and fits the 60 digits of the decimal context;
 * counts multiply amounts already rounded to money; the few quotients (a linear schedule, a share
 * of surplus payments) and chains of factors are kept as exact fractions and rounded once.
 *
 * @module
 */
import { formatPath, type Issue, type PathSegment } from '../errors.js';
import { expectPath } from '../guard.js';
import { expectAmount, type Amount } from './amount.js';
import { amountDigits, isZeroDigits } from './amount-digits.js';

/**
 * The most digits before the decimal point of an accepted amount: every amount is below 10^15
 * (1,000,000,000,000,000), in absolute value.
 *
 * @example
 * checkAmountLimits(parseAmount('999999999999999.99')); // undefined: accepted
 * checkAmountLimits(parseAmount('1000000000000000'))?.code; // 'AMOUNT_TOO_LARGE'
 */
export const MAX_AMOUNT_INTEGER_DIGITS = 15;

/**
 * The most decimal places of an accepted amount: 12 (trailing zeros do not count: `"1.5000000000000"`
 * is 1.5). Money in a contract is further held to its currency's minor unit.
 *
 * @example
 * checkAmountLimits(parseAmount('0.000000000001')); // undefined: accepted
 * checkAmountLimits(parseAmount('0.0000000000001'))?.code; // 'AMOUNT_TOO_PRECISE'
 */
export const MAX_AMOUNT_DECIMALS = 12;

/**
 * The text of a decimal (optional sign, digits, optional fraction; leading zeros allowed) whose
 * value is below 10^15: any text that is not `0*[1-9]` followed by 15 more digits. Other texts pass
 * (their syntax is another pattern's job), so schemas pair it with their decimal pattern.
 *
 * @example
 * AMOUNT_MAGNITUDE_PATTERN.test('999999999999999.99'); // true
 * AMOUNT_MAGNITUDE_PATTERN.test('1000000000000000'); // false
 */
export const AMOUNT_MAGNITUDE_PATTERN = new RegExp(`^(?!-?0*[1-9][0-9]{${String(MAX_AMOUNT_INTEGER_DIGITS)}})`);

/**
 * The text of a decimal with no non-zero digit after the 12th decimal place. Other texts pass, as
 * for {@link AMOUNT_MAGNITUDE_PATTERN}.
 *
 * @example
 * AMOUNT_DECIMALS_PATTERN.test('0.100000000000000'); // true (trailing zeros)
 * AMOUNT_DECIMALS_PATTERN.test('0.0000000000001'); // false
 */
export const AMOUNT_DECIMALS_PATTERN = new RegExp(`^(?!-?[0-9]*\\.[0-9]{${String(MAX_AMOUNT_DECIMALS)}}[0-9]*[1-9])`);

/**
 * True when `amount` is below 10^15 in absolute value and has at most 12 decimal places. Reads the
 * decimal's digit words: no allocation.
 *
 * @example
 * isWithinAmountLimits(parseAmount('1650.50')); // true
 */
export function isWithinAmountLimits(amount: Amount): boolean {
  const parts = amountDigits(amount);
  return isZeroDigits(parts) || (parts.e < MAX_AMOUNT_INTEGER_DIGITS && amount.decimalPlaces() <= MAX_AMOUNT_DECIMALS);
}

/**
 * The issue of an amount beyond the limits, or `undefined` within them: `AMOUNT_TOO_LARGE`
 * (10^15 or more in absolute value) or `AMOUNT_TOO_PRECISE` (a non-zero digit after the 12th
 * decimal place).
 *
 * @param amount - the amount read from an input
 * @param path - where it was, for the issue
 * @example
 * checkAmountLimits(parseAmount('1000000000000000.01'), ['rules', 0, 'price'])?.code; // 'AMOUNT_TOO_LARGE'
 */
export function checkAmountLimits(amount: Amount, path: readonly PathSegment[] = []): Issue | undefined {
  expectAmount('checkAmountLimits', 'amount', amount);
  expectPath('checkAmountLimits', 'path', path);
  if (isWithinAmountLimits(amount)) return undefined;
  const where = path.length > 0 ? `${formatPath(path)}: ` : '';
  const text = amount.toFixed();
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  if (amountDigits(amount).e >= MAX_AMOUNT_INTEGER_DIGITS) {
    return { code: 'AMOUNT_TOO_LARGE', path, message: `${where}${shown} is too large: amounts must be below 10^15 (1,000,000,000,000,000), the largest whose computations outcome-pay keeps exact` };
  }
  return { code: 'AMOUNT_TOO_PRECISE', path, message: `${where}${shown} has more than ${String(MAX_AMOUNT_DECIMALS)} decimal places, the most outcome-pay keeps exact` };
}
