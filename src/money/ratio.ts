/**
 * Exact fractions, for the few computations of a settlement that divide (a linear schedule at a
 * rate, a share of surplus payments) or chain factors (price reductions): numerator and
 * denominator are integers (bigint), so nothing is rounded until the single, explicit rounding to
 * money, which is exact too. A decimal context of any precision would round 1/3 × 0.03 to
 * 0.00999…9, which rounds down to 0.00 where the exact 0.01 is owed. Internal (not exported from
 * the package).
 *
 * @module
 */
import { OutcomePayError } from '../errors.js';
import { ZERO, type Amount } from './amount.js';
import { Dec } from './decimal.js';
import { minorUnits, type CurrencyCode } from './currency.js';
import type { RoundingMode } from './rounding.js';

/**
 * The fraction `numerator / denominator`, in lowest terms, `denominator > 0`.
 *
 * @example
 * const third: Ratio = ratioOver(ratioOfInteger(1), ratioOfInteger(3)); // { numerator: 1n, denominator: 3n }
 */
export interface Ratio {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/**
 * Zero as a fraction.
 *
 * @example
 * compareRatios(RATIO_ZERO, ratioOfInteger(0)); // 0
 */
export const RATIO_ZERO: Ratio = Object.freeze({ numerator: 0n, denominator: 1n });

/** The greatest common divisor of |a| and |b| (0 for two zeros). */
function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function ratio(numerator: bigint, denominator: bigint): Ratio {
  if (denominator === 0n) throw new OutcomePayError('RATIO_DIVISION_BY_ZERO', 'division of an exact fraction by zero');
  const sign = denominator < 0n ? -1n : 1n;
  const divisor = gcd(numerator, denominator) || 1n;
  return { numerator: (sign * numerator) / divisor, denominator: (sign * denominator) / divisor };
}

/**
 * An amount as an exact fraction (its digits over a power of ten).
 *
 * @example
 * ratioOf(parseAmount('1.25')); // { numerator: 5n, denominator: 4n }
 */
export function ratioOf(amount: Amount): Ratio {
  const text = amount.toFixed(); // every digit, no exponent
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const digits = BigInt(`${whole}${fraction}`);
  return ratio(negative ? -digits : digits, 10n ** BigInt(fraction.length));
}

/**
 * A whole number (a count) as a fraction.
 *
 * @example
 * ratioOfInteger(3); // { numerator: 3n, denominator: 1n }
 */
export function ratioOfInteger(count: number): Ratio {
  if (!Number.isSafeInteger(count)) throw new OutcomePayError('RATIO_NOT_INTEGER', `${String(count)} is not a safe integer`);
  return { numerator: BigInt(count), denominator: 1n };
}

/**
 * `a × b`, exactly.
 *
 * @example
 * ratioTimes(ratioOfInteger(2), ratioOf(parseAmount('0.5'))); // 1
 */
export function ratioTimes(a: Ratio, b: Ratio): Ratio {
  return ratio(a.numerator * b.numerator, a.denominator * b.denominator);
}

/**
 * `a / b`, exactly (`b` not zero).
 *
 * @example
 * ratioOver(ratioOfInteger(2), ratioOfInteger(3)); // 2/3
 */
export function ratioOver(a: Ratio, b: Ratio): Ratio {
  return ratio(a.numerator * b.denominator, a.denominator * b.numerator);
}

/**
 * `a + b`, exactly.
 *
 * @example
 * ratioPlus(ratioOver(ratioOfInteger(1), ratioOfInteger(3)), ratioOver(ratioOfInteger(2), ratioOfInteger(3))); // 1
 */
export function ratioPlus(a: Ratio, b: Ratio): Ratio {
  return ratio(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

/**
 * `a − b`, exactly.
 *
 * @example
 * ratioMinus(ratioOfInteger(1), ratioOver(ratioOfInteger(1), ratioOfInteger(3))); // 2/3
 */
export function ratioMinus(a: Ratio, b: Ratio): Ratio {
  return ratioPlus(a, { numerator: -b.numerator, denominator: b.denominator });
}

/**
 * -1, 0 or 1 as `a` is less than, equal to or greater than `b`.
 *
 * @example
 * compareRatios(ratioOver(ratioOfInteger(2), ratioOfInteger(3)), ratioOf(parseAmount('0.6667'))); // -1
 */
export function compareRatios(a: Ratio, b: Ratio): -1 | 0 | 1 {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Whether the quotient `whole + remainder / divisor` (a non-negative remainder below the divisor) moves away from zero. */
function roundsAway(whole: bigint, remainder: bigint, divisor: bigint, negative: boolean, mode: RoundingMode): boolean {
  if (remainder === 0n) return false;
  const twice = remainder * 2n;
  switch (mode) {
    case 'down':
      return false;
    case 'up':
      return true;
    case 'ceiling':
      return !negative;
    case 'floor':
      return negative;
    case 'half-up':
      return twice >= divisor;
    case 'half-down':
      return twice > divisor;
    case 'half-even':
      return twice > divisor || (twice === divisor && whole % 2n === 1n);
    default: {
      const never: never = mode;
      throw new OutcomePayError('ROUNDING_MODE_UNKNOWN', `${JSON.stringify(never)} is not a rounding mode`);
    }
  }
}

/**
 * The fraction rounded to `places` decimal places with `mode`, exactly (the modes of
 * `roundDecimal`; for a fraction that is a decimal, the same result). Never negative zero.
 *
 * @example
 * roundRatio(ratioOver(ratioOfInteger(1), ratioOfInteger(3)), 2, 'up').toFixed(); // '0.34'
 */
export function roundRatio(value: Ratio, places: number, mode: RoundingMode): Amount {
  const negative = value.numerator < 0n;
  const scaled = (negative ? -value.numerator : value.numerator) * 10n ** BigInt(places);
  const whole = scaled / value.denominator;
  const rounded = roundsAway(whole, scaled % value.denominator, value.denominator, negative, mode) ? whole + 1n : whole;
  if (rounded === 0n) return ZERO;
  return decimalOf(negative ? -rounded : rounded, places);
}

/**
 * The fraction rounded to the currency's minor unit with `mode`, exactly (as `roundMoney` rounds
 * an amount).
 *
 * @example
 * roundRatioMoney(ratioOver(ratioOfInteger(2), ratioOfInteger(3)), 'EUR', 'half-even').toFixed(); // '0.67'
 */
export function roundRatioMoney(value: Ratio, currency: CurrencyCode, mode: RoundingMode): Amount {
  return roundRatio(value, minorUnits(currency), mode);
}

/** The decimal `units × 10^-places`, every digit kept. */
function decimalOf(units: bigint, places: number): Amount {
  if (places === 0) return new Dec(units.toString());
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
  return new Dec(`${negative ? '-' : ''}${digits.slice(0, -places)}.${digits.slice(-places)}`);
}

/**
 * The fraction as a decimal, for reports: exact when it has a finite decimal expansion (every
 * product and sum of amounts does), else its quotient to the decimal context's 60 significant
 * digits (2/3 → 0.666…667).
 *
 * @example
 * formatDecimal(ratioValue(ratioOver(ratioOfInteger(1), ratioOfInteger(8)))); // '0.125'
 */
export function ratioValue(value: Ratio): Amount {
  let rest = value.denominator;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) {
    rest /= 2n;
    twos++;
  }
  while (rest % 5n === 0n) {
    rest /= 5n;
    fives++;
  }
  if (rest !== 1n) return new Dec(value.numerator.toString()).dividedBy(new Dec(value.denominator.toString()));
  const places = Math.max(twos, fives);
  const units = (value.numerator * 10n ** BigInt(places)) / value.denominator;
  return units === 0n ? ZERO : decimalOf(units, places);
}
