/**
 * Reads flat CSV (one row per participant) into raw records.
 *
 * @module
 */
import { parse } from 'csv-parse/sync';
import { fail, ok, type Result } from '../result.js';
import { parseColumn, REQUIRED_CSV_COLUMNS, type CsvColumn } from './csv-columns.js';
import { csvRowToRecord } from './csv-row.js';
import type { RecordIssue } from './issues.js';
import type { RawRecords } from './raw-records.js';
import { readerIssue } from './reader-issue.js';

interface ParsedRow {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

const LINE_BREAK_CHARS = /[\r\n]/g;
const CRLF = /\r\n/g;

/**
 * Parses the contents of a CSV file: a header row, then one row per participant (RFC 4180 quoting,
 * CRLF or LF, optional byte-order mark; cells trimmed; blank rows skipped). See `docs/records.md`
 * for the column mapping. Fatal issues (the read fails): CSV_SYNTAX, CSV_EMPTY,
 * CSV_UNKNOWN_COLUMN, CSV_DUPLICATE_COLUMN, CSV_MISSING_COLUMN. A row with the wrong number of
 * cells is left out and reported as CSV_ROW_LENGTH. Never throws.
 *
 * @param text - the file's contents
 * @example
 * const read = readCsvRecords('id,cohort,enrolledOn,groups\nP1,2023-A,2023-01-09,rsa;youth\n');
 * // read.ok === true; read.value.records[0] → { id: 'P1', cohort: '2023-A', enrolledOn: '2023-01-09', groups: ['rsa', 'youth'] }
 */
export function readCsvRecords(text: string): Result<RawRecords> {
  let rows: ParsedRow[];
  try {
    rows = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as ParsedRow[];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const lines = (error as { lines?: unknown }).lines;
    return fail([readerIssue('CSV_SYNTAX', `the CSV text cannot be parsed: ${reason}`, typeof lines === 'number' ? lines : undefined, 'rejected')]);
  }
  const startLines = startLinesOf(rows);
  rows = rows.filter((row) => row.record.some((cell) => cell.trim() !== ''));
  const [headerRow, ...dataRows] = rows;
  if (headerRow === undefined) return fail([readerIssue('CSV_EMPTY', 'the CSV text has no header row', undefined, 'rejected')]);
  const header = headerRow.record.map((cell) => cell.trim());
  const headerLine = startLines.get(headerRow) ?? 1;
  const columns = mapCsvHeader(header, headerLine);
  if (!Array.isArray(columns)) return fail(columns.issues);

  const records: unknown[] = [];
  const lines: number[] = [];
  const issues: RecordIssue[] = [];
  for (const row of dataRows) {
    const line = startLines.get(row) ?? 1;
    if (row.record.length !== header.length) {
      issues.push(
        readerIssue('CSV_ROW_LENGTH', `line ${line} has ${row.record.length} cells but the header has ${header.length}`, line, 'excluded'),
      );
      continue;
    }
    records.push(csvRowToRecord(columns, row.record.map((cell) => cell.trim())));
    lines.push(line);
  }
  return ok({ records, lines, issues });
}

/**
 * Maps a CSV header row (cells trimmed) to its columns, or the fatal issues: CSV_DUPLICATE_COLUMN,
 * CSV_UNKNOWN_COLUMN, CSV_MISSING_COLUMN.
 *
 * @example
 * mapCsvHeader(['id', 'cohort', 'enrolledOn'], 1); // three columns
 * mapCsvHeader(['id', 'salary'], 1);               // { issues: [CSV_UNKNOWN_COLUMN, CSV_MISSING_COLUMN ...] }
 */
export function mapCsvHeader(header: readonly string[], line: number): CsvColumn[] | { issues: RecordIssue[] } {
  const issues: RecordIssue[] = [];
  const columns: CsvColumn[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) {
      issues.push(readerIssue('CSV_DUPLICATE_COLUMN', `column ${JSON.stringify(name)} appears twice in the header`, line, 'rejected'));
    }
    seen.add(name);
    const column = parseColumn(name);
    if (column === undefined) {
      issues.push(
        readerIssue('CSV_UNKNOWN_COLUMN', `column ${JSON.stringify(name)} is not part of the records CSV mapping (see docs/records.md)`, line, 'rejected'),
      );
    } else {
      columns.push(column);
    }
  }
  for (const required of REQUIRED_CSV_COLUMNS) {
    if (!seen.has(required)) {
      issues.push(readerIssue('CSV_MISSING_COLUMN', `the header has no ${JSON.stringify(required)} column, which is required`, line, 'rejected'));
    }
  }
  return issues.length > 0 ? { issues } : columns;
}

/**
 * The line each row starts on. csv-parse reports the line a row ends on, and inside a quoted cell
 * it counts a CR and an LF each as a line, so a CRLF in a quoted cell counts twice, for that row
 * and every later one: undo both.
 */
function startLinesOf(rows: readonly ParsedRow[]): Map<ParsedRow, number> {
  const lines = new Map<ParsedRow, number>();
  let drift = 0; // CRLF pairs inside quoted cells of earlier rows
  for (const row of rows) {
    let chars = 0;
    let pairs = 0;
    for (const cell of row.record) {
      chars += cell.match(LINE_BREAK_CHARS)?.length ?? 0;
      pairs += cell.match(CRLF)?.length ?? 0;
    }
    lines.set(row, row.info.lines - drift - chars);
    drift += pairs;
  }
  return lines;
}
