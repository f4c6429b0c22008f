/**
 * The options of every zod parse of outcome-pay: English messages for the problems zod finds,
 * given per parse. `zod/mini` installs no messages (a problem would read "Invalid input"), and
 * `z.config` would set them for every user of zod in the process (global state): each parse
 * passes them instead. A message a schema states itself (`{ error: ... }`) still wins over these.
 *
 * The messages are outcome-pay's own, worded as its other messages are ("expected a string, got
 * the number 1"), and short: zod's English locale (`zod/v4/locales/en.js`) would add about 1 KB
 * gzip to the core a browser bundles (docs/browser.md, Size), for kinds of problem (ISO dates,
 * e-mail addresses, file sizes) outcome-pay's schemas never raise.
 *
 * @module
 */
import type { z } from 'zod/mini';
import { describeValue } from '../describe-value.js';

/** A literal of an enum or literal schema as a message writes it: `"exit"`, `2`, `true`. */
function literal(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * A kind of value zod expected, as a message names it: `an object`, `a list` (an array), `a
 * string`, `an integer`.
 *
 * @example
 * kindWithArticle('array'); // 'a list'
 */
export function kindWithArticle(kind: string): string {
  if (kind === 'int') return 'an integer';
  if (kind === 'array') return 'a list';
  return `${/^[aeiou]/u.test(kind) ? 'an' : 'a'} ${kind}`;
}

/** A bound of too_small / too_big: `at least 1 item(s)`, `at most 500 character(s)`, `more than 0`. */
function bound(issue: { origin: string; inclusive?: boolean }, limit: unknown, inclusive: string, exclusive: string): string {
  const unit = issue.origin === 'array' || issue.origin === 'set' ? ' item(s)' : issue.origin === 'string' ? ' character(s)' : '';
  return `${issue.inclusive === false ? exclusive : inclusive} ${String(limit)}${unit}`;
}

/** The value of an object's discriminator, as a message describes it (`undefined` when absent). */
function discriminatorOf(input: unknown, key: string): string {
  try {
    return describeValue(typeof input === 'object' && input !== null && Object.hasOwn(input, key) ? (input as Record<string, unknown>)[key] : undefined);
  } catch {
    return 'a value that cannot be read';
  }
}

/**
 * The English message of a problem zod found, for the schemas of outcome-pay: every kind of issue
 * zod 4 raises has one, and each names the value it is about ("expected a string, got the number
 * 1"), so it reads whole after a field's path, except a bad format: its message is a
 * predicate ("does not have the expected form"), as a schema's own message for a pattern or a
 * refinement is ("must be a calendar date written YYYY-MM-DD"), and the caller names the value.
 */
const ENGLISH: z.core.$ZodErrorMap = (issue) => {
  const got = describeValue(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `missing (${kindWithArticle(issue.expected)} expected)` : `expected ${kindWithArticle(issue.expected)}, got ${got}`;
    case 'invalid_value':
      return `expected ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map(literal).join(', ')}, got ${got}`;
    case 'too_small':
      return `${got} is too small: ${bound(issue, issue.minimum, 'at least', 'more than')} expected`;
    case 'too_big':
      return `${got} is too big: ${bound(issue, issue.maximum, 'at most', 'less than')} expected`;
    case 'invalid_format':
      // a predicate, as a pattern's own message is: the caller names the value
      return issue.format === 'regex' ? 'does not have the expected form' : `is not a valid ${issue.format}`;
    case 'not_multiple_of':
      return `${got} is not a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `unknown key(s) ${issue.keys.map(literal).join(', ')} (check the spelling)`;
    case 'invalid_union':
      return issue.discriminator !== undefined && Array.isArray(issue.options) && issue.options.length > 0
        ? `expected one of ${issue.options.map(literal).join(', ')}, got ${discriminatorOf(issue.input, issue.discriminator)}`
        : `${got} matches none of the allowed forms`;
    case 'invalid_key':
      return `${got} has a key that is not allowed`;
    case 'invalid_element':
      return `${got} has an element that is not allowed`;
    default:
      return `${got} is not valid`;
  }
};

/**
 * The parse options that give English messages (and, with `reportInput`, the input of each
 * issue). A new object each call: zod writes into the options it is given.
 *
 * @example
 * const parsed = ContractSchema.safeParse(input, inEnglish({ reportInput: true }));
 */
export function inEnglish(options: { readonly reportInput?: boolean } = {}): z.core.ParseContext<z.core.$ZodIssue> {
  return options.reportInput === true ? { error: ENGLISH, reportInput: true } : { error: ENGLISH };
}
