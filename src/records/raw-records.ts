/**
 * What the readers produce: raw records with the line each starts on.
 *
 * @module
 */
import type { RecordIssue } from './issues.js';

/**
 * Raw (unvalidated) records read from a file, with the 1-based line each record starts on
 * (`lines[i]` belongs to `records[i]`), and the issues of rows that could not be read as a record
 * at all (an NDJSON line that is not JSON, a CSV row with the wrong number of cells). Those rows are
 * not in `records`; their issues carry `line` but no `recordIndex`.
 *
 * @example
 * const batch: RawRecords = { records: [{ id: 'P1' }], lines: [1], issues: [] };
 */
export interface RawRecords {
  readonly records: readonly unknown[];
  readonly lines: readonly number[];
  readonly issues: readonly RecordIssue[];
}
