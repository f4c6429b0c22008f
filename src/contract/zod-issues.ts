/**
 * Turns zod issues into outcome-pay {@link Issue}s with stable codes and messages that name the
 * offending field and value.
 *
 * @module
 */
import { hasOwn } from '../own-data.js';
import type { z } from 'zod/mini';
import { formatPath, type Issue, type PathSegment } from '../errors.js';
import type { ContractIssueCode } from '../codes/index.js';
import { isErrorCode } from '../codes/is-error-code.js';
import { AMOUNT_DECIMALS_PATTERN, AMOUNT_MAGNITUDE_PATTERN } from '../money/limits.js';
import { EARLIER_SCHEMA_VERSIONS } from './migrate.js';
import { CURRENCY_PATTERN, DATE_PATTERN, DECIMAL_PATTERN, ID_PATTERN, SHARE_PATTERN } from './primitives.js';

const FORMAT_CODES: ReadonlyMap<string, ContractIssueCode> = new Map([
  [String(DATE_PATTERN), 'DATE_FORMAT'],
  [String(DECIMAL_PATTERN), 'AMOUNT_FORMAT'],
  [String(SHARE_PATTERN), 'AMOUNT_FORMAT'],
  [String(AMOUNT_MAGNITUDE_PATTERN), 'AMOUNT_TOO_LARGE'],
  [String(AMOUNT_DECIMALS_PATTERN), 'AMOUNT_TOO_PRECISE'],
  [String(ID_PATTERN), 'CONTRACT_ID_FORMAT'],
  [String(CURRENCY_PATTERN), 'CURRENCY_FORMAT'],
]);

function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return `${String(value)}n`;
  return `a ${typeof value}`;
}

function toPath(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
}

function make(code: ContractIssueCode, path: readonly PathSegment[], message: string): Issue {
  return { code, path, message: `${formatPath(path)}: ${message}` };
}

/**
 * The code a refinement of the schema names in its `params.code` (an own property; the schema's
 * refinements name contract codes only, test/codes/registry.test.ts), else `CONTRACT_INVALID`.
 */
function customCode(params: Readonly<Record<string, unknown>> | undefined): ContractIssueCode {
  const code = params !== undefined && hasOwn(params, 'code') ? params['code'] : undefined;
  return typeof code === 'string' && isErrorCode(code) ? (code as ContractIssueCode) : 'CONTRACT_INVALID';
}

/**
 * Maps one zod issue to one or more {@link Issue}s (one per unknown key). Unknown keys that are
 * forbidden names are left out: they are reported as `FORBIDDEN_KEY` already.
 *
 * @example
 * const parsed = ContractSchema.safeParse(input, { reportInput: true });
 * if (!parsed.success) parsed.error.issues.flatMap((i) => fromZodIssue(i, new Set()));
 */
export function fromZodIssue(issue: z.core.$ZodIssue, forbidden: ReadonlySet<string>): Issue[] {
  const path = toPath(issue.path);
  const input: unknown = issue.input;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys
        .filter((key) => !forbidden.has(key))
        .map((key) => make('CONTRACT_UNKNOWN_KEY', [...path, key], `unknown key "${key}" (check its spelling)`));
    case 'invalid_type':
      if (input === undefined) return [make('CONTRACT_REQUIRED', path, `required ${issue.expected} is missing`)];
      return [make('CONTRACT_TYPE', path, `expected ${issue.expected}, got ${describeValue(input)}`)];
    case 'invalid_value': {
      if (input === undefined) return [make('CONTRACT_REQUIRED', path, 'required field is missing')];
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      if (path.length === 1 && path[0] === 'schemaVersion') {
        const earlier = EARLIER_SCHEMA_VERSIONS.map((version) => JSON.stringify(version)).join(', ');
        return [make('CONTRACT_SCHEMA_VERSION', path, `schemaVersion ${describeValue(input)} is not supported; expected ${allowed} (or ${earlier}, read and upgraded)`)];
      }
      return [make('CONTRACT_ENUM', path, `${describeValue(input)} is not one of ${allowed}`)];
    }
    case 'invalid_union': {
      if (issue.discriminator !== undefined && issue.errors.length === 0) {
        const value: unknown =
          typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[issue.discriminator] : undefined;
        const listed: readonly unknown[] = 'options' in issue && hasOwn(issue, 'options') ? (issue.options ?? []) : [];
        const options = listed.map((v) => JSON.stringify(v)).join(', ');
        if (value === undefined) return [make('CONTRACT_REQUIRED', path, `required "${issue.discriminator}" is missing; one of ${options}`)];
        return [make('CONTRACT_UNKNOWN_KIND', path, `${describeValue(value)} is not one of ${options}`)];
      }
      return [make('CONTRACT_INVALID', path, `${describeValue(input)} matches none of the allowed forms`)];
    }
    case 'invalid_format': {
      const code = (issue.pattern !== undefined ? FORMAT_CODES.get(issue.pattern) : undefined) ?? 'CONTRACT_INVALID';
      return [make(code, path, `${describeValue(input)} ${issue.message}`)];
    }
    case 'too_small':
      return [make('CONTRACT_TOO_SMALL', path, `${describeValue(input)} is too small: ${issue.origin === 'array' ? 'at least' : 'minimum'} ${String(issue.minimum)}${issue.origin === 'array' ? ' item(s) required' : ''}`)];
    case 'too_big':
      return [make('CONTRACT_TOO_BIG', path, `${describeValue(input)} is too big: maximum ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : ''}`)];
    case 'custom':
      return [make(customCode(issue.params), path, issue.message)];
    case 'not_multiple_of':
    case 'invalid_key':
    case 'invalid_element':
      return [make('CONTRACT_INVALID', path, issue.message)];
    default: {
      const unexpected: never = issue;
      return [make('CONTRACT_INVALID', path, `unexpected problem "${(unexpected as { code: string }).code}"`)];
    }
  }
}
