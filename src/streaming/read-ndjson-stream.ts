/**
 * Reads NDJSON from a stream of chunks (text, or UTF-8 bytes), one record at a time.
 *
 * @module
 */
import { expectChunks } from './chunks.js';
import { createNdjsonRowReader, eachRow, readRowBatches, type NdjsonTypedReader, type ParsedRow, type StreamRow } from '../records/index.js';

/**
 * Streams newline-delimited JSON: yields each record with its line as soon as its line is
 * complete, with exactly the rules of `readNdjsonRecords` (the same reader: LF, CRLF and a lone CR
 * end a line, blank lines skipped, a leading byte-order mark skipped, strict JSON, the size limits;
 * a line that cannot be read yields an `unreadable` row). A last non-blank line that does not
 * parse and is cut mid-record (an object, array or string left open) yields a `fatal`
 * NDJSON_TRUNCATED: the file is incomplete. Byte chunks are decoded as UTF-8, strictly: a byte that
 * is not UTF-8 yields a `fatal` TEXT_NOT_UTF8 with its line and byte offset. Chunks may split
 * lines, line ends and characters anywhere; only the current line (at most `MAX_RECORD_CHARS`) is
 * held in memory, and each character is read a bounded number of times.
 *
 * Throws {@link "outcome-pay".OutcomePayError | OutcomePayError} `ARGUMENT_INVALID` at once when `chunks` is not an async iterable,
 * and while reading for a chunk that is neither a string nor a `Uint8Array`.
 *
 * @param chunks - the file's bytes (or text) in chunks, e.g. `fs.createReadStream(path)`
 * @example
 * async function* chunks() { yield '{"id":"P1","cohort":"2023-A",'; yield '"enrolledOn":"2023-01-09"}\n'; }
 * for await (const row of readNdjsonStream(chunks())) console.log(row); // { kind: 'record', record: {...}, line: 1 }
 */
export function readNdjsonStream(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<StreamRow, void, undefined> {
  expectChunks('readNdjsonStream', chunks);
  return eachRow(readNdjsonBatches(chunks));
}

/**
 * {@link readNdjsonStream} a chunk at a time: the same rows in the same order, in one array per
 * chunk of text (rows of lines completed by that chunk, possibly none), so that a consumer pays
 * one asynchronous step per chunk rather than per record.
 *
 * @param chunks - the file's bytes (or text) in chunks
 * @example
 * for await (const rows of readNdjsonBatches(chunks)) for (const row of rows) console.log(row);
 */
export function readNdjsonBatches(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<StreamRow[], void, undefined> {
  // without a typed reader, no row is a ParsedRow
  return readNdjsonRows(chunks, undefined) as AsyncGenerator<StreamRow[], void, undefined>;
}

/**
 * {@link readNdjsonBatches}, where `typed` may read a line straight into a parsed record (a
 * `parsed` row, see `createNdjsonTypedReader`); the lines it declines give the same rows as
 * `readNdjsonBatches`. For streamed settlements.
 *
 * @param chunks - the file's bytes (or text) in chunks
 * @param typed - the typed line reader
 * @example
 * const batches = readNdjsonRows(chunks, createNdjsonTypedReader(context, createAmountCache()));
 */
export function readNdjsonRows(
  chunks: AsyncIterable<string | Uint8Array>,
  typed: NdjsonTypedReader | undefined,
): AsyncGenerator<(StreamRow | ParsedRow)[], void, undefined> {
  return readRowBatches(chunks, createNdjsonRowReader(typed));
}
