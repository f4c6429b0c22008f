/**
 * Shared syntax rules for outcome records, used by both the zod schema and the fast hand-written
 * validator so the two cannot drift apart.
 *
 * @module
 */

/**
 * A non-negative decimal amount as written in a record: digits, optionally a dot and more digits.
 * No sign, no exponent, no thousands separator, no leading dot.
 *
 * @example
 * WAGE_PATTERN.test('1800.50'); // true
 * WAGE_PATTERN.test('-5');      // false (negative wages are an issue, code AMOUNT_NEGATIVE)
 */
export const WAGE_PATTERN = /^\d+(\.\d+)?$/;

/**
 * A negative decimal amount: recognised only to report it precisely as AMOUNT_NEGATIVE.
 *
 * @example
 * NEGATIVE_WAGE_PATTERN.test('-1800.50'); // true
 */
export const NEGATIVE_WAGE_PATTERN = /^-\d+(\.\d+)?$/;

/**
 * An event kind: lower-case kebab-case, so it can also be a CSV column name (`event_<kind>`).
 *
 * @example
 * EVENT_KIND_PATTERN.test('training-completed'); // true
 * EVENT_KIND_PATTERN.test('Training Completed'); // false
 */
export const EVENT_KIND_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * A plain calendar date `YYYY-MM-DD` (syntax only; validity is checked by the calendar core).
 *
 * @example
 * PLAIN_DATE_PATTERN.test('2024-02-29'); // true
 * PLAIN_DATE_PATTERN.test('2024-02-29T00:00:00Z'); // false
 */
export const PLAIN_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The most hours a week has (7 × 24). `hoursPerWeek` must lie in `[0, MAX_HOURS_PER_WEEK]`.
 *
 * @example
 * MAX_HOURS_PER_WEEK; // 168
 */
export const MAX_HOURS_PER_WEEK = 168;

/**
 * Object keys refused anywhere in a record (prototype-pollution vectors), code FORBIDDEN_KEY.
 *
 * @example
 * FORBIDDEN_KEYS.has('__proto__'); // true
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
