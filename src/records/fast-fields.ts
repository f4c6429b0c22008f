/**
 * Allocation-free checks of field text for the validation fast path: integer arithmetic on
 * character codes, no regular expression, no intermediate object.
 *
 * @module
 */
import { civilToDays, monthLength } from '../calendar/index.js';
import { ZERO_CODE } from './char-codes.js';

/**
 * What {@link plainDateDay} returns for text that is not a plain calendar date: below every day
 * number, so `day < enrolledOn` holds for it.
 *
 * @example
 * plainDateDay('2023-02-30') === NO_DATE; // true
 */
export const NO_DATE = Number.NEGATIVE_INFINITY;

function digit(text: string, at: number): number {
  const code = text.charCodeAt(at) - ZERO_CODE;
  return code >= 0 && code <= 9 ? code : -1000;
}

/**
 * The day number of a plain calendar date `YYYY-MM-DD` (the calendar core's numbering), or {@link NO_DATE}
 * when the text is anything else (a date-time, an impossible day, a year 0000...). Callers fall
 * back to the calendar core's checked parser, which explains the problem, when this gives NO_DATE.
 *
 * @example
 * plainDateDay('2024-02-29'); // 19782
 * plainDateDay('2023-02-29'); // NO_DATE
 */
export function plainDateDay(text: string): number {
  return plainDateDayIn(text, 0, text.length);
}

/**
 * {@link plainDateDay} of the text between `start` (inclusive) and `end` (exclusive), without
 * making it a string of its own (the CSV fast path reads cells in place).
 *
 * @example
 * plainDateDayIn('P1,2024-02-29,x', 3, 13); // 19782
 */
export function plainDateDayIn(text: string, start: number, end: number): number {
  if (end - start !== 10 || text.charCodeAt(start + 4) !== 45 || text.charCodeAt(start + 7) !== 45) return NO_DATE;
  const year = digit(text, start) * 1000 + digit(text, start + 1) * 100 + digit(text, start + 2) * 10 + digit(text, start + 3);
  const month = digit(text, start + 5) * 10 + digit(text, start + 6);
  const day = digit(text, start + 8) * 10 + digit(text, start + 9);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) return NO_DATE;
  return civilToDays(year, month, day);
}

/**
 * True when the text is a non-negative decimal amount as records write it (the same language as
 * `WAGE_PATTERN`: digits, optionally a dot and more digits).
 *
 * @example
 * isWageText('1800.50'); // true
 * isWageText('1800.');   // false
 */
export function isWageText(text: string): boolean {
  const length = text.length;
  let i = 0;
  while (i < length && digit(text, i) >= 0) i++;
  if (i === 0) return false;
  if (i === length) return true;
  if (text.charCodeAt(i) !== 46) return false;
  const fraction = ++i;
  while (i < length && digit(text, i) >= 0) i++;
  return i === length && i > fraction;
}
