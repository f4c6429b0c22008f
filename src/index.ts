/**
 * outcome-pay: exact, explained payments for outcome-based workforce contracts.
 *
 * @module
 */
export { OutcomePayError, formatPath } from './errors.js';
export type { Issue, PathSegment } from './errors.js';
export { API_CODES, CALENDAR_CODES, CLI_CODES, CODES_BY_AREA, ERROR_CODES, INTERNAL_CODES, MONEY_CODES, STREAMING_CODES, isErrorCode } from './codes/index.js';
export type { ApiCode, CalendarCode, CliCode, CodeArea, CodeMeaning, ErrorCode, InternalCode, MoneyCode, StreamingCode } from './codes/index.js';
export { fail, ok } from './result.js';
export type { Result } from './result.js';
export { VERSION } from './version.js';
export * from './money/index.js';
export * from './calendar/index.js';
export * from './text/index.js';
export * from './contract/index.js';
export * from './records/index.js';
export * from './outcomes/index.js';
export * from './settlement/index.js';
export * from './schema/json-schema.js';
