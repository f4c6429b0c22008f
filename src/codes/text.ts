/**
 * Every issue code the text readers (bytes to text, JSON text to values) can report, with a
 * one-line meaning. The records module lists the same codes among its own (`RECORD_ISSUE_CODES`),
 * since every records file is read through these readers; so does the command line for contracts,
 * previous settlements and indicator files.
 *
 * @module
 */

/**
 * The stable issue codes of the text readers and what each means.
 *
 * @example
 * Object.keys(TEXT_ISSUE_CODES).includes('JSON_DUPLICATE_KEY'); // true
 */
export const TEXT_ISSUE_CODES = {
  TEXT_NOT_UTF8: 'the bytes are not valid UTF-8 (the issue gives the line and byte offset of the first bad byte)',
  TEXT_ENCODING_UNSUPPORTED: 'the text is UTF-16 or UTF-32 (by its byte-order mark or its NUL bytes), not UTF-8',
  JSON_SYNTAX: 'the JSON text does not parse',
  JSON_DUPLICATE_KEY: 'a JSON object has the same key twice (JSON.parse would keep the last silently)',
  JSON_NUMBER_INEXACT: 'a JSON number has more precision than a double holds (JSON.parse would round it silently)',
  TEXT_TOO_LONG: 'a text value (a JSON string or key, a CSV cell) is longer than the reader allows',
} as const;

/**
 * One of the stable issue codes of the text readers.
 *
 * @example
 * const code: TextIssueCode = 'TEXT_NOT_UTF8';
 */
export type TextIssueCode = keyof typeof TEXT_ISSUE_CODES;
