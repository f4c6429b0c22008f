/**
 * Exhaustiveness helper for discriminated unions.
 *
 * @module
 */
import { OutcomePayError } from '../errors.js';

/**
 * Marks a `switch` default that the type checker proves unreachable; throws `INTERNAL_UNREACHABLE`
 * if a value that bypassed validation gets there anyway.
 *
 * @example
 * switch (rule.kind) { ...; default: return unreachable(rule); }
 */
export function unreachable(value: never): never {
  throw new OutcomePayError('INTERNAL_UNREACHABLE', `unexpected variant ${JSON.stringify(value)}`);
}
