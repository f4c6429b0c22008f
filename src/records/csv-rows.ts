/**
 * CSV text into rows: the one reader behind `readCsvRecords` (a whole text) and the CSV stream
 * readers (chunks).
 *
 * @module
 */
import { parseColumn, REQUIRED_CSV_COLUMNS, type CsvColumn } from './csv-columns.js';
import { csvRowToRecord } from './csv-row.js';
import { delimiterHint, localeCells, mappedHeader, type CsvDialect } from './csv-dialect.js';
import { mayTrim, splitCsvRecord, splitFailed } from './csv-scan.js';
import type { CsvTypedReader } from './csv-typed-row.js';
import { LF } from './char-codes.js';
import { createHeldText } from './held-text.js';
import type { RecordIssue } from './issues.js';
import { MAX_FIELD_CHARS, MAX_ID_CHARS, MAX_RECORD_CHARS, recordTooLong } from './reader-limits.js';
import { readerIssue } from './reader-issue.js';
import type { Row, RowReader } from './row-reader.js';

/**
 * A reader of a records CSV file: a header row, then one row per participant (RFC 4180 quoting:
 * quoted cells may hold commas, `""` and line breaks; LF, CRLF and a lone CR each end a row and
 * count as one line, inside quoted cells too; a byte-order mark at the start is skipped; cells
 * trimmed; blank rows skipped; see `docs/records.md` for the column mapping). Each row gives the
 * line it starts on. A row with the wrong number of cells is `unreadable` (CSV_ROW_LENGTH), as is
 * a row longer than `MAX_RECORD_CHARS` (RECORD_TOO_LONG), a cell longer than `MAX_FIELD_CHARS`
 * (TEXT_TOO_LONG) or an id longer than `MAX_ID_CHARS` (ID_TOO_LONG). Fatal (the reader stops):
 * CSV_SYNTAX (at the line of the problem; a quoted cell not closed at the end: at the line it
 * opened, the file being cut), a bad header (CSV_UNKNOWN_COLUMN, CSV_DUPLICATE_COLUMN,
 * CSV_MISSING_COLUMN, or a header too long), CSV_EMPTY.
 *
 * A row's end is found by native searches for the next LF, CR and quote, each starting where the
 * last one stopped; inside quotes only the closing quote ends the cell. A row split between chunks
 * is held in pieces and joined once: each character is looked at a bounded number of times however
 * long the row and however the text is cut. A row without quotes is split on commas natively;
 * only rows with quotes are read character by character.
 *
 * `typedFor` (a streamed settlement's fast path), given the header's columns, may read a row
 * without quotes straight into a parsed record.
 *
 * With a `dialect` (CSV options: docs/records.md, Spreadsheets of other locales), cells are
 * split on its delimiter, the header's names mapped to the records columns, and amounts and dates
 * rewritten as the records CSV writes them (a cell not written as declared: CSV_AMOUNT_LOCALE,
 * CSV_DATE_FORMAT, the row left out); the fast path is not taken. Without one, a header that is
 * one column holding `;` (or a tab, `|`) is CSV_DELIMITER, naming the option to set.
 *
 * @param typedFor - makes the fast path for the header's columns, or `undefined`
 * @param dialect - the CSV options resolved (`csvDialect`), or `undefined` for the default format
 * @example
 * const rows: Row[] = [];
 * const reader = createCsvRowReader(undefined);
 * reader.push('id,cohort,enrolledOn\rP1,2023-A,2023-01-09\r\n', rows);
 * reader.end(rows); // one record, line 2
 */
