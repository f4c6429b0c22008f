/**
 * The one place the settlement tests call `settle`, `settleStream` and `openSession`: options
 * every test needs to pass the same way (safety switches of the engine, such as what to do with
 * an empty input or with many excluded records) are set here, once. A scenario's indicator values
 * travel with it.
 */
import { expect } from 'vitest';
import { parseContract, settle, validateRecords, type OutcomeRecord, type RawRecords, type Result, type SettleOptions, type Settlement } from '../../src/index.js';
import { settleStream } from '../../src/streaming.js';
import { checkOptions, openSession, readPrevious, type SettlementSession } from '../../src/internal.js';
import type { RecordSource, StreamSettings, StreamStorage } from '../../src/streaming/index.js';
import type { Scenario } from './arbitraries/index.js';

/**
 * The engine's safety switches, set the same way for every test that goes through this helper:
 * an input of no records settles (generated scenarios and their slices may hold none) and any
 * number of excluded records is accepted (tests that feed faults want each reported). What the
 * defaults refuse is tested on its own, without the helper (test/settlement/record-limits.test.ts).
 */
const SAFETY: Partial<SettleOptions> = { allowEmpty: true, maxExcluded: '100%' };

/** Settlement options without the as-of date and indicators a scenario brings. */
export type ExtraOptions = Partial<SettleOptions>;

/**
 * `settle` as every test calls it.
 *
 * @example
 * settleWith(contract, records, { asOf: '2025-06-30' });
 */
export function settleWith(contract: unknown, records: readonly unknown[] | RawRecords, options: SettleOptions): Result<Settlement> {
  return settle(contract, records, { ...SAFETY, ...options });
}

/**
 * `settleStream` as every test calls it.
 *
 * @example
 * await settleStreamWith(contract, { format: 'ndjson', chunks }, { asOf: '2025-06-30' });
 */
export function settleStreamWith(contract: unknown, source: RecordSource, options: SettleOptions, settings?: StreamSettings | StreamStorage): Promise<Result<Settlement>> {
  return settleStream(contract, source, { ...SAFETY, ...options }, settings);
}

/** The options of a scenario: its as-of date and indicator values, then `extra`. */
export function scenarioOptions(scenario: Scenario, extra: ExtraOptions = {}): SettleOptions {
  return { asOf: scenario.asOf, ...(scenario.indicators === undefined ? {} : { indicators: scenario.indicators }), ...extra };
}

/**
 * Settles a scenario (its records unless others are given).
 *
 * @example
 * settleScenario(scenario, { detail: 'participants' });
 */
export function settleScenario(scenario: Scenario, extra: ExtraOptions = {}, records: readonly unknown[] | RawRecords = scenario.records): Result<Settlement> {
  return settleWith(scenario.contract, records, scenarioOptions(scenario, extra));
}

/** Settles a scenario and fails the test with the first issues if settlement did not succeed. */
export function settleOk(scenario: Scenario, extra: ExtraOptions = {}, records: readonly unknown[] | RawRecords = scenario.records): Settlement {
  const result = settleScenario(scenario, extra, records);
  if (!result.ok) expect.fail(`settle failed: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return result.value;
}

/** The validated records of a scenario and sessions over them, for tests that drive sessions. */
export interface ScenarioSessions {
  /** The validated records, in input order. */
  readonly records: readonly OutcomeRecord[];
  /** A new session (no previous settlements). */
  open(): SettlementSession;
  /** Finishes a session as `settle` would for these records. */
  finish(session: SettlementSession): Settlement;
}

/**
 * Sessions over a scenario's records, opened as `settle` opens one.
 *
 * @example
 * const s = scenarioSessions(scenario, 'totals'); const one = s.open(); s.records.forEach((r) => one.add(r)); s.finish(one);
 */
export function scenarioSessions(scenario: Scenario, extra: ExtraOptions = {}): ScenarioSessions {
  const parsed = parseContract(scenario.contract);
  if (!parsed.ok) throw new Error(`contract: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  const contract = parsed.value;
  const checked = checkOptions(scenarioOptions(scenario, extra), contract);
  const options = checked.options;
  if (options === undefined) throw new Error(`options: ${JSON.stringify(checked.issues)}`);
  const context = { cohortIds: new Set(contract.cohorts.map((c) => c.id)), groupIds: new Set((contract.groups ?? []).map((g) => g.id)) };
  const validated = validateRecords(scenario.records, context, { mode: 'strict' });
  if (!validated.ok) throw new Error(`records: ${JSON.stringify(validated.issues.slice(0, 3))}`);
  const records = validated.value.records;
  const previous = readPrevious([], contract, options.asOf).value;
  const dataQuality = { recordsRead: records.length, recordsSettled: records.length, recordsExcluded: 0, issues: [] };
  return {
    records,
    open: () => openSession(contract, options, previous),
    finish: (session) => {
      const result = session.finish(dataQuality, 'options');
      if (!result.ok) throw new Error(`finish: ${JSON.stringify(result.issues.slice(0, 3))}`);
      return result.value;
    },
  };
}
