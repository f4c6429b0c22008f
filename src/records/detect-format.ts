/**
 * Chooses a records reader from a file name.
 *
 * @module
 */
import { expectString } from '../guard.js';

/**
 * The records file formats: a JSON array, newline-delimited JSON, or flat CSV.
 *
 * @example
 * const format: RecordsFormat = 'ndjson';
 */
export type RecordsFormat = 'json' | 'ndjson' | 'csv';

/**
 * The format of a records file from its extension (case-insensitive): `.json` → `'json'`,
 * `.ndjson` / `.jsonl` → `'ndjson'`, `.csv` → `'csv'`; anything else → `undefined`.
 *
 * @param fileName - a file name or path
 * @example
 * detectFormat('exports/records.NDJSON'); // 'ndjson'
 * detectFormat('records.xlsx');           // undefined
 */
export function detectFormat(fileName: string): RecordsFormat | undefined {
  expectString('detectFormat', 'fileName', fileName);
  const dot = fileName.lastIndexOf('.');
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  if (dot <= slash + 1) return undefined;
  switch (fileName.slice(dot + 1).toLowerCase()) {
    case 'json':
      return 'json';
    case 'ndjson':
    case 'jsonl':
      return 'ndjson';
    case 'csv':
      return 'csv';
    default:
      return undefined;
  }
}
