/**
 * Outcome records: the wire schema, the parsed record type, validation (strict or lenient) and
 * readers for JSON, NDJSON and CSV text.
 *
 * @module
 */
export {
  DateSchema,
  EarningsObservationSchema,
  EmploymentSpellSchema,
  OutcomeRecordSchema,
  RecordEventSchema,
  WageObservationSchema,
  WageSchema,
} from './schema.js';
export type { EarningsObservation, EmploymentSpell, OutcomeRecord, RawOutcomeRecord, RecordEvent, WageObservation } from './schema.js';
export { RECORD_ISSUE_CODES } from '../codes/index.js';
export { MAX_FIELD_CHARS, MAX_ID_CHARS, MAX_RECORD_CHARS } from './reader-limits.js';
export type { RecordIssueCode } from '../codes/index.js';
export type { RecordIssue, RecordIssueAction } from './issues.js';
export type { EnrolmentWindow, RecordContext } from './check-meaning.js';
export { validateRawRecords, validateRecords } from './validate.js';
export type { ExcludedRecord, RecordSet, RecordsResult, ValidateOptions, ValidationMode } from './validate.js';
export type { RawRecords } from './raw-records.js';
export { detectFormat } from './detect-format.js';
export type { RecordsFormat } from './detect-format.js';
export { readJsonRecords } from './read-json.js';
export { readNdjsonRecords } from './read-ndjson.js';
export { readCsvRecords } from './read-csv.js';
export { csvDialect } from './csv-dialect.js';
export type { CsvDialect, CsvOptions } from './csv-dialect.js';
export { readRecords } from './read-records.js';
export { parseColumn, REQUIRED_CSV_COLUMNS } from './csv-columns.js';
export type { CsvColumn } from './csv-columns.js';
export type { StreamRow } from './stream-row.js';

// For the other folders of src/ (src/index.ts decides what the package exports)
export { createAmountCache } from './amount-cache.js';
export { createCsvRowReader } from './csv-rows.js';
export { createCsvTypedReader } from './csv-typed-row.js';
export type { CsvTypedReader } from './csv-typed-row.js';
export { createNdjsonRowReader } from './ndjson-rows.js';
export { createNdjsonTypedReader } from './ndjson-typed-line.js';
export type { NdjsonTypedReader } from './ndjson-typed-line.js';
export { expectRecordLike, expectValidatedRecord } from './record-shape.js';
export { recordEarnings, spellEmployer, spellSector, withEarnings } from './record-build.js';
export { recordsArgument } from './records-argument.js';
export { eachRow, readRowBatches } from './row-reader.js';
export type { ParsedRow } from './stream-row.js';
export { checkOneRecord, issuePath, locatedSink, makeIssue, readableId, recordPlace, reportDuplicates } from './validate-one.js';
export type { IssueSink, Located, Occurrence, RecordPlace, ValidationRun } from './validate-one.js';
export { validateBatch } from './validate.js';
