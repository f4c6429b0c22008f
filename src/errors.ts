/**
 * Errors and validation issues shared by every module.
 *
 * Bad *data* (a contract, a record, an amount typed by a user) is reported as a list of
 * {@link Issue}s inside a {@link Result}; nothing throws for it. An {@link OutcomePayError}
 * is thrown only when a caller misuses the API (passes a float where an amount string was
 * required, an impossible date to a calendar function, ...). Both carry a stable `code`.
 *
 * @module
 */

import type { ErrorCode } from './codes/index.js';
import { describeValue } from './describe-value.js';

/** One segment of a path into a JSON document: an object key or an array index. */
export type PathSegment = string | number;

/**
 * A problem found in input data.
 *
 * @example
 * const issue: Issue = {
 *   code: 'DATE_IMPOSSIBLE',
 *   path: ['cohorts', 0, 'enrolmentStart'],
 *   message: '"2023-02-29" is not a calendar date (2023 has no 29 February)',
 * };
 */
export interface Issue {
  /**
   * Stable, machine-readable code (UPPER_SNAKE_CASE), one of the registry's (docs/codes.md).
   * Never changes between versions.
   */
  readonly code: ErrorCode;
  /** Where the problem is, from the root of the document. */
  readonly path: readonly PathSegment[];
  /** A sentence for a person. May be reworded between versions; match on `code` instead. */
  readonly message: string;
  /** For record problems: the 0-based index of the record in its input. */
  readonly recordIndex?: number;
  /** For record problems: the participant id, when the record had a readable one. */
  readonly participantId?: string;
  /** For problems in a file: the 1-based line number. */
  readonly line?: number;
}

/**
 * Error thrown when the API is misused (not for bad data, which is reported as {@link Issue}s).
 *
 * @example
 * try {
 *   parseAmount(0.1);
 * } catch (error) {
 *   if (error instanceof OutcomePayError) console.log(error.code); // 'AMOUNT_FRACTIONAL_NUMBER'
 * }
 */
export class OutcomePayError extends Error {
  /** Stable, machine-readable code, one of the registry's (docs/codes.md). */
  readonly code: ErrorCode;
  /** Where the offending value was, when known. */
  readonly path: readonly PathSegment[];

  /**
   * @param code - stable machine-readable code
   * @param message - human-readable explanation naming the offending value
   * @param path - where the value was, when known
   */
  constructor(code: ErrorCode, message: string, path: readonly PathSegment[] = []) {
    super(typeof message === 'string' ? message : '');
    this.name = 'OutcomePayError';
    this.code = code;
    this.path = path;
    const misuse = constructorMisuse(code, message, path);
    if (misuse !== undefined) throw new OutcomePayError('ARGUMENT_INVALID', `new OutcomePayError: ${misuse}`, []);
  }
}

/**
 * The form of every code: UPPER_SNAKE_CASE, at least two words (`DATE_FORMAT`).
 *
 * The constructor checks a code's form, not that the registry holds it: checking the registry
 * would make every module that can throw (the money and calendar functions included) import the
 * whole registry of codes and its meanings, which a web application importing only `formatMoney`
 * would then carry (docs/browser.md, Size). The type `ErrorCode` still admits only registered
 * codes, and test/codes/registry.test.ts checks that every code written in the source is one.
 */
const CODE_FORM = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** What is wrong with the arguments of `new OutcomePayError`, if anything (its own arguments: it cannot use the shared checks, which throw it). */
function constructorMisuse(code: unknown, message: unknown, path: unknown): string | undefined {
  if (typeof code !== 'string' || !CODE_FORM.test(code)) return `code must be a code in UPPER_SNAKE_CASE such as "DATE_FORMAT" (docs/codes.md), not ${describeValue(code)}`;
  if (typeof message !== 'string') return `message must be a string, not ${describeValue(message)}`;
  if (!isPath(path)) return `path must be an array of keys (strings) and indexes (whole numbers from 0), not ${describeValue(path)}`;
  return undefined;
}

/**
 * True for a path: an array of object keys (strings) and array indexes (whole numbers from 0).
 * False for anything else, a Proxy that throws included.
 *
 * @example
 * isPath(['records', 3, 'spells']); // true
 * isPath('records');                // false
 */
export function isPath(value: unknown): value is readonly PathSegment[] {
  try {
    return Array.isArray(value) && value.every((segment: unknown) => typeof segment === 'string' || (typeof segment === 'number' && Number.isSafeInteger(segment) && segment >= 0));
  } catch {
    return false;
  }
}

/**
 * Formats a path as `a.b[0].c` for messages.
 *
 * @example
 * formatPath(['records', 3, 'spells', 0, 'start']); // 'records[3].spells[0].start'
 */
export function formatPath(path: readonly PathSegment[]): string {
  if (!isPath(path)) {
    throw new OutcomePayError('ARGUMENT_INVALID', `formatPath: path must be an array of keys (strings) and indexes (whole numbers from 0), not ${describeValue(path)}`, []);
  }
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out === '' ? '(root)' : out;
}
