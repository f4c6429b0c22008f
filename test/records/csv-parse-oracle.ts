/**
 * The independent oracle for the CSV reader: csv-parse (a test dependency) with the column
 * mapping, as outcome-pay read whole CSV files before it had one reader for files and streams.
 * Records and their start lines only; errors are only detected, not described.
 */
import { parse } from 'csv-parse/sync';
import { csvRowToRecord } from '../../src/records/csv-row.js';
import { mapCsvHeader } from '../../src/records/read-csv.js';

interface ParsedRow {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/** The records and the line each starts on, or `undefined` when csv-parse or the header fails. */
export function csvParseRecords(text: string): { records: unknown[]; lines: number[]; rowLengthLines: number[] } | undefined {
  let rows: ParsedRow[];
  try {
    rows = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'] }) as unknown as ParsedRow[];
  } catch {
    return undefined;
  }
  // csv-parse gives the line a row ends on, counting a CR and an LF inside quotes each as a line
  const starts = new Map<ParsedRow, number>();
  let drift = 0;
  for (const row of rows) {
    let chars = 0;
    let pairs = 0;
    for (const cell of row.record) {
      chars += cell.match(/[\r\n]/g)?.length ?? 0;
      pairs += cell.match(/\r\n/g)?.length ?? 0;
    }
    starts.set(row, row.info.lines - drift - chars);
    drift += pairs;
  }
  const [header, ...data] = rows.filter((row) => row.record.some((cell) => cell.trim() !== ''));
  if (header === undefined) return undefined;
  const names = header.record.map((cell) => cell.trim());
  const columns = mapCsvHeader(names, 1);
  if (!Array.isArray(columns)) return undefined;
  const records: unknown[] = [];
  const lines: number[] = [];
  const rowLengthLines: number[] = [];
  for (const row of data) {
    const line = starts.get(row) ?? 1;
    if (row.record.length !== names.length) rowLengthLines.push(line);
    else {
      records.push(csvRowToRecord(columns, row.record.map((cell) => cell.trim())));
      lines.push(line);
    }
  }
  return { records, lines, rowLengthLines };
}
