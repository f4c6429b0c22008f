import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutcomePayError } from '../../src/errors.js';
import { checkDate, dateParts, formatDate, isDateString, parseDate } from '../../src/calendar/index.js';
import { anyDate } from './arbitraries.js';

function codeOf(value: unknown): string | undefined {
  const result = checkDate(value, ['x']);
  return result.ok ? undefined : result.issues[0]?.code;
}

describe('parseDate', () => {
  it('reads calendar dates as day numbers since 1970-01-01', () => {
    expect(parseDate('1970-01-01')).toBe(0);
    expect(parseDate('1970-01-02')).toBe(1);
    expect(parseDate('1969-12-31')).toBe(-1);
    // 2024-02-29: 54 years of 365 days plus 13 leap days (1972..2020) = 19723, then 31 + 28 days.
    expect(parseDate('2024-02-29')).toBe(19723 + 31 + 28);
  });

  it('rejects impossible dates with DATE_IMPOSSIBLE', () => {
    for (const text of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '1900-02-29', '2024-01-00', '0000-01-01']) {
      expect(codeOf(text), text).toBe('DATE_IMPOSSIBLE');
    }
    expect(checkDate('2023-02-29').ok).toBe(false);
    const result = checkDate('2023-02-29', ['cohorts', 0, 'start']);
    expect(result.ok ? '' : result.issues[0]?.message).toMatch(/2023 is not a leap year/);
  });

  it('rejects other shapes with DATE_FORMAT or DATE_TYPE', () => {
    for (const text of ['2024-1-01', '24-01-01', '2024/01/01', ' 2024-01-01', '2024-01-01 ', '', '20240101', '2024-01-01T25:00Z']) {
      expect(codeOf(text), text).toBe('DATE_FORMAT');
    }
    expect(codeOf(20240101)).toBe('DATE_TYPE');
    expect(codeOf(null)).toBe('DATE_TYPE');
    expect(codeOf(new Date(0))).toBe('DATE_TYPE');
  });

  it('rejects a date-time without an offset, and keeps the written date of one with an offset', () => {
    expect(codeOf('2024-01-31T10:00:00')).toBe('DATE_TIME_WITHOUT_OFFSET');
    expect(codeOf('2024-01-31T10:00')).toBe('DATE_TIME_WITHOUT_OFFSET');
    // 23:30 at UTC-5 is already 1 February in UTC, but the event happened on 31 January where it was recorded.
    expect(formatDate(parseDate('2024-01-31T23:30:00-05:00'))).toBe('2024-01-31');
    expect(formatDate(parseDate('2024-02-29T00:00:00.000Z'))).toBe('2024-02-29');
    expect(codeOf('2023-02-29T00:00:00Z')).toBe('DATE_IMPOSSIBLE');
  });

  it('throws OutcomePayError with the code for callers', () => {
    expect(() => parseDate('2023-02-29')).toThrow(OutcomePayError);
    expect(isDateString('2024-02-29')).toBe(true);
    expect(isDateString('2024-02-29T00:00Z')).toBe(false);
    expect(isDateString('2023-02-29')).toBe(false);
  });

  it('round-trips every supported date: parse(format(d)) = d', () => {
    fc.assert(
      fc.property(anyDate(), (date) => {
        const text = formatDate(date);
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(parseDate(text)).toBe(date);
        const { year, month, day } = dateParts(date);
        expect(text).toBe(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
      }),
    );
  });
});
