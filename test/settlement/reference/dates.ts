/**
 * Dates for the reference implementation, through date-fns on UTCDate only (never the calendar
 * core): a wire date becomes a day number (days since 1970-01-01), months are added by date-fns.
 */
import { UTCDate } from '@date-fns/utc';
import { addMonths, differenceInCalendarDays } from 'date-fns';

const EPOCH = new UTCDate(1970, 0, 1);

/** `YYYY-MM-DD` → day number, through date-fns. */
export function refDay(text: string): number {
  const [y, m, d] = text.split('-').map((part) => Number.parseInt(part, 10));
  return differenceInCalendarDays(new UTCDate(y ?? 0, (m ?? 1) - 1, d ?? 1), EPOCH);
}

/** Day number + calendar months (date-fns clamps to the end of the month). */
export function refAddMonths(day: number, months: number): number {
  const date = new UTCDate(1970, 0, 1 + day);
  return differenceInCalendarDays(addMonths(date, months), EPOCH);
}
