/**
 * NDJSON text into rows: the one reader behind `readNdjsonRecords` (a whole text) and the NDJSON
 * stream readers (chunks).
 *
 * @module
 */
import { scanJsonText } from '../text/index.js';
import { LF } from './char-codes.js';
import { createHeldText } from './held-text.js';
import type { NdjsonTypedReader } from './ndjson-typed-line.js';
import { idTooLong, MAX_FIELD_CHARS, MAX_RECORD_CHARS, recordTooLong } from './reader-limits.js';
import { readerIssue } from './reader-issue.js';
import type { Row, RowReader } from './row-reader.js';

/**
 * A reader of NDJSON: one JSON record per line; LF, CRLF and a lone CR each end a line; blank
 * lines are skipped; a byte-order mark at the start is skipped. Each line is read by the strict
 * JSON reader (`scanJsonText`): a line that is not JSON is an `unreadable` NDJSON_LINE_SYNTAX row,
 * unless it is the last non-blank line and is cut mid-record (an object, array or string left
 * open): then the file is incomplete, a `fatal` NDJSON_TRUNCATED. A line with a repeated key
 * (JSON_DUPLICATE_KEY), a number a double cannot hold (JSON_NUMBER_INEXACT), a text longer than
 * `MAX_FIELD_CHARS` (TEXT_TOO_LONG) or an id longer than `MAX_ID_CHARS` (ID_TOO_LONG), or longer
 * than `MAX_RECORD_CHARS` itself (RECORD_TOO_LONG) is `unreadable` too.
 *
 * Each character is looked at a bounded number of times, however long the line and however the
 * text is cut: the line ends are found by native searches that start where the last one stopped,
 * and the pieces of a line split between chunks are joined once (see `createHeldText`).
 *
 * `typed` (a streamed settlement's fast path) may read a line straight into a parsed record.
 *
 * @param typed - the fast path, or `undefined`
 * @example
 * const rows: Row[] = [];
 * const reader = createNdjsonRowReader(undefined);
 * reader.push('{"id":"P1"}\r{"id":', rows);
 * reader.push('"P2"}\n', rows);
 * reader.end(rows); // rows: P1 on line 1, P2 on line 2
 */
export function createNdjsonRowReader(typed: NdjsonTypedReader | undefined): RowReader {
  let line = 0; // lines ended so far
  let first = true;
  let afterCR = false; // the last text ended with a CR: an LF first in the next one ends no line
  const held = createHeldText(MAX_RECORD_CHARS);
  /** A line that did not parse: an error, or the sign of a truncated file if nothing follows. */
  let failed: { line: number; row: string; reason: string } | undefined;

  function flushFailed(out: Row[]): void {
    if (failed === undefined) return;
    out.push({ kind: 'unreadable', issue: syntaxIssue(failed.line, failed.reason) });
    failed = undefined;
  }

  /** The line made of what is held and `text[start, end)`. */
  function take(text: string, start: number, end: number, out: Row[]): void {
    line++;
    let source = text;
    let from = start;
    let to = end;
    if (held.length > 0) {
      const chars = held.length + end - start;
      if (held.over) {
        held.clear();
        flushFailed(out);
        out.push({ kind: 'unreadable', issue: recordTooLong(line, chars, 'excluded') });
        return;
      }
      source = held.take(text, start, end);
      from = 0;
      to = source.length;
    }
    if (to - from > MAX_RECORD_CHARS) {
      flushFailed(out);
      out.push({ kind: 'unreadable', issue: recordTooLong(line, to - from, 'excluded') });
      return;
    }
    if (typed !== undefined && failed === undefined) {
      const record = typed(source, from, to);
      if (record !== undefined) {
        out.push({ kind: 'parsed', record, line });
        return;
      }
    }
    const row = (from === 0 && to === source.length ? source : source.slice(from, to)).trim();
    if (row === '') return;
    flushFailed(out);
    const scan = scanJsonText(row, { maxStringChars: MAX_FIELD_CHARS, firstLine: line });
    const problem = scan.problems[0];
    if (problem?.code === 'JSON_SYNTAX') {
      failed = { line, row, reason: problem.message };
      return;
    }
    if (problem !== undefined) {
      const more = scan.problems.length - 1;
      const message = `${problem.message}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'} on this line)` : ''}`;
      out.push({ kind: 'unreadable', issue: { code: problem.code, path: problem.path, message, line, action: 'excluded' } });
      return;
    }
    const long = idTooLong(scan.value, [], line, 'excluded');
    out.push(long === undefined ? { kind: 'record', record: scan.value, line } : { kind: 'unreadable', issue: long });
  }

  return {
    push(text, out) {
      let start = 0;
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) start = 1;
      }
      if (afterCR && start < text.length) {
        afterCR = false;
        if (text.charCodeAt(start) === LF) start++;
      }
      const length = text.length;
      let lf = -2; // the next LF at or after `start` (-1: none in this text), searched again only once passed
      let cr = -2;
      while (start < length) {
        if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
        if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
        const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
        if (end === -1) {
          held.keep(text, start, length);
          break;
        }
        take(text, start, end, out);
        start = end + 1;
        if (end === cr) {
          if (start === length) afterCR = true;
          else if (text.charCodeAt(start) === LF) start++;
        }
      }
      return true;
    },
    end(out) {
      if (held.length > 0) take('', 0, 0, out);
      if (failed === undefined) return;
      if (isCutRecord(failed.row)) {
        out.push({
          kind: 'fatal',
          issues: [readerIssue('NDJSON_TRUNCATED', `line ${failed.line}, the last line, is cut mid-record (the file is incomplete): ${failed.reason}`, failed.line, 'rejected')],
        });
      } else out.push({ kind: 'unreadable', issue: syntaxIssue(failed.line, failed.reason) });
      failed = undefined;
    },
    nextLine() {
      return line + 1;
    },
  };
}

function syntaxIssue(line: number, reason: string): ReturnType<typeof readerIssue> {
  return readerIssue('NDJSON_LINE_SYNTAX', `line ${line} is not a JSON value: ${reason}`, line, 'excluded');
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
