/**
 * The checks at the entry of the functions that take a parsed contract or one of its outcomes:
 * what `parseContract` returned, not the JSON it read.
 *
 * @module
 */
import { invalidArgument, isObjectValue, unreadableArgument } from '../guard.js';
import { OutcomeSchema } from './outcomes.js';
import type { Contract, Outcome } from './schema.js';

/** The fields of a parsed contract checked at its top level, and the JavaScript type each has. */
const CONTRACT_FIELDS: readonly (readonly [string, 'string' | 'object' | 'array', boolean])[] = [
  ['id', 'string', true],
  ['currency', 'string', true],
  ['rounding', 'string', true],
  ['period', 'object', true],
  ['parties', 'object', true],
  ['cohorts', 'array', true],
  ['groups', 'array', false],
  ['outcomes', 'array', true],
  ['rules', 'array', true],
  ['caps', 'array', false],
  ['tranches', 'array', true],
  ['exitClauses', 'array', false],
  ['reinvestment', 'array', false],
  ['hiringGuarantees', 'array', false],
];

function hasType(value: unknown, type: 'string' | 'object' | 'array'): boolean {
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return isObjectValue(value);
  return typeof value === 'string';
}

const WORDS = { string: 'a string', object: 'an object', array: 'an array' } as const;

/**
 * Throws {@link OutcomePayError} `ARGUMENT_INVALID` unless `value` has the top-level shape of a
 * parsed contract (`parseContract(json).value`): the contract is not validated again, so pass
 * what `parseContract` returned. A contract as JSON (to be parsed) goes to `parseContract` or
 * `settle`, which report its problems as issues.
 *
 * @example
 * expectContract('checkOptions', 'contract', parseContract(json).value); // passes
 */
export function expectContract(where: string, name: string, value: unknown): asserts value is Contract {
  if (!isObjectValue(value)) throw invalidArgument(where, name, 'a parsed contract (the value of parseContract)', value);
  let wrong: readonly [string, 'string' | 'object' | 'array', unknown] | undefined;
  try {
    for (const [key, type, required] of CONTRACT_FIELDS) {
      const field = value[key];
      if (field === undefined ? required : !hasType(field, type)) {
        wrong = [key, type, field];
        break;
      }
    }
    if (wrong === undefined && !Array.isArray((value['parties'] as Record<string, unknown>)['payers'])) {
      wrong = ['parties.payers', 'array', (value['parties'] as Record<string, unknown>)['payers']];
    }
  } catch (error) {
    throw unreadableArgument(where, name, error);
  }
  if (wrong !== undefined) {
    throw invalidArgument(where, `${name}.${wrong[0]}`, `${WORDS[wrong[1]]} in a parsed contract (the value of parseContract)`, wrong[2]);
  }
}

/**
 * Throws {@link OutcomePayError} `ARGUMENT_INVALID` unless `value` is an outcome of a contract, as
 * the contract's schema defines it (`OutcomeSchema`), naming the first field that is not.
 *
 * @example
 * expectOutcome('earliestAchievement', 'outcome', contract.outcomes[0]); // passes
 */
export function expectOutcome(where: string, name: string, value: unknown): asserts value is Outcome {
  let parsed: ReturnType<typeof OutcomeSchema.safeParse>;
  try {
    parsed = OutcomeSchema.safeParse(value);
  } catch (error) {
    throw unreadableArgument(where, name, error);
  }
  if (parsed.success) return;
  const first = parsed.error.issues[0];
  const at = first === undefined || first.path.length === 0 ? '' : ` (${first.path.map(String).join('.')}: ${first.message})`;
  throw invalidArgument(where, name, `an outcome of a parsed contract${at}`, value);
}
