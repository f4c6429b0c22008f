/**
 * What the calendar functions say when they refuse a value: the stable code, the path, and the
 * message a person reads (it names the function, the argument and the value), written out here.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_DATE,
  MIN_DATE,
  addDays,
  addDaysUnbounded,
  addDurationUnbounded,
  addMonths,
  addMonthsUnbounded,
  checkDate,
  compareDates,
  dateFromParts,
  dateParts,
  daysBetween,
  daysInMonth,
  formatDate,
  isLeapYear,
  maxDate,
  minDate,
  parseDate,
  type CalendarDate,
  type Duration,
} from '../../src/calendar/index.js';
import { assertInRange } from '../../src/calendar/days.js';
import { thrown } from '../thrown.js';


const issue = (code: string, message: string, path: (string | number)[] = []): unknown => ({ ok: false, issues: [{ code, path, message }] });
const FORMAT = 'is not a date: expected "YYYY-MM-DD", such as "2024-02-29"';

describe('checkDate: the issue names the value, where it was, and why', () => {
  it('describes what is not a string', () => {
    expect(checkDate(20240101, ['enrolledOn'])).toEqual(issue('DATE_TYPE', '20240101 at enrolledOn is not a date: expected a "YYYY-MM-DD" string', ['enrolledOn']));
    expect(checkDate(null)).toEqual(issue('DATE_TYPE', 'null is not a date: expected a "YYYY-MM-DD" string'));
    expect(checkDate(new Date(0))).toEqual(issue('DATE_TYPE', 'object is not a date: expected a "YYYY-MM-DD" string'));
    expect(checkDate(undefined)).toEqual(issue('DATE_TYPE', 'undefined is not a date: expected a "YYYY-MM-DD" string'));
  });

  it('says what is wrong with a text', () => {
    expect(checkDate('2024/01/01', ['records', 3, 'enrolledOn'])).toEqual(issue('DATE_FORMAT', `"2024/01/01" at records[3].enrolledOn ${FORMAT}`, ['records', 3, 'enrolledOn']));
    expect(checkDate('2024-01-31T10:00:00')).toEqual(
      issue(
        'DATE_TIME_WITHOUT_OFFSET',
        '"2024-01-31T10:00:00" is a date-time without a time-zone offset, so its calendar date is ambiguous: write the date alone ("2024-01-31") or add an offset such as "Z" or "+01:00"',
      ),
    );
    expect(checkDate('2023-02-29')).toEqual(issue('DATE_IMPOSSIBLE', '"2023-02-29" is not a calendar date (2023 is not a leap year)'));
    expect(checkDate('2024-04-31')).toEqual(issue('DATE_IMPOSSIBLE', '"2024-04-31" is not a calendar date (month 4 of 2024 has 30 days)'));
    expect(checkDate('2023-02-30')).toEqual(issue('DATE_IMPOSSIBLE', '"2023-02-30" is not a calendar date (month 2 of 2023 has 28 days)'));
    expect(checkDate('2024-13-01')).toEqual(issue('DATE_IMPOSSIBLE', '"2024-13-01" is not a calendar date (there is no month 13)'));
    expect(checkDate('2024-00-10')).toEqual(issue('DATE_IMPOSSIBLE', '"2024-00-10" is not a calendar date (there is no month 0)'));
    expect(checkDate('0000-01-01')).toEqual(issue('DATE_IMPOSSIBLE', '"0000-01-01" is not a calendar date (years start at 0001)'));
    // Month 1, month 12 and year 1 are real: the reason is then the length of the month.
    expect(checkDate('2024-12-32')).toEqual(issue('DATE_IMPOSSIBLE', '"2024-12-32" is not a calendar date (month 12 of 2024 has 31 days)'));
    expect(checkDate('0001-02-30')).toEqual(issue('DATE_IMPOSSIBLE', '"0001-02-30" is not a calendar date (month 2 of 1 has 28 days)'));
    expect(checkDate('2024-01-00')).toEqual(issue('DATE_IMPOSSIBLE', '"2024-01-00" is not a calendar date (month 1 of 2024 has 31 days)'));
  });

  it('reads the time of day and the offset of a date-time, and refuses impossible ones', () => {
    const impossible = (text: string): unknown => issue('DATE_FORMAT', `${JSON.stringify(text)} has an impossible time of day or offset`);
    expect(checkDate('2024-01-31T24:00Z')).toEqual(impossible('2024-01-31T24:00Z'));
    expect(checkDate('2024-01-31T23:60Z')).toEqual(impossible('2024-01-31T23:60Z'));
    expect(checkDate('2024-01-31T23:59:60Z')).toEqual(impossible('2024-01-31T23:59:60Z'));
    expect(checkDate('2024-01-31T10:00+15:00')).toEqual(impossible('2024-01-31T10:00+15:00'));
    expect(checkDate('2024-01-31T10:00-01:60')).toEqual(impossible('2024-01-31T10:00-01:60'));
    // The limits themselves are times: 23:59:59, +14:00, -00:59; lower case z and a space as separator.
    const jan31 = parseDate('2024-01-31');
    for (const text of ['2024-01-31T23:59:59Z', '2024-01-31T00:00+14:00', '2024-01-31T00:00-00:59', '2024-01-31 12:30z', '2024-01-31t12:30:15.123456789+05:30']) {
      expect(checkDate(text), text).toEqual({ ok: true, value: jan31 });
    }
    expect(checkDate('2024-01-31T12:30:15.1234567890Z')).toEqual(issue('DATE_FORMAT', `"2024-01-31T12:30:15.1234567890Z" ${FORMAT}`));
    expect(checkDate('x2024-01-31T12:30Z')).toEqual(issue('DATE_FORMAT', `"x2024-01-31T12:30Z" ${FORMAT}`));
    expect(checkDate('2024-01-31T12:30Zx')).toEqual(issue('DATE_FORMAT', `"2024-01-31T12:30Zx" ${FORMAT}`));
    expect(checkDate('2024-01-31T12:30+0100')).toEqual(issue('DATE_FORMAT', `"2024-01-31T12:30+0100" ${FORMAT}`));
  });

  it('throws the issue from parseDate, with its path', () => {
    expect(thrown(() => parseDate('2023-02-29', ['cohorts', 0, 'start']))).toEqual({
      code: 'DATE_IMPOSSIBLE',
      message: '"2023-02-29" at cohorts[0].start is not a calendar date (2023 is not a leap year)',
      path: ['cohorts', 0, 'start'],
    });
    const notPath = (where: string): unknown => ({
      code: 'ARGUMENT_INVALID',
      message: `${where}: path must be a path: an array of keys (strings) and indexes (whole numbers from 0), not the string "start"`,
      path: ['path'],
    });
    expect(thrown(() => parseDate('2024-01-01', 'start' as unknown as string[]))).toEqual(notPath('parseDate'));
    expect(thrown(() => checkDate('2024-01-01', 'start' as unknown as string[]))).toEqual(notPath('checkDate'));
  });
});

describe('the calendar functions refuse what is not a day, a year, a month or a count', () => {
  const day = parseDate('2024-01-31');
  const notDay = (where: string, name: string, shown: string): unknown => ({
    code: 'CALENDAR_ARGUMENT_INVALID',
    message: `${where}: ${name} must be a day number (from parseDate), not ${shown}`,
    path: [name],
  });
  const outside = (where: string, name: string, value: number): unknown => ({
    code: 'DATE_OUT_OF_RANGE',
    message: `${where}: ${name} is day ${String(value)}, outside 0001-01-01 to 9999-12-31`,
    path: [name],
  });
  const notWhole = (where: string, name: string, shown: string): unknown => ({ code: 'CALENDAR_ARGUMENT_INVALID', message: `${where}: ${name} must be a whole number, not ${shown}`, path: [name] });

  it('names the function and the argument', () => {
    expect(thrown(() => formatDate('2024-01-31' as unknown as CalendarDate))).toEqual(notDay('formatDate', 'date', 'the string "2024-01-31"'));
    expect(thrown(() => formatDate(1.5 as CalendarDate))).toEqual(notDay('formatDate', 'date', 'the number 1.5'));
    expect(thrown(() => dateParts((MAX_DATE + 1) as CalendarDate))).toEqual(outside('dateParts', 'date', MAX_DATE + 1));
    expect(thrown(() => dateParts((MIN_DATE - 1) as CalendarDate))).toEqual(outside('dateParts', 'date', MIN_DATE - 1));
    // 0001-01-01 is 719162 days before 1970-01-01, 9999-12-31 is 2932896 days after it.
    expect([MIN_DATE, MAX_DATE]).toEqual([-719162, 2932896]);
    expect(formatDate(MIN_DATE)).toBe('0001-01-01');
    expect(formatDate(MAX_DATE)).toBe('9999-12-31');
    expect(thrown(() => addDays(day, 0.5))).toEqual(notWhole('addDays', 'days', 'the number 0.5'));
    expect(thrown(() => addDays('x' as unknown as CalendarDate, 1))).toEqual(notDay('addDays', 'date', 'the string "x"'));
    expect(thrown(() => addDaysUnbounded(0.5, 1))).toEqual(notWhole('addDaysUnbounded', 'date', 'the number 0.5'));
    expect(thrown(() => addDaysUnbounded(1, '2' as unknown as number))).toEqual(notWhole('addDaysUnbounded', 'days', 'the string "2"'));
    expect(thrown(() => addMonths(day, 1.5))).toEqual(notWhole('addMonths', 'months', 'the number 1.5'));
    expect(thrown(() => addMonths(null as unknown as CalendarDate, 1))).toEqual(notDay('addMonths', 'date', 'null'));
    expect(thrown(() => addMonthsUnbounded(day, Number.NaN))).toEqual(notWhole('addMonthsUnbounded', 'months', 'the number NaN'));
    expect(thrown(() => addMonthsUnbounded(undefined as unknown as CalendarDate, 1))).toEqual(notDay('addMonthsUnbounded', 'date', 'undefined'));
    expect(thrown(() => addDurationUnbounded(day, { unit: 'days', count: 0.5 }))).toEqual(notWhole('addDurationUnbounded', 'duration.count', 'the number 0.5'));
    expect(thrown(() => addDurationUnbounded('x' as unknown as CalendarDate, { unit: 'days', count: 1 }))).toEqual(notDay('addDurationUnbounded', 'date', 'the string "x"'));
    expect(thrown(() => addDurationUnbounded(day, { unit: 'years', count: 1 } as unknown as Duration))).toEqual({
      code: 'CALENDAR_ARGUMENT_INVALID',
      message: 'addDurationUnbounded: unit must be "months", "weeks" or "days", not "years"',
      path: ['duration', 'unit'],
    });
    for (const [where, run] of [
      ['daysBetween', (bad: CalendarDate) => daysBetween(bad, day)],
      ['compareDates', (bad: CalendarDate) => compareDates(bad, day)],
      ['minDate', (bad: CalendarDate) => minDate(bad, day)],
      ['maxDate', (bad: CalendarDate) => maxDate(bad, day)],
    ] as const) {
      expect(thrown(() => run('x' as unknown as CalendarDate)), where).toEqual(notDay(where, where === 'daysBetween' ? 'from' : 'a', 'the string "x"'));
    }
    for (const [where, run] of [
      ['daysBetween', (bad: CalendarDate) => daysBetween(day, bad)],
      ['compareDates', (bad: CalendarDate) => compareDates(day, bad)],
      ['minDate', (bad: CalendarDate) => minDate(day, bad)],
      ['maxDate', (bad: CalendarDate) => maxDate(day, bad)],
    ] as const) {
      expect(thrown(() => run('x' as unknown as CalendarDate)), where).toEqual(notDay(where, where === 'daysBetween' ? 'to' : 'b', 'the string "x"'));
    }
  });

  it('says where a computation left the calendar', () => {
    expect(thrown(() => addDays(MAX_DATE, 1))).toEqual({ code: 'DATE_OUT_OF_RANGE', message: 'addDays gave day 2932897, outside 0001-01-01 to 9999-12-31', path: [] });
    expect(thrown(() => addDays(MIN_DATE, -1))).toEqual({ code: 'DATE_OUT_OF_RANGE', message: 'addDays gave day -719163, outside 0001-01-01 to 9999-12-31', path: [] });
    expect(addDays(MAX_DATE, 0)).toBe(MAX_DATE);
    expect(addDays(MIN_DATE, 0)).toBe(MIN_DATE);
    expect(thrown(() => assertInRange(1.5, 'test'))).toEqual({ code: 'DATE_OUT_OF_RANGE', message: 'test gave day 1.5, outside 0001-01-01 to 9999-12-31', path: [] });
    // 9999-12-31 + 1 month = 10000-01-31; 0001-01-01 - 1 month = 0000-12-01.
    expect(thrown(() => addMonths(MAX_DATE, 1))).toEqual({ code: 'DATE_OUT_OF_RANGE', message: 'addMonths gave year 10000, outside 0001 to 9999', path: [] });
    expect(thrown(() => addMonths(MIN_DATE, -1))).toEqual({ code: 'DATE_OUT_OF_RANGE', message: 'addMonths gave year 0, outside 0001 to 9999', path: [] });
    expect(formatDate(addMonths(parseDate('9999-11-30'), 1))).toBe('9999-12-30');
    // Landing exactly on the first and the last day is fine.
    expect(addMonths(parseDate('0001-02-01'), -1)).toBe(MIN_DATE);
    expect(addMonths(parseDate('9999-10-31'), 2)).toBe(MAX_DATE);
    expect(formatDate(addMonths(parseDate('0001-02-28'), -1))).toBe('0001-01-28');
  });

  it('refuses a year, month or day that is not one', () => {
    const year = (where: string, shown: string): unknown => ({ code: 'CALENDAR_ARGUMENT_INVALID', message: `${where}: year must be a whole number from 1 to 9999, not ${shown}`, path: ['year'] });
    expect(thrown(() => isLeapYear(0))).toEqual(year('isLeapYear', 'the number 0'));
    expect(thrown(() => isLeapYear(10000))).toEqual(year('isLeapYear', 'the number 10000'));
    expect(thrown(() => isLeapYear(2024.5))).toEqual(year('isLeapYear', 'the number 2024.5'));
    expect(thrown(() => isLeapYear('2024' as unknown as number))).toEqual(year('isLeapYear', 'the string "2024"'));
    expect([isLeapYear(1), isLeapYear(9999), isLeapYear(2000), isLeapYear(1900), isLeapYear(2024), isLeapYear(2023)]).toEqual([false, false, true, false, true, false]);
    expect(thrown(() => daysInMonth(0, 1))).toEqual(year('daysInMonth', 'the number 0'));
    const month = (shown: string): unknown => ({ code: 'CALENDAR_ARGUMENT_INVALID', message: `daysInMonth: month must be a whole number from 1 to 12, not ${shown}`, path: ['month'] });
    expect(thrown(() => daysInMonth(2024, 0))).toEqual(month('the number 0'));
    expect(thrown(() => daysInMonth(2024, 13))).toEqual(month('the number 13'));
    expect(thrown(() => daysInMonth(2024, 1.5))).toEqual(month('the number 1.5'));
    expect(thrown(() => daysInMonth(2024, '2' as unknown as number))).toEqual(month('the string "2"'));
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect([daysInMonth(1, 12), daysInMonth(9999, 1), daysInMonth(2024, 2)]).toEqual([31, 31, 29]);
  });

  it('builds a date from its parts only when they name a day of 0001 to 9999', () => {
    const impossible = (y: number, m: number, d: number): unknown => ({
      code: 'DATE_IMPOSSIBLE',
      message: `year ${String(y)}, month ${String(m)}, day ${String(d)} is not a calendar date between 0001-01-01 and 9999-12-31`,
      path: [],
    });
    for (const [y, m, d] of [
      [2023, 2, 29],
      [0, 1, 1],
      [10000, 1, 1],
      [2024, 0, 1],
      [2024, 13, 1],
      [2024, 1, 0],
      [2024, 1, 32],
      [2024.5, 1, 1],
      [2024, 1.5, 1],
      [2024, 1, 1.5],
    ] as const) {
      expect(thrown(() => dateFromParts(y, m, d)), `${y}-${m}-${d}`).toEqual(impossible(y, m, d));
    }
    expect(thrown(() => dateFromParts(2024, 1, '1' as unknown as number))).toEqual({
      code: 'CALENDAR_ARGUMENT_INVALID',
      message: 'dateFromParts: day must be a whole number, not the string "1"',
      path: ['day'],
    });
    expect(thrown(() => dateFromParts(2024, null as unknown as number, 1))).toEqual({ code: 'CALENDAR_ARGUMENT_INVALID', message: 'dateFromParts: month must be a whole number, not null', path: ['month'] });
    expect(thrown(() => dateFromParts(undefined as unknown as number, 1, 1))).toEqual({ code: 'CALENDAR_ARGUMENT_INVALID', message: 'dateFromParts: year must be a whole number, not undefined', path: ['year'] });
    expect(dateFromParts(1, 1, 1)).toBe(MIN_DATE);
    expect(dateFromParts(9999, 12, 31)).toBe(MAX_DATE);
    expect(formatDate(dateFromParts(2024, 2, 29))).toBe('2024-02-29');
  });
});

describe('the unbounded arithmetic and the order of dates', () => {
  it('adds days, weeks and months past the calendar\'s ends', () => {
    // 9999-12-31 + 1 day is day 2932897; + 1 month is 10000-01-31, 31 days later.
    expect(addDaysUnbounded(MAX_DATE, 1)).toBe(2932897);
    expect(addDaysUnbounded(10, -15)).toBe(-5);
    expect(addMonthsUnbounded(MAX_DATE, 1)).toBe(MAX_DATE + 31);
    const jan31 = parseDate('2024-01-31');
    // 2024-01-31 + 1 month = 2024-02-29 (the end of a shorter month), 29 days later
    expect(addDurationUnbounded(jan31, { unit: 'months', count: 1 })).toBe(jan31 + 29);
    expect(addDurationUnbounded(jan31, { unit: 'weeks', count: 3 })).toBe(jan31 + 21);
    expect(addDurationUnbounded(jan31, { unit: 'days', count: 3 })).toBe(jan31 + 3);
    expect(addDurationUnbounded(jan31, { unit: 'weeks', count: -2 })).toBe(jan31 - 14);
  });

  it('orders equal dates as equal', () => {
    const day = parseDate('2024-01-31');
    expect(compareDates(day, day)).toBe(0);
    expect(compareDates(day, addDays(day, 1))).toBe(-1);
    expect(compareDates(addDays(day, 1), day)).toBe(1);
    expect(daysBetween(day, addDays(day, 40))).toBe(40);
    expect(minDate(day, addDays(day, 1))).toBe(day);
    expect(maxDate(day, addDays(day, 1))).toBe(day + 1);
  });
});
