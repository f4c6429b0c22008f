/**
 * Calendar dates as day numbers, and the civil-calendar conversions behind them.
 *
 * A date is the number of days since 1970-01-01 in the proleptic Gregorian calendar. It is a
 * plain integer: comparing, subtracting and hashing dates is integer arithmetic, and no time zone
 * can shift it. Conversions use Howard Hinnant's `days_from_civil` algorithms.
 *
 * @module
 */
import { OutcomePayError } from '../errors.js';
import { describeValue, invalidArgument } from '../guard.js';

/**
 * A calendar date, held as the number of days since 1970-01-01 (negative before). Dates run from
 * 0001-01-01 to 9999-12-31. Build one with `parseDate` or {@link dateFromParts}; print it with
 * `formatDate`.
 *
 * @example
 * const d: CalendarDate = parseDate('1970-01-02'); // 1
 */
export type CalendarDate = number & { readonly __calendarDate: true };

/** The parts of a calendar date. Months run from 1 (January) to 12. */
export interface DateParts {
  /** Year, 1 to 9999. */
  readonly year: number;
  /** Month, 1 (January) to 12 (December). */
  readonly month: number;
  /** Day of the month, 1 to 31. */
  readonly day: number;
}

/** The smallest supported year. */
export const MIN_YEAR = 1;
/** The largest supported year. */
export const MAX_YEAR = 9999;

/**
 * True for a leap year of the Gregorian calendar. Throws {@link OutcomePayError}
 * `CALENDAR_ARGUMENT_INVALID` for a year that is not a whole number from 1 to 9999.
 *
 * @example
 * isLeapYear(2024); // true
 * isLeapYear(1900); // false
 */
export function isLeapYear(year: number): boolean {
  expectYear('isLeapYear', year);
  return leapYear(year);
}

/** {@link isLeapYear} for any whole year, unchecked (the calendar's own computations). */
function leapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The number of days in a month (1 to 12) of a year (1 to 9999). Throws {@link OutcomePayError}
 * `CALENDAR_ARGUMENT_INVALID` for anything else.
 *
 * @example
 * daysInMonth(2024, 2); // 29
 * daysInMonth(2023, 2); // 28
 */
export function daysInMonth(year: number, month: number): number {
  expectYear('daysInMonth', year);
  if (typeof month !== 'number' || !Number.isSafeInteger(month) || month < 1 || month > 12) {
    throw invalidArgument('daysInMonth', 'month', 'a whole number from 1 to 12', month, 'CALENDAR_ARGUMENT_INVALID');
  }
  return monthLength(year, month);
}

/**
 * {@link daysInMonth} for a valid month of any whole year, unchecked: the calendar's own
 * computations and the records' fast date reader, which check the parts first.
 *
 * @example
 * monthLength(2024, 2); // 29
 */
