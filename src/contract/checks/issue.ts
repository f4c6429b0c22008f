/**
 * Helpers shared by the cross-field checks.
 *
 * @module
 */
import { addDays, addMonths, type CalendarDate } from '../../calendar/index.js';
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
 * `addMonths` that returns `undefined` instead of throwing past year 9999.
 *
 * @example
 * safeAddMonths(parseDate('9999-12-01'), 1); // undefined
 */
export function safeAddMonths(date: CalendarDate, months: number): CalendarDate | undefined {
  try {
    return addMonths(date, months);
  } catch {
    return undefined;
  }
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
