/**
 * `outcome-pay/readers`: reading records and JSON from text or bytes: CSV (with the options of
 * spreadsheets of other locales), NDJSON and JSON, the format detected or declared, each row's
 * problems reported with its line. An entry point of its own, so that a web application that
 * settles records it already holds as objects does not carry the text readers in its bundle (the
 * core's size, docs/browser.md); what they return goes to `settle` and `validateRawRecords` of
 * the core as it is.
 *
 * @example
 * import { readRecords } from 'outcome-pay/readers';
 * import { settle } from 'outcome-pay';
 * const read = readRecords(csvText, 'csv');
 * if (read.ok) settle(contract, read.value, { asOf: '2025-06-30' });
 *
 * @module outcome-pay/readers
 */
export { parseJsonText } from './text/index.js';
export { REQUIRED_CSV_COLUMNS, detectFormat, readCsvRecords, readJsonRecords, readNdjsonRecords, readRecords } from './records/index.js';
export type { CsvOptions, RawOutcomeRecord, RawRecords, RecordIssue, RecordsFormat, StreamRow } from './records/index.js';
