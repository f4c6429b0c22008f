/**
 * The checks at the entry of the public functions. An argument of the wrong type is a misuse of
 * the API: it is thrown as an {@link OutcomePayError} whose message names the function and the
 * argument (`ARGUMENT_INVALID`, or the code an area has for its own misuse, such as
 * `CALENDAR_ARGUMENT_INVALID`), never left to fail deep inside as a `TypeError`, or to give a
 * `NaN`. Each check runs once per call, on the argument itself, never on every record; a value is
 * described without calling anything of it (no `toString`, no getter), so a hostile object
 * cannot throw from the description. Data (a contract, records, settlement options) is not
 * checked here: its problems, whatever its type, are issues (README.md, "Errors").
 *
 * @module
 */
import type { ErrorCode } from './codes/index.js';
import { describeValue } from './describe-value.js';
import { OutcomePayError, isPath, type PathSegment } from './errors.js';
import { memberOf, ownFields } from './own-data.js';

export { describeValue } from './describe-value.js';

/**
 * The error of an argument of the wrong type: `<where>: <name> must be <expected>, not <value>`,
 * with the path `[name]`.
 *
 * @param where - the function (or `session.add`, ...) that was called
 * @param name - the argument, or `options.mode` for a field of one
 * @param expected - what it must be, such as `'a string'`
 * @param value - what it was
 * @param code - the area's misuse code, `ARGUMENT_INVALID` by default
 * @example
 * throw invalidArgument('detectFormat', 'fileName', 'a string', 42);
 * // OutcomePayError ARGUMENT_INVALID: 'detectFormat: fileName must be a string, not the number 42'
 */
export function invalidArgument(where: string, name: string, expected: string, value: unknown, code: ErrorCode = 'ARGUMENT_INVALID'): OutcomePayError {
  return new OutcomePayError(code, `${where}: ${name} must be ${expected}, not ${describeValue(value)}`, name.split('.'));
}

/**
 * The error of an argument that could not be read (a getter or a Proxy threw).
 *
 * @example
 * throw unreadableArgument('validateRecords', 'options', new Error('boom'));
 * // 'validateRecords: options could not be read (boom)'
 */
export function unreadableArgument(where: string, name: string, error: unknown, code: ErrorCode = 'ARGUMENT_INVALID'): OutcomePayError {
  return new OutcomePayError(code, `${where}: ${name} could not be read (${thrownReason(error)})`, name.split('.'));
}

/**
 * What a thrown value says, for a message: its message if it is an Error, else its type. Never
 * throws.
 *
 * @example
 * thrownReason(new Error('getter threw')); // 'getter threw'
 */
export function thrownReason(error: unknown): string {
  try {
    if (error instanceof Error) return error.message;
  } catch {
    // a Proxy as the thrown value
  }
  return `a thrown ${describeValue(error)}`;
}

/** True for an object that is not an array nor a function (a record, options, a contract). */
export function isObjectValue(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Throws unless `value` is a string.
 *
 * @example
 * expectString('detectFormat', 'fileName', 'records.csv'); // passes
 */
export function expectString(where: string, name: string, value: unknown, code?: ErrorCode): asserts value is string {
  if (typeof value !== 'string') throw invalidArgument(where, name, 'a string', value, code);
}

/**
 * Throws unless `value` is text: a string or a `Uint8Array` of UTF-8 bytes (a Node `Buffer` is one).
 *
 * @example
 * expectText('readCsvRecords', 'text', readFileSync('records.csv')); // passes
 */
export function expectText(where: string, name: string, value: unknown): asserts value is string | Uint8Array {
  if (typeof value !== 'string' && !isBytes(value)) throw invalidArgument(where, name, 'a string or a Uint8Array of UTF-8 bytes', value);
}

/**
 * True for a `Uint8Array` (a Node `Buffer` is one); false for anything else, a Proxy included.
 *
 * @example
 * isBytes(new Uint8Array(2)); // true
 */
export function isBytes(value: unknown): value is Uint8Array {
  try {
    return value instanceof Uint8Array;
  } catch {
    return false;
  }
}

/**
 * Throws unless `value` is a safe integer, at least `min` when given.
 *
 * @example
 * expectInteger('readRun', 'offset', 0, 0); // passes
 */
export function expectInteger(where: string, name: string, value: unknown, min?: number, code?: ErrorCode): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || (min !== undefined && value < min)) {
    throw invalidArgument(where, name, min === undefined ? 'a whole number' : `a whole number from ${String(min)}`, value, code);
  }
}

