/**
 * One run's investor waterfall: the capital each investor draws, the outcome payments passed
 * down the waterfall on the days they fall due, what each investor receives under its return
 * cap, what guarantors pay towards capital not recovered, and what is left for the provider.
 *
 * The order of a day: the day's draws first, then the day's payments, which go to the investors
 * in the waterfall's order, each taking what it may still receive (no cap: everything that
 * reaches it) before the next gets anything; the rest is the provider's. On the last day of the
 * waterfall (the latest payment or draw) each guarantee pays the capital its investor has not
 * recovered (drawn less received), up to the guarantee. The payers pay exactly what they owe:
 * every payment ends with an investor or the provider.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { formatDate, parseDate, type CalendarDate } from '../calendar/index.js';
import { invalidArgument } from '../guard.js';
import { ZERO, isKnownCurrency, minorUnits, parseAmount, sumAmounts, type Amount } from '../money/index.js';
import { growthAt, owedAtRate, type AccrualEvent } from './accrual.js';
import type { InvestorTerms } from './investor-terms.js';
import type { DatedFlow } from './irr.js';
import { readInvestorTerms, readPayments } from './waterfall-input.js';

/** A payment by the payers (every payer together) on the day it falls due. */
export interface DatedPayment {
  /** `YYYY-MM-DD`. */
  readonly on: string;
  /** Paid, exact. */
  readonly amount: Amount;
}

/**
 * What one investor draws and receives in a run.
 *
 * @example
 * const run = investorWaterfall(payments, waterfallTerms(contract), 'EUR').investors[0];
 * `${run.investor} drew ${run.drawn.toFixed(2)} and received ${run.received.toFixed(2)}`;
 */
export interface InvestorRun {
  /** Investor id. */
  readonly investor: string;
  /** Capital drawn (its principal). */
  readonly drawn: Amount;
  /** Received from the outcome payments. */
  readonly repaid: Amount;
  /** Paid by its guarantor on the waterfall's last day. */
  readonly guaranteePaid: Amount;
  /** Received in all: repaid plus the guarantee. */
  readonly received: Amount;
  /** Capital not recovered: drawn less received, when above 0. */
  readonly loss: Amount;
  /** Whether its return cap held back money that then went down the waterfall. */
  readonly capReached: boolean;
  /** Its cash flows, netted by day in date order: draws negative, receipts positive (for its IRR). */
  readonly flows: readonly DatedFlow[];
}

/** One run's waterfall. */
export interface WaterfallRun {
  /** Per investor, in the waterfall's order. */
  readonly investors: readonly InvestorRun[];
  /** What the payers paid in all. */
  readonly paid: Amount;
  /** What is left for the provider: paid less what the investors were repaid. */
  readonly provider: Amount;
}

/** An investor prepared once per simulation. */
interface PreparedInvestor {
  readonly terms: InvestorTerms;
  readonly drawdowns: readonly { readonly day: number; readonly amount: Amount }[];
  readonly drawn: Amount;
  readonly guarantee: Amount | null;
  readonly multiple: Amount | null;
  readonly grow: ((days: number) => Decimal) | null;
}

/**
 * Prepares the waterfall of a simulation's investors once (the growth factors of IRR caps are
 * memoised across runs) and returns the function computing one run's waterfall from its dated
 * payments.
 *
 * @example
 * const run = prepareWaterfall(waterfallTerms(contract), 'EUR');
 * run([{ on: '2025-07-15', amount: parseAmount('120000.00') }]).provider.toFixed(2);
 */
export function prepareWaterfall(investors: readonly InvestorTerms[], currency: string): (payments: readonly DatedPayment[]) => WaterfallRun {
  const decimals = minorUnits(currency);
  const prepared: PreparedInvestor[] = investors.map((terms) => {
    const drawdowns = terms.drawdowns.map((drawdown) => ({ day: parseDate(drawdown.on), amount: parseAmount(drawdown.amount) }));
    return {
      terms,
      drawdowns,
      drawn: sumAmounts(drawdowns.map((drawdown) => drawdown.amount)),
      guarantee: terms.guarantee === null ? null : parseAmount(terms.guarantee),
      multiple: terms.returnCap?.kind === 'multiple' ? parseAmount(terms.returnCap.multiple) : null,
      grow: terms.returnCap?.kind === 'irr' ? growthAt(terms.returnCap.rate) : null,
    };
  });
  return (payments) => runWaterfall(prepared, payments, decimals);
}

/** Per investor during a run. */
interface State {
  drawnSoFar: Amount;
  repaid: Amount;
  capReached: boolean;
  /** Draws (positive) and receipts (negative) by day, for the IRR cap's accrual. */
  readonly events: AccrualEvent[];
  /** Signed flows by day, from the investor's side. */
  readonly flows: Map<number, Amount>;
}

