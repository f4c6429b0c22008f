/**
 * Splitting an amount among weights, exact to the minor unit.
 *
 * @module
 */
import { OutcomePayError } from '../errors.js';
import { expectArray } from '../guard.js';
import { parseAmount, type Amount, type AmountInput } from './amount.js';
import { currencyUnits, minorUnits, type CurrencyCode } from './currency.js';
import type { Ratio } from './ratio.js';
import { Dec } from './decimal.js';

/** Scales exact decimals to integers sharing one power of ten. */
function toScaledIntegers(values: readonly Amount[]): bigint[] {
  const places = values.reduce((max, value) => Math.max(max, value.decimalPlaces()), 0);
  return values.map((value) => BigInt(value.times(new Dec(10).pow(places)).toFixed(0)));
}

/**
 * Largest remainder over integer weights: `absolute × weight / weightSum` rounded down, the
 * leftover units one each to the largest remainders, ties to the earlier weight.
 */
function splitMinorUnits(absolute: bigint, weights: readonly bigint[], weightSum: bigint): bigint[] {
  const floors = weights.map((weight) => (absolute * weight) / weightSum);
  const remainders = weights.map((weight) => (absolute * weight) % weightSum);
  let leftover = absolute - floors.reduce((sum, part) => sum + part, 0n);
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of order) {
    if (leftover === 0n) break;
    floors[index] = (floors[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return floors;
}

/** Minor units as an amount of `units` decimal places (never negative zero). */
function fromMinor(minor: bigint, units: number): Amount {
  const part = new Dec(minor.toString()).dividedBy(new Dec(10).pow(units));
  return part.isZero() ? new Dec(0) : part;
}

/**
 * Splits `total` among exact fractional `weights` by the largest-remainder method, as
 * {@link allocate} does with decimal weights: each part is `total × weight / Σ weights` rounded
 * down to a minor unit, the leftover units one each to the largest remainders, ties to the
 * earlier weight. The weights are brought to one denominator first, so `1/3, 1/3, 1/3` splits as
 * `1, 1, 1` would. Internal (payer funding); callers guarantee non-negative weights, a positive
 * sum and a total in minor units.
 *
 * @example
 * allocateRatios(parseAmount('100.00'), [third, third, third], 'EUR').map(String); // ['33.34', '33.33', '33.33']
 */
export function allocateRatios(total: Amount, weights: readonly Ratio[], currency: CurrencyCode): Amount[] {
  const units = minorUnits(currency);
  const common = weights.reduce((lcm, weight) => (lcm * weight.denominator) / gcd(lcm, weight.denominator), 1n);
  const scaled = weights.map((weight) => {
    if (weight.numerator < 0n) throw new OutcomePayError('ALLOCATION_WEIGHT_NEGATIVE', 'a weight is negative: weights must not be negative');
    return (weight.numerator * common) / weight.denominator;
  });
  const weightSum = scaled.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum === 0n) throw new OutcomePayError('ALLOCATION_WEIGHTS_ZERO', 'cannot allocate: every weight is zero');
  const totalMinor = BigInt(total.times(new Dec(10).pow(units)).toFixed(0));
  const negative = totalMinor < 0n;
  const floors = splitMinorUnits(negative ? -totalMinor : totalMinor, scaled, weightSum);
  return floors.map((minor) => fromMinor(negative ? -minor : minor, units));
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * Splits `total` among `weights` by the largest-remainder method, in the currency's minor units.
 *
 * Each part is the exact share `total × weight / Σ weights`, rounded down (towards zero) to a
 * minor unit; the units left over go one each to the parts with the largest remainders, ties
 * going to the earlier part. So the parts always sum exactly to `total`, each is within one minor
 * unit of its exact share, a zero weight always gets exactly zero, and the result depends only on
 * the inputs. A negative total (a clawback) is split as the mirror image of its absolute value.
 *
 * Throws {@link OutcomePayError}: `ALLOCATION_NO_WEIGHTS` (empty list), `ALLOCATION_WEIGHT_NEGATIVE`,
 * `ALLOCATION_WEIGHTS_ZERO` (all weights zero), `AMOUNT_NOT_ROUNDED` (the total has more decimals
 * than the currency), plus the codes of `parseAmount` for a bad weight or total, and of `minorUnits`
 * for the currency; `ARGUMENT_INVALID` when `weights` is not an array.
 *
 * @param total - the amount to split, already in minor units of `currency`
 * @param weights - non-negative weights (shares such as `"0.6"`, or counts), at least one positive
 * @param currency - ISO 4217 code fixing the minor unit
 * @example
 * allocate(parseAmount('100.00'), ['1', '1', '1'], 'EUR').map(String); // ['33.34', '33.33', '33.33']
 * allocate(parseAmount('-0.05'), ['0.6', '0.4'], 'EUR').map(String);   // ['-0.03', '-0.02']
 */
export function allocate(total: Amount, weights: readonly AmountInput[], currency: CurrencyCode): Amount[] {
  expectArray('allocate', 'weights', weights, 'an array of weights');
  if (weights.length === 0) {
    throw new OutcomePayError('ALLOCATION_NO_WEIGHTS', 'cannot allocate among an empty list of weights');
  }
  const parsedWeights = weights.map((weight, index) => {
    const value = parseAmount(weight, ['weights', index]);
    if (value.isNegative() && !value.isZero()) {
      throw new OutcomePayError(
        'ALLOCATION_WEIGHT_NEGATIVE',
        `weight ${index} is ${value.toFixed()}: weights must not be negative`,
        ['weights', index],
      );
    }
    return value;
  });
  const units = currencyUnits('allocate', currency);
  const amount = parseAmount(total, ['total']);
  if (amount.decimalPlaces() > units) {
    throw new OutcomePayError(
      'AMOUNT_NOT_ROUNDED',
      `cannot allocate ${amount.toFixed()} ${currency}: it has more than ${units} decimal places`,
    );
  }
  const scaledWeights = toScaledIntegers(parsedWeights);
  const weightSum = scaledWeights.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum === 0n) {
    throw new OutcomePayError('ALLOCATION_WEIGHTS_ZERO', 'cannot allocate: every weight is zero');
  }
  const totalMinor = BigInt(amount.times(new Dec(10).pow(units)).toFixed(0));
  const negative = totalMinor < 0n;
  const absolute = negative ? -totalMinor : totalMinor;

  const floors = splitMinorUnits(absolute, scaledWeights, weightSum);
  return floors.map((minor) => fromMinor(negative ? -minor : minor, units));
}
