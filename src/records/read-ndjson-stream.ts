/**
 * Reads NDJSON from a stream of text chunks, one record at a time.
 *
 * @module
 */
import type { NdjsonTypedReader } from './ndjson-typed-line.js';
import { isCutRecord } from './read-ndjson.js';
import { readerIssue } from './reader-issue.js';
import type { ParsedRow, StreamRow } from './stream-row.js';

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
  for await (const batch of readNdjsonBatches(chunks)) for (const row of batch) yield row;
}

/**
 * {@link readNdjsonStream} a chunk at a time: the same rows in the same order, in one array per
 * chunk of text (rows of lines completed by that chunk, possibly none), so that a consumer pays
 * one asynchronous step per chunk rather than per record.
 *
 * @param chunks - the file's text in chunks
 * @example
 * for await (const rows of readNdjsonBatches(chunks)) for (const row of rows) console.log(row);
 */
export function readNdjsonBatches(chunks: AsyncIterable<string>): AsyncGenerator<StreamRow[], void, undefined> {
  // without a typed reader, no row is a ParsedRow
  return readNdjsonRows(chunks, undefined) as AsyncGenerator<StreamRow[], void, undefined>;
}

/**
 * {@link readNdjsonBatches}, where `typed` may read a line straight into a parsed record (a
 * `parsed` row, see `createNdjsonTypedReader`); the lines it declines give the same rows as
 * `readNdjsonBatches`. For streamed settlements.
 *
 * @param chunks - the file's text in chunks
 * @param typed - the typed line reader
 * @example
 * const batches = readNdjsonRows(chunks, createNdjsonTypedReader(context, createAmountCache()));
 */
export async function* readNdjsonRows(
  chunks: AsyncIterable<string>,
  typed: NdjsonTypedReader | undefined,
): AsyncGenerator<(StreamRow | ParsedRow)[], void, undefined> {
  let carry = '';
  let line = 0;
  let first = true;
  /** A line that did not parse: an error, or the sign of a truncated file if nothing follows. */
  let pending: { line: number; row: string; reason: string } | undefined;

  function take(text: string, start: number, end: number, out: (StreamRow | ParsedRow)[]): void {
    line++;
    if (typed !== undefined && pending === undefined) {
      const record = typed(text, start, end);
      if (record !== undefined) {
        out.push({ kind: 'parsed', record, line });
        return;
      }
    }
    const row = (start === 0 && end === text.length ? text : text.slice(start, end)).trim();
    if (row === '') return;
    if (pending !== undefined) {
      out.push({ kind: 'unreadable', issue: syntaxIssue(pending.line, pending.reason) });
      pending = undefined;
    }
    let record: unknown;
    try {
      record = JSON.parse(row);
    } catch (error) {
      pending = { line, row, reason: error instanceof Error ? error.message : String(error) };
      return;
    }
    out.push({ kind: 'record', record, line });
  }

  for await (const chunk of chunks) {
    let text = carry + chunk;
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const rows: (StreamRow | ParsedRow)[] = [];
    let start = 0;
    for (let end = text.indexOf('\n', start); end >= 0; end = text.indexOf('\n', start)) {
      take(text, start, end, rows);
      start = end + 1;
    }
    carry = start === 0 ? text : text.slice(start);
    if (rows.length > 0) yield rows;
  }
  const rows: (StreamRow | ParsedRow)[] = [];
  take(carry, 0, carry.length, rows);
  if (pending !== undefined) {
    if (isCutRecord(pending.row)) {
      rows.push({
        kind: 'fatal',
        issues: [
          readerIssue('NDJSON_TRUNCATED', `line ${pending.line}, the last line, is cut mid-record (the file is incomplete): ${pending.reason}`, pending.line, 'rejected'),
        ],
      });
    } else rows.push({ kind: 'unreadable', issue: syntaxIssue(pending.line, pending.reason) });
  }
  if (rows.length > 0) yield rows;
}

function syntaxIssue(line: number, reason: string): ReturnType<typeof readerIssue> {
  return readerIssue('NDJSON_LINE_SYNTAX', `line ${line} is not a JSON value: ${reason}`, line, 'excluded');
}
