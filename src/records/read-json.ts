/**
 * Reads a JSON array of outcome records from text.
 *
 * @module
 */
import { expectText } from '../guard.js';
import { ownValue } from '../own-data.js';
import { fail, ok, type Result } from '../result.js';
import { scanJsonText, decodeText, textFailureIssue } from '../text/index.js';
import type { RecordIssue } from './issues.js';
import type { RawRecords } from './raw-records.js';
import { idTooLong, MAX_FIELD_CHARS, MAX_RECORD_CHARS, recordTooLong } from './reader-limits.js';
import { readerIssue } from './reader-issue.js';

/**
 * Parses the contents of a JSON file holding an array of records. Returns the raw records with the
 * line each one starts on (LF, CRLF and a lone CR each end a line), or the issues that fail the
 * read: TEXT_NOT_UTF8 or TEXT_ENCODING_UNSUPPORTED (bytes are decoded strictly), JSON_SYNTAX (with
 * its line), JSON_NOT_ARRAY; and, the JSON text being refused as a whole as for a syntax error, every
 * JSON_DUPLICATE_KEY, JSON_NUMBER_INEXACT and TEXT_TOO_LONG of the strict JSON reader and every
 * element beyond the size limits (RECORD_TOO_LONG, ID_TOO_LONG), each with its path (`[3, 'id']`)
 * and line. A leading byte-order mark is skipped. Never throws.
 *
 * @param text - the file's contents: text, or UTF-8 bytes
 * @example
 * const read = readJsonRecords('[\n{"id":"P1","cohort":"2023-A","enrolledOn":"2023-01-09"}\n]');
 * // read.ok === true; read.value.lines → [2]
 */
export function readJsonRecords(text: string | Uint8Array): Result<RawRecords> {
  expectText('readJsonRecords', 'text', text);
  const decoded = decodeText(text);
  if (decoded.failure !== undefined) {
    const issue = textFailureIssue(decoded.failure, decoded.text);
    return fail([readerIssue(decoded.failure.code, issue.message, issue.line, 'rejected')]);
  }
  const scan = scanJsonText(decoded.text, { maxStringChars: MAX_FIELD_CHARS });
  const syntax = scan.problems.find((problem) => problem.code === 'JSON_SYNTAX');
  if (syntax !== undefined) {
    return fail([readerIssue('JSON_SYNTAX', `the JSON text does not parse: ${syntax.message}`, syntax.line, 'rejected')]);
  }
  const value = scan.value;
  if (!Array.isArray(value)) {
    return fail([readerIssue('JSON_NOT_ARRAY', `the JSON text must be an array of records, got ${value === null ? 'null' : typeof value}`, 1, 'rejected')]);
  }
  const records = value as readonly unknown[];
  const { starts, ends, lines } = scan.elements;
  const issues: RecordIssue[] = scan.problems.map((problem) => ({ code: problem.code, path: problem.path, message: problem.message, line: problem.line, action: 'rejected' }));
  for (let k = 0; k < records.length; k++) {
    const line = lines[k] ?? 1;
    const chars = (ends[k] ?? 0) - (starts[k] ?? 0);
    const issue = chars > MAX_RECORD_CHARS ? recordTooLong(line, chars, 'rejected') : idTooLong(records[k], [k], line, 'rejected');
    if (issue !== undefined) issues.push(chars > MAX_RECORD_CHARS ? { ...issue, path: [k] } : issue);
  }
  if (issues.length > 0) return fail([...issues].sort((a, b) => (ownValue(a, 'line') ?? 0) - (ownValue(b, 'line') ?? 0)));
  return ok({ records, lines, issues: [] });
}
