/**
 * mergeForecastSamples: a forecast computed in consecutive chunks (`firstRun`), merged, is the
 * forecast of all the runs at once, amount for amount; chunks of different forecasts, or that do
 * not follow one another, are refused.
 */
import { describe, expect, it } from 'vitest';
import { forecast, mergeForecastSamples, summarizeForecast, type ForecastSamples } from '../../src/simulation/index.js';
import { fixedAssumptions, forecastContract, record } from './forecast-fixtures.js';

// Known at D = 2024-04-30: P1 placed 02-01 (its retention on 05-01 still pending), P2 enrolled
// 04-20 with its placement window open; cohort B's 3 places are drawn (enrolling 2024-05-10).
const records = [record('P1', 'A', '2024-01-10', '2024-01-31', [['2024-02-01']]), record('P2', 'A', '2024-04-20', undefined, [])];
const assumptions = fixedAssumptions(0.5, 0.5, { uniform: { min: 0, max: 90 } }, 3, '2024-05-10');

function samplesOf(options: { runs: number; seed: number; firstRun?: number; asOf?: string }): ForecastSamples {
  const result = forecast(forecastContract, records, assumptions, { asOf: '2024-04-30', ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.value;
}

const text = (samples: ForecastSamples): string => JSON.stringify(samples);

describe('mergeForecastSamples', () => {
  it('merges consecutive chunks into the forecast of every run at once, and the runs differ (the merge is not of equal values)', () => {
    const whole = samplesOf({ runs: 30, seed: 11 });
    const merged = mergeForecastSamples([samplesOf({ runs: 7, seed: 11 }), samplesOf({ runs: 1, seed: 11, firstRun: 7 }), samplesOf({ runs: 22, seed: 11, firstRun: 8 })]);
    expect(text(merged)).toBe(text(whole));
    expect(JSON.stringify(summarizeForecast(merged))).toBe(JSON.stringify(summarizeForecast(whole)));
    expect(new Set(whole.total.map((amount) => amount.toFixed())).size).toBeGreaterThan(1);
    // one chunk merges to itself
    expect(text(mergeForecastSamples([whole]))).toBe(text(whole));
  });

  it('refuses chunks out of order, with a gap, of another seed or as-of date, or none', () => {
    const first = samplesOf({ runs: 5, seed: 11 });
    const second = samplesOf({ runs: 5, seed: 11, firstRun: 5 });
    expect(() => mergeForecastSamples([second, first])).toThrow(/consecutive chunks of one forecast/);
    expect(() => mergeForecastSamples([first, samplesOf({ runs: 5, seed: 11, firstRun: 6 })])).toThrow(/consecutive chunks of one forecast/);
    expect(() => mergeForecastSamples([first, samplesOf({ runs: 5, seed: 12, firstRun: 5 })])).toThrow(/consecutive chunks of one forecast/);
    expect(() => mergeForecastSamples([first, samplesOf({ runs: 5, seed: 11, firstRun: 5, asOf: '2024-05-31' })])).toThrow(/consecutive chunks of one forecast/);
    expect(() => mergeForecastSamples([])).toThrow(/at least one chunk/);
  });
});
