/**
 * Hand-written checks for single fields of a record: fast, allocation-light, and in step with the
 * zod schema (a property test compares the two).
 *
 * @module
 */
import { checkDate, type CalendarDate } from '../calendar/index.js';
import { formatPath, type PathSegment } from '../errors.js';
import { checkAmountLimits, parseAmount, type Amount } from '../money/index.js';
import type { RecordIssueCode } from '../codes/index.js';
import { ownElements, ownFields } from '../own-data.js';
import { show, type Reporter } from './issues.js';
import {
  FORBIDDEN_KEYS,
  MAX_HOURS_PER_WEEK,
  NEGATIVE_WAGE_PATTERN,
  PLAIN_DATE_PATTERN,
  WAGE_PATTERN,
} from './limits.js';

const DATE_CODES: ReadonlySet<string> = new Set(['DATE_FORMAT', 'DATE_IMPOSSIBLE', 'DATE_TIME_WITHOUT_OFFSET']);

/**
 * True for a plain (non-array, non-null) object.
 *
 * @example
 * isPlainObject({}); // true
 * isPlainObject([]); // false
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reports keys of `object` that are forbidden (FORBIDDEN_KEY) or not in `allowed` (FIELD_UNKNOWN).
 * Returns true when every key is allowed.
 *
 * @example
 * checkKeys({ id: 'P1', extra: 1 }, ALLOWED, [], report); // false, reports FIELD_UNKNOWN at ['extra']
 */
export function checkKeys(
  object: Record<string, unknown>,
  allowed: ReadonlySet<string>,
  path: readonly PathSegment[],
  report: Reporter,
): boolean {
  let clean = true;
  for (const key of Object.keys(object)) {
    if (allowed.has(key)) continue;
    clean = false;
    const at = [...path, key];
    if (FORBIDDEN_KEYS.has(key)) {
      report('FORBIDDEN_KEY', at, `key ${show(key)} at ${formatPath(at)} is forbidden (it could alter object prototypes)`);
    } else {
      report('FIELD_UNKNOWN', at, `${formatPath(at)} is not a field of an outcome record here; allowed: ${[...allowed].join(', ')}`);
    }
  }
  return clean;
}

/**
 * Reports FIELD_MISSING for a required field that is absent (`undefined`). Returns true when present.
 *
 * @example
 * requirePresent(undefined, ['cohort'], report); // false, reports FIELD_MISSING
 */
export function requirePresent(value: unknown, path: readonly PathSegment[], report: Reporter): boolean {
  if (value !== undefined) return true;
  report('FIELD_MISSING', path, `${formatPath(path)} is required but missing`);
  return false;
}

/**
 * Checks a non-empty string (FIELD_TYPE, FIELD_EMPTY). Returns it, or undefined after reporting.
 *
 * @example
 * checkText('2023-A', ['cohort'], report); // '2023-A'
 */
export function checkText(value: unknown, path: readonly PathSegment[], report: Reporter): string | undefined {
  if (typeof value !== 'string') {
    report('FIELD_TYPE', path, `${formatPath(path)} must be a string, got ${show(value)}`);
    return undefined;
  }
  if (value.length === 0) {
    report('FIELD_EMPTY', path, `${formatPath(path)} must not be empty`);
    return undefined;
  }
  return value;
}

/**
 * Checks a calendar date `YYYY-MM-DD` through the calendar core. Codes: FIELD_TYPE, DATE_FORMAT,
 * DATE_IMPOSSIBLE, DATE_TIME_WITHOUT_OFFSET.
 *
 * @example
 * checkDateField('2023-02-30', ['enrolledOn'], report); // undefined, reports DATE_IMPOSSIBLE
 */
export function checkDateField(value: unknown, path: readonly PathSegment[], report: Reporter): CalendarDate | undefined {
  if (typeof value !== 'string') {
    report('FIELD_TYPE', path, `${formatPath(path)} must be a date string YYYY-MM-DD, got ${show(value)}`);
    return undefined;
  }
  const result = checkDate(value, path);
  if (!result.ok) {
    const first = result.issues[0];
    const code = first !== undefined && DATE_CODES.has(first.code) ? (first.code as RecordIssueCode) : 'DATE_FORMAT';
    report(code, path, first?.message ?? `${formatPath(path)} ${show(value)} is not a date YYYY-MM-DD`);
    return undefined;
  }
  if (!PLAIN_DATE_PATTERN.test(value)) {
    report('DATE_FORMAT', path, `${formatPath(path)} ${show(value)} must be a calendar date YYYY-MM-DD, without time or zone`);
    return undefined;
  }
  return result.value;
}

