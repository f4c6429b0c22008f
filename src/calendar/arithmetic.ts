/**
 * Date arithmetic on calendar dates: days, weeks, calendar months with month-end clamping, comparison.
 *
 * @module
 */
import { OutcomePayError } from '../errors.js';
import { MAX_DATE, MIN_DATE, assertInRange, civilFromDays, civilToDays, expectDay, expectWhole, monthLength, type CalendarDate } from './days.js';

/**
 * A day number that may lie after the calendar's last day (9999-12-31): the end of a window or
 * period counted from a date near the end of the calendar (an exit on 9999-12-30 plus a 90-day
 * window). It compares with dates as the day it would be, so such a window is still open on every
 * date of the calendar. It is not a date: check it against one (`day <= asOf`) before using it as
 * a {@link CalendarDate}.
 *
 * @example
 * const closes: DayNumber = addDaysUnbounded(parseDate('9999-12-30'), 91);
 * closes > MAX_DATE; // true: never closed within the calendar
 */
export type DayNumber = number;

/**
 * Adds a number of days (negative to go back), like {@link addDays}, but the result may lie past
 * either end of the calendar: a {@link DayNumber}, never an error.
 *
 * @example
 * addDaysUnbounded(MAX_DATE, 1) === MAX_DATE + 1; // true
 */
export function addDaysUnbounded(date: DayNumber, days: number): DayNumber {
  expectWhole('addDaysUnbounded', 'date', date);
  expectWhole('addDaysUnbounded', 'days', days);
  return date + days;
}

/**
 * Adds a number of days (negative to go back).
 *
 * @example
 * formatDate(addDays(parseDate('2024-02-28'), 1)); // '2024-02-29'
 */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  expectDay('addDays', 'date', date);
  expectWhole('addDays', 'days', days);
  return assertInRange(date + days, 'addDays');
}

/**
 * Adds calendar months like {@link addMonths} (clamped to the end of the target month), but the
 * result may lie past either end of the calendar: a {@link DayNumber} (the day it would be in the
 * proleptic Gregorian calendar), never an error.
 *
 * @example
 * addMonthsUnbounded(parseDate('9999-08-31'), 6) > MAX_DATE; // true (it would be 10000-02-29)
 */
export function addMonthsUnbounded(date: CalendarDate, months: number): DayNumber {
  expectDay('addMonthsUnbounded', 'date', date);
  expectWhole('addMonthsUnbounded', 'months', months);
  return monthsLater(date, months);
}

function monthsLater(date: CalendarDate, months: number): DayNumber {
  const { year, month, day } = civilFromDays(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return civilToDays(targetYear, targetMonth, Math.min(day, monthLength(targetYear, targetMonth)));
}

/**
 * The unit of a {@link Duration}: calendar months (month-end clamped, see {@link addMonths}),
 * weeks (7 days each) or days.
 *
 * @example
 * const unit: DurationUnit = 'weeks';
 */
export type DurationUnit = 'months' | 'weeks' | 'days';

/**
 * A length of time counted from a date: `count` whole units of `unit`. A week is always 7 days,
 * so 26 weeks and 182 days end on the same day; a month is a calendar month (31 August + 6 months
 * is the last day of February).
 *
 * @example
 * const d: Duration = { unit: 'weeks', count: 26 };
 */
export interface Duration {
  readonly unit: DurationUnit;
  readonly count: number;
}

/**
 * Adds a {@link Duration} like {@link addMonths} or {@link addDays} (a week is 7 days); the result
 * may lie past either end of the calendar: a {@link DayNumber}, never an error.
 *
 * @example
 * formatDate(addDurationUnbounded(parseDate('2024-01-01'), { unit: 'weeks', count: 26 }) as CalendarDate); // '2024-07-01'
 * formatDate(addDurationUnbounded(parseDate('2023-08-31'), { unit: 'months', count: 6 }) as CalendarDate); // '2024-02-29'
 */
export function addDurationUnbounded(date: CalendarDate, duration: Duration): DayNumber {
  expectDay('addDurationUnbounded', 'date', date);
  expectWhole('addDurationUnbounded', 'duration.count', duration.count);
  return durationLater(date, duration);
}

/** {@link addDurationUnbounded} unchecked: the resolver's, per participant, on a compiled outcome. */
export function durationLater(date: CalendarDate, duration: Duration): DayNumber {
  switch (duration.unit) {
    case 'months':
      return monthsLater(date, duration.count);
    case 'weeks':
      return date + duration.count * 7;
    case 'days':
      return date + duration.count;
    default: {
      const never: never = duration.unit;
      throw new OutcomePayError('CALENDAR_ARGUMENT_INVALID', `addDurationUnbounded: unit must be "months", "weeks" or "days", not ${JSON.stringify(never)}`, ['duration', 'unit']);
    }
  }
}

/**
 * Adds calendar months, clamping to the last day of the target month when the day does not exist
 * there (the rule of spreadsheets and date-fns). Always count from the original date: adding 6
 * months to 2023-08-31 gives 2024-02-29, while adding 3 then 3 would give 2024-02-29 only by luck.
 *
 * @example
 * formatDate(addMonths(parseDate('2023-08-31'), 6));  // '2024-02-29'
 * formatDate(addMonths(parseDate('2024-02-29'), 12)); // '2025-02-28'
 * formatDate(addMonths(parseDate('2024-03-31'), -1)); // '2024-02-29'
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  expectDay('addMonths', 'date', date);
  expectWhole('addMonths', 'months', months);
  const target = monthsLater(date, months);
  if (target < MIN_DATE || target > MAX_DATE) {
    throw new OutcomePayError('DATE_OUT_OF_RANGE', `addMonths gave year ${String(civilFromDays(target).year)}, outside 0001 to 9999`);
  }
  return target as CalendarDate;
}

/**
 * The number of days from `from` to `to` (negative when `to` is earlier).
 *
 * @example
 * daysBetween(parseDate('2024-01-01'), parseDate('2024-03-01')); // 60
 */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  expectDay('daysBetween', 'from', from);
  expectDay('daysBetween', 'to', to);
  return to - from;
}

/**
 * Compares two dates: -1 when `a` is earlier, 0 when equal, 1 when later. Usable with `Array.sort`.
 *
 * @example
 * compareDates(parseDate('2024-01-01'), parseDate('2024-01-02')); // -1
 */
export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  expectDay('compareDates', 'a', a);
  expectDay('compareDates', 'b', b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The earlier of two dates.
 *
 * @example
 * formatDate(minDate(parseDate('2024-01-01'), parseDate('2023-12-31'))); // '2023-12-31'
 */
export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  expectDay('minDate', 'a', a);
  expectDay('minDate', 'b', b);
  return a <= b ? a : b;
}

/**
 * The later of two dates.
 *
 * @example
 * formatDate(maxDate(parseDate('2024-01-01'), parseDate('2023-12-31'))); // '2024-01-01'
 */
export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  expectDay('maxDate', 'a', a);
  expectDay('maxDate', 'b', b);
  return a >= b ? a : b;
}