/** What an investor may still receive on `day`, by its cap (`null`: no cap). */
function mayReceive(investor: PreparedInvestor, state: State, day: number, decimals: number): Amount | null {
  if (investor.grow !== null) return owedAtRate(state.events, day, investor.grow, decimals);
  if (investor.multiple !== null) {
    const most = parseAmount(investor.multiple.times(state.drawnSoFar).toDecimalPlaces(decimals, Decimal.ROUND_DOWN).toFixed(decimals));
    return most.gt(state.repaid) ? most.minus(state.repaid) : ZERO;
  }
  return null;
}

function addFlow(state: State, day: number, amount: Amount): void {
  state.flows.set(day, (state.flows.get(day) ?? ZERO).plus(amount));
}

function runWaterfall(investors: readonly PreparedInvestor[], payments: readonly DatedPayment[], decimals: number): WaterfallRun {
  const byDay = new Map<number, Amount>();
  for (const payment of payments) {
    const day = parseDate(payment.on);
    byDay.set(day, (byDay.get(day) ?? ZERO).plus(payment.amount));
  }
  const days = [...new Set([...byDay.keys(), ...investors.flatMap((investor) => investor.drawdowns.map((drawdown) => drawdown.day))])].sort((a, b) => a - b);
  const states: State[] = investors.map(() => ({ drawnSoFar: ZERO, repaid: ZERO, capReached: false, events: [], flows: new Map() }));
  let provider = ZERO;
  for (const day of days) {
    investors.forEach((investor, k) => {
      const state = states[k] as State;
      for (const drawdown of investor.drawdowns) {
        if (drawdown.day !== day) continue;
        state.drawnSoFar = state.drawnSoFar.plus(drawdown.amount);
        state.events.push({ day, amount: drawdown.amount });
        addFlow(state, day, drawdown.amount.negated());
      }
    });
    let left = byDay.get(day) ?? ZERO;
    investors.forEach((investor, k) => {
      if (!left.gt(0)) return;
      const state = states[k] as State;
      const most = mayReceive(investor, state, day, decimals);
      const take = most === null || most.gte(left) ? left : most;
      if (most !== null && most.lt(left)) state.capReached = true;
      if (!take.gt(0)) return;
      left = left.minus(take);
      state.repaid = state.repaid.plus(take);
      state.events.push({ day, amount: take.negated() });
      addFlow(state, day, take);
    });
    provider = provider.plus(left);
  }
  const lastDay = days[days.length - 1] ?? 0;
  const runs = investors.map((investor, k): InvestorRun => {
    const state = states[k] as State;
    const shortfall = investor.drawn.minus(state.repaid);
    const guaranteePaid = investor.guarantee === null || !shortfall.gt(0) ? ZERO : investor.guarantee.lt(shortfall) ? investor.guarantee : shortfall;
    if (guaranteePaid.gt(0)) addFlow(state, lastDay, guaranteePaid);
    const received = state.repaid.plus(guaranteePaid);
    const loss = investor.drawn.minus(received);
    return {
      investor: investor.terms.investor,
      drawn: investor.drawn,
      repaid: state.repaid,
      guaranteePaid,
      received,
      loss: loss.gt(0) ? loss : ZERO,
      capReached: state.capReached,
      flows: [...state.flows.entries()]
        .filter(([, amount]) => !amount.isZero())
        .sort(([a], [b]) => a - b)
        .map(([day, amount]) => ({ on: formatDate(day as CalendarDate), amount: amount.toFixed() })),
    };
  });
  return { investors: runs, paid: sumAmounts([...byDay.values()]), provider };
}

/**
 * One run's waterfall: the investors' draws, what each receives from the dated payments under
 * its return cap and from its guarantee, and what is left for the provider (see the module for
 * the order of a day). The investors, repaid in the order of the list, are a simulation's
 * `investors` (its samples', already in the waterfall's order) or written the same way; `currency` gives the minor unit a capped amount is rounded down to.
 *
 * @example
 * const terms = [{ investor: 'fund', principal: '100.00', drawdowns: [{ on: '2021-01-01', amount: '100.00' }],
 *   returnCap: { kind: 'multiple', multiple: '1.2' }, guarantee: null, firstLoss: false }] as const;
 * const run = investorWaterfall([{ on: '2022-01-01', amount: parseAmount('150.00') }], terms, 'EUR');
 * run.investors[0].received.toFixed(2); // '120.00' (1.2 × 100.00)
 * run.provider.toFixed(2);              // '30.00'
 */
export function investorWaterfall(payments: readonly DatedPayment[], investors: readonly InvestorTerms[], currency: string): WaterfallRun {
  const terms = readInvestorTerms(investors);
  const dated = readPayments(payments);
  return prepareWaterfall(terms, currencyCode(currency))(dated);
}

/** The currency argument: a code the money core knows. */
function currencyCode(currency: unknown): string {
  if (typeof currency !== 'string' || !isKnownCurrency(currency)) throw invalidArgument('investorWaterfall', 'currency', 'an ISO 4217 code the money core knows, such as "EUR"', currency);
  return currency;
}
