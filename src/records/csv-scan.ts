/**
 * An RFC 4180 record scanner for text that arrives in pieces: quoted cells (with `""` for a
 * quote) may hold commas and line breaks; records end at CRLF, LF or CR.
 *
 * @module
 */
import { COMMA, CR, LF, QUOTE } from './char-codes.js';

/**
 * The result of scanning one record: its cells and where the next record starts; `'more'` when the
 * text ends before the record does (call again with more text); or a syntax problem.
 *
 * @example
 * scanCsvRecord('a,"b,c"\nnext', 0, false); // { cells: ['a', 'b,c'], end: 8, breaks: 1 }
 */
export type CsvScan =
  | { readonly cells: string[]; readonly end: number; readonly breaks: number }
  | 'more'
  | { readonly error: string; readonly breaks: number };

/**
 * Scans the record starting at `start`. `atEnd` says that no more text will come: the record then
 * ends at the end of the text, and an unclosed quote is an error (the file is cut). `breaks` counts
 * the line breaks consumed (inside quoted cells and the record's own end), to keep line numbers.
 *
 * @param text - the text
 * @param start - where the record starts
 * @param atEnd - true when the text is the end of the input
 * @param lineEnd - the index of the first LF at or after `start`, or -1 when there is none (a
 *   caller scanning many records passes it, so that a text without LF is not searched again for
 *   each record)
 * @example
 * scanCsvRecord('"unterminated', 0, true); // { error: 'quote not closed ...', breaks: 0 }
 */
export function scanCsvRecord(text: string, start: number, atEnd: boolean, lineEnd = text.indexOf('\n', start)): CsvScan {
  const plain = lineEnd >= start ? plainLine(text, start, lineEnd) : undefined;
  if (plain !== undefined) return plain;
  const cells: string[] = [];
  const length = text.length;
  let i = start;
  let breaks = 0;
  for (;;) {
    let cell: string;
    if (i < length && text.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0) {
          if (!atEnd) return 'more';
          return { error: `a quoted cell opened in cell ${cells.length + 1} is not closed before the end of the text (the file may be cut)`, breaks };
        }
        if (close + 1 >= length && !atEnd) return 'more';
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += text.slice(from, close + 1);
          from = close + 2;
          continue;
        }
        value += text.slice(from, close);
        i = close + 1;
        break;
      }
      breaks += countBreaks(value);
      cell = value;
      if (i < length) {
        const next = text.charCodeAt(i);
        if (next !== COMMA && next !== CR && next !== LF) {
          return { error: `unexpected text after the closing quote of cell ${cells.length + 1}`, breaks };
        }
      }
    } else {
      let j = i;
      while (j < length) {
        const c = text.charCodeAt(j);
        if (c === COMMA || c === CR || c === LF) break;
        if (c === QUOTE) return { error: `a quote inside unquoted cell ${cells.length + 1}: quote the whole cell and double the quote ("")`, breaks };
        j++;
      }
      if (j >= length && !atEnd) return 'more';
      cell = text.slice(i, j);
      i = j;
    }
    cells.push(cell);
    if (i >= length) return { cells, end: i, breaks };
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i++;
      continue;
    }
    if (c === CR) {
      if (i + 1 >= length && !atEnd) return 'more';
      return { cells, end: text.charCodeAt(i + 1) === LF ? i + 2 : i + 1, breaks: breaks + 1 };
    }
    return { cells, end: i + 1, breaks: breaks + 1 };
  }
}

/** Line breaks in a text: CRLF, LF or a lone CR each count once. */
function countBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR) {
      count++;
      if (text.charCodeAt(i + 1) === LF) i++;
    }
  }
  return count;
}

/**
 * The common case in one native split: a complete line (ended by the LF at `lineEnd`, or CRLF)
 * with no quote and no other CR is a record whose cells are the line split on commas. `undefined`
 * for anything else (a quote, a lone CR): the scanner then reads it character by character.
 */
function plainLine(text: string, start: number, lineEnd: number): CsvScan | undefined {
  const cellsEnd = lineEnd > start && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
  const line = text.slice(start, cellsEnd);
  if (line.indexOf('"') >= 0 || line.indexOf('\r') >= 0) return undefined;
  return { cells: line.split(','), end: lineEnd + 1, breaks: 1 };
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
