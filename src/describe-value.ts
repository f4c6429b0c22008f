/**
 * Values described for messages, safely: the one place that turns an argument of any type into
 * words, used by the checks at the API's entry and by {@link OutcomePayError}'s own.
 *
 * @module
 */

/** The longest text of a string shown in a message. */
const SHOWN_CHARS = 40;

/**
 * A short description of any value for a message: its type, and a string, number or bigint
 * itself (a string cut to 40 characters). Never throws, whatever the value (a Proxy, an object
 * with throwing getters, a symbol).
 *
 * @example
 * describeValue(null);        // 'null'
 * describeValue('2024-1-1');  // 'the string "2024-1-1"'
 * describeValue([1, 2]);      // 'an array'
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > SHOWN_CHARS ? `${value.slice(0, SHOWN_CHARS)}...` : value)}`;
    case 'number':
      return `the number ${String(value)}`;
    case 'bigint':
      return `the bigint ${value.toString()}n`;
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      return value === null ? 'null' : describeObject(value as object);
  }
}

function describeObject(value: object): string {
  try {
    if (Array.isArray(value)) return 'an array';
    const tag = Object.prototype.toString.call(value).slice(8, -1);
    return tag === 'Object' ? 'an object' : `an object (${tag})`;
  } catch {
    return 'an object that cannot be read';
  }
}
