/**
 * Indicator values for a generated contract's cohort indicators: one per cohort and one for the
 * pooled cohorts (`*`), drawn on the indicator's scale (a rate in [0, 1], a score, a count, an
 * amount), so that a rule or clause that reads one always finds it.
 */
import type { ContractInput } from '../../../src/contract/index.js';
import { moneyText, type Currency } from './currencies.js';
import { basisPoints, int, type Gen } from './gen.js';

/** Indicator values as settlement options take them: indicator id → cohort id (or `*`) → decimal string. */
export type Indicators = Record<string, Record<string, string>>;

/**
 * Values for every cohort indicator of the contract (undefined when it has none).
 *
 * @example
 * drawIndicators(g, contract, currency); // { indicator: { '2023-A': '0.42', '*': '0.5' } }
 */
export function drawIndicators(g: Gen, contract: ContractInput, c: Currency): Indicators | undefined {
  const out: Indicators = {};
  for (const outcome of contract.outcomes) {
    if (outcome.kind !== 'cohortIndicator') continue;
    const value = (): string => {
      switch (outcome.unit) {
        case 'rate':
          return basisPoints(int(g, 0, 10_000));
        case 'score':
          return `${int(g, 0, 9)}.${int(g, 0, 9)}`;
        case 'count':
          return String(int(g, 0, 120));
        case 'amount':
          return moneyText(int(g, 0, 5_000 * c.scale), c.places);
        default: {
          const never: never = outcome.unit;
          return never;
        }
      }
    };
    out[outcome.id] = Object.fromEntries([...contract.cohorts.map((cohort) => cohort.id), '*'].map((key) => [key, value()]));
  }
  return Object.keys(out).length === 0 ? undefined : out;
}
