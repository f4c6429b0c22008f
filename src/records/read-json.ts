/**
 * Reads a JSON array of outcome records from text.
 *
 * @module
 */
import { fail, ok, type Result } from '../result.js';
import type { RawRecords } from './raw-records.js';
import { lineAt, readerIssue } from './reader-issue.js';

/**
 * Parses the contents of a JSON file holding an array of records. Returns the raw records with the
 * line each one starts on, or a fatal issue: JSON_SYNTAX (with the line of the error when the
 * engine tells it) or JSON_NOT_ARRAY. A leading byte-order mark is ignored. Never throws.
 *
 * @param text - the file's contents
 * @example
 * const read = readJsonRecords('[\n{"id":"P1","cohort":"2023-A","enrolledOn":"2023-01-09"}\n]');
 * // read.ok === true; read.value.lines → [2]
 */
export function readJsonRecords(text: string): Result<RawRecords> {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason);
    const line = position?.[1] === undefined ? undefined : lineAt(source, Number(position[1]));
    return fail([readerIssue('JSON_SYNTAX', `the JSON text does not parse: ${reason}`, line, 'rejected')]);
  }
  if (!Array.isArray(value)) {
    return fail([readerIssue('JSON_NOT_ARRAY', `the JSON text must be an array of records, got ${value === null ? 'null' : typeof value}`, 1, 'rejected')]);
  }
  const records = value as readonly unknown[];
  return ok({ records, lines: elementLines(source, records.length), issues: [] });
}

/**
 * Lines on which the elements of the top-level array start, found by one scan that skips strings
 * and tracks nesting depth. Called only on text that JSON.parse accepted.
 */
function elementLines(text: string, count: number): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expecting = false; // at depth 1, after '[' or ',': the next non-space character starts an element
  for (let i = 0; i < text.length && lines.length < count; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      continue;
    }
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character (never a newline in valid JSON)
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) continue;
    if (expecting) {
      lines.push(line);
      expecting = false;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth === 1) expecting = true;
    } else if (c === 93 || c === 125) depth--;
    else if (c === 44 && depth === 1) expecting = true;
  }
  return lines;
}
