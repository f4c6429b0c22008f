/**
 * The results of a simulation, computed exactly from the runs' amounts: per tranche, per payer
 * and in total the mean, standard deviation, minimum, maximum and percentiles 5, 25, 50, 75 and 95,
 * and how often each exit clause fires.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { invalidArgument, isObjectValue } from '../guard.js';
import { minorUnits, sumAmounts, type Amount } from '../money/index.js';
import type { SimulationSamples } from './simulate.js';

/**
 * Percentiles reported, in per cent.
 *
 * @example
 * PERCENTILES.map((p) => `p${p}`); // ['p5', 'p25', 'p50', 'p75', 'p95']
 */
export const PERCENTILES = [5, 25, 50, 75, 95] as const;

/**
 * How a percentile is chosen: nearest rank, so every percentile is the amount of one run (no
 * interpolation, no rounding).
 *
 * @example
 * summarize(samples).percentiles === PERCENTILE_DEFINITION; // true
 */
export const PERCENTILE_DEFINITION = 'nearest rank: the p-th percentile is the smallest run amount with at least p % of the runs at or below it (the amount at rank ceil(p / 100 × runs) in increasing order)';

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

/** The summary of a simulation. */
export interface SimulationSummary {
  /** Number of runs. */
  readonly runs: number;
  /** Seed. */
  readonly seed: number;
  /** Currency of every amount. */
  readonly currency: string;
  /** How percentiles are chosen. */
  readonly percentiles: string;
  /** Earned over the contract. */
  readonly total: AmountStatistics;
  /** Per payer, over every tranche (contract order). */
  readonly payers: readonly PayerStatistics[];
  /** Per tranche: earned, and each payer's part. */
  readonly tranches: readonly { readonly tranche: string; readonly earned: AmountStatistics; readonly payers: readonly PayerStatistics[] }[];
  /** Per exit clause: the runs in which it fired, and their share of the runs (rounded half-even to 6 places). */
  readonly exitClauses: readonly { readonly clause: string; readonly fired: number; readonly probability: string }[];
}

/** Whether a value has the shape of simulation samples, read without letting a getter or a proxy throw. */
function isSamples(value: unknown): value is SimulationSamples {
  try {
    if (!isObjectValue(value)) return false;
    const { total, trancheEarned, tranchePayers, fired, payers, tranches, exitClauses, currency } = value;
    return (
      Array.isArray(total) && total.length > 0 && Array.isArray(trancheEarned) && Array.isArray(tranchePayers) && Array.isArray(fired) &&
      Array.isArray(payers) && Array.isArray(tranches) && Array.isArray(exitClauses) && typeof currency === 'string'
    );
  } catch {
    return false;
  }
}

const byValue = (a: Amount, b: Amount): number => a.comparedTo(b);

/**
 * The statistics of one amount over the runs, exactly: the sum is exact, the mean and standard
 * deviation are rounded once at the end, and percentiles are amounts of runs.
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
 * Summarises the samples of a simulation.
 *
 * @example
 * const samples = simulate(contract, assumptions, { runs: 1000, seed: 42 });
 * if (samples.ok) summarize(samples.value).payers.map((payer) => [payer.payer, payer.mean]);
 */
export function summarize(samples: SimulationSamples): SimulationSummary {
  if (!isSamples(samples)) throw invalidArgument('summarize', 'samples', 'the samples of simulate (its value when ok)', samples);
  const runs = samples.total.length;
  const decimals = minorUnits(samples.currency);
  const payerTotals = samples.payers.map((_, payer) =>
    samples.total.map((_, run) => sumAmounts(samples.tranchePayers.map((parts) => parts[payer]?.[run] as Amount))),
  );
  return {
    runs,
    seed: samples.seed,
    currency: samples.currency,
    percentiles: PERCENTILE_DEFINITION,
    total: statistics(samples.total, decimals),
    payers: samples.payers.map((payer, k) => ({ payer, ...statistics(payerTotals[k] ?? [], decimals) })),
    tranches: samples.tranches.map((tranche, slot) => ({
      tranche,
      earned: statistics(samples.trancheEarned[slot] ?? [], decimals),
      payers: samples.payers.map((payer, k) => ({ payer, ...statistics(samples.tranchePayers[slot]?.[k] ?? [], decimals) })),
    })),
    exitClauses: samples.exitClauses.map((clause, k) => {
      const fired = (samples.fired[k] ?? []).filter(Boolean).length;
      return { clause, fired, probability: sumAmounts([]).plus(fired).dividedBy(runs).toDecimalPlaces(6, Decimal.ROUND_HALF_EVEN).toFixed(6) };
    }),
  };
}
