/**
 * Own properties only: what the library reads of a value it is given. A property that an object
 * inherits (from `Object.prototype`, where another library or a prototype-pollution bug may have
 * put it, or from any other prototype) is never data: `({}).end` must not be read as the end of a
 * period because `Object.prototype.end` happens to exist. Inputs are read through these helpers
 * at the library's boundaries (contracts, records, options, previous settlements, indicators);
 * see docs/reliability.md, "Inherited properties".
 *
 * @module
 */

/**
 * Stands for a value that cannot be copied as data: one that contains itself (a cycle) or is
 * nested deeper than {@link MAX_OWN_DEPTH}. A symbol, so every schema refuses it where data is
 * expected.
 *
 * @example
 * const looped: Record<string, unknown> = {};
 * looped['self'] = looped;
 * (ownData(looped) as Record<string, unknown>)['self'] === NOT_DATA; // true
 */
export const NOT_DATA: unique symbol = Symbol('outcome-pay: not data (a cycle, or nested too deep)');

/** Deepest nesting {@link ownData} copies (JSON inputs the library reads are far shallower). */
export const MAX_OWN_DEPTH = 256;

// called with .call(object, key) only; V8 folds it into a for...in loop's map check
// eslint-disable-next-line @typescript-eslint/unbound-method
const hasOwnProperty = Object.prototype.hasOwnProperty;

/**
 * True when `key` is an own property of `object` (`Object.prototype.hasOwnProperty`, captured at
 * load, so a later change to `Object.prototype` does not change it).
 *
 * @example
 * hasOwn({ end: '2024-01-01' }, 'end'); // true
 * hasOwn({}, 'toString');               // false
 */
export function hasOwn(object: object, key: PropertyKey): boolean {
  return hasOwnProperty.call(object, key);
}

/**
 * A member of `object`: its own property `key`, or one of a prototype it inherits from (a class
 * method or getter), but never one of the prototype that ends the chain (`Object.prototype`, of
 * this realm or another). For the values the library takes and may be class instances (a storage, a `Set`'s
 * `has`, a session); data is read with {@link ownFields}.
 *
 * @example
 * class Store { openSpill() { return spill; } }
 * memberOf(new Store(), 'openSpill'); // the class method
 * memberOf({}, 'openSpill');          // undefined, even with Object.prototype.openSpill defined
 */
export function memberOf(object: object, key: PropertyKey): unknown {
  for (let at: object = object; ; ) {
    if (hasOwnProperty.call(at, key)) return (object as Record<PropertyKey, unknown>)[key];
    const next = Object.getPrototypeOf(at) as object | null;
    // the end of the chain is Object.prototype (of this realm or another one): not read
    if (next === null || Object.getPrototypeOf(next) === null) return undefined;
    at = next;
  }
}

/**
 * `object[key]` when it is an own property of `object`, else `undefined`: reads an optional
 * field of an object that may lack it (an issue without a line) without reaching the prototype.
 *
 * @example
 * ownValue({ code: 'X', path: [], message: 'm' } as Issue, 'line'); // undefined
 */
export function ownValue<T extends object, K extends keyof T>(object: T, key: K): T[K] | undefined {
  return hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/**
 * The own enumerable string-keyed properties of `object`, in an object without a prototype: a
 * key it does not hold reads as `undefined`, whatever `Object.prototype` holds. One level only
 * (values are not copied). A `"__proto__"` key (which `JSON.parse` creates as an own property)
 * stays an ordinary own key, so checks for forbidden keys still see it.
 *
 * @example
 * const fields = ownFields(JSON.parse('{"asOf":"2025-06-30"}'));
 * fields['detail']; // undefined, even with Object.prototype.detail defined
 */
export function ownFields(object: object): Record<string, unknown> {
  const copy = Object.create(null) as Record<string, unknown>;
  const source = object as Record<string, unknown>;
  for (const key of Object.keys(source)) copy[key] = source[key];
  return copy;
}

/**
 * The elements of an array as an array of exactly its length, a hole (no own element) read as
 * `undefined` rather than through the prototype chain.
 *
 * @example
 * ownElements(['a', , 'c']); // ['a', undefined, 'c']
 */
export function ownElements(array: readonly unknown[]): unknown[] {
  const copy = new Array<unknown>(array.length);
  for (let i = 0; i < array.length; i++) copy[i] = hasOwnProperty.call(array, i) ? array[i] : undefined;
  return copy;
}

/**
 * A deep copy of a JSON-like value holding only own data: every object becomes an object
 * without a prototype holding its own enumerable string-keyed properties ({@link ownFields}),
 * every array an array of its own elements ({@link ownElements}); other values are kept as they
 * are. A value that contains itself, or is nested deeper than {@link MAX_OWN_DEPTH}, is replaced
 * by {@link NOT_DATA} there, which no schema accepts. Validating the copy, rather than the value
 * given, is what makes a validator read own properties only (zod reads `input[key]` for each key
 * of a shape, which would find an inherited property).
 *
 * @example
 * Object.defineProperty(Object.prototype, 'end', { value: '2023-01-01', configurable: true });
 * const copy = ownData({ start: '2024-01-01' }) as Record<string, unknown>;
 * copy['end']; // undefined
 */
export function ownData(value: unknown): unknown {
  const onPath = new Set<object>();
  const copy = (item: unknown, depth: number): unknown => {
    if (typeof item !== 'object' || item === null) return item;
    if (depth > MAX_OWN_DEPTH || onPath.has(item)) return NOT_DATA;
    onPath.add(item);
    let out: unknown;
    if (Array.isArray(item)) {
      const elements = ownElements(item);
      for (let i = 0; i < elements.length; i++) elements[i] = copy(elements[i], depth + 1);
      out = elements;
    } else {
      const fields = ownFields(item);
      for (const key of Object.keys(fields)) fields[key] = copy(fields[key], depth + 1);
      out = fields;
    }
    onPath.delete(item);
    return out;
  };
  return copy(value, 0);
}
