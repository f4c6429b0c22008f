/**
 * Helpers shared by the settlement property tests: money of a scenario's currency as integer
 * minor units (so sums are exact without floats, whatever the currency's decimals); a scenario's
 * contract parsed and records validated, failing the test otherwise.
 */
import { expect } from 'vitest';
import { parseContract, parseDate, resolveParticipant, validateRecords, type Contract, type ContractInput, type OutcomeRecord } from '../../../src/index.js';
import { minor, sumMinor, type Scenario, type WireRecord } from '../arbitraries/index.js';
import { settleOk } from '../settle-helper.js';

/**
 * A generated contract, parsed (the test fails with its first issues if it does not parse).
 *
 * @example
 * const contract = parsedContract(scenario.contract);
 */
export function parsedContract(contract: ContractInput): Contract {
  const result = parseContract(contract);
  if (!result.ok) expect.fail(JSON.stringify(result.issues.slice(0, 3)));
  return result.value;
}

/**
 * Records of a scenario, validated against its cohorts and groups (the test fails with the first
 * issues if they do not validate).
 *
 * @example
 * const [record] = validatedRecords(scenario, [scenario.records[0]]);
 */
export function validatedRecords(scenario: Scenario, records: readonly unknown[] = scenario.records): readonly OutcomeRecord[] {
  const groups = (scenario.contract.groups ?? []).map((g) => g.id);
  const result = validateRecords(records, { cohortIds: new Set(scenario.contract.cohorts.map((c) => c.id)), groupIds: new Set(groups) });
  if (!result.ok) expect.fail(JSON.stringify(result.issues.slice(0, 3)));
  return result.value.records;
}

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

/**
 * What raising the earnings of the record at `at` (to `more`) does, checked on the way: each outcome
 * of `indexes` the record achieved it still achieves, on the same day or earlier, and the scenario
 * earns no less (monotone terms). Returns how many of those outcomes it newly achieves and whether
 * the scenario earns more, for the measurement of reach.
 *
 * @example
 * const { achievedMore, earnedMore } = raisedEarnings(scenario, 0, more, [3]);
 */
export function raisedEarnings(scenario: Scenario, at: number, more: WireRecord, indexes: readonly number[]): { achievedMore: number; earnedMore: boolean } {
  const record = scenario.records[at];
  const contract = parsedContract(scenario.contract);
  const asOf = parseDate(scenario.asOf);
  const [before] = validatedRecords(scenario, [record]);
  const [after] = validatedRecords(scenario, [more]);
  if (before === undefined || after === undefined) expect.fail('a record did not validate');
  const was = resolveParticipant(before, contract, asOf);
  const now = resolveParticipant(after, contract, asOf);
  let achievedMore = 0;
  for (const i of indexes) {
    const b = was[i];
    const a = now[i];
    if (b === undefined || a === undefined) expect.fail('an outcome without a resolution');
    if (b.status === 'achieved') {
      expect(a.status, more.id).toBe('achieved');
      expect(a.on ?? Infinity).toBeLessThanOrEqual(b.on);
    } else if (a.status === 'achieved') achievedMore += 1;
  }
  const m = moneyOf(scenario);
  const earned = m.of(settleOk(scenario).totals.earned);
  const earnedMore = m.of(settleOk({ ...scenario, records: scenario.records.map((r, i) => (i === at ? more : r)) }).totals.earned);
  expect(earnedMore >= earned, `${String(earned)} → ${String(earnedMore)}`).toBe(true);
  return { achievedMore, earnedMore: earnedMore > earned };
}
