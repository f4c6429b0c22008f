/**
 * The calendar core: calendar dates as day numbers, strict parsing, month arithmetic.
 * Results never depend on the machine's time zone: no `Date` object is involved.
 *
 * @module
 */
export { MAX_DATE, MIN_DATE, dateFromParts, dateParts, daysInMonth, isLeapYear } from './days.js';
export type { CalendarDate, DateParts } from './days.js';
export { checkDate, formatDate, isDateString, parseDate } from './text.js';
export {
  addDays,
  addDaysUnbounded,
  addDurationUnbounded,
  addMonths,
  addMonthsUnbounded,
  compareDates,
  daysBetween,
  maxDate,
  minDate,
} from './arithmetic.js';
export type { DayNumber, Duration, DurationUnit } from './arithmetic.js';

// For the other folders of src/ (src/index.ts decides what the package exports)
export { civilToDays, expectDay, expectWhole, monthLength } from './days.js';
export { durationLater } from './arithmetic.js';
export { monthEndAfter, quarterAfter } from './quarters.js';
export type { Quarter } from './quarters.js';
