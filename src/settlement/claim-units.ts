/**
 * The amounts a participant's claims can take, as integers of one common unit (the smallest
 * decimal place among them), so that per-participant caps are applied with integer arithmetic:
 * no decimal is created for a participant whose claims fit under the cap.
 *
 * @module
 */
import { parseAmount, type Amount } from '../money/index.js';

/** The integer value of each known amount, and the unit they count. */
export interface ClaimUnits {
  /** Amount object → its value in units (objects are the plan's shared price objects). */
  readonly of: ReadonlyMap<Amount, number>;
  /** The value of one unit: 10^-places. */
  readonly unit: Amount;
}

/** Amounts with more decimal places than this use decimal arithmetic. */
const MAX_PLACES = 9;
/** Integers stay far below 2^53, so sums of a participant's claims remain exact. */
const MAX_UNITS = 2 ** 40;

/**
 * Integer units for `amounts`, or `undefined` when one of them is negative, has more than nine
 * decimal places, or is too large to count exactly (then callers use decimals).
 *
 * @example
 * const units = claimUnits([price, parseAmount('1320.25')]); // price = parseAmount('1500.00')
 * units?.of.get(price); // 150000: units of 0.01, the finest place among the amounts
 */
export function claimUnits(amounts: readonly Amount[]): ClaimUnits | undefined {
  let places = 0;
  for (const amount of amounts) {
    if (amount.isNegative() || amount.decimalPlaces() > MAX_PLACES) return undefined;
    places = Math.max(places, amount.decimalPlaces());
  }
  const scale = parseAmount(10).toPower(places);
  const of = new Map<Amount, number>();
  for (const amount of amounts) {
    const units = amount.times(scale);
    if (units.greaterThan(MAX_UNITS)) return undefined;
    of.set(amount, units.toNumber());
  }
  return { of, unit: parseAmount(1).dividedBy(scale) };
}

/**
 * An amount of `units` units.
 *
 * @example
 * amountOfUnits(units, 75); // 0.75 when a unit is 0.01
 */
export function amountOfUnits(units: ClaimUnits, count: number): Amount {
  return units.unit.times(count);
}
