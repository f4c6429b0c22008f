/**
 * A type helper making a JSON-like type readonly all the way down.
 *
 * @module
 */

/**
 * `T` with every property and array readonly, recursively.
 *
 * @example
 * type Frozen = DeepReadonly<{ a: { b: string[] } }>; // { readonly a: { readonly b: readonly string[] } }
 */
export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
