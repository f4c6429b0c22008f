/**
 * The sizes the records readers accept, the same for whole files and streams, for JSON, NDJSON and
 * CSV: beyond them a record is not read (and memory and time stay bounded whatever the input).
 *
 * @module
 */
import type { PathSegment } from '../errors.js';
import type { RecordIssue, RecordIssueAction } from './issues.js';

/**
 * The most characters a record's text may have: an NDJSON line, a CSV row (quoted line breaks
 * included), an element of a JSON array, without its line end. A longer one is `RECORD_TOO_LONG`
 * (a CSV header: the read fails); a stream holds at most this much of it.
 *
 * @example
 * MAX_RECORD_CHARS; // 1048576
 */
export const MAX_RECORD_CHARS = 1_048_576;

/**
 * The most characters a text value may have: a JSON string or key as written (escapes counted as
 * written), a CSV cell (after trimming). A longer one is `TEXT_TOO_LONG`.
 *
 * @example
 * MAX_FIELD_CHARS; // 4096
 */
export const MAX_FIELD_CHARS = 4096;

/**
 * The most characters a participant id may have. A longer one is `ID_TOO_LONG`.
 *
 * @example
 * MAX_ID_CHARS; // 256
 */
export const MAX_ID_CHARS = 256;

/**
 * The RECORD_TOO_LONG issue of a record starting on `line`.
 *
 * @example
 * recordTooLong(12, 2_000_000, 'excluded').code; // 'RECORD_TOO_LONG'
 */
export function recordTooLong(line: number, chars: number, action: RecordIssueAction): RecordIssue {
  return {
    code: 'RECORD_TOO_LONG',
    path: [],
    line,
    action,
    message: `the record on line ${line} is ${chars} characters long; at most ${MAX_RECORD_CHARS} are read`,
  };
}

/**
 * The ID_TOO_LONG issue when `record` (a raw record) has an id longer than {@link MAX_ID_CHARS},
 * else `undefined`.
 *
 * @example
 * idTooLong({ id: 'P'.repeat(300) }, [], 4, 'excluded')?.code; // 'ID_TOO_LONG'
 */
export function idTooLong(record: unknown, path: readonly PathSegment[], line: number, action: RecordIssueAction): RecordIssue | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  const id: unknown = (record as { id?: unknown }).id;
  if (typeof id !== 'string' || id.length <= MAX_ID_CHARS) return undefined;
  return {
    code: 'ID_TOO_LONG',
    path: [...path, 'id'],
    line,
    action,
    message: `the participant id on line ${line} is ${id.length} characters long; at most ${MAX_ID_CHARS} are allowed`,
  };
}
