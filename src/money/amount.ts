/**
 * Exact amounts: parsing from the edge, checking data, summing.
 *
 * @module
 */
import type { MoneyCode } from '../codes/index.js';
import { OutcomePayError, formatPath, type Issue, type PathSegment } from '../errors.js';
import { describeValue, expectPath, invalidArgument } from '../guard.js';
import { fail, ok, type Result } from '../result.js';
import { Dec, isAnyDecimal } from './decimal.js';

/**
 * An exact decimal amount (money, a rate, a share). It is an immutable decimal.js value made by
 * outcome-pay's private constructor, so global decimal.js settings never affect it. Create one
 * with {@link parseAmount}; turn it into text with `formatMoney` or `formatDecimal`.
 *
 * @example
 * const price: Amount = parseAmount('1500.00');
 * price.times(3).toFixed(2); // '4500.00'
 */
export type Amount = Dec;

/** What {@link parseAmount} accepts: a decimal string, an integer, a bigint, or a decimal. */
export type AmountInput = string | number | bigint | Amount;

/** A plain decimal string: optional minus sign, digits, optional fraction. No exponent, no spaces. */
const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;

/**
 * True when `value` is a plain decimal string such as `"1500"`, `"-12.50"` or `"0.6"`.
 * Exponents (`"1e3"`), spaces, `"+1"`, `".5"` and `"5."` are refused.
 *
 * @example
 * isDecimalString('1234.50'); // true
 * isDecimalString('1e3');     // false
 */
export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_STRING.test(value);
}

/**
 * The amount zero.
 *
 * @example
 * sumAmounts([]).equals(ZERO); // true
 */
export const ZERO: Amount = new Dec(0);

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  return typeof value;
}

function checkAt(value: unknown, path: readonly PathSegment[]): Result<Amount> {
  const where = path.length > 0 ? ` at ${formatPath(path)}` : '';
  const issue = (code: MoneyCode, message: string): Result<Amount> =>
    fail([{ code, path, message } satisfies Issue]);
  if (typeof value === 'string') {
    if (!DECIMAL_STRING.test(value)) {
      return issue(
        'AMOUNT_FORMAT',
        `${describe(value)}${where} is not a decimal amount: write digits with an optional minus sign and decimal point, such as "1500.00"`,
      );
    }
    return ok(normalizeZero(new Dec(value)));
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      return issue('AMOUNT_NOT_FINITE', `${describe(value)}${where} is not a finite amount`);
    }
    if (!Number.isInteger(value)) {
      return issue(
        'AMOUNT_FRACTIONAL_NUMBER',
        `${describe(value)}${where} is a JavaScript number with a fraction, which cannot hold an exact amount: pass it as a decimal string such as "${String(value)}"`,
      );
    }
    if (!Number.isSafeInteger(value)) {
      return issue(
        'AMOUNT_UNSAFE_INTEGER',
        `${describe(value)}${where} is beyond the exact integer range of a JavaScript number: pass it as a decimal string`,
      );
    }
    return ok(normalizeZero(new Dec(value)));
  }
  if (typeof value === 'bigint') return ok(new Dec(value.toString()));
  if (isAnyDecimal(value)) {
    if (!value.isFinite()) {
      return issue('AMOUNT_NOT_FINITE', `${value.toString()}${where} is not a finite amount`);
    }
    // Re-wrap through the exact digits so the value belongs to our private constructor.
    return ok(normalizeZero(new Dec(value.toFixed())));
  }
  return issue('AMOUNT_TYPE', `${describe(value)}${where} is not an amount: expected a decimal string such as "1500.00"`);
}

function normalizeZero(value: Amount): Amount {
  return value.isZero() ? ZERO : value;
}

/**
 * Checks a value from input data and returns it as an {@link Amount}, or an issue with a stable
 * code: `AMOUNT_FORMAT` (a string that is not a plain decimal), `AMOUNT_FRACTIONAL_NUMBER` (a JS
 * number with a fraction), `AMOUNT_NOT_FINITE` (NaN, Infinity), `AMOUNT_UNSAFE_INTEGER`,
 * `AMOUNT_TYPE` (anything else). Never throws.
 *
 * @param value - the value read from a document
 * @param path - where it was, for the issue
 * @example
 * checkAmount('12.50', ['price']);  // { ok: true, value: 12.5 }
 * checkAmount(12.5, ['price']);     // { ok: false, issues: [{ code: 'AMOUNT_FRACTIONAL_NUMBER', ... }] }
 */
export function checkAmount(value: unknown, path: readonly PathSegment[] = []): Result<Amount> {
  expectPath('checkAmount', 'path', path);
  return checkAt(value, path);
}

/**
 * Parses an amount given by a caller: a decimal string, a safe integer, a bigint, or a decimal.js
 * value (re-wrapped in outcome-pay's private constructor). Throws {@link OutcomePayError} with the
 * codes of {@link checkAmount} for anything else, notably a JS number with a fraction.
 *
 * @param input - the amount
 * @param path - where it came from, named in the error
 * @example
 * parseAmount('1234.5').toFixed(2); // '1234.50'
 * parseAmount(100n).toFixed();      // '100'
 * parseAmount(0.1);                 // throws OutcomePayError AMOUNT_FRACTIONAL_NUMBER
 */
export function parseAmount(input: AmountInput, path: readonly PathSegment[] = []): Amount {
  expectPath('parseAmount', 'path', path);
  const result = checkAt(input, path);
  if (result.ok) return result.value;
  const [first] = result.issues;
  throw new OutcomePayError(first?.code ?? 'AMOUNT_TYPE', first?.message ?? 'invalid amount', path);
}

/**
 * Adds amounts exactly. The sum of an empty list is zero. Throws {@link OutcomePayError}
 * `ARGUMENT_INVALID` for anything but an iterable of finite amounts (a string or a number among
 * them would be added as a JavaScript value: parse it with {@link parseAmount} first).
 *
 * @example
 * sumAmounts([parseAmount('0.10'), parseAmount('0.20')]).toFixed(); // '0.3'
 */
export function sumAmounts(amounts: Iterable<Amount>): Amount {
  if (typeof amounts === 'string' || !isIterable(amounts)) throw invalidArgument('sumAmounts', 'amounts', 'an iterable of amounts (an array)', amounts);
  let total: Amount = ZERO;
  let index = 0;
  for (const amount of amounts) {
    expectAmount('sumAmounts', `amounts[${String(index)}]`, amount);
    total = total.plus(amount);
    index += 1;
  }
  return normalizeZero(total);
}

function isIterable(value: unknown): value is Iterable<unknown> {
  try {
    return typeof value === 'object' && value !== null && typeof (value as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function';
  } catch {
    return false;
  }
}

/**
 * Throws {@link OutcomePayError} `ARGUMENT_INVALID` unless `value` is a finite decimal.js value (an
 * {@link Amount}): the check at the entry of the functions that compute with amounts.
 *
 * @example
 * expectAmount('formatDecimal', 'amount', parseAmount('1.5')); // passes
 * expectAmount('formatDecimal', 'amount', '1.5');              // throws: parse it first
 */
export function expectAmount(where: string, name: string, value: unknown): asserts value is Amount {
  if (!isAnyDecimal(value) || !value.isFinite()) {
    const what = isAnyDecimal(value) ? `${describeValue(value)} that is not finite` : describeValue(value);
    throw new OutcomePayError('ARGUMENT_INVALID', `${where}: ${name} must be an Amount (a finite decimal, from parseAmount), not ${what}`, name.split('.'));
  }
}
