/**
 * Reads records text in any supported format.
 *
 * @module
 */
import { OutcomePayError } from '../errors.js';
import { expectOneOf, expectText } from '../guard.js';
import type { Result } from '../result.js';
import type { RecordsFormat } from './detect-format.js';
import type { RawRecords } from './raw-records.js';
import { readCsvRecords } from './read-csv.js';
import type { CsvOptions } from './csv-dialect.js';
import { readJsonRecords } from './read-json.js';
import { readNdjsonRecords } from './read-ndjson.js';

/**
 * Reads the contents of a records file in the given format (see `detectFormat`): its bytes,
 * decoded as UTF-8 strictly (TEXT_NOT_UTF8, TEXT_ENCODING_UNSUPPORTED), or its text.
 *
 * @param text - the file's contents: UTF-8 bytes (as read from the file) or text
 * @param format - `'json'`, `'ndjson'` or `'csv'`
 * @param csv - for `'csv'`: how the file is written, when not as docs/records.md says (see `readCsvRecords`)
 * @example
 * const read = readRecords(readFileSync('records.csv'), detectFormat('records.csv') ?? 'json');
 */
export function readRecords(text: string | Uint8Array, format: RecordsFormat, csv?: CsvOptions): Result<RawRecords> {
  expectText('readRecords', 'text', text);
  expectOneOf('readRecords', 'format', format, ['json', 'ndjson', 'csv'], 'RECORDS_FORMAT_UNKNOWN');
  switch (format) {
    case 'json':
      return readJsonRecords(text);
    case 'ndjson':
      return readNdjsonRecords(text);
    case 'csv':
      return readCsvRecords(text, csv);
    default: {
      const unreachable: never = format;
      throw new OutcomePayError('RECORDS_FORMAT_UNKNOWN', `unknown records format ${String(unreachable)}`);
    }
  }
}
