/**
 * Price reductions from exit clauses (`reducePrices`): the factor a rule's amounts are multiplied
 * by after the day a clause fired.
 *
 * @module
 */
import { ratioOf, ratioTimes, type Ratio } from '../../money/index.js';
import type { PriceReduction } from './rule-module.js';

/**
 * The product of the factors of the price reductions in force for `rule` on `date`, as an exact
 * fraction (factors of 12 decimal places each: their product can outgrow any decimal context), or
 * `undefined` when none applies.
 *
 * @example
 * priceFactor(reductions, 0, measuredOn); // 9/10 after a reduction by 0.9
 */
export function priceFactor(reductions: readonly PriceReduction[], rule: number, date: number): Ratio | undefined {
  let factor: Ratio | undefined;
  for (const reduction of reductions) {
    if (reduction.rules.has(rule) && date > reduction.after) {
      factor = factor === undefined ? ratioOf(reduction.factor) : ratioTimes(factor, ratioOf(reduction.factor));
    }
  }
  return factor;
}

/**
 * The clauses whose reductions apply to `rule` on `date`, in the order they fired.
 *
 * @example
 * reducedBy(reductions, 0, measuredOn); // ['low-placement']
 */
export function reducedBy(reductions: readonly PriceReduction[], rule: number, date: number): string[] {
  return reductions.filter((reduction) => reduction.rules.has(rule) && date > reduction.after).map((reduction) => reduction.clause);
}
