/**
 * The payers' cost per successful outcome: for each outcome of the contract, in each run, what
 * the payers paid over the whole contract divided by the participants who achieved the outcome,
 * then its distribution over the runs in which someone achieved it.
 *
 * @module
 */
import { ratioOf, ratioOfInteger, ratioOver, roundRatioMoney, type Amount } from '../money/index.js';
import { statistics, type AmountStatistics } from './amount-statistics.js';
import type { SimulationSamples } from './simulate.js';

/**
 * What one successful outcome cost, over the runs. In a run, the cost of outcome `o` is what the
 * payers paid over the whole contract (every tranche, every rule, fees included) divided by the
 * participants of every cohort who achieved `o` by the simulation's as-of date (paid for or not),
 * rounded half-even to the minor unit. A run in which nobody achieved `o` has no cost: it is
 * counted in `runsWithout` and left out of the statistics, which are `null` when no run has one.
 *
 * @example
 * for (const cost of summarize(samples).costPerOutcome) {
 *   console.log(cost.outcome, cost.cost === null ? 'nobody achieved it' : cost.cost.mean, `${cost.runsWithout} runs without`);
 * }
 */
export interface OutcomeCost {
  /** Outcome id. */
  readonly outcome: string;
  /** Runs in which at least one participant achieved it. */
  readonly runsWith: number;
  /** Runs in which nobody achieved it (no cost per outcome). */
  readonly runsWithout: number;
  /** Every payer together: the statistics over `runsWith` runs, or `null` when there are none. */
  readonly cost: AmountStatistics | null;
  /** Each payer (contract order): what it paid divided by the same achievers. */
  readonly payers: readonly { readonly payer: string; readonly cost: AmountStatistics | null }[];
}

/**
 * The cost per successful outcome of every outcome participants achieve (contract order; cohort
 * indicators are not achieved by anyone), from the samples and each payer's total per run.
 *
 * @example
 * outcomeCosts(samples, payerTotals, 2).map((cost) => [cost.outcome, cost.cost?.mean ?? null]);
 */
export function outcomeCosts(samples: SimulationSamples, payerTotals: readonly (readonly Amount[])[], decimals: number): OutcomeCost[] {
  return samples.outcomes.map((outcome, k) => {
    const achieved = samples.achieved[k] ?? [];
    const runs = achieved.flatMap((count, run) => (count > 0 ? [run] : []));
    const costs = (paid: readonly Amount[]): AmountStatistics | null =>
      runs.length === 0
        ? null
        : statistics(
            runs.map((run) => roundRatioMoney(ratioOver(ratioOf(paid[run] as Amount), ratioOfInteger(achieved[run] as number)), samples.currency, 'half-even')),
            decimals,
          );
    return {
      outcome,
      runsWith: runs.length,
      runsWithout: achieved.length - runs.length,
      cost: costs(samples.total),
      payers: samples.payers.map((payer, p) => ({ payer, cost: costs(payerTotals[p] ?? []) })),
    };
  });
}
