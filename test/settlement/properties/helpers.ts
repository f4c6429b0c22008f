/**
 * Helpers shared by the settlement property tests: money of a scenario's currency as integer
 * minor units (so sums are exact without floats, whatever the currency's decimals).
 */
import { minor, sumMinor, type Scenario } from '../arbitraries/index.js';

/** Money of one currency in minor units. */
export interface MoneyOf {
  /** Decimals of the currency. */
  readonly places: number;
  /** A money text → minor units. */
  of(text: string): bigint;
  /** Sum of money texts in minor units. */
  sum(texts: readonly string[]): bigint;
}

/**
 * Money of a scenario's currency.
 *
 * @example
 * const m = moneyOf(scenario); m.sum(s.tranches.map((t) => t.earned)) === m.of(s.totals.earned);
 */
export function moneyOf(scenario: Scenario): MoneyOf {
  const places = scenario.currency.places;
  return { places, of: (text) => minor(text, places), sum: (texts) => sumMinor(texts, places) };
}

/** The pattern of a money text with exactly the currency's decimals (`-12.30`, `1500`, `0.125`), never `-0`. */
export function moneyPattern(places: number): RegExp {
  return places === 0 ? /^(0|-?[1-9]\d*)$/ : new RegExp(`^-?\\d+\\.\\d{${places}}$`);
}

/**
 * A share cap's payable count, worked out in integers: round(share × size), share a decimal text
 * in [0, 1]; `nearest` rounds a half up.
 *
 * @example
 * sharePayable('0.4', 7, 'down'); // 2
 */
export function sharePayable(share: string, size: number, rounding: 'down' | 'up' | 'nearest'): number {
  const [whole = '0', fraction = ''] = share.split('.');
  const scale = 10n ** BigInt(fraction.length);
  const product = BigInt(whole + fraction) * BigInt(size);
  const floor = product / scale;
  const remainder = product % scale;
  if (remainder === 0n || rounding === 'down') return Number(floor);
  if (rounding === 'up') return Number(floor + 1n);
  return Number(2n * remainder >= scale ? floor + 1n : floor);
}
