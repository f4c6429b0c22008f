/**
 * The codes of the calendar core: the issues `checkDate` reports for a date typed by a person,
 * and the errors the calendar functions throw when they are misused.
 *
 * @module
 */

/**
 * Every code of the calendar core, with a one-line meaning.
 *
 * @example
 * CALENDAR_CODES.DATE_IMPOSSIBLE; // 'a date does not exist in the calendar (e.g. 2023-02-29)'
 */
export const CALENDAR_CODES = {
  DATE_TYPE: 'a date is not a string',
  DATE_FORMAT: 'a date is not written YYYY-MM-DD',
  DATE_IMPOSSIBLE: 'a date does not exist in the calendar (e.g. 2023-02-29)',
  DATE_TIME_WITHOUT_OFFSET: 'a date-time where a calendar date was expected',
  DATE_OUT_OF_RANGE: 'a date or day number outside 0001-01-01 to 9999-12-31 (thrown by the calendar functions)',
  CALENDAR_ARGUMENT_INVALID: 'a calendar function was given an argument of the wrong type: not a day number, a whole count, a year from 1 to 9999 or a month from 1 to 12 (thrown)',
} as const;

/**
 * One of the calendar core's codes.
 *
 * @example
 * const code: CalendarCode = 'DATE_FORMAT';
 */
export type CalendarCode = keyof typeof CALENDAR_CODES;
