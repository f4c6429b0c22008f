/**
 * Every issue code the records module can report, with a one-line meaning.
 *
 * @module
 */
import { TEXT_ISSUE_CODES } from './text.js';

/**
 * The stable issue codes of the records module and what each means. `docs/records.md` lists the
 * same codes; a test keeps the two in step.
 *
 * @example
 * Object.keys(RECORD_ISSUE_CODES).includes('DUPLICATE_ID'); // true
 */
export const RECORD_ISSUE_CODES = {
  // shape (mirrors the zod schema)
  RECORD_NOT_OBJECT: 'a record is not a JSON object',
  FIELD_MISSING: 'a required field is absent',
  FIELD_UNKNOWN: 'a field the schema does not define (objects are strict)',
  FORBIDDEN_KEY: 'a key named __proto__, constructor or prototype',
  FIELD_TYPE: 'a field has the wrong JSON type (string, number, array or object expected)',
  FIELD_EMPTY: 'a text field is the empty string',
  ID_CONTROL_CHARACTER: 'a participant id holds a control character or an invisible formatting character (a bidirectional override, a zero-width space), which would show it as another id',
  EVENT_KIND_FORMAT: 'an event kind is not lower-case kebab-case',
  DATE_FORMAT: 'a date is not written YYYY-MM-DD',
  DATE_IMPOSSIBLE: 'a date does not exist in the calendar (e.g. 2023-02-29)',
  DATE_TIME_WITHOUT_OFFSET: 'a date-time where a calendar date was expected',
  AMOUNT_NOT_STRING: 'a wage is a JSON number: wages are decimal strings ("1800.50"), as a number may be rounded before it is read',
  AMOUNT_FORMAT: 'a wage is not a decimal string such as "1800.50"',
  AMOUNT_TOO_LARGE: 'a wage is 10^15 or more (the largest amount kept exact)',
  AMOUNT_TOO_PRECISE: 'a wage has a non-zero digit after the 12th decimal place',
  AMOUNT_NEGATIVE: 'a wage is negative',
  HOURS_NEGATIVE: 'hoursPerWeek is negative',
  HOURS_OUT_OF_RANGE: 'hoursPerWeek is above 168 or not finite',
  // meaning (dates, context, across records)
  EXIT_BEFORE_ENROLMENT: 'exitedOn is before enrolledOn',
  SPELL_BEFORE_ENROLMENT: 'an employment spell starts before enrolledOn',
  SPELL_END_BEFORE_START: 'an employment spell ends before it starts',
  SPELLS_OVERLAP: 'two employment spells share at least one day',
  EARNINGS_END_BEFORE_START: 'an earnings period ends before it starts',
  WAGE_BEFORE_ENROLMENT: 'a wage observation is dated before enrolledOn',
  EVENT_BEFORE_ENROLMENT: 'an event is dated before enrolledOn',
  GROUP_DUPLICATE: 'the same group is listed twice',
  COHORT_UNKNOWN: 'the cohort is not one of the contract cohorts',
  ENROLMENT_OUTSIDE_WINDOW: "enrolledOn is outside the enrolment window of the record's cohort (so also any enrolment before the contract period)",
  GROUP_UNKNOWN: 'a group is not one of the contract groups',
  DUPLICATE_ID: 'two or more records share a participant id (all of them are excluded)',
  // readers: text (bytes decoded strictly, JSON read strictly; the codes of ./text.ts)
  ...TEXT_ISSUE_CODES,
  // readers: sizes (reader-limits.ts)
  RECORD_TOO_LONG: "a record's text (an NDJSON line, a CSV row, an element of a JSON array) is longer than 1,048,576 characters",
  ID_TOO_LONG: 'a participant id is longer than 256 characters',
  // readers: formats
  JSON_NOT_ARRAY: 'the JSON file is not an array of records',
  RECORDS_NOT_ARRAY: "the records given to settle or validateRecords are neither an array nor what a records reader returned (null, a string of a file's text, another object, a reader's Result instead of its value)",
  NDJSON_LINE_SYNTAX: 'an NDJSON line is not valid JSON',
  NDJSON_TRUNCATED: 'the last NDJSON line is cut mid-record (the file is incomplete)',
  CSV_SYNTAX: 'the CSV text cannot be parsed (quoting)',
  CSV_EMPTY: 'the CSV text has no header row',
  CSV_UNKNOWN_COLUMN: 'a CSV header names a column the mapping does not define',
  CSV_DUPLICATE_COLUMN: 'a CSV header names the same column twice',
  CSV_MISSING_COLUMN: 'a required CSV column (id, cohort, enrolledOn) is absent',
  CSV_ROW_LENGTH: 'a CSV row has more or fewer cells than the header',
  CSV_DELIMITER: 'the CSV header is one column holding another delimiter than the one declared: set the CSV option delimiter (--csv-delimiter)',
  CSV_AMOUNT_LOCALE: 'a CSV amount or hours cell is not written with the declared decimal and thousands separators (CSV options decimal, thousands)',
  CSV_DATE_FORMAT: 'a CSV date cell is not written in the declared date format (CSV option dateFormat)',
} as const;

/**
 * One of the stable issue codes of the records module.
 *
 * @example
 * const code: RecordIssueCode = 'SPELLS_OVERLAP';
 */
export type RecordIssueCode = keyof typeof RECORD_ISSUE_CODES;
