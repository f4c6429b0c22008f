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

/**
 * The characters a participant id may not hold (code ID_CONTROL_CHARACTER), as the ranges of a
 * regular-expression character class:
 * control characters (C0 U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F) and the invisible formatting
 * characters that would show an id as another one: soft hyphen U+00AD, Arabic letter mark U+061C,
 * Mongolian vowel separator U+180E, zero-width space, non-joiner, joiner and the left-to-right and
 * right-to-left marks U+200B–U+200F, line and paragraph separators and bidirectional embeddings and
 * overrides U+2028–U+202E, word joiner and invisible operators U+2060–U+2064, bidirectional
 * isolates and deprecated format characters U+2066–U+206F, zero-width no-break space U+FEFF.
 * `"P\u202E800"` is shown as `P008`: taken as an id, it would be paid beside the real P008 with no
 * DUPLICATE_ID. {@link hasIdControlCharacter} tests the same set.
 *
 * @example
 * new RegExp(`[${ID_CONTROL_CHARACTERS}]`).test('P\u202E800'); // true
 */
export const ID_CONTROL_CHARACTERS = '\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff';

/**
 * A participant id in the schema (and the published JSON Schema, whose validators all read `\uXXXX`
 * escapes): no character of {@link ID_CONTROL_CHARACTERS}.
 *
 * @example
 * ID_PATTERN.test('P-0042'); // true
 * ID_PATTERN.test('P\u0000'); // false
 */
export const ID_PATTERN = new RegExp(`^[^${ID_CONTROL_CHARACTERS}]*$`);

/**
 * True when `id` holds a character of {@link ID_CONTROL_CHARACTERS} (one comparison per character
 * for the printable ASCII ids of the fast paths).
 *
 * @example
 * hasIdControlCharacter('P008');       // false
 * hasIdControlCharacter('P\u200B008'); // true (a zero-width space)
 */
export function hasIdControlCharacter(id: string): boolean {
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && isIdControlCode(c))) return true;
  }
  return false;
}

function isIdControlCode(c: number): boolean {
  if (c <= 0x9f) return true;
  if (c < 0x2000) return c === 0xad || c === 0x61c || c === 0x180e;
  return (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x206f) || c === 0xfeff;
}
