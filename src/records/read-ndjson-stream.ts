/**
 * Reads NDJSON from a stream of text chunks, one record at a time.
 *
 * @module
 */
import { isCutRecord } from './read-ndjson.js';
import { readerIssue } from './reader-issue.js';
import type { StreamRow } from './stream-row.js';

/**
 * Streams newline-delimited JSON: yields each record with its line as soon as its line is
 * complete, with exactly the rules of `readNdjsonRecords` (blank lines skipped, CRLF and a leading
 * byte-order mark accepted, a line that is not JSON yields an `unreadable` NDJSON_LINE_SYNTAX row).
 * A last non-blank line that does not parse and is cut mid-record (an object, array or string left
 * open) yields a `fatal` NDJSON_TRUNCATED: the file is incomplete. Chunks may split lines (and
 * characters' surrogate pairs) anywhere; only the current line is held in memory.
 *
 * @param chunks - the file's text in chunks, e.g. `fs.createReadStream(path, 'utf8')`
 * @example
 * async function* chunks() { yield '{"id":"P1","cohort":"2023-A",'; yield '"enrolledOn":"2023-01-09"}\n'; }
 * for await (const row of readNdjsonStream(chunks())) console.log(row); // { kind: 'record', record: {...}, line: 1 }
 */
export async function* readNdjsonStream(chunks: AsyncIterable<string>): AsyncGenerator<StreamRow, void, undefined> {
  let carry = '';
  let line = 0;
  let first = true;
  /** A line that did not parse: an error, or the sign of a truncated file if nothing follows. */
  let pending: { line: number; row: string; reason: string } | undefined;

  function* take(raw: string): Generator<StreamRow, void, undefined> {
    line++;
    const row = raw.trim();
    if (row === '') return;
    if (pending !== undefined) {
      yield { kind: 'unreadable', issue: syntaxIssue(pending.line, pending.reason) };
      pending = undefined;
    }
    let record: unknown;
    try {
      record = JSON.parse(row);
    } catch (error) {
      pending = { line, row, reason: error instanceof Error ? error.message : String(error) };
      return;
    }
    yield { kind: 'record', record, line };
  }

  for await (const chunk of chunks) {
    let text = carry + chunk;
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let start = 0;
    for (let end = text.indexOf('\n', start); end >= 0; end = text.indexOf('\n', start)) {
      yield* take(text.slice(start, end));
      start = end + 1;
    }
    carry = start === 0 ? text : text.slice(start);
  }
  yield* take(carry);
  if (pending !== undefined) {
    if (isCutRecord(pending.row)) {
      yield {
        kind: 'fatal',
        issues: [
          readerIssue('NDJSON_TRUNCATED', `line ${pending.line}, the last line, is cut mid-record (the file is incomplete): ${pending.reason}`, pending.line, 'rejected'),
        ],
      };
      return;
    }
    yield { kind: 'unreadable', issue: syntaxIssue(pending.line, pending.reason) };
  }
}

function syntaxIssue(line: number, reason: string): ReturnType<typeof readerIssue> {
  return readerIssue('NDJSON_LINE_SYNTAX', `line ${line} is not a JSON value: ${reason}`, line, 'excluded');
}
