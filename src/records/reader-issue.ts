/**
 * Builds issues for the readers.
 *
 * @module
 */
import type { RecordIssueCode } from '../codes/index.js';
import type { RecordIssue, RecordIssueAction } from './issues.js';

/**
 * Builds a reader issue at a file line (path `[]`). Fatal problems use action `'rejected'`; a row
 * skipped while the rest of the file is still read uses `'excluded'`.
 *
 * @example
 * readerIssue('NDJSON_LINE_SYNTAX', 'line 4 is not JSON', 4, 'excluded');
 */
export function readerIssue(
  code: RecordIssueCode,
  message: string,
  line: number | undefined,
  action: RecordIssueAction,
): RecordIssue {
  return line === undefined ? { code, path: [], message, action } : { code, path: [], message, line, action };
}