/**
 * Checks a non-negative wage: a decimal string within the money core's limits. Codes:
 * AMOUNT_NOT_STRING (a JSON number, which `JSON.parse` may already have rounded), FIELD_TYPE,
 * AMOUNT_FORMAT, AMOUNT_NEGATIVE, AMOUNT_TOO_LARGE, AMOUNT_TOO_PRECISE.
 *
 * @example
 * checkWageField('1800.50', ['baselineWage'], report); // Amount 1800.5
 * checkWageField(1800, ['baselineWage'], report);      // undefined, reports AMOUNT_NOT_STRING
 */
export function checkWageField(value: unknown, path: readonly PathSegment[], report: Reporter): Amount | undefined {
  if (typeof value === 'string' && WAGE_PATTERN.test(value)) {
    const amount = parseAmount(value, path);
    const beyond = checkAmountLimits(amount, path);
    if (beyond === undefined) return amount;
    report(beyond.code as RecordIssueCode, path, beyond.message);
    return undefined;
  }
  const where = formatPath(path);
  if (typeof value === 'string') {
    if (NEGATIVE_WAGE_PATTERN.test(value)) {
      report('AMOUNT_NEGATIVE', path, `${where} ${show(value)} is negative; a wage must be 0 or more`);
    } else {
      report('AMOUNT_FORMAT', path, `${where} ${show(value)} is not a decimal amount such as "1800.50" (digits, optional decimal point; no sign, exponent or separators)`);
    }
    return undefined;
  }
  if (typeof value === 'number') {
    // The number may already be rounded (1185.000000000000001 reads as 1185): its text is gone, so
    // the message names the form to use, not a string made from the number.
    report('AMOUNT_NOT_STRING', path, `${where} is the JSON number ${show(value)}: write a wage as a decimal string, with quotes, exactly as the source has it (e.g. "1800.50"); a JSON number can lose digits before it is read`);
    return undefined;
  }
  report('FIELD_TYPE', path, `${where} must be a decimal string such as "1800.50", got ${show(value)}`);
  return undefined;
}

/**
 * Checks hours per week: a finite number from 0 to 168. Codes: FIELD_TYPE, HOURS_NEGATIVE,
 * HOURS_OUT_OF_RANGE.
 *
 * @example
 * checkHoursField(35, ['spells', 0, 'hoursPerWeek'], report); // 35
 */
export function checkHoursField(value: unknown, path: readonly PathSegment[], report: Reporter): number | undefined {
  if (typeof value === 'number' && value >= 0 && value <= MAX_HOURS_PER_WEEK) return value;
  const where = formatPath(path);
  if (typeof value !== 'number') {
    report('FIELD_TYPE', path, `${where} must be a number of hours per week, got ${show(value)}`);
    return undefined;
  }
  if (value < 0) {
    report('HOURS_NEGATIVE', path, `${where} ${show(value)} is negative; hours per week must be 0 or more`);
    return undefined;
  }
  if (!(value <= MAX_HOURS_PER_WEEK)) {
    report('HOURS_OUT_OF_RANGE', path, `${where} ${show(value)} is not within 0 to ${MAX_HOURS_PER_WEEK} hours per week`);
    return undefined;
  }
  return value;
}

/**
 * Checks that a value is an array (FIELD_TYPE). Returns its own elements (a hole reads as
 * `undefined`, never through the prototype chain), or undefined after reporting.
 *
 * @example
 * checkArray('rsa', ['groups'], report); // undefined, reports FIELD_TYPE
 */
export function checkArray(value: unknown, path: readonly PathSegment[], report: Reporter): readonly unknown[] | undefined {
  if (Array.isArray(value)) return ownElements(value as readonly unknown[]);
  report('FIELD_TYPE', path, `${formatPath(path)} must be an array, got ${show(value)}`);
  return undefined;
}

/**
 * Checks that a value is a plain object (FIELD_TYPE, or RECORD_NOT_OBJECT at the record root).
 * Returns its own properties ({@link ownFields}): a field the object does not hold reads as
 * `undefined`, whatever `Object.prototype` holds.
 *
 * @example
 * checkObject(null, ['spells', 0], report); // undefined, reports FIELD_TYPE
 */
export function checkObject(
  value: unknown,
  path: readonly PathSegment[],
  report: Reporter,
): Record<string, unknown> | undefined {
  if (isPlainObject(value)) return ownFields(value);
  if (path.length === 0) report('RECORD_NOT_OBJECT', path, `the record must be a JSON object, got ${show(value)}`);
  else report('FIELD_TYPE', path, `${formatPath(path)} must be an object, got ${show(value)}`);
  return undefined;
}
