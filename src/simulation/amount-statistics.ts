/**
 * The statistics of one amount over the runs of a simulation, exactly (mean, standard deviation,
 * nearest-rank percentiles), and the share of runs in which something happened.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { sumAmounts, type Amount } from '../money/index.js';

/** The distribution of one amount over the runs, as decimal strings in the contract currency. */
export interface AmountStatistics {
  /** Mean, rounded half-even to the currency's minor unit. */
  readonly mean: string;
  /** Sample standard deviation (n − 1), rounded half-even to the minor unit; 0 for one run. */
  readonly sd: string;
  /** Smallest run amount. */
  readonly min: string;
  /** Percentiles 5, 25, 50, 75, 95 (nearest rank: amounts of actual runs). */
  readonly p5: string;
  readonly p25: string;
  readonly p50: string;
  readonly p75: string;
  readonly p95: string;
  /** Largest run amount. */
  readonly max: string;
}

/** A payer's distribution. */
export interface PayerStatistics extends AmountStatistics {
  /** Payer id. */
  readonly payer: string;
}

const byValue = (a: Amount, b: Amount): number => a.comparedTo(b);

/**
 * The statistics of one amount over the runs (at least one), exactly: the sum is exact, the mean
 * and standard deviation are rounded once at the end, and percentiles are amounts of runs.
 *
 * @example
 * statistics([parseAmount('1.00'), parseAmount('3.00')], 2).mean; // '2.00'
 */
export function statistics(amounts: readonly Amount[], decimals: number): AmountStatistics {
  const n = amounts.length;
  const sorted = [...amounts].sort(byValue);
  const exactMean = sumAmounts(amounts).dividedBy(n);
  let squares = sumAmounts([]);
  for (const amount of amounts) {
    const deviation = amount.minus(exactMean);
    squares = squares.plus(deviation.times(deviation));
  }
  const sd = n < 2 ? squares.times(0) : squares.dividedBy(n - 1).squareRoot();
  const at = (p: number): string => (sorted[Math.max(Math.ceil((p / 100) * n), 1) - 1] as Amount).toFixed(decimals);
  return {
    mean: exactMean.toDecimalPlaces(decimals, Decimal.ROUND_HALF_EVEN).toFixed(decimals),
    sd: sd.toDecimalPlaces(decimals, Decimal.ROUND_HALF_EVEN).toFixed(decimals),
    min: (sorted[0] as Amount).toFixed(decimals),
    p5: at(5),
    p25: at(25),
    p50: at(50),
    p75: at(75),
    p95: at(95),
    max: (sorted[n - 1] as Amount).toFixed(decimals),
  };
}

/**
 * `count` out of `runs` as a share, rounded half-even to 6 places (how every probability of a
 * summary is written).
 *
 * @example
 * shareOfRuns(1, 3); // '0.333333'
 */
export function shareOfRuns(count: number, runs: number): string {
  return sumAmounts([]).plus(count).dividedBy(runs).toDecimalPlaces(6, Decimal.ROUND_HALF_EVEN).toFixed(6);
}
