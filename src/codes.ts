/**
 * `outcome-pay/codes`: the registry of every stable code with its one-line meaning in each area
 * that reports it (docs/codes.md is generated from it), and the reason codes of an outcome's
 * resolution with a sentence for each (`REASON_CODES`, `REASON_TEXT`). An entry point of its own,
 * so that the core a browser bundles checks codes by name (`isErrorCode`) without carrying the
 * text of every meaning (docs/browser.md, Size).
 *
 * @example
 * import { ERROR_CODES } from 'outcome-pay/codes';
 * ERROR_CODES.DATE_FORMAT.map((m) => m.area); // ['calendar', 'contract', 'records']
 *
 * @module outcome-pay/codes
 */
export { CODES_BY_AREA, ERROR_CODES } from './codes/index.js';
export { isErrorCode } from './codes/is-error-code.js';
export { REASON_CODES, REASON_TEXT } from './outcomes/index.js';
export type { ReasonCode } from './outcomes/index.js';
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
