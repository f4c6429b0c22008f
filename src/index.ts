/**
 * outcome-pay: exact, explained payments for outcome-based workforce contracts.
 *
 * The public API, listed name by name: what a finance tool or an embedding service needs to read
 * a contract and records, settle, and explain a figure. Each export is a decision recorded in
 * docs/api.md (test/api/exports.test.ts fails on an export that is not there). The zod schemas
 * and the JSON Schemas are under their own entry point, `outcome-pay/schemas`; settling records
 * that arrive in chunks under `outcome-pay/streaming`; the simulation of a contract before it is
 * signed under `outcome-pay/simulation`; Node-only helpers under `outcome-pay/node`. Keeping those out holds the core a browser bundles at most 100 KB gzip
 * (docs/browser.md).
 *
 * @module outcome-pay
 */

// Errors, codes and results
export { OutcomePayError, formatPath } from './errors.js';
export type { Issue, PathSegment } from './errors.js';
export { isErrorCode } from './codes/is-error-code.js';
export type {
  ApiCode,
  CalendarCode,
  CliCode,
  CodeArea,
  CodeMeaning,
  ContractIssueCode,
  ErrorCode,
  InternalCode,
  MoneyCode,
  RecordIssueCode,
  ReportCode,
  SettlementIssueCode,
  SimulationCode,
  StreamingCode,
  TextIssueCode,
} from './codes/index.js';
export { fail, ok } from './result.js';
export type { Result } from './result.js';
export { VERSION } from './version.js';

// Money
export {
  MAX_AMOUNT_DECIMALS,
  MAX_AMOUNT_INTEGER_DIGITS,
  ROUNDING_MODES,
  ZERO,
  allocate,
  checkAmount,
  formatDecimal,
  formatMoney,
  isDecimalString,
  isKnownCurrency,
  knownCurrencies,
  minorUnits,
  parseAmount,
  roundDecimal,
  roundMoney,
  sumAmounts,
} from './money/index.js';
export type { Amount, AmountInput, CurrencyCode, RoundingMode } from './money/index.js';

// Calendar
export {
  MAX_DATE,
  MIN_DATE,
  addDays,
  addMonths,
  checkDate,
  compareDates,
  dateFromParts,
  dateParts,
  daysBetween,
  daysInMonth,
  formatDate,
  isDateString,
  isLeapYear,
  maxDate,
  minDate,
  parseDate,
} from './calendar/index.js';
export type { CalendarDate, DateParts } from './calendar/index.js';

// Contract
export { CONTRACT_SCHEMA_VERSION, earliestAchievement, parseContract } from './contract/index.js';
export type {
  Cap,
  Amendments,
  CapKind,
  Cohort,
  Contract,
  ContractInput,
  ExitClause,
  ExitCondition,
  ExitEffect,
  Group,
  HiringGuarantee,
  MinimumPerformance,
  Investor,
  Outcome,
  OutcomeKind,
  Payer,
  PaymentRule,
  PaymentRuleKind,
  Reinvestment,
  Tranche,
} from './contract/index.js';

// Records
// The text readers (readRecords, readCsvRecords, ...) are in 'outcome-pay/readers' (src/readers.ts).
export { validateRawRecords, validateRecords } from './records/index.js';
export type {
  CsvOptions,
  EarningsObservation,
  EmploymentSpell,
  EnrolmentWindow,
  ExcludedRecord,
  OutcomeRecord,
  RawOutcomeRecord,
  RawRecords,
  RecordContext,
  RecordEvent,
  RecordIssue,
  RecordIssueAction,
  RecordSet,
  RecordsFormat,
  RecordsResult,
  StreamRow,
  ValidateOptions,
  ValidationMode,
  WageObservation,
} from './records/index.js';


// Outcomes, per participant
export { resolveParticipant, retentionEnd, statusAt } from './outcomes/index.js';
export type { OutcomeStatus, ReasonCode, Resolution } from './outcomes/index.js';

// Settlement
export { settle } from './settlement/index.js';
export type {
  PayerAmounts,
  PreviousSettlement,
  PreviousTranche,
  SettleOptions,
  Settlement,
  SettlementAdjustment,
  SettlementAdjustmentCause,
  SettlementBudgetYear,
  SettlementBudgetYearEntry,
  SettlementCapCut,
  SettlementDataQuality,
  SettlementDecisionAtRisk,
  SettlementExit,
  SettlementHiringGuarantee,
  SettlementLevelReview,
  SettlementLevelTranche,
  SettlementLine,
  SettlementLineFunding,
  SettlementMinimumPerformance,
  SettlementParticipantCap,
  SettlementPayerSplit,
  SettlementPrevious,
  SettlementReinvestment,
  SettlementTally,
  SettlementTranche,
  SettlementUnscheduled,
} from './settlement/index.js';
