/**
 * Helpers shared by the cross-field checks.
 *
 * @module
 */
import { MAX_DATE, MIN_DATE, addDays, durationLater, type CalendarDate, type Duration } from '../../calendar/index.js';
import { formatPath, type Issue, type PathSegment } from '../../errors.js';
import type { ContractIssueCode } from '../../codes/index.js';

/**
 * Builds an issue whose message starts with the formatted path.
 *
 * @example
 * issueAt('DATE_ORDER', ['period'], 'start "2024-01-01" is after end "2023-01-01"');
 */
export function issueAt(code: ContractIssueCode | 'DATE_IMPOSSIBLE', path: readonly PathSegment[], message: string): Issue {
  return { code, path, message: `${formatPath(path)}: ${message}` };
}

/**
 * A date plus a duration (calendar months month-end clamped, weeks of 7 days, days), or
 * `undefined` past year 9999.
 *
 * @example
 * safeAddDuration(parseDate('9999-12-01'), { unit: 'months', count: 1 }); // undefined
 * safeAddDuration(parseDate('2024-01-01'), { unit: 'weeks', count: 26 }); // 2024-07-01
 */
export function safeAddDuration(date: CalendarDate, duration: Duration): CalendarDate | undefined {
  const day = durationLater(date, duration);
  return day < MIN_DATE || day > MAX_DATE ? undefined : (day as CalendarDate);
}

/**
 * `addDays` that returns `undefined` instead of throwing past year 9999.
 *
 * @example
 * safeAddDays(parseDate('2024-01-01'), 1); // 2024-01-02
 */
export function safeAddDays(date: CalendarDate, days: number): CalendarDate | undefined {
  try {
    return addDays(date, days);
  } catch {
    return undefined;
  }
}