export function createCsvRowReader(typedFor: ((columns: readonly CsvColumn[]) => CsvTypedReader) | undefined, dialect?: CsvDialect): RowReader {
  const delimiter = dialect?.delimiter ?? ',';
  const delimiterCode = delimiter.charCodeAt(0);
  let line = 1; // the line the current row starts on
  let breaks = 0; // line ends inside quoted cells of the current row, so far
  let inQuote = false;
  let quoted = false; // the current row has a quote
  let quoteLine = 0; // the line the open quote opened on
  let afterCR = false; // the last text ended with a CR: an LF first in the next one ends no line
  let first = true;
  let stopped = false;
  const held = createHeldText(MAX_RECORD_CHARS);
  let header: { columns: CsvColumn[]; names: string[]; idColumn: number } | undefined;
  let typed: CsvTypedReader | undefined;

  function fatal(out: Row[], issues: readonly RecordIssue[]): false {
    out.push({ kind: 'fatal', issues });
    stopped = true;
    return false;
  }

  /** The row made of what is held and `text[start, end)`; false after a fatal row. */
  function row(text: string, start: number, end: number, out: Row[]): boolean {
    const rowLine = line;
    const hadQuote = quoted;
    line += breaks + 1;
    breaks = 0;
    quoted = false;
    let source = text;
    let from = start;
    let to = end;
    let chars = end - start;
    if (held.length > 0) {
      chars += held.length;
      if (held.over) held.clear();
      else {
        source = held.take(text, start, end);
        from = 0;
        to = source.length;
      }
    }
    if (chars > MAX_RECORD_CHARS) {
      if (header === undefined) return fatal(out, [recordTooLong(rowLine, chars, 'rejected')]);
      out.push({ kind: 'unreadable', issue: recordTooLong(rowLine, chars, 'excluded') });
      return true;
    }
    let cells: string[];
    if (!hadQuote) {
      if (typed !== undefined && to - from <= MAX_FIELD_CHARS) {
        const record = typed(source, from, to);
        if (record !== undefined) {
          out.push({ kind: 'parsed', record, line: rowLine });
          return true;
        }
      }
      cells = source.slice(from, to).split(delimiter);
    } else {
      const split = splitCsvRecord(source, from, to, delimiterCode);
      if (splitFailed(split)) return fatal(out, [syntaxIssue(rowLine + split.breaks, split.error)]);
      cells = split.cells;
    }
    return cellsRow(cells, rowLine, out);
  }

  /** The row of the cells (trimmed here): the header, a record, an unreadable row or nothing. */
  function cellsRow(cells: string[], rowLine: number, out: Row[]): boolean {
    let blank = true;
    let longest = 0;
    for (let i = 0; i < cells.length; i++) {
      const raw = cells[i] ?? '';
      const cell = mayNeedTrim(raw) ? raw.trim() : raw;
      cells[i] = cell;
      if (cell !== '') blank = false;
      if (cell.length > (cells[longest] ?? '').length) longest = i;
    }
    if (blank) return true;
    const tooLong = (cells[longest] ?? '').length > MAX_FIELD_CHARS;
    if (header === undefined) {
      if (tooLong) return fatal(out, [cellTooLong(cells, longest, [], rowLine, 'rejected')]);
      const mapped = dialect === undefined ? cells : cells.map((name) => mappedHeader(dialect, name));
      const columns = mapCsvHeader(mapped, rowLine);
      if (!Array.isArray(columns)) {
        const hint = delimiterHint(cells, delimiter, rowLine);
        return fatal(out, hint === undefined ? columns.issues : [hint]);
      }
      header = { columns, names: cells, idColumn: mapped.indexOf('id') };
      typed = dialect === undefined ? typedFor?.(columns) : undefined;
      return true;
    }
    const { columns, names, idColumn } = header;
    if (cells.length !== names.length) {
      out.push({ kind: 'unreadable', issue: readerIssue('CSV_ROW_LENGTH', `line ${rowLine} has ${cells.length} cells but the header has ${names.length}`, rowLine, 'excluded') });
    } else if (tooLong) {
      out.push({ kind: 'unreadable', issue: cellTooLong(cells, longest, names, rowLine, 'excluded') });
    } else if ((cells[idColumn] ?? '').length > MAX_ID_CHARS) {
      const message = `the participant id on line ${rowLine} is ${(cells[idColumn] ?? '').length} characters long; at most ${MAX_ID_CHARS} are allowed`;
      out.push({ kind: 'unreadable', issue: { code: 'ID_TOO_LONG', path: ['id'], message, line: rowLine, action: 'excluded' } });
    } else {
      const issue = dialect === undefined ? undefined : localeCells(dialect, columns, names, cells, rowLine);
      out.push(issue === undefined ? { kind: 'record', record: csvRowToRecord(columns, cells), line: rowLine } : { kind: 'unreadable', issue });
    }
    return true;
  }

  return {
    push(text, out) {
      if (stopped) return false;
      const length = text.length;
      let start = 0; // where the current row's text starts in `text` (held pieces come before it)
      if (first && length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) start = 1;
      }
      let at = start; // how far the current row has been scanned
      if (afterCR && at < length) {
        afterCR = false;
        if (text.charCodeAt(at) === LF) {
          at++; // the LF of a CRLF the last text cut
          if (!inQuote) start = at;
        }
      }
      let lf = -2; // the next LF, CR and quote at or after `at` (-1: none in this text), searched again only once passed
      let cr = -2;
      let quote = -2;
      for (;;) {
        if (lf !== -1 && lf < at) lf = text.indexOf('\n', at);
        if (cr !== -1 && cr < at) cr = text.indexOf('\r', at);
        if (quote !== -1 && quote < at) quote = text.indexOf('"', at);
        const lineEnd = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
        if (lineEnd !== -1 && (quote === -1 || lineEnd < quote)) {
          at = lineEnd + 1;
          if (lineEnd === cr) {
            if (at === length) afterCR = true;
            else if (text.charCodeAt(at) === LF) at++;
          }
          if (inQuote) breaks++; // a line break inside a quoted cell
          else {
            if (!row(text, start, lineEnd, out)) return false;
            start = at;
          }
          continue;
        }
        if (quote === -1) {
          held.keep(text, start, length);
          return true;
        }
        if (!inQuote) {
          quoted = true;
          quoteLine = line + breaks;
        }
        inQuote = !inQuote;
        at = quote + 1;
      }
    },
    end(out) {
      if (stopped) return;
      if (inQuote) {
        const text = held.over ? '' : held.take('', 0, 0);
        const split = held.over ? undefined : splitCsvRecord(text, 0, text.length);
        const problem = split !== undefined && splitFailed(split) ? split : undefined;
        const at = problem === undefined ? quoteLine : line + problem.breaks;
        fatal(out, [syntaxIssue(at, problem?.error ?? `a quoted cell opened on line ${quoteLine} is not closed before the end of the text (the file may be cut)`)]);
        return;
      }
      if (held.length > 0 && !row('', 0, 0, out)) return;
      if (header === undefined) fatal(out, [readerIssue('CSV_EMPTY', 'the CSV text has no header row', undefined, 'rejected')]);
    },
    nextLine() {
      return line + breaks;
    },
  };
}

function syntaxIssue(line: number, problem: string): RecordIssue {
  return readerIssue('CSV_SYNTAX', `the CSV text cannot be parsed at line ${line}: ${problem}`, line, 'rejected');
}

function cellTooLong(cells: readonly string[], column: number, names: readonly string[], line: number, action: RecordIssue['action']): RecordIssue {
  const name = names[column];
  const where = name === undefined ? `cell ${column + 1}` : `the ${JSON.stringify(name)} cell`;
  const message = `${where} on line ${line} is ${(cells[column] ?? '').length} characters long; at most ${MAX_FIELD_CHARS} are read`;
  return { code: 'TEXT_TOO_LONG', path: name === undefined ? [] : [name], message, line, action };
}

/** Whether `trim()` could change `cell` (see {@link mayTrim}). */
function mayNeedTrim(cell: string): boolean {
  return cell.length > 0 && (mayTrim(cell.charCodeAt(0)) || mayTrim(cell.charCodeAt(cell.length - 1)));
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
      issues.push(readerIssue('CSV_UNKNOWN_COLUMN', `column ${JSON.stringify(name)} is not part of the records CSV mapping (see docs/records.md)`, line, 'rejected'));
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