export function monthLength(year: number, month: number): number {
  if (month === 2) return leapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function expectYear(where: string, year: unknown): asserts year is number {
  if (typeof year !== 'number' || !Number.isSafeInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw invalidArgument(where, 'year', `a whole number from ${String(MIN_YEAR)} to ${String(MAX_YEAR)}`, year, 'CALENDAR_ARGUMENT_INVALID');
  }
}

/** Days from 1970-01-01 to year/month/day, for valid parts (no checks). */
export function civilToDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthIndex = (month + 9) % 12; // March = 0
  const dayOfYear = Math.floor((153 * monthIndex + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Builds a date from its parts, checking that they name a real day.
 * Throws {@link OutcomePayError} `DATE_IMPOSSIBLE` otherwise (`CALENDAR_ARGUMENT_INVALID` for a
 * part that is not a number).
 *
 * @example
 * dateFromParts(2024, 2, 29); // the day number of 2024-02-29
 * dateFromParts(2023, 2, 29); // throws DATE_IMPOSSIBLE
 */
export function dateFromParts(year: number, month: number, day: number): CalendarDate {
  for (const [name, value] of [['year', year], ['month', month], ['day', day]] as const) {
    if (typeof value !== 'number') throw invalidArgument('dateFromParts', name, 'a whole number', value, 'CALENDAR_ARGUMENT_INVALID');
  }
  if (
    !Number.isInteger(year) ||
    !Number.isInteger(month) ||
    !Number.isInteger(day) ||
    year < MIN_YEAR ||
    year > MAX_YEAR ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > monthLength(year, month)
  ) {
    throw new OutcomePayError(
      'DATE_IMPOSSIBLE',
      `year ${String(year)}, month ${String(month)}, day ${String(day)} is not a calendar date between 0001-01-01 and 9999-12-31`,
    );
  }
  return civilToDays(year, month, day) as CalendarDate;
}

/**
 * The parts of a date. Throws {@link OutcomePayError} `CALENDAR_ARGUMENT_INVALID` for a value that
 * is not a day number, `DATE_OUT_OF_RANGE` for a day outside 0001-01-01 to 9999-12-31.
 *
 * @example
 * dateParts(parseDate('2024-02-29')); // { year: 2024, month: 2, day: 29 }
 */
export function dateParts(date: CalendarDate): DateParts {
  expectDay('dateParts', 'date', date);
  return civilFromDays(date);
}

/**
 * {@link dateParts} of any day number, unchecked (the year may lie outside 1 to 9999): the
 * calendar's own computations.
 *
 * @example
 * civilFromDays(0); // { year: 1970, month: 1, day: 1 }
 */
export function civilFromDays(date: number): DateParts {
  const z = date + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/**
 * The first supported date, 0001-01-01, as a day number.
 *
 * @example
 * formatDate(MIN_DATE); // '0001-01-01'
 */
export const MIN_DATE = civilToDays(MIN_YEAR, 1, 1) as CalendarDate;
/**
 * The last supported date, 9999-12-31, as a day number.
 *
 * @example
 * formatDate(MAX_DATE); // '9999-12-31'
 */
export const MAX_DATE = civilToDays(MAX_YEAR, 12, 31) as CalendarDate;

/**
 * Throws unless `value` is a calendar date's day number (from `parseDate`): `CALENDAR_ARGUMENT_INVALID`
 * for a value that is not a whole number, `DATE_OUT_OF_RANGE` for a day outside 0001-01-01 to
 * 9999-12-31. The check at the entry of the functions that take a {@link CalendarDate}.
 *
 * @example
 * expectDay('formatDate', 'date', parseDate('2024-02-29')); // passes
 * expectDay('formatDate', 'date', '2024-02-29');            // throws CALENDAR_ARGUMENT_INVALID
 */
export function expectDay(where: string, name: string, value: unknown): asserts value is CalendarDate {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw invalidArgument(where, name, 'a day number (from parseDate)', value, 'CALENDAR_ARGUMENT_INVALID');
  }
  if (value < MIN_DATE || value > MAX_DATE) {
    throw new OutcomePayError('DATE_OUT_OF_RANGE', `${where}: ${name} is day ${String(value)}, outside 0001-01-01 to 9999-12-31`, [name]);
  }
}

/**
 * Throws `CALENDAR_ARGUMENT_INVALID` unless `value` is a whole number (a day number that may lie
 * outside the calendar, or a count of days or months).
 *
 * @example
 * expectWhole('addDays', 'days', 3); // passes
 */
export function expectWhole(where: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new OutcomePayError('CALENDAR_ARGUMENT_INVALID', `${where}: ${name} must be a whole number, not ${describeValue(value)}`, [name]);
  }
}

/**
 * Checks that a day number lies in the supported range, or throws `DATE_OUT_OF_RANGE`.
 *
 * @example
 * assertInRange(0, 'addDays'); // 1970-01-01 is fine
 */
export function assertInRange(days: number, operation: string): CalendarDate {
  if (!Number.isSafeInteger(days) || days < MIN_DATE || days > MAX_DATE) {
    throw new OutcomePayError(
      'DATE_OUT_OF_RANGE',
      `${operation} gave day ${String(days)}, outside 0001-01-01 to 9999-12-31`,
    );
  }
  return days as CalendarDate;
}
