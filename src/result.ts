/**
 * The result of an operation on data that may be invalid.
 *
 * @module
 */
import type { Issue } from './errors.js';

/**
 * Either a value, or every problem found. Functions that take data never throw for bad data;
 * they return `{ ok: false, issues }`.
 *
 * @example
 * const result = parseContract(json);
 * if (result.ok) use(result.value);
 * else for (const issue of result.issues) console.error(issue.code, issue.message);
 */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly issues?: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Builds a successful {@link Result}.
 *
 * @example
 * ok(42); // { ok: true, value: 42 }
 */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/**
 * Builds a failed {@link Result}.
 *
 * @example
 * fail([{ code: 'X', path: [], message: 'bad' }]); // { ok: false, issues: [...] }
 */
export function fail<T = never>(issues: readonly Issue[]): Result<T> {
  return { ok: false, issues };
}
