/**
 * Where a streamed settlement reads its records from, turned into rows one at a time.
 *
 * @module
 */
import { invalidArgument, isAsyncIterable, isObjectValue, unreadableArgument } from '../guard.js';
import { hasOwn } from '../own-data.js';
import { csvDialect, type CsvColumn, type CsvOptions, type CsvTypedReader, type StreamRow, type NdjsonTypedReader, type ParsedRow } from '../records/index.js';
import { readCsvRows } from './read-csv-stream.js';
import { readNdjsonRows } from './read-ndjson-stream.js';

/**
 * A file format that can be streamed.
 *
 * @example
 * const format: StreamFormat = 'ndjson';
 */
export type StreamFormat = 'ndjson' | 'csv';

/**
 * The chunks of a records file, or a function that opens them (again): pass a function, such
 * as `() => fs.createReadStream(path)`, so that the rare input with duplicate ids can be read a
 * second time (see `settleStream`). Byte chunks (`Uint8Array`, such as Node's `Buffer`) are
 * decoded as UTF-8 strictly: a byte that is not UTF-8 fails the settlement (TEXT_NOT_UTF8, with
 * its line and byte offset). Text chunks are taken as they are: a stream opened with
 * `'utf8'` has already replaced such bytes by U+FFFD, silently.
 *
 * @example
 * const chunks: ChunkSource = () => createReadStream('records.ndjson');
 */
export type ChunkSource = AsyncIterable<string | Uint8Array> | (() => AsyncIterable<string | Uint8Array>);

/**
 * The records of a streamed settlement: raw records (parsed JSON values, e.g. from a database
 * cursor), or a function that opens them (again), or a file's chunks (bytes or text) in a format.
 *
 * @example
 * const source: RecordSource = { format: 'csv', chunks: () => createReadStream('records.csv') };
 * const french: RecordSource = { format: 'csv', chunks: () => createReadStream('participants.csv'), csv: { preset: 'fr' } };
 */
export type RecordSource =
  | AsyncIterable<unknown>
  | (() => AsyncIterable<unknown>)
  | { readonly format: StreamFormat; readonly chunks: ChunkSource; readonly csv?: CsvOptions };

/**
 * The fast paths of a streamed settlement's file readers: NDJSON lines, and (given the header's
 * columns) CSV lines, read straight into parsed records.
 *
 * @example
 * const typed: TypedReaders = { ndjson: createNdjsonTypedReader(context, cache), csv: (columns) => createCsvTypedReader(columns, context, cache) };
 */
export interface TypedReaders {
  readonly ndjson: NdjsonTypedReader;
  readonly csv: (columns: readonly CsvColumn[]) => CsvTypedReader;
}

function isFileSource(source: RecordSource): source is { readonly format: StreamFormat; readonly chunks: ChunkSource } {
  // own properties only: an iterable does not become a file because Object.prototype has `format`
  return typeof source === 'object' && hasOwn(source, 'format') && hasOwn(source, 'chunks');
}

async function* asRows(records: AsyncIterable<unknown>): AsyncGenerator<StreamRow[], void, undefined> {
  for await (const record of records) yield [{ kind: 'record', record, line: 0 }];
}

/**
 * Opens the source as rows, in batches (one per chunk of a file, one per raw record); `undefined`
 * when it was a single-use iterable already consumed once. Rows of raw-record sources have
 * `line: 0` (no file line). With `typed`, files' lines may be read straight into parsed records
 * (`parsed` rows).
 *
 * @example
 * const rows = openRows(source, 0, { ndjson: createNdjsonTypedReader(context, cache), csv: (columns) => createCsvTypedReader(columns, context, cache) });
 */
export function openRows(source: RecordSource, pass: number, typed?: TypedReaders): AsyncIterable<readonly (StreamRow | ParsedRow)[]> | undefined {
  if (isFileSource(source)) {
    const chunks = typeof source.chunks === 'function' ? opened(source.chunks(), 'records.chunks()') : pass === 0 ? source.chunks : undefined;
    if (chunks === undefined) return undefined;
    // the CSV options of the file (own property only), checked by expectRecordSource
    const dialect = source.format === 'csv' && hasOwn(source, 'csv') ? csvDialect('settleStream', (source as { csv?: unknown }).csv) : undefined;
    return source.format === 'csv' ? readCsvRows(chunks, typed?.csv, dialect) : readNdjsonRows(chunks, typed?.ndjson);
  }
  if (typeof source === 'function') return asRows(opened(source(), 'records()'));
  return pass === 0 ? asRows(source) : undefined;
}

/** What a function of the source returned, which must be an async iterable. */
function opened<T>(value: AsyncIterable<T>, name: string): AsyncIterable<T> {
  if (!isAsyncIterable(value)) throw invalidArgument('settleStream', name, 'an async iterable (a stream, an async generator)', value);
  return value;
}

const SOURCE = 'a records source: an async iterable of records, a function that returns one, or { format: "ndjson" | "csv", chunks }';

/**
 * Throws {@link OutcomePayError} `ARGUMENT_INVALID` unless `value` is a {@link RecordSource}: an
 * async iterable of records, a function (called for each read), or a file source with a `format`
 * of `'ndjson'` or `'csv'` and `chunks` that are an async iterable or a function. What the
 * functions return is checked when they are called; the records themselves are data.
 *
 * @example
 * expectRecordSource({ format: 'csv', chunks: () => createReadStream('records.csv') }); // passes
 */
export function expectRecordSource(value: unknown): asserts value is RecordSource {
  if (typeof value === 'function') return;
  let wrong: readonly [string, string, unknown] | undefined;
  let csv: { options: unknown } | undefined;
  try {
    if (isObjectValue(value) && isFileSource(value as RecordSource)) {
      const { format, chunks } = value;
      if (format !== 'ndjson' && format !== 'csv') wrong = ['records.format', '"ndjson" or "csv"', format];
      else if (typeof chunks !== 'function' && !isAsyncIterable(chunks)) wrong = ['records.chunks', 'an async iterable of chunks or a function that returns one', chunks];
      else if (hasOwn(value, 'csv')) csv = { options: (value as { csv?: unknown }).csv };
    } else if (!isAsyncIterable(value)) wrong = ['records', SOURCE, value];
  } catch (error) {
    throw unreadableArgument('settleStream', 'records', error);
  }
  if (wrong !== undefined) throw invalidArgument('settleStream', wrong[0], wrong[1], wrong[2]);
  if (csv !== undefined) csvDialect('settleStream', csv.options);
}
