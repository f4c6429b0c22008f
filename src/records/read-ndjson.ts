/**
 * Reads newline-delimited JSON (one record per line) from text.
 *
 * @module
 */
import { fail, ok, type Result } from '../result.js';
import type { RecordIssue } from './issues.js';
import type { RawRecords } from './raw-records.js';
import { readerIssue } from './reader-issue.js';

/**
 * Parses NDJSON (also called JSON Lines): one JSON record per line; blank lines are skipped; CRLF
 * and a leading byte-order mark are accepted. A line that is not JSON is reported as
 * NDJSON_LINE_SYNTAX with its line number and left out (the other lines are still read). A last
 * line cut mid-record (an unclosed object, array or string) means the file is incomplete: the whole
 * read fails with NDJSON_TRUNCATED. Never throws.
 *
 * @param text - the file's contents
 * @example
 * const read = readNdjsonRecords('{"id":"P1","cohort":"2023-A","enrolledOn":"2023-01-09"}\n\n{"id":"P2"');
 * // read.ok === false; read.issues[0].code === 'NDJSON_TRUNCATED', line 3
 */
export function readNdjsonRecords(text: string): Result<RawRecords> {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows = source.split('\n');
  let last = rows.length - 1;
  while (last >= 0 && (rows[last] ?? '').trim() === '') last--;
  const records: unknown[] = [];
  const lines: number[] = [];
  const issues: RecordIssue[] = [];
  for (let i = 0; i <= last; i++) {
    const row = (rows[i] ?? '').trim();
    if (row === '') continue;
    const line = i + 1;
    try {
      records.push(JSON.parse(row));
      lines.push(line);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (i === last && isCutRecord(row)) {
        return fail([
          readerIssue('NDJSON_TRUNCATED', `line ${line}, the last line, is cut mid-record (the file is incomplete): ${reason}`, line, 'rejected'),
        ]);
      }
      issues.push(readerIssue('NDJSON_LINE_SYNTAX', `line ${line} is not a JSON value: ${reason}`, line, 'excluded'));
    }
  }
  return ok({ records, lines, issues });
}

/**
 * True when the text ends inside a string or with an object or array still open: a record cut
 * short, not merely a bad line.
 *
 * @example
 * isCutRecord('{"id":"P1","coh'); // true
 * isCutRecord('{"id":P1}');       // false
 */
export function isCutRecord(row: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < row.length; i++) {
    const c = row.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) depth--;
  }
  return inString || depth > 0;
}
