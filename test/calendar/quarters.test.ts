import * as dateFns from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, monthEndAfter, parseDate, quarterAfter, type CalendarDate } from '../../src/calendar/index.js';
import { contractDate, toUtc, fromUtc } from './arbitraries.js';

const text = (day: number): string => formatDate(day as CalendarDate);

describe('quarterAfter', () => {
  it('counts calendar quarters from the quarter a date is in', () => {
    const q = (date: string, n: number): string => {
      const { first, last } = quarterAfter(parseDate(date), n);
      return `${text(first)}..${text(last)}`;
    };
    expect(q('2024-02-29', 0)).toBe('2024-01-01..2024-03-31');
    expect(q('2024-03-31', 2)).toBe('2024-07-01..2024-09-30');
    expect(q('2024-04-01', 2)).toBe('2024-10-01..2024-12-31');
    expect(q('2024-11-15', 2)).toBe('2025-04-01..2025-06-30');
    expect(q('2024-11-15', 4)).toBe('2025-10-01..2025-12-31');
    expect(q('2024-01-01', -1)).toBe('2023-10-01..2023-12-31');
    // past the calendar's end: a day number, not an error
    expect(quarterAfter(parseDate('9999-12-31'), 1).first).toBe(parseDate('9999-12-31') + 1);
  });

  it('agrees with date-fns (startOfQuarter, addQuarters, endOfQuarter) in UTC', () => {
    fc.assert(
      fc.property(contractDate(), fc.integer({ min: -12, max: 12 }), (date, n) => {
        const start = dateFns.addQuarters(dateFns.startOfQuarter(toUtc(date)), n);
        const { first, last } = quarterAfter(date, n);
        expect(text(first)).toBe(fromUtc(start));
        expect(text(last)).toBe(fromUtc(dateFns.endOfQuarter(start)));
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses a fractional count', () => {
    expect(() => quarterAfter(parseDate('2024-01-01'), 1.5)).toThrow(/whole number/);
  });
});

describe('monthEndAfter', () => {
  it('lands on a month end, unlike adding months to a day', () => {
    expect(text(monthEndAfter(parseDate('2024-06-30'), 2))).toBe('2024-08-31');
    expect(text(monthEndAfter(parseDate('2023-11-30'), 3))).toBe('2024-02-29');
    expect(text(monthEndAfter(parseDate('2024-03-31'), 0))).toBe('2024-03-31');
    expect(text(monthEndAfter(parseDate('2024-12-31'), 14))).toBe('2026-02-28');
  });

  it('agrees with date-fns (endOfMonth of addMonths of startOfMonth) in UTC', () => {
    fc.assert(
      fc.property(contractDate(), fc.integer({ min: 0, max: 36 }), (date, n) => {
        const expected = dateFns.endOfMonth(dateFns.addMonths(dateFns.startOfMonth(toUtc(date)), n));
        expect(text(monthEndAfter(date, n))).toBe(fromUtc(expected));
      }),
      { numRuns: 1000 },
    );
  });
});
