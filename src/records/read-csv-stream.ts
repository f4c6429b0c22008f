/**
 * Reads flat CSV from a stream of text chunks, one record at a time.
 *
 * @module
 */
import type { CsvColumn } from './csv-columns.js';
import { csvRowToRecord } from './csv-row.js';
import type { CsvTypedReader } from './csv-typed-row.js';
import { mayTrim, scanCsvRecord } from './csv-scan.js';
import { mapCsvHeader } from './read-csv.js';
import { readerIssue } from './reader-issue.js';
import type { ParsedRow, StreamRow } from './stream-row.js';

/**
 * Streams a records CSV file with exactly the rules of `readCsvRecords` (header row, RFC 4180
 * quoting, CRLF/LF/CR, byte-order mark, cells trimmed, blank rows skipped, the same column
 * mapping): yields each record with the line it starts on as soon as it is complete. A row with
 * the wrong number of cells yields an `unreadable` CSV_ROW_LENGTH. Fatal (the reader stops):
 * CSV_EMPTY, a bad header (CSV_UNKNOWN_COLUMN, CSV_DUPLICATE_COLUMN, CSV_MISSING_COLUMN) and
 * CSV_SYNTAX, notably a quote left open at the end of the text (the file is cut). Chunks may
 * split the text anywhere; only the current record is held in memory.
 *
 * The scanner is outcome-pay's own (`csv-scan.ts`): csv-parse's platform-neutral core is not
 * exported by the package, and its stream API needs Node streams. Tests check that both readers
 * give the same records.
 *
 * @param chunks - the file's text in chunks, e.g. `fs.createReadStream(path, 'utf8')`
 * @example
 * async function* chunks() { yield 'id,cohort,enrolledOn\nP1,2023-A,'; yield '2023-01-09\n'; }
 * for await (const row of readCsvStream(chunks())) console.log(row); // { kind: 'record', record: { id: 'P1', ... }, line: 2 }
 */
export async function* readCsvStream(chunks: AsyncIterable<string>): AsyncGenerator<StreamRow, void, undefined> {
  for await (const batch of readCsvBatches(chunks)) for (const row of batch) yield row;
}

/**
 * {@link readCsvStream} a chunk at a time: the same rows in the same order, in one array per chunk
 * of text (rows of records completed by that chunk, possibly none; a fatal row is the last), so
 * that a consumer pays one asynchronous step per chunk rather than per record.
 *
 * @param chunks - the file's text in chunks
 * @example
 * for await (const rows of readCsvBatches(chunks)) for (const row of rows) console.log(row);
 */
export function readCsvBatches(chunks: AsyncIterable<string>): AsyncGenerator<StreamRow[], void, undefined> {
  // without a typed reader, no row is a ParsedRow
  return readCsvRows(chunks, undefined) as AsyncGenerator<StreamRow[], void, undefined>;
}

/**
 * {@link readCsvBatches}, where `typedFor` (given the header's columns) may read a plain line
 * straight into a parsed record (a `parsed` row, see `createCsvTypedReader`); the lines it
 * declines give the same rows as `readCsvBatches`. For streamed settlements.
 *
 * @param chunks - the file's text in chunks
 * @param typedFor - makes the typed reader for the header's columns
 * @example
 * const batches = readCsvRows(chunks, (columns) => createCsvTypedReader(columns, context, createAmountCache()));
 */
export async function* readCsvRows(
  chunks: AsyncIterable<string>,
  typedFor: ((columns: readonly CsvColumn[]) => CsvTypedReader) | undefined,
): AsyncGenerator<(StreamRow | ParsedRow)[], void, undefined> {
  let text = '';
  let line = 1;
  let first = true;
  let header: { columns: CsvColumn[]; width: number } | undefined;
  let typed: CsvTypedReader | undefined;

  /** Appends the rows of the complete records in `text` to `out`; false after a fatal row. */
  function rows(atEnd: boolean, out: (StreamRow | ParsedRow)[]): boolean {
    let start = 0;
    let lineEnd = -2; // the first LF at or after `start` (-1: none in `text`), found once per line
    while (start < text.length) {
      if (lineEnd !== -1 && lineEnd < start) lineEnd = text.indexOf('\n', start);
      if (typed !== undefined && lineEnd >= start) {
        const record = typed(text, start, lineEnd);
        if (record !== undefined) {
          out.push({ kind: 'parsed', record, line });
          line += 1;
          start = lineEnd + 1;
          continue;
        }
      }
      const scan = scanCsvRecord(text, start, atEnd, lineEnd);
      if (scan === 'more') break;
      if ('error' in scan) {
        out.push({ kind: 'fatal', issues: [readerIssue('CSV_SYNTAX', `the CSV text cannot be parsed at line ${line + scan.breaks}: ${scan.error}`, line + scan.breaks, 'rejected')] });
        return false;
      }
      const rowLine = line;
      line += scan.breaks;
      start = scan.end;
      const cells = scan.cells;
      let blank = true;
      for (let i = 0; i < cells.length; i++) {
        const raw = cells[i] ?? '';
        const cell = mayNeedTrim(raw) ? raw.trim() : raw;
        cells[i] = cell;
        if (cell !== '') blank = false;
      }
      if (blank) continue;
      if (header === undefined) {
        const columns = mapCsvHeader(cells, rowLine);
        if (!Array.isArray(columns)) {
          out.push({ kind: 'fatal', issues: columns.issues });
          return false;
        }
        header = { columns, width: cells.length };
        typed = typedFor?.(columns);
        continue;
      }
      if (cells.length !== header.width) {
        out.push({
          kind: 'unreadable',
          issue: readerIssue('CSV_ROW_LENGTH', `line ${rowLine} has ${cells.length} cells but the header has ${header.width}`, rowLine, 'excluded'),
        });
        continue;
      }
      out.push({ kind: 'record', record: csvRowToRecord(header.columns, cells), line: rowLine });
    }
    text = start === 0 ? text : text.slice(start);
    return true;
  }

  for await (const chunk of chunks) {
    text += chunk;
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const out: (StreamRow | ParsedRow)[] = [];
    const going = rows(false, out);
    if (out.length > 0) yield out;
    if (!going) return;
  }
  const out: (StreamRow | ParsedRow)[] = [];
  if (rows(true, out) && header === undefined) {
    out.push({ kind: 'fatal', issues: [readerIssue('CSV_EMPTY', 'the CSV text has no header row', undefined, 'rejected')] });
  }
  if (out.length > 0) yield out;
}

/** Whether `trim()` could change `cell` (see {@link mayTrim}). */
function mayNeedTrim(cell: string): boolean {
  return cell.length > 0 && (mayTrim(cell.charCodeAt(0)) || mayTrim(cell.charCodeAt(cell.length - 1)));
}
