/**
 * The result of an operation on data that may be invalid.
 *
 * @module
 */
import { isErrorCode } from './codes/is-error-code.js';
import { isPath, type Issue } from './errors.js';
import { invalidArgument } from './guard.js';

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
 * Builds a failed {@link Result}. Throws {@link OutcomePayError} `ARGUMENT_INVALID` unless `issues`
 * is a non-empty array of issues whose codes are in the registry.
 *
 * @example
 * fail([{ code: 'DATE_FORMAT', path: ['asOf'], message: 'bad' }]); // { ok: false, issues: [...] }
 */
export function fail<T = never>(issues: readonly Issue[]): Result<T> {
  if (!Array.isArray(issues) || issues.length === 0) throw invalidArgument('fail', 'issues', 'a non-empty array of issues: a failure names at least one problem', issues);
  issues.forEach((issue: unknown, index) => {
    if (!isIssue(issue)) throw invalidArgument('fail', `issues[${String(index)}]`, 'an issue: { code, path, message } with a code of the registry', issue);
  });
  return { ok: false, issues };
}

/**
 * A result with the notices of an earlier step (such as `CONTRACT_UPGRADED` from
 * `parseContract`) kept in its `issues`: a successful result carries them, a failed one is
 * returned as it is (its problems are what matter). Internal: `settle` and `settleStream` pass the
 * contract's notices on through it.
 */
export function withNotices<T>(result: Result<T>, from: Result<unknown>): Result<T> {
  const notices = ownIssues(from);
  if (!result.ok || notices.length === 0) return result;
  return { ok: true, value: result.value, issues: [...notices, ...ownIssues(result)] };
}

/** A result's `issues` if it has them as its own property (an ok result may have none: never one of `Object.prototype`). */
function ownIssues(result: Result<unknown>): readonly Issue[] {
  return Object.hasOwn(result, 'issues') ? (result.issues ?? []) : [];
}

function isIssue(value: unknown): value is Issue {
  if (typeof value !== 'object' || value === null) return false;
  try {
    const { code, path, message } = value as Partial<Record<keyof Issue, unknown>>;
    return typeof code === 'string' && isErrorCode(code) && isPath(path) && typeof message === 'string';
  } catch {
    return false;
  }
}
