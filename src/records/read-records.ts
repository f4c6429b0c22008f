/**
 * Reads records text in any supported format.
 *
 * @module
 */
import { OutcomePayError } from '../errors.js';
import type { Result } from '../result.js';
import type { RecordsFormat } from './detect-format.js';
import type { RawRecords } from './raw-records.js';
import { readCsvRecords } from './read-csv.js';
import { readJsonRecords } from './read-json.js';
import { readNdjsonRecords } from './read-ndjson.js';

/**
 * Reads the contents of a records file in the given format (see `detectFormat`).
 *
 * @param text - the file's contents
 * @param format - `'json'`, `'ndjson'` or `'csv'`
 * @example
 * const read = readRecords(text, detectFormat('records.csv') ?? 'json');
 */
export function readRecords(text: string, format: RecordsFormat): Result<RawRecords> {
  switch (format) {
    case 'json':
      return readJsonRecords(text);
    case 'ndjson':
      return readNdjsonRecords(text);
    case 'csv':
      return readCsvRecords(text);
    default: {
      const unreachable: never = format;
      throw new OutcomePayError('RECORDS_FORMAT_UNKNOWN', `unknown records format ${String(unreachable)}`);
    }
  }
}