/**
 * Throws unless `value` is an object (not `null`, not an array, not a function).
 *
 * @example
 * expectObject('statusAt', 'resolution', resolution); // passes
 */
export function expectObject(where: string, name: string, value: unknown, expected = 'an object'): asserts value is Record<string, unknown> {
  if (!isObjectValue(value)) throw invalidArgument(where, name, expected, value);
}

/**
 * Throws unless `value` is an array.
 *
 * @example
 * expectArray('fail', 'issues', []); // passes
 */
export function expectArray(where: string, name: string, value: unknown, expected = 'an array'): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) throw invalidArgument(where, name, expected, value);
}

/**
 * Throws unless `value` is a function.
 *
 * @example
 * expectFunction('finishDelivering', 'delivered.each', () => Promise.resolve()); // passes
 */
export function expectFunction(where: string, name: string, value: unknown): asserts value is (...args: never[]) => unknown {
  if (typeof value !== 'function') throw invalidArgument(where, name, 'a function', value);
}

/**
 * True for an async iterable (an object with a `Symbol.asyncIterator` method, such as a Node
 * stream or an async generator); false for anything else, a Proxy that throws included.
 *
 * @example
 * isAsyncIterable(createReadStream('records.csv')); // true
 */
export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  try {
    return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function';
  } catch {
    return false;
  }
}

/**
 * Throws unless `value` is a path (`['records', 3, 'spells']`).
 *
 * @example
 * expectPath('checkAmount', 'path', ['price']); // passes
 */
export function expectPath(where: string, name: string, value: unknown): asserts value is readonly PathSegment[] {
  if (!isPath(value)) throw invalidArgument(where, name, 'a path: an array of keys (strings) and indexes (whole numbers from 0)', value);
}

/**
 * Throws unless `value` is one of `allowed` (compared with `===`).
 *
 * @example
 * expectOneOf('readRecords', 'format', 'csv', ['json', 'ndjson', 'csv']); // passes
 */
export function expectOneOf<T extends string>(where: string, name: string, value: unknown, allowed: readonly T[], code?: ErrorCode): asserts value is T {
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw invalidArgument(where, name, `one of ${allowed.map((item) => JSON.stringify(item)).join(', ')}`, value, code);
  }
}

/** A field of an object argument, the test its value must pass (`undefined` when absent), and what it must be. */
export type FieldCheck = readonly [key: string, test: (value: unknown) => boolean, expected: string];

/**
 * Throws unless `value` is an object each listed field of which passes its test, naming the first
 * field that does not (`<name>.<field>`), or the argument when it is not an object or cannot be
 * read. For the objects the library makes and takes back (a parsed contract, checked options, a
 * session's data-quality counts): their shape is checked, not their content. A field is read as
 * an own property or one of the object's class, never from `Object.prototype` (`memberOf`).
 *
 * @param what - what the object is, for the message: `'checked options (from checkOptions)'`
 * @example
 * expectFields('openSession', 'options', checked, 'checked options', [['asOf', isWhole(), 'a day number']]);
 */
export function expectFields(where: string, name: string, value: unknown, what: string, fields: readonly FieldCheck[]): asserts value is Record<string, unknown> {
  if (!isObjectValue(value)) throw invalidArgument(where, name, what, value);
  let wrong: readonly [string, string, unknown] | undefined;
  try {
    for (const [key, test, expected] of fields) {
      const field = memberOf(value, key); // never a field of Object.prototype
      if (!test(field)) {
        wrong = [key, expected, field];
        break;
      }
    }
  } catch (error) {
    throw unreadableArgument(where, name, error);
  }
  if (wrong !== undefined) throw invalidArgument(where, `${name}.${wrong[0]}`, `${wrong[1]} in ${what}`, wrong[2]);
}

/**
 * Tests for {@link expectFields}.
 *
 * @example
 * is.optional(is.string)(undefined); // true
 */
