/**
 * Dates for the reference implementation, through date-fns on UTCDate only (never the calendar
 * core): a wire date becomes a day number (days since 1970-01-01), months, weeks and days are added by date-fns.
 */
import { UTCDate } from '@date-fns/utc';
import { addDays, addMonths, addWeeks, differenceInCalendarDays } from 'date-fns';

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
