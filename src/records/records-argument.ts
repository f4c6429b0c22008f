/**
 * The records given to `settle`, `validateRecords` and `validateRawRecords`: data, so a value of
 * the wrong type (`null`, a string of CSV, an object from a JSON file that is not an array, a
 * reader's `Result` instead of its value) is an issue, `RECORDS_NOT_ARRAY`, never an exception.
 *
 * @module
 */
import { isErrorCode } from '../codes/is-error-code.js';
import { describeValue, isObjectValue, readOwnFields, thrownReason } from '../guard.js';
import type { RecordIssue } from './issues.js';
import type { RawRecords } from './raw-records.js';
import { readerIssue } from './reader-issue.js';

/** The records as a batch, or the issue that says why they are not records. */
export type RecordsArgument = { readonly batch: RawRecords; readonly issue: undefined } | { readonly batch: undefined; readonly issue: RecordIssue };

/**
 * Reads the records argument: an array of records (data, each checked later), or what a records
 * reader returned (`readCsvRecords(text).value`: `records`, `lines`, `issues`). Anything else is
 * the issue `RECORDS_NOT_ARRAY`, path `[]`, naming what was given; reading it never throws.
 *
 * @param value - what the caller gave as records
 * @example
 * recordsArgument([{ id: 'P1' }]).batch;            // { records: [{ id: 'P1' }], lines: [], issues: [] }
 * recordsArgument('id,cohort\nP1,2023-A').issue?.code; // 'RECORDS_NOT_ARRAY'
 */
export function recordsArgument(value: unknown): RecordsArgument {
  if (Array.isArray(value)) return { batch: { records: value, lines: [], issues: [] }, issue: undefined };
  const problem = readBatch(value);
  if (typeof problem !== 'string') return { batch: problem, issue: undefined };
  return {
    batch: undefined,
    issue: readerIssue(
      'RECORDS_NOT_ARRAY',
      `the records must be an array of records, or what a records reader returned (its value: { records, lines, issues }), not ${problem}`,
      undefined,
      'rejected',
    ),
  };
}

/**
 * What a reader returned, as its own `records`, `lines` and `issues` (read once, never from a
 * prototype), or why `value` is not that.
 */
function readBatch(value: unknown): RawRecords | string {
  if (typeof value === 'string') return `${describeValue(value)}: read a file's text with readRecords (or readCsvRecords, readNdjsonRecords, readJsonRecords) first`;
  if (!isObjectValue(value)) return describeValue(value);
  const read = readOwnFields(value);
  if (read.error !== undefined) return `an object that cannot be read (${thrownReason(read.error)})`;
  const fields = read.fields;
  if (fields === undefined) return describeValue(value);
  if ('ok' in fields && ('value' in fields || 'issues' in fields)) return "a reader's Result: pass its value, once you have checked that it is ok";
  const { records, lines, issues } = fields;
  if (!Array.isArray(records)) return `an object whose records are ${describeValue(records)}`;
  if (!Array.isArray(lines)) return `an object whose lines are ${describeValue(lines)}`;
  if (!Array.isArray(issues)) return `an object whose issues are ${describeValue(issues)}`;
  try {
    const bad = (issues as readonly unknown[]).findIndex((issue) => !isObjectValue(issue) || typeof issue['code'] !== 'string' || !isErrorCode(issue['code']));
    return bad < 0 ? { records, lines, issues } : `an object whose issues[${String(bad)}] is not an issue of a records reader`;
  } catch (error) {
    return `an object whose issues cannot be read (${thrownReason(error)})`;
  }
}
