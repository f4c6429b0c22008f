/**
 * The cells of one RFC 4180 record whose extent is known: quoted cells (with `""` for a quote)
 * may hold commas and line breaks.
 *
 * @module
 */
import { hasOwn } from '../own-data.js';
import { countLineEnds } from '../text/index.js';
import { COMMA, QUOTE } from './char-codes.js';

/**
 * The cells of a record, or a syntax problem with the number of line breaks before it (inside
 * quoted cells), to give its line.
 *
 * @example
 * splitCsvRecord('a,"b,c"', 0, 7); // { cells: ['a', 'b,c'] }
 */
export type CsvSplit = { readonly cells: string[] } | { readonly error: string; readonly breaks: number };

/**
 * True when the split failed: by its own `error` (an `error` on `Object.prototype` does not make
 * a split fail).
 *
 * @example
 * const split = splitCsvRecord(text, 0, text.length);
 * if (splitFailed(split)) console.log(split.error);
 */
export function splitFailed(split: CsvSplit): split is { readonly error: string; readonly breaks: number } {
  return hasOwn(split, 'error');
}

/**
 * Splits the record `text[start, end)` (its own line end excluded; the line breaks it holds are
 * inside quoted cells) into cells. Problems: a quote inside an unquoted cell, text after a
 * closing quote, a quoted cell not closed before `end` (the file is cut).
 *
 * @param text - the text
 * @param start - where the record starts
 * @param end - where it ends
 * @param delimiter - the character code between cells (a comma unless the CSV options declare another)
 * @example
 * splitCsvRecord('P1,"say ""hi""",x', 0, 17); // { cells: ['P1', 'say "hi"', 'x'] }
 * splitCsvRecord('P1,"rsa', 0, 7);           // { error: 'a quoted cell opened in cell 2 is not closed ...', breaks: 0 }
 */
export function splitCsvRecord(text: string, start: number, end: number, delimiter: number = COMMA): CsvSplit {
  const cells: string[] = [];
  let i = start;
  for (;;) {
    if (i < end && text.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0 || close >= end) {
          return { error: `a quoted cell opened in cell ${cells.length + 1} is not closed before the end of the text (the file may be cut)`, breaks: countLineEnds(text, start, i) };
        }
        if (close + 1 < end && text.charCodeAt(close + 1) === QUOTE) {
          value += text.slice(from, close + 1);
          from = close + 2;
          continue;
        }
        value += text.slice(from, close);
        i = close + 1;
        break;
      }
      if (i < end && text.charCodeAt(i) !== delimiter) {
        return { error: `unexpected text after the closing quote of cell ${cells.length + 1}`, breaks: countLineEnds(text, start, i) };
      }
      cells.push(value);
    } else {
      let j = i;
      while (j < end) {
        const c = text.charCodeAt(j);
        if (c === delimiter) break;
        if (c === QUOTE) {
          return { error: `a quote inside unquoted cell ${cells.length + 1}: quote the whole cell and double the quote ("")`, breaks: countLineEnds(text, start, j) };
        }
        j++;
      }
      cells.push(text.slice(i, j));
      i = j;
    }
    if (i >= end) return { cells };
    i++; // the delimiter
  }
}

/**
 * Whether `trim()` could remove a character with this code at the edge of a cell: an ASCII space
 * or control character, or any non-ASCII character (Unicode has other spaces). Cells are trimmed
 * only when their first or last character is one (most need no `trim()` call).
 *
 * @example
 * mayTrim(' '.charCodeAt(0)); // true
 * mayTrim('P'.charCodeAt(0)); // false
 */
export function mayTrim(code: number): boolean {
  return code <= 32 || code >= 127;
}
