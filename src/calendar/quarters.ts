/**
 * Calendar quarters (January–March, April–June, July–September, October–December) and month ends:
 * the periods of quarterly wage records and the dates their data is due.
 *
 * @module
 */
import type { DayNumber } from './arithmetic.js';
import { civilFromDays, civilToDays, expectDay, expectWhole, type CalendarDate } from './days.js';

/**
 * A calendar quarter: its first and last day, both inclusive. Day numbers that may lie past the
 * calendar's last day (the quarters after a date near 9999-12-31).
 *
 * @example
 * const q: Quarter = quarterAfter(parseDate('2024-05-10'), 2); // { first: 2024-10-01, last: 2024-12-31 }
 */
export interface Quarter {
  /** Its first day (1 January, 1 April, 1 July or 1 October). */
  readonly first: DayNumber;
  /** Its last day (31 March, 30 June, 30 September or 31 December). */
  readonly last: DayNumber;
}

/** The day number of the first day of month `month` (counted from January of `year` as 1, any whole number). */
function monthStart(year: number, month: number): number {
  const index = year * 12 + (month - 1);
  const y = Math.floor(index / 12);
  return civilToDays(y, index - y * 12 + 1, 1);
}

/**
 * The calendar quarter `quarters` quarters after the quarter `date` is in (0: its own quarter; 2:
 * the second quarter after it, as US WIOA counts quarters after the exit quarter; negative to go
 * back). The result may lie past the calendar's last day.
 *
 * Throws `CALENDAR_ARGUMENT_INVALID` for a date that is not a day number or a count that is not a
 * whole number, `DATE_OUT_OF_RANGE` for a day outside the calendar.
 *
 * @example
 * const q = quarterAfter(parseDate('2024-03-31'), 2);
 * formatDate(q.first as CalendarDate); // '2024-07-01'
 * formatDate(q.last as CalendarDate);  // '2024-09-30'
 */
export function quarterAfter(date: CalendarDate, quarters: number): Quarter {
  expectDay('quarterAfter', 'date', date);
  expectWhole('quarterAfter', 'quarters', quarters);
  const { year, month } = civilFromDays(date);
  const firstMonth = month - ((month - 1) % 3) + 3 * quarters;
  return { first: monthStart(year, firstMonth), last: monthStart(year, firstMonth + 3) - 1 };
}

/**
 * The last day of the month `months` months after the month of `date` (0: the end of its own
 * month): the day a quarter's data is due when a contract says "N months after the quarter ends".
 * Unlike adding months to a day, it always lands on a month end (30 June + 2 months is 31 August).
 * The result may lie past the calendar's last day.
 *
 * Throws `CALENDAR_ARGUMENT_INVALID` for a date that is not a day number or a count that is not a
 * whole number, `DATE_OUT_OF_RANGE` for a day outside the calendar.
 *
 * @example
 * formatDate(monthEndAfter(parseDate('2024-06-30'), 2) as CalendarDate); // '2024-08-31'
 */
export function monthEndAfter(date: CalendarDate, months: number): DayNumber {
  expectDay('monthEndAfter', 'date', date);
  expectWhole('monthEndAfter', 'months', months);
  const { year, month } = civilFromDays(date);
  return monthStart(year, month + months + 1) - 1;
}
