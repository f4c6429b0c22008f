import * as dateFns from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutcomePayError } from '../../src/errors.js';
import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  formatDate,
  maxDate,
  minDate,
  parseDate,
  type CalendarDate,
} from '../../src/calendar/index.js';
import { anyDate, contractDate, toUtc, fromUtc } from './arbitraries.js';


describe('addMonths', () => {
  it('clamps to the month end, counted from the original date', () => {
    const d = (text: string): CalendarDate => parseDate(text);
    expect(formatDate(addMonths(d('2023-08-31'), 6))).toBe('2024-02-29');
    expect(formatDate(addMonths(d('2023-08-31'), 18))).toBe('2025-02-28');
    expect(formatDate(addMonths(d('2024-02-29'), 12))).toBe('2025-02-28');
    expect(formatDate(addMonths(d('2024-02-29'), 48))).toBe('2028-02-29');
    expect(formatDate(addMonths(d('2024-01-31'), 1))).toBe('2024-02-29');
    expect(formatDate(addMonths(d('2024-03-31'), -1))).toBe('2024-02-29');
    expect(formatDate(addMonths(d('2024-05-15'), 0))).toBe('2024-05-15');
    // Chaining is not the same as adding at once: 31 Aug + 1 month = 30 Sep, + 1 month = 30 Oct, not 31 Oct.
    expect(formatDate(addMonths(addMonths(d('2023-08-31'), 1), 1))).toBe('2023-10-30');
    expect(formatDate(addMonths(d('2023-08-31'), 2))).toBe('2023-10-31');
  });

  it('agrees with date-fns in UTC on random dates, month ends and 29 February', () => {
    fc.assert(
      fc.property(contractDate(), fc.integer({ min: -240, max: 240 }), (date, months) => {
        const expected = fromUtc(dateFns.addMonths(toUtc(date), months));
        expect(formatDate(addMonths(date, months))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a fractional month count and a result out of range', () => {
    expect(() => addMonths(parseDate('2024-01-01'), 1.5)).toThrow(OutcomePayError);
    expect(() => addMonths(parseDate('9999-12-01'), 1)).toThrow(/outside/);
  });
});

describe('addDays and daysBetween', () => {
  it('works across leap days and years', () => {
    expect(formatDate(addDays(parseDate('2024-02-28'), 1))).toBe('2024-02-29');
    expect(formatDate(addDays(parseDate('2023-02-28'), 1))).toBe('2023-03-01');
    expect(formatDate(addDays(parseDate('2024-12-31'), 1))).toBe('2025-01-01');
    // 2024 is a leap year: 366 days from 1 January 2024 to 1 January 2025.
    expect(daysBetween(parseDate('2024-01-01'), parseDate('2025-01-01'))).toBe(366);
    expect(daysBetween(parseDate('2025-01-01'), parseDate('2024-01-01'))).toBe(-366);
  });

  it('agrees with date-fns in UTC', () => {
    fc.assert(
      fc.property(contractDate(), fc.integer({ min: -4000, max: 4000 }), (date, days) => {
        expect(formatDate(addDays(date, days))).toBe(fromUtc(dateFns.addDays(toUtc(date), days)));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(contractDate(), contractDate(), (a, b) => {
        expect(daysBetween(a, b)).toBe(dateFns.differenceInCalendarDays(toUtc(b), toUtc(a)));
      }),
      { numRuns: 1000 },
    );
  });

  it('is consistent: addDays(a, daysBetween(a, b)) = b', () => {
    fc.assert(
      fc.property(anyDate(), anyDate(), (a, b) => {
        expect(addDays(a, daysBetween(a, b))).toBe(b);
      }),
    );
  });

  it('refuses fractional days and out-of-range results', () => {
    expect(() => addDays(parseDate('2024-01-01'), 0.5)).toThrow(OutcomePayError);
    expect(() => addDays(parseDate('9999-12-31'), 1)).toThrow(/outside/);
  });
});

describe('comparison', () => {
  it('orders dates like their text', () => {
    fc.assert(
      fc.property(anyDate(), anyDate(), (a, b) => {
        const textOrder = Math.sign(formatDate(a).localeCompare(formatDate(b)));
        expect(compareDates(a, b)).toBe(textOrder === 0 ? 0 : textOrder);
        expect(minDate(a, b)).toBe(compareDates(a, b) <= 0 ? a : b);
        expect(maxDate(a, b)).toBe(compareDates(a, b) >= 0 ? a : b);
      }),
    );
  });
});
