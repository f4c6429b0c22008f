/**
 * Reads newline-delimited JSON (one record per line) from text.
 *
 * @module
 */
import { expectText } from '../guard.js';
import type { Result } from '../result.js';
import { createNdjsonRowReader } from './ndjson-rows.js';
import type { RawRecords } from './raw-records.js';
import { readWholeRecords } from './row-reader.js';

/**
 * Parses NDJSON (also called JSON Lines): one JSON record per line; LF, CRLF and a lone CR each
 * end a line; blank lines are skipped; a leading byte-order mark is skipped. Bytes are decoded as
 * UTF-8, strictly: a byte that is not UTF-8 fails the read (TEXT_NOT_UTF8, with its line and byte
 * offset), and so does UTF-16 or UTF-32 (TEXT_ENCODING_UNSUPPORTED). A line that is not JSON is
 * reported as NDJSON_LINE_SYNTAX with its line number and left out (the other lines are still
 * read); so is a line the strict JSON reader refuses (JSON_DUPLICATE_KEY, JSON_NUMBER_INEXACT,
 * TEXT_TOO_LONG) or one beyond the size limits (RECORD_TOO_LONG, ID_TOO_LONG; see
 * `reader-limits.ts`). A last line cut mid-record (an unclosed object, array or string) means the
 * file is incomplete: the whole read fails with NDJSON_TRUNCATED. Never throws. The NDJSON stream
 * readers follow the same rules (they share the reader).
 *
 * @param text - the file's contents: text, or UTF-8 bytes
 * @example
 * const read = readNdjsonRecords('{"id":"P1","cohort":"2023-A","enrolledOn":"2023-01-09"}\n\n{"id":"P2"');
 * // read.ok === false; read.issues[0].code === 'NDJSON_TRUNCATED', line 3
 */
export function readNdjsonRecords(text: string | Uint8Array): Result<RawRecords> {
  expectText('readNdjsonRecords', 'text', text);
  return readWholeRecords(text, createNdjsonRowReader(undefined));
}
