/**
 * Exact decimals for the reference: a private decimal.js clone (never the money core's), and
 * rounding to a currency's minor unit with a contract's rounding mode.
 */
import { Decimal } from 'decimal.js';

/** The reference's decimal constructor. */
export const D = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 60 });

/** A reference decimal. */
export type Dec = InstanceType<typeof D>;

const MODES: Readonly<Record<string, Decimal.Rounding>> = {
  'half-even': Decimal.ROUND_HALF_EVEN,
  'half-up': Decimal.ROUND_HALF_UP,
  'half-down': Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceiling: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
};

/**
 * Rounds to `places` decimals with a contract rounding mode.
 *
 * @example
 * roundMinor(new D('1.005'), 2, 'half-up').toFixed(2); // '1.01'
 */
export function roundMinor(value: Dec, places: number, mode: string): Dec {
  const rounding = MODES[mode];
  if (rounding === undefined) throw new Error(`reference: rounding ${mode}`);
  return value.toDecimalPlaces(places, rounding);
}

/** The sum of reference decimals. */
export function sum(values: readonly Dec[]): Dec {
  return values.reduce((total, value) => total.plus(value), new D(0));
}
