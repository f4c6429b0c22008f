/**
 * Reads flat CSV from a stream of chunks (text, or UTF-8 bytes), one record at a time.
 *
 * @module
 */
import {
  createCsvRowReader,
  csvDialect,
  type CsvDialect,
  type CsvOptions,
  eachRow,
  readRowBatches,
  type CsvColumn,
  type CsvTypedReader,
  type ParsedRow,
  type StreamRow,
} from '../records/index.js';
import { expectChunks } from './chunks.js';

/**
 * Streams a records CSV file with exactly the rules of `readCsvRecords` (the same reader,
 * `csv-rows.ts`: header row, RFC 4180 quoting, LF, CRLF and a lone CR, byte-order mark, cells
 * trimmed, blank rows skipped, the same column mapping, the same size limits and line numbers):
 * yields each record with the line it starts on as soon as it is complete. A row that cannot be
 * read (CSV_ROW_LENGTH, RECORD_TOO_LONG, TEXT_TOO_LONG, ID_TOO_LONG) yields an `unreadable` row.
 * Fatal (the reader stops): CSV_EMPTY, a bad header (CSV_UNKNOWN_COLUMN, CSV_DUPLICATE_COLUMN,
 * CSV_MISSING_COLUMN), CSV_SYNTAX (notably a quote left open at the end of the text: the file is
 * cut), and a byte that is not UTF-8 (TEXT_NOT_UTF8, with its line and byte offset). Chunks may
 * split the text anywhere; only the current record (at most `MAX_RECORD_CHARS`) is held in memory,
 * and each character is read a bounded number of times.
 *
 * The scanner is outcome-pay's own: csv-parse's platform-neutral core is not exported by the
 * package, and its stream API needs Node streams. Tests compare it with csv-parse.
 *
 * Throws {@link "outcome-pay".OutcomePayError | OutcomePayError} `ARGUMENT_INVALID` at once when `chunks` is not an async iterable,
 * and while reading for a chunk that is neither a string nor a `Uint8Array`.
 *
 * @param chunks - the file's bytes (or text) in chunks, e.g. `fs.createReadStream(path)`
 * @param csv - how the file is written, when not as docs/records.md says (see `readCsvRecords`)
 * @example
 * async function* chunks() { yield 'id,cohort,enrolledOn\nP1,2023-A,'; yield '2023-01-09\n'; }
 * for await (const row of readCsvStream(chunks())) console.log(row); // { kind: 'record', record: { id: 'P1', ... }, line: 2 }
 */
export function readCsvStream(chunks: AsyncIterable<string | Uint8Array>, csv?: CsvOptions): AsyncGenerator<StreamRow, void, undefined> {
  expectChunks('readCsvStream', chunks);
  const dialect = csvDialect('readCsvStream', csv);
  return eachRow(readCsvRows(chunks, undefined, dialect) as AsyncGenerator<StreamRow[], void, undefined>);
}

/**
 * {@link readCsvStream} a chunk at a time: the same rows in the same order, in one array per chunk
 * of text (rows of records completed by that chunk, possibly none; a fatal row is the last), so
 * that a consumer pays one asynchronous step per chunk rather than per record.
 *
 * @param chunks - the file's bytes (or text) in chunks
 * @param csv - how the file is written, when not as docs/records.md says
 * @example
 * for await (const rows of readCsvBatches(chunks)) for (const row of rows) console.log(row);
 */
export function readCsvBatches(chunks: AsyncIterable<string | Uint8Array>, csv?: CsvOptions): AsyncGenerator<StreamRow[], void, undefined> {
  // without a typed reader, no row is a ParsedRow
  return readCsvRows(chunks, undefined, csvDialect('readCsvBatches', csv)) as AsyncGenerator<StreamRow[], void, undefined>;
}

/**
 * {@link readCsvBatches}, where `typedFor` (given the header's columns) may read a plain line
 * straight into a parsed record (a `parsed` row, see `createCsvTypedReader`); the lines it
 * declines give the same rows as `readCsvBatches`. For streamed settlements.
 *
 * @param chunks - the file's bytes (or text) in chunks
 * @param typedFor - makes the typed reader for the header's columns
 * @param dialect - the CSV options resolved, or undefined for the default format (the typed reader is then not used)
 * @example
 * const batches = readCsvRows(chunks, (columns) => createCsvTypedReader(columns, context, createAmountCache()));
 */
export function readCsvRows(
  chunks: AsyncIterable<string | Uint8Array>,
  typedFor: ((columns: readonly CsvColumn[]) => CsvTypedReader) | undefined,
  dialect?: CsvDialect,
): AsyncGenerator<(StreamRow | ParsedRow)[], void, undefined> {
  return readRowBatches(chunks, createCsvRowReader(typedFor, dialect));
}
