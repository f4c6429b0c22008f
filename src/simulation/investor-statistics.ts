/**
 * The investor view of a simulation: each run's payments (every tranche, payer parts summed, on
 * its due date) passed down the investor waterfall, then per investor over the runs: what it
 * received, the guarantee, the capital lost, its multiple and its IRR; and what is left for the
 * provider.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { parseDate } from '../calendar/index.js';
import { parseAmount, type Amount } from '../money/index.js';
import { shareOfRuns, statistics, type AmountStatistics } from './amount-statistics.js';
import type { InvestorTerms } from './investor-terms.js';
import { irrOfFlows, IRR_DECIMALS, type IrrResult } from './irr.js';
import type { SimulationSamples } from './simulate.js';
import { prepareWaterfall, type DatedPayment, type InvestorRun } from './waterfall.js';

/** Decimal places of a multiple. */
export const MULTIPLE_DECIMALS = 6;

/** How many runs something happened in, and their share of the runs (rounded half-even to 6 places). */
export interface RunShare {
  readonly runs: number;
  readonly probability: string;
}

/**
 * The IRR of an investor over the runs. A run in which it receives nothing has no IRR (its flows
 * do not change sign): it is counted in `runsWithout`, and ranked below every rate for the
 * percentiles, which are `null` when they fall on such a run. `mean` and `sd` are over the runs
 * with an IRR (`null` when there are none). Rates are annual, actual/365, 10 places.
 */
export interface IrrStatistics {
  readonly runsWith: number;
  readonly runsWithout: number;
  readonly mean: string | null;
  readonly sd: string | null;
  readonly min: string | null;
  readonly p5: string | null;
  readonly p25: string | null;
  readonly p50: string | null;
  readonly p75: string | null;
  readonly p95: string | null;
  readonly max: string | null;
}

/**
 * One investor over the runs of a simulation.
 *
 * @example
 * const fund = summarize(samples).investors?.investors[0];
 * `${fund.investor}: median IRR ${fund.irr.p50}, loses capital in ${fund.capitalLost.probability} of runs`;
 */
export interface InvestorStatistics {
  /** Investor id. */
  readonly investor: string;
  /** The capital it draws. */
  readonly principal: string;
  /** Its return cap, as the contract writes it (`null`: none). */
  readonly returnCap: InvestorTerms['returnCap'];
  /** Whether it is first-loss (repaid after the others). */
  readonly firstLoss: boolean;
  /** Received from the outcome payments. */
  readonly repaid: AmountStatistics;
  /** Paid by its guarantor. */
  readonly guaranteePaid: AmountStatistics;
  /** Received in all (repaid and guarantee). */
  readonly received: AmountStatistics;
  /** Capital not recovered (0 when it got its capital back). */
  readonly loss: AmountStatistics;
  /** Runs in which it lost capital (received less than it drew, after the guarantee). */
  readonly capitalLost: RunShare;
  /** Runs in which its guarantee paid. */
  readonly guaranteeCalled: RunShare;
  /** Runs in which its return cap held back money that went on down the waterfall. */
  readonly capReached: RunShare;
  /** Received ÷ drawn, rounded half-even to 6 places, over the runs. */
  readonly multiple: AmountStatistics;
  /** Its IRR over the runs. */
  readonly irr: IrrStatistics;
}

/**
 * The investor view of a simulation.
 *
 * @example
 * summarize(samples).investors?.provider.mean; // what the provider keeps after the investors, on average
 */
export interface InvestorSummary {
  /** The investors in the order they are repaid. */
  readonly waterfall: readonly string[];
  /** Per investor, in that order. */
  readonly investors: readonly InvestorStatistics[];
  /** What is left for the provider after the investors: paid less repaid. */
  readonly provider: AmountStatistics;
}

/** The dated payments of each run: every tranche slot's amount on its due date. */
function runPayments(samples: SimulationSamples, run: number): DatedPayment[] {
  return samples.trancheDueOn.map((on, slot) => ({ on, amount: samples.trancheEarned[slot]?.[run] as Amount }));
}

function share(count: number, runs: number): RunShare {
  return { runs: count, probability: shareOfRuns(count, runs) };
}

/** Nearest-rank statistics of rates, runs without one ranked lowest. */
function irrStatistics(results: readonly IrrResult[]): IrrStatistics {
  const rates = results.flatMap((result) => (result.defined ? [parseAmount(result.rate)] : []));
  const without = results.length - rates.length;
  const sorted = [...rates].sort((a, b) => a.comparedTo(b));
  const at = (p: number): string | null => {
    const rank = Math.max(Math.ceil((p / 100) * results.length), 1);
    return rank <= without ? null : (sorted[rank - without - 1] as Amount).toFixed(IRR_DECIMALS);
  };
  const over = rates.length === 0 ? null : statistics(rates, IRR_DECIMALS);
  return { runsWith: rates.length, runsWithout: without, mean: over?.mean ?? null, sd: over?.sd ?? null, min: at(0), p5: at(5), p25: at(25), p50: at(50), p75: at(75), p95: at(95), max: results.length === 0 ? null : at(100) };
}

/** An investor's IRR of one run, memoised by its flows (capped investors often have the same flows in many runs). */
function irrOf(run: InvestorRun, memo: Map<string, IrrResult>): IrrResult {
  const key = run.flows.map((flow) => `${flow.on} ${flow.amount}`).join(';');
  let result = memo.get(key);
  if (result === undefined) {
    result = irrOfFlows(run.flows.map((flow) => ({ day: parseDate(flow.on), amount: parseAmount(flow.amount) })));
    memo.set(key, result);
  }
  return result;
}

/**
 * The investor view of a simulation's samples, or `null` when the contract has no investor with
 * terms and capital.
 *
 * @example
 * investorSummary(samples, 2)?.investors.map((investor) => [investor.investor, investor.multiple.p50]);
 */
export function investorSummary(samples: SimulationSamples, decimals: number): InvestorSummary | null {
  if (samples.investors.length === 0) return null;
  const waterfall = prepareWaterfall(samples.investors, samples.currency);
  const runs = samples.total.length;
  const perRun = Array.from({ length: runs }, (_, run) => waterfall(runPayments(samples, run)));
  const memo = new Map<string, IrrResult>();
  return {
    waterfall: samples.investors.map((investor) => investor.investor),
    investors: samples.investors.map((terms, k) => {
      const of = perRun.map((run) => run.investors[k] as InvestorRun);
      const pick = (field: 'repaid' | 'guaranteePaid' | 'received' | 'loss'): AmountStatistics => statistics(of.map((run) => run[field]), decimals);
      return {
        investor: terms.investor,
        principal: terms.principal,
        returnCap: terms.returnCap,
        firstLoss: terms.firstLoss,
        repaid: pick('repaid'),
        guaranteePaid: pick('guaranteePaid'),
        received: pick('received'),
        loss: pick('loss'),
        capitalLost: share(of.filter((run) => run.loss.gt(0)).length, runs),
        guaranteeCalled: share(of.filter((run) => run.guaranteePaid.gt(0)).length, runs),
        capReached: share(of.filter((run) => run.capReached).length, runs),
        multiple: statistics(
          of.map((run) => parseAmount(run.received.dividedBy(run.drawn).toDecimalPlaces(MULTIPLE_DECIMALS, Decimal.ROUND_HALF_EVEN).toFixed(MULTIPLE_DECIMALS))),
          MULTIPLE_DECIMALS,
        ),
        irr: irrStatistics(of.map((run) => irrOf(run, memo))),
      };
    }),
    provider: statistics(perRun.map((run) => run.provider), decimals),
  };
}
