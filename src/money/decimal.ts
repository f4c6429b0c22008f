/**
 * The private decimal constructor of outcome-pay.
 *
 * decimal.js keeps its configuration on the constructor, so another package calling
 * `Decimal.set(...)` on the global constructor would change every result computed with it.
 * outcome-pay therefore works with its own clone, configured completely here (every setting is
 * named, so nothing is inherited from the global constructor's current state), and re-wraps
 * any decimal a caller passes in. This module is internal: it is not exported from the package.
 *
 * @module
 */
import { Decimal } from 'decimal.js';

/**
 * outcome-pay's own decimal constructor. 60 significant digits hold every sum of amounts and every
 * product of two input values exactly: inputs are below 10^15 with at most 12 decimal places (see
 * `limits.ts`), at most 27 significant digits, so a product has at most 54. The computations that
 * divide or chain factors use exact fractions instead (`ratio.ts`). Rounding to money happens
 * explicitly, with the contract's mode.
 */
export const Dec = Decimal.clone({
  defaults: true,
  precision: 60,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
  minE: -9e15,
  maxE: 9e15,
  modulo: Decimal.ROUND_DOWN,
  crypto: false,
});

/** An instance of outcome-pay's private decimal constructor. */
export type Dec = Decimal;

/** True for a decimal.js instance from any constructor (ours, the global one, or another clone); false for anything else, a Proxy that throws included. */
export function isAnyDecimal(value: unknown): value is Decimal {
  try {
    return Decimal.isDecimal(value);
  } catch {
    return false;
  }
}
