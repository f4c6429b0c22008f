/** fast-check generators for calendar dates: built from integer parts or day offsets; the date-fns reference's conversions. */
import { UTCDate } from '@date-fns/utc';
import * as dateFns from 'date-fns';
import fc from 'fast-check';
import { MAX_DATE, MIN_DATE, dateFromParts, dateParts, daysInMonth, type CalendarDate } from '../../src/calendar/index.js';

/** The reference: a date as a date-fns UTCDate, independent of the machine's zone. */
export function toUtc(date: CalendarDate): UTCDate {
  const { year, month, day } = dateParts(date);
  const utc = new UTCDate(2000, 0, 1);
  utc.setUTCFullYear(year, month - 1, day);
  return utc;
}

/** A date-fns date as `YYYY-MM-DD`, read in UTC. */
export function fromUtc(date: Date): string {
  return dateFns.format(new UTCDate(date), 'yyyy-MM-dd');
}

/** Any supported date, uniformly by day number. */
export function anyDate(): fc.Arbitrary<CalendarDate> {
  return fc.integer({ min: MIN_DATE, max: MAX_DATE }).map((n) => n as CalendarDate);
}

/** A date between 1900 and 2200, biased towards month ends and 29 February, where bugs live. */
export function contractDate(): fc.Arbitrary<CalendarDate> {
  const year = fc.integer({ min: 1900, max: 2200 });
  const month = fc.integer({ min: 1, max: 12 });
  const anyDay = fc.tuple(year, month, fc.integer({ min: 1, max: 31 })).map(([y, m, d]) =>
    dateFromParts(y, m, Math.min(d, daysInMonth(y, m))),
  );
  const monthEnd = fc.tuple(year, month).map(([y, m]) => dateFromParts(y, m, daysInMonth(y, m)));
  const leapDay = fc.integer({ min: 475, max: 550 }).map((q) => dateFromParts(q * 4, 2, daysInMonth(q * 4, 2)));
  return fc.oneof({ weight: 3, arbitrary: anyDay }, { weight: 2, arbitrary: monthEnd }, { weight: 1, arbitrary: leapDay });
}
