/**
 * The results of a simulation, computed exactly from the runs' amounts: per tranche, per payer
 * and in total the mean, standard deviation, minimum, maximum and percentiles 5, 25, 50, 75 and 95;
 * the cash-flow schedule by month and quarter; how often each exit clause fires and each cap
 * binds; what is set aside for reinvestment; the payers' cost per successful outcome; the
 * investor view (the waterfall's repayments, multiples, IRRs and the probability of losing capital).
 *
 * @module
 */
import { invalidArgument, isObjectValue } from '../guard.js';
import { minorUnits, sumAmounts, type Amount } from '../money/index.js';
import { shareOfRuns, statistics, type AmountStatistics, type PayerStatistics } from './amount-statistics.js';
import { cashFlow, type CashFlowSchedule } from './cash-flow.js';
import { investorSummary, type InvestorSummary } from './investor-statistics.js';
import { outcomeCosts, type OutcomeCost } from './outcome-cost.js';
import type { SimulationSamples } from './simulate.js';

export type { AmountStatistics, PayerStatistics } from './amount-statistics.js';
export type { CashFlowPeriod, CashFlowSchedule } from './cash-flow.js';
export type { OutcomeCost } from './outcome-cost.js';
export type { InvestorStatistics, InvestorSummary, IrrStatistics, RunShare } from './investor-statistics.js';

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

/**
 * How often a cap binds: it binds in a run when it cuts something (a money cap a tranche's lines,
 * a payer cap a payer's part, a share or outcome-volume cap a claim a tranche took, a
 * per-participant cap a participant's claim).
 *
 * @example
 * const binding: CapBinding = { cap: 'cap-contract', kind: 'contract', bound: 250, probability: '0.250000' };
 */
export interface CapBinding {
  /** Cap id. */
  readonly cap: string;
  /** Cap kind (`participant`, `outcome`, `outcomeVolume`, `share`, `cohort`, `tranche`, `payer`, `contract`). */
  readonly kind: string;
  /** Runs in which it cut something. */
  readonly bound: number;
  /** Their share of the runs, rounded half-even to 6 places. */
  readonly probability: string;
}

/**
 * What one reinvestment sets aside over the contract (part of what the payers pay), over the runs.
 *
 * @example
 * const recycled: ReinvestmentStatistics = { reinvestment: 'recycle', ...statistics(amounts, 2) };
 */
export interface ReinvestmentStatistics extends AmountStatistics {
  /** Reinvestment id. */
  readonly reinvestment: string;
}

/** The summary of a simulation. */
export interface SimulationSummary {
  /** Number of runs. */
  readonly runs: number;
  /** Seed. */
  readonly seed: number;
  /** Currency of every amount. */
  readonly currency: string;
  /** How the runs were drawn: `"count"` or `"participants"` (docs/simulation.md, "Two ways to draw a run"). */
  readonly path: 'count' | 'participants';
  /** Why the participant path ran; empty on the count path. */
  readonly pathReason: string;
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
  /** Per minimum performance level: the runs in which a review found it not met, and their share of the runs (rounded half-even to 6 places). */
  readonly minimumPerformance: readonly { readonly level: string; readonly missed: number; readonly probability: string }[];
  /** When money falls due: per month and per quarter in which a tranche falls due, in total and per payer. */
  readonly cashFlow: CashFlowSchedule;
  /** Per cap (contract order): how often it binds. */
  readonly caps: readonly CapBinding[];
  /** Per reinvestment (contract order): what it sets aside over the contract. */
  readonly reinvestment: readonly ReinvestmentStatistics[];
  /** Per outcome (contract order): the payers' cost per successful outcome. */
  readonly costPerOutcome: readonly OutcomeCost[];
  /** The investor view (docs/simulation.md, Investors), or `null` when the contract has no investor with terms and capital. */
  readonly investors: InvestorSummary | null;
}

/** Whether a value has the shape of simulation samples, read without letting a getter or a proxy throw. */
function isSamples(value: unknown): value is SimulationSamples {
  try {
    if (!isObjectValue(value)) return false;
    const { total, trancheEarned, tranchePayers, fired, payers, tranches, exitClauses, currency } = value;
    const { trancheDueOn, caps, capBound, reinvestments, reinvested, outcomes, achieved, investors, levels, missed } = value;
    return (
      Array.isArray(total) && total.length > 0 && Array.isArray(trancheEarned) && Array.isArray(tranchePayers) && Array.isArray(fired) &&
      Array.isArray(payers) && Array.isArray(tranches) && Array.isArray(exitClauses) && typeof currency === 'string' &&
      [trancheDueOn, caps, capBound, reinvestments, reinvested, outcomes, achieved, investors, levels, missed].every((list) => Array.isArray(list))
    );
  } catch {
    return false;
  }
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
    path: samples.path,
    pathReason: samples.pathReason,
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
      return { clause, fired, probability: shareOfRuns(fired, runs) };
    }),
    minimumPerformance: samples.levels.map((level, k) => {
      const missed = (samples.missed[k] ?? []).filter(Boolean).length;
      return { level, missed, probability: shareOfRuns(missed, runs) };
    }),
    cashFlow: cashFlow(samples, decimals),
    caps: samples.caps.map((cap, k) => {
      const bound = (samples.capBound[k] ?? []).filter(Boolean).length;
      return { cap: cap.id, kind: cap.kind, bound, probability: shareOfRuns(bound, runs) };
    }),
    reinvestment: samples.reinvestments.map((reinvestment, k) => ({ reinvestment, ...statistics(samples.reinvested[k] ?? [], decimals) })),
    costPerOutcome: outcomeCosts(samples, payerTotals, decimals),
    investors: investorSummary(samples, decimals),
  };
}
