/**
 * Calendar dates as text: strict parsing and canonical formatting.
 *
 * @module
 */
import type { CalendarCode } from '../codes/index.js';
import { OutcomePayError, formatPath, type PathSegment } from '../errors.js';
import { expectPath } from '../guard.js';
import { fail, ok, type Result } from '../result.js';
import { civilFromDays, civilToDays, expectDay, monthLength, type CalendarDate } from './days.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|z|[+-]\d{2}:\d{2})?$/;

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  return typeof value === 'number' ? String(value) : typeof value;
}

function checkDateText(value: unknown, path: readonly PathSegment[]): Result<CalendarDate> {
  const where = path.length > 0 ? ` at ${formatPath(path)}` : '';
  const issue = (code: CalendarCode, message: string): Result<CalendarDate> => fail([{ code, path, message }]);
  if (typeof value !== 'string') {
    return issue('DATE_TYPE', `${describe(value)}${where} is not a date: expected a "YYYY-MM-DD" string`);
  }
  let match = DATE.exec(value);
  if (match === null) {
    const dateTime = DATE_TIME.exec(value);
    if (dateTime === null) {
      return issue('DATE_FORMAT', `${describe(value)}${where} is not a date: expected "YYYY-MM-DD", such as "2024-02-29"`);
    }
    if (dateTime[7] === undefined) {
      return issue(
        'DATE_TIME_WITHOUT_OFFSET',
        `${describe(value)}${where} is a date-time without a time-zone offset, so its calendar date is ambiguous: write the date alone ("${value.slice(0, 10)}") or add an offset such as "Z" or "+01:00"`,
      );
    }
    const [hours, minutes, seconds, offset] = [dateTime[4], dateTime[5], dateTime[6] ?? '00', dateTime[7]];
    const offsetHours = offset.length === 6 ? Number(offset.slice(1, 3)) : 0;
    const offsetMinutes = offset.length === 6 ? Number(offset.slice(4, 6)) : 0;
    if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59 || offsetHours > 14 || offsetMinutes > 59) {
      return issue('DATE_FORMAT', `${describe(value)}${where} has an impossible time of day or offset`);
    }
    match = dateTime;
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
    return issue('DATE_IMPOSSIBLE', `${describe(value)}${where} is not a calendar date${impossibleReason(year, month, day)}`);
  }
  return ok(civilToDays(year, month, day) as CalendarDate);
}

function impossibleReason(year: number, month: number, day: number): string {
  if (year < 1) return ' (years start at 0001)';
  if (month < 1 || month > 12) return ` (there is no month ${String(month)})`;
  if (month === 2 && day === 29) return ` (${String(year)} is not a leap year)`;
  return ` (month ${String(month)} of ${String(year)} has ${String(monthLength(year, month))} days)`;
}

/**
 * Checks a value from input data and returns it as a {@link CalendarDate}, or an issue with a
 * stable code: `DATE_TYPE` (not a string), `DATE_FORMAT` (not `YYYY-MM-DD`), `DATE_IMPOSSIBLE`
 * (2023-02-29, 2024-13-01), `DATE_TIME_WITHOUT_OFFSET` (`2024-01-31T10:00`). A date-time with an
 * offset (`2024-01-31T23:30:00-05:00`) gives the calendar date written in it (2024-01-31): the date
 * where the event happened, never converted to another zone. Never throws.
 *
 * @example
 * checkDate('2024-02-29', ['enrolledOn']); // { ok: true, value: 19782 }
 * checkDate('2023-02-29', ['enrolledOn']); // { ok: false, issues: [{ code: 'DATE_IMPOSSIBLE', ... }] }
 */
export function checkDate(value: unknown, path: readonly PathSegment[] = []): Result<CalendarDate> {
  expectPath('checkDate', 'path', path);
  return checkDateText(value, path);
}

/**
 * Parses a date given by a caller, as {@link checkDate} does, throwing {@link OutcomePayError}
 * with the same codes for bad text.
 *
 * @example
 * formatDate(parseDate('2024-02-29')); // '2024-02-29'
 * parseDate('2024-13-01');             // throws DATE_IMPOSSIBLE
 */
export function parseDate(text: string, path: readonly PathSegment[] = []): CalendarDate {
  expectPath('parseDate', 'path', path);
  const result = checkDateText(text, path);
  if (result.ok) return result.value;
  const [first] = result.issues;
  throw new OutcomePayError(first?.code ?? 'DATE_FORMAT', first?.message ?? 'invalid date', path);
}

/**
 * True when `value` is a valid `YYYY-MM-DD` calendar date string (date-times are not accepted).
 *
 * @example
 * isDateString('2024-02-29'); // true
 * isDateString('2023-02-29'); // false
 */
export function isDateString(value: unknown): value is string {
  return typeof value === 'string' && DATE.test(value) && checkDateText(value, []).ok;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * Formats a date as `YYYY-MM-DD`.
 *
 * @example
 * formatDate(parseDate('2024-02-29')); // '2024-02-29'
 * formatDate(0 as CalendarDate);        // '1970-01-01'
 */
export function formatDate(date: CalendarDate): string {
  expectDay('formatDate', 'date', date);
  const { year, month, day } = civilFromDays(date);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
