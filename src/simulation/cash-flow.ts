/**
 * The cash-flow schedule of a simulation: per calendar month and per quarter in which a tranche
 * falls due, what the payers pay in it, in total and each, over the runs. A tranche's money is
 * dated by its due date, as a settlement dates it (`dueOn`; a payment on exit: its clause's check
 * date).
 *
 * @module
 */
import { sumAmounts, type Amount } from '../money/index.js';
import { statistics, type AmountStatistics, type PayerStatistics } from './amount-statistics.js';
import type { SimulationSamples } from './simulate.js';

/**
 * What falls due in one period (a month or a quarter), over the runs.
 *
 * @example
 * const july = summarize(samples).cashFlow.months[0];
 * `${july.period}: ${july.total.mean} expected, ${july.total.p5} to ${july.total.p95}`; // '2024-07: 182888.98 expected, 155820.00 to 210220.00'
 */
export interface CashFlowPeriod {
  /** The period: a month `YYYY-MM` or a quarter `YYYY-Qn`. */
  readonly period: string;
  /** The tranches falling due in it (payments on exit as `exit:<clause>`), settlement order. */
  readonly tranches: readonly string[];
  /** Paid in it by every payer together. */
  readonly total: AmountStatistics;
  /** Paid in it by each payer (contract order). */
  readonly payers: readonly PayerStatistics[];
}

/**
 * The cash-flow schedule: the months and the quarters in which tranches fall due, in date order.
 * The expected amount of a period is its `mean`; its percentile bands are `p5` to `p95`.
 *
 * @example
 * summarize(samples).cashFlow.quarters.map((quarter) => [quarter.period, quarter.payers.map((payer) => payer.mean)]);
 */
export interface CashFlowSchedule {
  /** Per month. */
  readonly months: readonly CashFlowPeriod[];
  /** Per quarter (January to March is Q1). */
  readonly quarters: readonly CashFlowPeriod[];
}

/** The month `YYYY-MM` of a `YYYY-MM-DD` date. */
const monthOf = (date: string): string => date.slice(0, 7);

/** The quarter `YYYY-Qn` of a `YYYY-MM-DD` date. */
const quarterOf = (date: string): string => `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;

/** What the cash flow reads of samples: each run's amounts per tranche slot and payer, and when each slot falls due. */
export type CashFlowSamples = Pick<SimulationSamples, 'payers' | 'tranches' | 'trancheDueOn' | 'total' | 'trancheEarned' | 'tranchePayers'>;

function periods(samples: CashFlowSamples, decimals: number, periodOf: (date: string) => string): CashFlowPeriod[] {
  const slotsBy = new Map<string, number[]>();
  samples.trancheDueOn.forEach((date, slot) => {
    const period = periodOf(date);
    const slots = slotsBy.get(period);
    if (slots === undefined) slotsBy.set(period, [slot]);
    else slots.push(slot);
  });
  const runs = samples.total.length;
  return [...slotsBy.keys()].sort().map((period) => {
    const slots = slotsBy.get(period) ?? [];
    const sumOver = (amountOf: (slot: number, run: number) => Amount | undefined): Amount[] =>
      Array.from({ length: runs }, (_, run) => sumAmounts(slots.map((slot) => amountOf(slot, run) as Amount)));
    return {
      period,
      tranches: slots.map((slot) => samples.tranches[slot] ?? ''),
      total: statistics(sumOver((slot, run) => samples.trancheEarned[slot]?.[run]), decimals),
      payers: samples.payers.map((payer, k) => ({ payer, ...statistics(sumOver((slot, run) => samples.tranchePayers[slot]?.[k]?.[run]), decimals) })),
    };
  });
}

/**
 * The cash-flow schedule of a simulation's samples, by month and by quarter.
 *
 * @example
 * cashFlow(samples, 2).months.map((month) => [month.period, month.total.mean]); // [['2024-07', '182888.98'], ...]
 */
export function cashFlow(samples: CashFlowSamples, decimals: number): CashFlowSchedule {
  return { months: periods(samples, decimals, monthOf), quarters: periods(samples, decimals, quarterOf) };
}
