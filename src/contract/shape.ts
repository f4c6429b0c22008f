/**
 * The checks at the entry of the functions that take a parsed contract or one of its outcomes:
 * what `parseContract` returned, not the JSON it read.
 *
 * @module
 */
import { expectFields, invalidArgument, is, unreadableArgument, type FieldCheck } from '../guard.js';
import { ownData } from '../own-data.js';
import { OutcomeSchema } from './outcome-definitions.js';
import type { Contract, Outcome } from './schema.js';
import { inEnglish } from './zod-messages.js';

const PARSED = 'a parsed contract (the value of parseContract)';

/** The fields of a parsed contract checked at its top level. */
const CONTRACT_FIELDS: readonly FieldCheck[] = [
  ['id', is.string, 'a string'],
  ['currency', is.string, 'a string'],
  ['rounding', is.string, 'a string'],
  ['period', is.object, 'an object'],
  ['parties', (value) => is.object(value) && Array.isArray((value as { payers?: unknown }).payers), 'an object with payers'],
  ['cohorts', is.array, 'an array'],
  ['groups', is.optional(is.array), 'an array or absent'],
  ['outcomes', is.array, 'an array'],
  ['rules', is.array, 'an array'],
  ['caps', is.optional(is.array), 'an array or absent'],
  ['tranches', is.array, 'an array'],
  ['exitClauses', is.optional(is.array), 'an array or absent'],
  ['reinvestment', is.optional(is.array), 'an array or absent'],
  ['hiringGuarantees', is.optional(is.array), 'an array or absent'],
  ['minimumPerformance', is.optional(is.array), 'an array or absent'],
  ['amendments', is.optional(is.object), 'an object or absent'],
];

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
  expectFields(where, name, value, PARSED, CONTRACT_FIELDS);
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
    parsed = OutcomeSchema.safeParse(ownData(value), inEnglish()); // own properties only, as parseContract reads them
  } catch (error) {
    throw unreadableArgument(where, name, error);
  }
  if (parsed.success) return;
  const first = parsed.error.issues[0];
  const whole = first?.code === 'custom' ? ` (${first.message})` : ''; // a rule on the whole outcome (its duration)
  const at = first === undefined || first.path.length === 0 ? whole : ` (${first.path.map(String).join('.')}: ${first.message})`;
  throw invalidArgument(where, name, `an outcome of a parsed contract${at}`, value);
}
