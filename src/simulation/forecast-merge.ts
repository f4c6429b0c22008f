/**
 * Merging a forecast's chunks: the runs of one forecast computed in consecutive chunks (`firstRun`),
 * on worker threads say, put back together as if computed at once.
 *
 * @module
 */
import { consecutiveChunks } from './chunks.js';
import type { ForecastSamples } from './forecast.js';

/** Whether two chunks forecast the same thing: the same seed, as-of date, tranches and what is settled at the as-of date. */
function sameForecast(a: ForecastSamples, b: ForecastSamples): boolean {
  return (
    a.seed === b.seed &&
    a.asOf === b.asOf &&
    a.settledOn === b.settledOn &&
    a.tranches.join('\n') === b.tranches.join('\n') &&
    a.dueEarned.every((amount, slot) => b.dueEarned[slot]?.equals(amount) === true)
  );
}

/**
 * Merges the samples of consecutive chunks of one forecast (same contract, records, assumptions,
 * as-of date and seed; each chunk starting where the one before ended) into the samples of the
 * whole: equal to forecasting every run at once.
 *
 * @example
 * const a = forecast(contract, records, assumptions, { asOf: '2024-06-30', runs: 500, seed: 7 });
 * const b = forecast(contract, records, assumptions, { asOf: '2024-06-30', runs: 500, seed: 7, firstRun: 500 });
 * if (a.ok && b.ok) mergeForecastSamples([a.value, b.value]); // the samples of { runs: 1000, seed: 7 }
 */
export function mergeForecastSamples(chunks: readonly ForecastSamples[]): ForecastSamples {
  const first = consecutiveChunks('mergeForecastSamples', chunks, sameForecast, 'consecutive chunks of one forecast (same seed, as-of date and tranches, each starting where the one before ended)');
  return {
    ...first,
    total: chunks.flatMap((chunk) => chunk.total),
    trancheEarned: first.trancheEarned.map((_, slot) => chunks.flatMap((chunk) => chunk.trancheEarned[slot] ?? [])),
    tranchePayers: first.tranchePayers.map((payers, slot) => payers.map((_, payer) => chunks.flatMap((chunk) => chunk.tranchePayers[slot]?.[payer] ?? []))),
  };
}
