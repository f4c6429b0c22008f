/**
 * Reinvestment: the part of the payments set aside for a destination (the next cohort, a fund),
 * cumulative over the contract and capped.
 *
 * @module
 */
import type { Contract } from '../contract/index.js';
import {
  ZERO,
  formatDecimal,
  parseAmount,
  sumAmounts,
  RATIO_ZERO,
  ratioOf,
  ratioOfInteger,
  ratioOver,
  ratioPlus,
  ratioTimes,
  ratioValue,
  roundRatioMoney,
  type Amount,
  type Ratio,
} from '../money/index.js';
import type { Line } from './lines.js';
import type { SettlementPlan } from './plan.js';

/** Running totals behind each reinvestment, across tranches. */
export interface ReinvestmentState {
  /** Cumulative earned payments. */
  earned: Amount;
  /** Per reinvestment id: cumulative units of its outcome paid so far. */
  readonly units: Map<string, number>;
  /**
   * Per reinvestment id: cumulative surplus payments (beyond the target units), an exact fraction
   * (a line's payment is shared among its claims: paid × beyond / claims).
   */
  readonly surplus: Map<string, Ratio>;
  /** Per reinvestment id: cumulative amount set aside. */
  readonly setAside: Map<string, Amount>;
}

/** The set-aside of one reinvestment in one tranche. */
export interface ReinvestmentPart {
  /** Reinvestment id. */
  readonly reinvestment: string;
  /** Destination in words (`cohort 2024-A`, or the external name). */
  readonly destination: string;
  /** Set aside in this tranche. */
  readonly amount: Amount;
  /** The basis and formula. */
  readonly formula: string;
}

type Reinvestment = NonNullable<Contract['reinvestment']>[number];

function destination(reinvestment: Reinvestment): string {
  return reinvestment.destination.kind === 'cohort' ? `cohort ${reinvestment.destination.cohort}` : reinvestment.destination.name;
}

/**
 * Computes the set-asides of a tranche that earned `earned` from `lines`, updating `state`.
 * The lines' payments count as what was paid, except that payer caps may have cut the tranche
 * after them (`earned` below the lines' sum): a surplus payment then counts in the proportion
 * actually paid. No tranche sets aside more than it earned.
 *
 * @example
 * reinvest(plan, state, lines, parseAmount('12000.00'));
 */
export function reinvest(plan: SettlementPlan, state: ReinvestmentState, lines: readonly Line[], earned: Amount): ReinvestmentPart[] {
  state.earned = state.earned.plus(earned);
  const parts: ReinvestmentPart[] = [];
  const asked = sumAmounts(lines.map((line) => line.paid));
  // what a line's payment was really paid at, after the payer caps: all of it, or earned / asked
  const paidShare = (amount: Ratio): Ratio => (earned.greaterThanOrEqualTo(asked) ? amount : ratioOver(ratioTimes(amount, ratioOf(earned)), ratioOf(asked)));
  let left = earned;
  for (const reinvestment of plan.contract.reinvestment ?? []) {
    const share = parseAmount(reinvestment.share);
    const cap = parseAmount(reinvestment.cap);
    let basis: Ratio;
    let described: string;
    const trigger = reinvestment.trigger;
    if (trigger.kind === 'paymentsAboveThreshold') {
      const above = state.earned.minus(parseAmount(trigger.threshold));
      basis = above.isNegative() ? RATIO_ZERO : ratioOf(above);
      described = `payments to date ${formatDecimal(state.earned)} above ${trigger.threshold}`;
    } else {
      let units = state.units.get(reinvestment.id) ?? 0;
      let surplus = state.surplus.get(reinvestment.id) ?? RATIO_ZERO;
      for (const line of lines) {
        if (line.kind !== 'rateCard' || line.outcome !== trigger.outcome || line.claims === null || line.claims === 0) continue;
        const after = units + line.claims;
        const beyond = Math.max(0, after - Math.max(trigger.targetUnits, units));
        if (beyond > 0) surplus = ratioPlus(surplus, paidShare(ratioOver(ratioTimes(ratioOf(line.paid), ratioOfInteger(beyond)), ratioOfInteger(line.claims))));
        units = after;
      }
      state.units.set(reinvestment.id, units);
      state.surplus.set(reinvestment.id, surplus);
      basis = surplus;
      described = `payments for ${trigger.outcome} beyond ${trigger.targetUnits} units (${units} paid so far): ${formatDecimal(ratioValue(surplus))}`;
    }
    const wanted = roundRatioMoney(ratioTimes(basis, ratioOf(share)), plan.currency, plan.rounding);
    const cumulative = wanted.greaterThan(cap) ? cap : wanted;
    const before = state.setAside.get(reinvestment.id) ?? ZERO;
    const wantedNow = cumulative.greaterThan(before) ? cumulative.minus(before) : ZERO;
    const amount = wantedNow.greaterThan(left) ? left : wantedNow;
    left = left.minus(amount);
    state.setAside.set(reinvestment.id, before.plus(amount));
    if (amount.isZero()) continue;
    parts.push({
      reinvestment: reinvestment.id,
      destination: destination(reinvestment),
      amount,
      formula: `${reinvestment.share} × ${described}, capped at ${reinvestment.cap} over the contract; ${formatDecimal(before)} set aside before`,
    });
  }
  return parts;
}
