/**
 * Deep freezing of parsed values.
 *
 * @module
 */
import type { DeepReadonly } from './deep-readonly.js';

/**
 * Freezes `value` and every object and array inside it; returns it typed deeply readonly.
 *
 * @example
 * const frozen = deepFreeze({ a: [1] });
 * Object.isFrozen(frozen.a); // true
 */
export function deepFreeze<T>(value: T): DeepReadonly<T> {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value as DeepReadonly<T>;
}