export const is = {
  string: (value: unknown): boolean => typeof value === 'string',
  boolean: (value: unknown): boolean => typeof value === 'boolean',
  array: (value: unknown): boolean => Array.isArray(value),
  object: (value: unknown): boolean => isObjectValue(value),
  /** A safe integer from `min` (default: any). */
  whole: (min?: number) => (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value) && (min === undefined || value >= min),
  /** An object with a method of that name (a Map's `get`, a Set's `has`). */
  withMethod: (method: string) => (value: unknown): boolean => isObjectValue(value) && typeof memberOf(value, method) === 'function',
  oneOf: (...values: readonly unknown[]) => (value: unknown): boolean => values.includes(value),
  optional: (test: (value: unknown) => boolean) => (value: unknown): boolean => value === undefined || test(value),
} as const;

/**
 * Reads the fields of an object given as an argument, once: `undefined` reads as no field (an
 * object without a prototype, so nothing of `Object.prototype` is read as a field); anything
 * but a plain object (an array, a `Map`, a string), a field not in `keys`, or an object that
 * throws when read (a getter, a Proxy) is refused. Later reads use the copy, so a getter runs
 * once and cannot change its answer between two reads.
 *
 * @param where - the function called
 * @param name - the argument (`'options'`)
 * @param value - what was given
 * @param keys - the fields it may have
 * @example
 * const { mode } = readFields('validateRecords', 'options', { mode: 'lenient' }, ['mode', 'lines']);
 */
export function readFields<K extends string>(where: string, name: string, value: unknown, keys: readonly K[]): Partial<Record<K, unknown>> {
  // without a prototype, as readOwnFields' copies are: a field not given reads as undefined
  if (value === undefined) return Object.create(null) as Partial<Record<K, unknown>>;
  const read = readOwnFields(value);
  if (read.error !== undefined) throw unreadableArgument(where, name, read.error);
  if (read.fields === undefined) throw invalidArgument(where, name, `an object with the fields ${keys.join(', ')}`, value);
  const allowed: ReadonlySet<string> = new Set(keys);
  for (const key of Object.keys(read.fields)) {
    if (!allowed.has(key)) {
      throw new OutcomePayError('ARGUMENT_INVALID', `${where}: ${name} has no field ${JSON.stringify(key)}; its fields are ${keys.join(', ')}`, [...name.split('.'), key]);
    }
  }
  return read.fields as Partial<Record<K, unknown>>;
}

/**
 * True for a plain object: `{}`, an object made by a class of the caller's, an object without a
 * prototype (`[object Object]`); false for an array, a `Map`, a `Decimal`, a `Date`, a value that
 * is not an object, and an object that cannot be read.
 *
 * @example
 * isPlainObject({ asOf: '2025-06-30' }); // true
 * isPlainObject(new Map());              // false
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObjectValue(value)) return false;
  try {
    return isPlainTag(value);
  } catch {
    return false;
  }
}

function isPlainTag(value: object): boolean {
  return Object.prototype.toString.call(value) === '[object Object]';
}

/**
 * What {@link readOwnFields} found: the fields, or what reading them threw, or neither for a value
 * that is not a plain object. Both keys are always present (`undefined` when they do not apply).
 */
export interface OwnFields {
  readonly fields: Readonly<Record<string, unknown>> | undefined;
  readonly error: unknown;
}

/**
 * Copies the own enumerable fields of a plain object (`[object Object]`: not an array, a `Map`,
 * a `Decimal`) into an object without a prototype (`ownFields`: a field not given reads as
 * `undefined`, whatever `Object.prototype` holds), without throwing: what a getter or a Proxy
 * threw is returned instead.
 *
 * @example
 * readOwnFields({ asOf: '2025-06-30' }); // { fields: { asOf: '2025-06-30' }, error: undefined }
 * readOwnFields(new Map());              // { fields: undefined, error: undefined }
 */
export function readOwnFields(value: unknown): OwnFields {
  if (!isObjectValue(value)) return NOT_PLAIN;
  try {
    if (!isPlainTag(value)) return NOT_PLAIN;
    return { fields: ownFields(value), error: undefined };
  } catch (error) {
    return { fields: undefined, error };
  }
}

const NOT_PLAIN: OwnFields = { fields: undefined, error: undefined };
