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

const NEWLINES = /\r\n|\r|\n/g;

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
  rows = rows.filter((row) => row.record.some((cell) => cell.trim() !== ''));
  const [headerRow, ...dataRows] = rows;
  if (headerRow === undefined) return fail([readerIssue('CSV_EMPTY', 'the CSV text has no header row', undefined, 'rejected')]);
  const header = headerRow.record.map((cell) => cell.trim());
  const headerLine = startLine(headerRow);
  const columns = mapHeader(header, headerLine);
  if (!Array.isArray(columns)) return fail(columns.issues);

  const records: unknown[] = [];
  const lines: number[] = [];
  const issues: RecordIssue[] = [];
  for (const row of dataRows) {
    const line = startLine(row);
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

function mapHeader(header: readonly string[], line: number): CsvColumn[] | { issues: RecordIssue[] } {
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

/** csv-parse reports the line a row ends on; a quoted cell may span lines. */
function startLine(row: ParsedRow): number {
  let inner = 0;
  for (const cell of row.record) inner += cell.match(NEWLINES)?.length ?? 0;
  return row.info.lines - inner;
}
