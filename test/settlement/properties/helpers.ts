/**
 * Helpers shared by the settlement property tests: settle or fail loudly, money as integer
 * cents (so sums are exact without floats), and the number of runs.
 */
import { expect } from 'vitest';
import { settle, type Settlement, type SettleOptions } from '../../../src/index.js';
import type { Scenario } from '../arbitraries.js';

/**
 * Runs per property: modest, so that each file stays well under 20 s. Set `SETTLEMENT_RUNS` to
 * search longer (e.g. `SETTLEMENT_RUNS=2000 npx vitest run test/settlement/properties`).
 */
export const RUNS = Number.parseInt(process.env['SETTLEMENT_RUNS'] ?? '100', 10);

/**
 * Settles a scenario and fails the test with the issues if settlement did not succeed. A scenario
 * may have no records (`allowEmpty`): the properties hold for an early settlement too.
 */
export function settleOk(scenario: Scenario, options: Partial<SettleOptions> = {}): Settlement {
  const result = settle(scenario.contract, scenario.records, { asOf: scenario.asOf, allowEmpty: true, ...options });
  if (!result.ok) expect.fail(`settle failed: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return result.value;
}

/** A canonical EUR money string → integer cents, exactly (bigint, no float). */
export function toCents(text: string): bigint {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (match === null) throw new Error(`not a EUR money string: ${text}`);
  const value = BigInt(match[2] ?? '0') * 100n + BigInt(match[3] ?? '0');
  return match[1] === '-' ? -value : value;
}

/** Sum of money strings in cents. */
export function sumCents(texts: readonly string[]): bigint {
  return texts.reduce((total, text) => total + toCents(text), 0n);
}
