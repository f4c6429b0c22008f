/**
 * Reads flat CSV (one row per participant) into raw records.
 *
 * @module
 */
import { expectText } from '../guard.js';
import type { Result } from '../result.js';
import { createCsvRowReader } from './csv-rows.js';
import { csvDialect, type CsvOptions } from './csv-dialect.js';
import type { RawRecords } from './raw-records.js';
import { readWholeRecords } from './row-reader.js';

export { mapCsvHeader } from './csv-rows.js';

/**
 * Parses the contents of a CSV file: a header row, then one row per participant (RFC 4180 quoting;
 * LF, CRLF and a lone CR each end a row; optional byte-order mark; cells trimmed; blank rows
 * skipped). See `docs/records.md` for the column mapping. Bytes are decoded as UTF-8, strictly.
 * Fatal issues (the read fails): TEXT_NOT_UTF8, TEXT_ENCODING_UNSUPPORTED, CSV_SYNTAX (with the
 * line of the problem), CSV_EMPTY, CSV_UNKNOWN_COLUMN, CSV_DUPLICATE_COLUMN, CSV_MISSING_COLUMN. A
 * row with the wrong number of cells is left out and reported as CSV_ROW_LENGTH, one beyond the
 * size limits as RECORD_TOO_LONG, TEXT_TOO_LONG or ID_TOO_LONG. Never throws. The CSV stream
 * readers follow the same rules (they share the reader, `csv-rows.ts`).
 *
 * A file of another locale is read with `csv` options, declared, never guessed: the delimiter,
 * the decimal and thousands separators, the date format, a mapping of the headers, or
 * `{ preset: 'fr' }` (docs/records.md, Spreadsheets of other locales); a cell not written as
 * declared is CSV_AMOUNT_LOCALE or CSV_DATE_FORMAT (the row left out), and a header that seems to
 * use another delimiter is CSV_DELIMITER. Options other than those listed throw `ARGUMENT_INVALID`.
 *
 * @param text - the file's contents: text, or UTF-8 bytes
 * @param csv - how the file is written, when not as docs/records.md says
 * @example
 * readCsvRecords('identifiant;cohorte;date_entree;salaire_reference\nP1;2023-A;09/01/2023;1 650,00\n', { preset: 'fr' });
 * // records[0] → { id: 'P1', cohort: '2023-A', enrolledOn: '2023-01-09', baselineWage: '1650.00' }
 * @example
 * const read = readCsvRecords('id,cohort,enrolledOn,groups\nP1,2023-A,2023-01-09,rsa;youth\n');
 * // read.ok === true; read.value.records[0] → { id: 'P1', cohort: '2023-A', enrolledOn: '2023-01-09', groups: ['rsa', 'youth'] }
 */
export function readCsvRecords(text: string | Uint8Array, csv?: CsvOptions): Result<RawRecords> {
  expectText('readCsvRecords', 'text', text);
  return readWholeRecords(text, createCsvRowReader(undefined, csvDialect('readCsvRecords', csv)));
}
