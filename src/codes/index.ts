/**
 * Every stable code outcome-pay can report or throw, in one registry: the codes of each area
 * (API misuse, calendar, money, text, contract, records, settlement, streaming, simulation, report, internal, command line), each with a
 * one-line meaning, and their union {@link ErrorCode}, the type of `Issue.code` and
 * `OutcomePayError.code`. docs/codes.md lists them all, generated from this registry (a test keeps
 * the two in step, and another checks that every code written in the source is registered here).
 *
 * The same code may belong to several areas when it means the same thing there (`DATE_FORMAT` in
 * a contract, a record or an option); each area words it for its own inputs.
 *
 * This folder is data only and imports nothing outside it, so every layer can use its types.
 *
 * @module
 */
import { API_CODES } from './api.js';
import { CALENDAR_CODES } from './calendar.js';
import { CLI_CODES } from './cli.js';
import { CONTRACT_ISSUE_CODES } from './contract.js';
import { INTERNAL_CODES } from './internal.js';
import { MONEY_CODES } from './money.js';
import { RECORD_ISSUE_CODES } from './records.js';
import { REPORT_CODES } from './report.js';
import { SETTLEMENT_ISSUE_CODES } from './settlement.js';
import { SIMULATION_CODES } from './simulation.js';
import { STREAMING_CODES } from './streaming.js';
import { TEXT_ISSUE_CODES } from './text.js';

export { API_CODES, type ApiCode } from './api.js';
export { CALENDAR_CODES, type CalendarCode } from './calendar.js';
export { CLI_CODES, type CliCode } from './cli.js';
export { CONTRACT_ISSUE_CODES, type ContractIssueCode } from './contract.js';
export { INTERNAL_CODES, type InternalCode } from './internal.js';
export { MONEY_CODES, type MoneyCode } from './money.js';
export { RECORD_ISSUE_CODES, type RecordIssueCode } from './records.js';
export { REPORT_CODES, type ReportCode } from './report.js';
export { SETTLEMENT_ISSUE_CODES, type SettlementIssueCode } from './settlement.js';
export { SIMULATION_CODES, type SimulationCode } from './simulation.js';
export { STREAMING_CODES, type StreamingCode } from './streaming.js';
export { TEXT_ISSUE_CODES, type TextIssueCode } from './text.js';

/**
 * The registries by area, in the order of the layers (bottom first).
 *
 * @example
 * Object.keys(CODES_BY_AREA); // ['api', 'calendar', 'money', 'text', 'contract', 'records', ...]
 */
export const CODES_BY_AREA = {
  api: API_CODES,
  calendar: CALENDAR_CODES,
  money: MONEY_CODES,
  text: TEXT_ISSUE_CODES,
  contract: CONTRACT_ISSUE_CODES,
  records: RECORD_ISSUE_CODES,
  settlement: SETTLEMENT_ISSUE_CODES,
  streaming: STREAMING_CODES,
  simulation: SIMULATION_CODES,
  report: REPORT_CODES,
  internal: INTERNAL_CODES,
  cli: CLI_CODES,
} as const;

/**
 * An area of the registry: where a code comes from.
 *
 * @example
 * const area: CodeArea = 'records';
 */
export type CodeArea = keyof typeof CODES_BY_AREA;

type AreaCodes = (typeof CODES_BY_AREA)[CodeArea];
type KeysOfUnion<T> = T extends unknown ? keyof T : never;

/**
 * Every stable code outcome-pay can report (in an `Issue`) or throw (in an `OutcomePayError`).
 *
 * @example
 * const code: ErrorCode = 'PREVIOUS_DUPLICATE';
 */
export type ErrorCode = KeysOfUnion<AreaCodes>;

/**
 * What a code means in an area.
 *
 * @example
 * const meaning: CodeMeaning = { area: 'money', meaning: 'an amount is NaN or infinite' };
 */
export interface CodeMeaning {
  /** Where the code comes from. */
  readonly area: CodeArea;
  /** A one-line meaning. */
  readonly meaning: string;
}

/**
 * Every code with what it means in each area that reports it, built from {@link CODES_BY_AREA}.
 *
 * @example
 * ERROR_CODES.DATE_FORMAT.map((m) => m.area); // ['calendar', 'contract', 'records']
 */
export const ERROR_CODES: Readonly<Record<ErrorCode, readonly CodeMeaning[]>> = (() => {
  const all: Partial<Record<ErrorCode, CodeMeaning[]>> = {};
  for (const [area, codes] of Object.entries(CODES_BY_AREA) as [CodeArea, Readonly<Record<ErrorCode, string>>][]) {
    for (const [code, meaning] of Object.entries(codes) as [ErrorCode, string][]) (all[code] ??= []).push({ area, meaning });
  }
  return all as Record<ErrorCode, CodeMeaning[]>;
})();

export { isErrorCode } from './is-error-code.js';
