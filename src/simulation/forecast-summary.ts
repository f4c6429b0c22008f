/**
 * The summary of a forecast: what a settlement at the as-of date already settles (exact, the same
 * in every run) and the distribution of what is still to pay after it, in total, per payer and per
 * tranche, and by month and quarter of the tranches' due dates, computed exactly from the runs'
 * amounts as a simulation's summary is.
 *
 * @module
 */
import { invalidArgument, isObjectValue } from '../guard.js';
import { minorUnits, sumAmounts, type Amount } from '../money/index.js';
import { statistics, type AmountStatistics, type PayerStatistics } from './amount-statistics.js';
import { cashFlow, type CashFlowSchedule } from './cash-flow.js';
import type { ForecastRecords, ForecastSamples } from './forecast.js';
import { PERCENTILE_DEFINITION } from './results.js';

/**
 * A payer's amount, as a decimal string.
 *
 * @example
 * const part: ForecastPayerAmount = { payer: 'region', amount: '1200.00' };
 */
export interface ForecastPayerAmount {
  readonly payer: string;
  readonly amount: string;
}

/**
 * What a settlement at the as-of date settles, exactly (the same in every run).
 *
 * @example
 * summarizeForecast(samples).dueAtAsOf.total; // '82500.00'
 */
export interface ForecastDue {
  /** In total. */
  readonly total: string;
  /** Per payer, contract order. */
  readonly payers: readonly ForecastPayerAmount[];
  /** Per tranche slot (`exit:<clause>` for a payment on exit): settled at D, and each payer's part. */
  readonly tranches: readonly { readonly tranche: string; readonly dueOn: string; readonly amount: string; readonly payers: readonly ForecastPayerAmount[] }[];
}

/**
 * The summary of a forecast.
 *
 * @example
 * const summary: ForecastSummary = summarizeForecast(samples);
 * summary.stillToPay.payers.map((payer) => [payer.payer, payer.mean, payer.p95]);
 */
export interface ForecastSummary {
  /** Number of runs. */
  readonly runs: number;
  /** Seed. */
  readonly seed: number;
  /** Currency of every amount. */
  readonly currency: string;
  /** The as-of date D. */
  readonly asOf: string;
  /** The date of every run's final settlement. */
  readonly settledOn: string;
  /** How percentiles are chosen. */
  readonly percentiles: string;
  /** The participants of every run: known at D, and drawn to enrol after D. */
  readonly participants: { readonly known: number; readonly enrolling: number };
  /** The records read, excluded (with their problems), known at D, enrolled after D. */
  readonly records: ForecastRecords;
  /** What a settlement at D settles. */
  readonly dueAtAsOf: ForecastDue;
  /** What is still to pay after D: in total, per payer, per tranche. */
  readonly stillToPay: {
    readonly total: AmountStatistics;
    readonly payers: readonly PayerStatistics[];
    readonly tranches: readonly { readonly tranche: string; readonly dueOn: string; readonly amount: AmountStatistics; readonly payers: readonly PayerStatistics[] }[];
  };
  /** What is still to pay, by month and quarter of the tranches' due dates, in total and per payer. */
  readonly cashFlow: CashFlowSchedule;
  /** The total the contract comes to, settled at D plus still to pay: its distribution. */
  readonly contractTotal: AmountStatistics;
}

function isForecastSamples(value: unknown): value is ForecastSamples {
  try {
    if (!isObjectValue(value)) return false;
    const { total, trancheEarned, tranchePayers, dueEarned, duePayers, payers, tranches, trancheDueOn, currency } = value;
    return Array.isArray(total) && total.length > 0 && [trancheEarned, tranchePayers, dueEarned, duePayers, payers, tranches, trancheDueOn].every((list) => Array.isArray(list)) && typeof currency === 'string';
  } catch {
    return false;
  }
}

/**
 * Summarises the samples of a forecast: the amount settled at the as-of date, and the mean,
 * standard deviation and percentiles (nearest rank) of what is still to pay, in total, per payer,
 * per tranche, and by month and quarter.
 *
 * @example
 * const samples = forecast(contract, records, assumptions, { asOf: '2024-12-31', runs: 1000, seed: 1 });
 * if (samples.ok) summarizeForecast(samples.value).cashFlow.months.map((month) => [month.period, month.total.mean, month.total.p95]);
 */
export function summarizeForecast(samples: ForecastSamples): ForecastSummary {
  if (!isForecastSamples(samples)) throw invalidArgument('summarizeForecast', 'samples', 'the samples of forecast (its value when ok)', samples);
  const decimals = minorUnits(samples.currency);
  const text = (amount: Amount): string => amount.toFixed(decimals);
  const payerAmounts = (parts: readonly Amount[]): ForecastPayerAmount[] => samples.payers.map((payer, k) => ({ payer, amount: text(parts[k] as Amount) }));
  const dueTotal = sumAmounts(samples.dueEarned);
  const duePayerTotals = samples.payers.map((_, k) => sumAmounts(samples.duePayers.map((parts) => parts[k] as Amount)));
  const payerTotals = samples.payers.map((_, k) => samples.total.map((_, run) => sumAmounts(samples.tranchePayers.map((parts) => parts[k]?.[run] as Amount))));
  return {
    runs: samples.total.length,
    seed: samples.seed,
    currency: samples.currency,
    asOf: samples.asOf,
    settledOn: samples.settledOn,
    percentiles: PERCENTILE_DEFINITION,
    participants: samples.participants,
    records: samples.records,
    dueAtAsOf: {
      total: text(dueTotal),
      payers: payerAmounts(duePayerTotals),
      tranches: samples.tranches.map((tranche, slot) => ({ tranche, dueOn: samples.trancheDueOn[slot] ?? '', amount: text(samples.dueEarned[slot] as Amount), payers: payerAmounts(samples.duePayers[slot] ?? []) })),
    },
    stillToPay: {
      total: statistics(samples.total, decimals),
      payers: samples.payers.map((payer, k) => ({ payer, ...statistics(payerTotals[k] ?? [], decimals) })),
      tranches: samples.tranches.map((tranche, slot) => ({
        tranche,
        dueOn: samples.trancheDueOn[slot] ?? '',
        amount: statistics(samples.trancheEarned[slot] ?? [], decimals),
        payers: samples.payers.map((payer, k) => ({ payer, ...statistics(samples.tranchePayers[slot]?.[k] ?? [], decimals) })),
      })),
    },
    cashFlow: cashFlow(samples, decimals),
    contractTotal: statistics(samples.total.map((amount) => amount.plus(dueTotal)), decimals),
  };
}
