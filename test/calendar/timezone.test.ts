import { describe, expect, it } from 'vitest';
import { addDays, addMonths, formatDate, parseDate, type CalendarDate } from '../../src/calendar/index.js';

/**
 * CI runs the whole suite under several TZ values (UTC, Pacific/Kiritimati, America/St_Johns,
 * Australia/Lord_Howe, Pacific/Apia). These cases are the dates where a Date-based
 * implementation shifts by a day in some of those zones: local midnights that do not exist (Apia
 * skipped 30 December 2011), half-hour offsets and half-hour daylight saving (Lord Howe), +14:00.
 */
describe('time-zone independence', () => {
  const cases: [string, number, number, string, string][] = [
    // date, +days, +months, expected addDays, expected addMonths
    ['2011-12-29', 1, 1, '2011-12-30', '2012-01-29'],
    ['2011-12-30', 1, 2, '2011-12-31', '2012-02-29'],
    ['2024-10-06', 1, 1, '2024-10-07', '2024-11-06'],
    ['2024-04-07', -1, -1, '2024-04-06', '2024-03-07'],
    ['2024-11-03', 0, 3, '2024-11-03', '2025-02-03'],
    ['1995-01-01', -1, 1, '1994-12-31', '1995-02-01'],
    ['2023-08-31', 184, 6, '2024-03-02', '2024-02-29'],
  ];
  for (const [date, days, months, expectedDays, expectedMonths] of cases) {
    it(`${date}: +${days} days and +${months} months, whatever TZ is (${process.env.TZ ?? 'unset'})`, () => {
      const d: CalendarDate = parseDate(date);
      expect(formatDate(addDays(d, days))).toBe(expectedDays);
      expect(formatDate(addMonths(d, months))).toBe(expectedMonths);
    });
  }
});
