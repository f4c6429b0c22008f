/**
 * Dates for the reference implementation, through date-fns on UTCDate only (never the calendar
 * core): a wire date becomes a day number (days since 1970-01-01), months, weeks and days are added by date-fns.
 */
import { UTCDate } from '@date-fns/utc';
import { addDays, addMonths, addQuarters, addWeeks, differenceInCalendarDays, endOfMonth, endOfQuarter, startOfQuarter } from 'date-fns';

const EPOCH = new UTCDate(1970, 0, 1);

/** `YYYY-MM-DD` → day number, through date-fns. */
export function refDay(text: string): number {
  const [y, m, d] = text.split('-').map((part) => Number.parseInt(part, 10));
  return differenceInCalendarDays(new UTCDate(y ?? 0, (m ?? 1) - 1, d ?? 1), EPOCH);
}

/** Day number + an outcome's duration as written in the contract: calendar months, weeks or days (date-fns). */
export function refAddDuration(day: number, o: { readonly months?: number | undefined; readonly weeks?: number | undefined; readonly days?: number | undefined }): number {
  const date = new UTCDate(1970, 0, 1 + day);
  const later = o.months !== undefined ? addMonths(date, o.months) : o.weeks !== undefined ? addWeeks(date, o.weeks) : addDays(date, o.days ?? Number.NaN);
  return differenceInCalendarDays(later, EPOCH);
}

/**
 * The `quarters`-th calendar quarter after the quarter of day `exit` (its first and last day) and
 * the day its data is due (the last day of the `count`-th month after it, or `count` days after
 * it), through date-fns.
 */
export function refQuarterAfter(exit: number, quarters: number, lag: { readonly unit: 'months' | 'days'; readonly count: number }): { first: number; last: number; due: number } {
  const start = addQuarters(startOfQuarter(new UTCDate(1970, 0, 1 + exit)), quarters);
  const end = endOfQuarter(start);
  const due = lag.unit === 'days' ? addDays(end, lag.count) : endOfMonth(addMonths(new UTCDate(end.getUTCFullYear(), end.getUTCMonth(), 1), lag.count));
  return { first: differenceInCalendarDays(start, EPOCH), last: differenceInCalendarDays(end, EPOCH), due: differenceInCalendarDays(due, EPOCH) };
}
