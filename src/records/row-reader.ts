/**
 * Reading a records file as rows, the same way whether it comes whole or in chunks: the input is
 * decoded strictly (`src/text/utf8.ts`), and a format's row reader turns its text into rows.
 *
 * @module
 */
import { invalidArgument, isBytes } from '../guard.js';
import { fail, ok, type Result } from '../result.js';
import { createTextDecoder, textFailureIssue, type Decoded, type TextChunkDecoder } from '../text/index.js';
import type { RecordIssue } from './issues.js';
import type { RawRecords } from './raw-records.js';
import { readerIssue } from './reader-issue.js';
import type { ParsedRow, StreamRow } from './stream-row.js';

/**
 * What a row reader gives: a raw record, an unreadable row, a fatal problem, or (with a typed fast
 * path) a parsed record.
 *
 * @example
 * const row: Row = { kind: 'record', record: { id: 'P1' }, line: 2 };
 */
export type Row = StreamRow | ParsedRow;

/**
 * A format's reader of text into rows, fed the text a piece at a time (the pieces may split a
 * line, a record or a line end anywhere; it gives the same rows however the text is cut).
 *
 * @example
 * const reader: RowReader = createNdjsonRowReader(undefined);
 */
export interface RowReader {
  /** Reads the next piece of text into `out`; false once a fatal row was given (nothing more is read). */
  push(text: string, out: Row[]): boolean;
  /** The end of the text: the rows still held, and a fatal row if the text was cut. */
  end(out: Row[]): void;
  /** The 1-based line the next character of text would be on. */
  nextLine(): number;
}

/** Feeds decoded text to the reader; a decoding failure is fatal, at the line the text reached. */
function feed(decoded: Decoded, reader: RowReader, out: Row[]): boolean {
  if (decoded.text.length > 0 && !reader.push(decoded.text, out)) return false;
  if (decoded.failure === undefined) return true;
  const issue = textFailureIssue(decoded.failure, reader.nextLine());
  out.push({ kind: 'fatal', issues: [readerIssue(decoded.failure.code, issue.message, issue.line, 'rejected')] });
  return false;
}

function finish(decoder: TextChunkDecoder, reader: RowReader, out: Row[]): void {
  if (feed(decoder.end(), reader, out)) reader.end(out);
}

/**
 * Reads chunks (text, or UTF-8 bytes decoded strictly) into rows, one array per chunk (possibly
 * none). A fatal row is the last.
 *
 * @param chunks - the file's text or bytes in chunks
 * @param reader - the format's row reader
 * @example
 * for await (const rows of readRowBatches(createReadStream('records.ndjson'), createNdjsonRowReader(undefined))) console.log(rows.length);
 */
export async function* readRowBatches(chunks: AsyncIterable<string | Uint8Array>, reader: RowReader): AsyncGenerator<Row[], void, undefined> {
  const decoder = createTextDecoder();
  let index = 0;
  for await (const chunk of chunks) {
    if (typeof chunk !== 'string' && !isBytes(chunk)) {
      throw invalidArgument('reading records', `chunks[${String(index)}]`, 'a string or a Uint8Array of UTF-8 bytes', chunk);
    }
    index += 1;
    const out: Row[] = [];
    const going = feed(decoder.push(chunk), reader, out);
    if (out.length > 0) yield out;
    if (!going) return;
  }
  const out: Row[] = [];
  finish(decoder, reader, out);
  if (out.length > 0) yield out;
}

/**
 * The rows of batches one at a time: what the streaming readers yield.
 *
 * @example
 * for await (const row of eachRow(readNdjsonBatches(chunks))) console.log(row.kind);
 */
export async function* eachRow<R>(batches: AsyncIterable<readonly R[]>): AsyncGenerator<R, void, undefined> {
  for await (const batch of batches) for (const row of batch) yield row;
}

/**
 * Reads a whole input (text, or UTF-8 bytes decoded strictly) into raw records with
 * {@link readRowBatches}'s rules: the same rows, as `RawRecords`, or the fatal row's issues.
 *
 * @param input - the file's text or bytes
 * @param reader - the format's row reader (without a typed fast path)
 * @example
 * const read = readWholeRecords(text, createNdjsonRowReader(undefined));
 */
export function readWholeRecords(input: string | Uint8Array, reader: RowReader): Result<RawRecords> {
  const decoder = createTextDecoder();
  const rows: Row[] = [];
  if (feed(decoder.push(input), reader, rows)) finish(decoder, reader, rows);
  const records: unknown[] = [];
  const lines: number[] = [];
  const issues: RecordIssue[] = [];
  for (const row of rows) {
    if (row.kind === 'fatal') return fail(row.issues);
    if (row.kind === 'unreadable') issues.push(row.issue);
    else {
      records.push(row.record);
      lines.push(row.line);
    }
  }
  return ok({ records, lines, issues });
}
