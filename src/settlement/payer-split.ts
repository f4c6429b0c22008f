/**
 * The split of a tranche among its payers (docs/mechanics/payer-funding.md). Plain decimal shares
 * of every line split the tranche's total by largest remainder, as always. Otherwise each payer's
 * exact part is the sum over the tranche's lines of the line's paid amount times the payer's exact
 * fraction of it (contract/funding.ts); the total is then split by largest remainder in proportion
 * to these exact parts: each payer gets its exact part rounded down to the minor unit, and the
 * leftover units go one each to the largest remainders, ties to the payer listed first. The parts
 * sum to the tranche's total exactly, and each is within one minor unit of its exact part.
 *
 * @module
 */
import { fundedLines, isUniformFunding, lineSplit, payerFundings, type Contract, type FundedLine, type PayerFunding } from '../contract/index.js';
import { RATIO_ZERO, ZERO, allocate, allocateRatios, parseAmount, ratioOf, ratioOver, ratioPlus, ratioText, ratioTimes, shareRatio, type Amount, type CurrencyCode, type Ratio } from '../money/index.js';
import type { Line } from './lines.js';

/** How a contract's tranches are split among its payers. */
export type PayerSplitPlan =
  | { readonly kind: 'decimalShares'; readonly shares: readonly Amount[] }
  | { readonly kind: 'uniform'; readonly weights: readonly Ratio[] }
  | { readonly kind: 'byLine'; readonly fundings: readonly PayerFunding[]; readonly fractions: ReadonlyMap<string, readonly Ratio[]> };

/** A tranche's split: each payer's part (before payer caps) and, unless plain decimal shares, its exact part. */
export interface TrancheSplit {
  /** Parts in contract order, summing to the tranche's total. */
  readonly parts: Amount[];
  /** Exact parts before rounding, or undefined for plain decimal shares (the part is the share of the total). */
  readonly exact: readonly Ratio[] | undefined;
}

function lineKey(line: FundedLine): string {
  return `${line.rule}\u0000${line.cohort ?? ''}\u0000${line.outcome ?? ''}`;
}

/**
 * The split plan of a validated contract.
 *
 * @example
 * compilePayerSplit(contract).kind; // 'decimalShares' for shares 0.6 and 0.4
 */
export function compilePayerSplit(contract: Contract): PayerSplitPlan {
  const payers = contract.parties.payers;
  const fundings = payerFundings(payers);
  if (isUniformFunding(payers)) {
    const decimal = payers.every((payer) => payer.share !== undefined && !payer.share.includes('/'));
    if (decimal) return { kind: 'decimalShares', shares: payers.map((payer) => parseAmount(payer.share ?? '0')) };
    return { kind: 'uniform', weights: fundings.map((payer) => payer.value) };
  }
  const fractions = new Map(fundedLines(contract).map((line) => [lineKey(line), lineSplit(fundings, line).fractions] as const));
  return { kind: 'byLine', fundings, fractions };
}

/**
 * Each payer's exact fraction of `line`, or undefined for a plan that splits every line alike.
 *
 * @example
 * lineFractions(plan, line); // [4/5, 1/5] for a commissioner and a 20 % top-up
 */
export function lineFractions(plan: PayerSplitPlan, line: FundedLine): readonly Ratio[] | undefined {
  if (plan.kind !== 'byLine') return undefined;
  // every line a tranche shows is one of the contract's funded lines; computed afresh if not
  return plan.fractions.get(lineKey(line)) ?? lineSplit(plan.fundings, line).fractions;
}

/**
 * Splits a tranche whose lines pay `total` in all among the payers.
 *
 * @example
 * splitTranche(plan, lines, parseAmount('1000.00'), 'EUR').parts.map(String); // ['800', '200']
 */
export function splitTranche(plan: PayerSplitPlan, lines: readonly Line[], total: Amount, currency: CurrencyCode): TrancheSplit {
  switch (plan.kind) {
    case 'decimalShares':
      return { parts: allocate(total, plan.shares, currency), exact: undefined };
    case 'uniform': {
      const sum = plan.weights.reduce((acc, weight) => ratioPlus(acc, weight), RATIO_ZERO);
      const whole = ratioOf(total);
      const exact = plan.weights.map((weight) => ratioTimes(whole, ratioOver(weight, sum)));
      return { parts: total.isZero() ? plan.weights.map(() => ZERO) : allocateRatios(total, plan.weights, currency), exact };
    }
    case 'byLine': {
      let exact: Ratio[] = plan.fundings.map(() => RATIO_ZERO);
      for (const line of lines) {
        if (line.paid.isZero()) continue;
        const fractions = lineFractions(plan, line) ?? [];
        const paid = ratioOf(line.paid);
        exact = exact.map((part, p) => ratioPlus(part, ratioTimes(paid, fractions[p] ?? RATIO_ZERO)));
      }
      const positive = exact.some((part) => part.numerator > 0n);
      return { parts: total.isZero() || !positive ? exact.map(() => ZERO) : allocateRatios(total, exact, currency), exact };
    }
    default: {
      const never: never = plan;
      return never;
    }
  }
}

/**
 * A payer's share as the settlement shows it: its `share` or `topUp` as written, or its weight over
 * the sum of the weights (`"2/3"`). With `funds`, it applies to the lines the payer funds; each
 * line's exact split is in the line's `payers`.
 *
 * @example
 * payerShareText(contract, 0); // '0.6', '1/3', '2/3' (weight 2 of 3) or '0.2' (a top-up)
 */
export function payerShareText(contract: Contract, index: number): string {
  const payer = contract.parties.payers[index];
  if (payer === undefined) throw new Error('outcome-pay internal error: payer index');
  if (payer.share !== undefined) return payer.share;
  if (payer.topUp !== undefined) return payer.topUp;
  const weights = contract.parties.payers.flatMap((other) => (other.weight === undefined ? [] : [shareRatio(other.weight)]));
  const sum = weights.reduce((acc, weight) => ratioPlus(acc, weight), RATIO_ZERO);
  return sum.numerator === 0n ? '0' : ratioText(ratioOver(shareRatio(payer.weight ?? '0'), sum));
}
