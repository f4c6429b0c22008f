/**
 * What `settle` and `settleStream` do before reading a record: parse the contract, check the
 * options, read the previous settlements, and write the options' fingerprint text.
 *
 * @module
 */
import { parseContract, type Contract } from '../contract/index.js';
import { fail, ok, type Result } from '../result.js';
import { optionsFingerprintText, readSettleOptions, type CheckedOptions, type SettleOptions } from './options.js';
import { readPrevious, type PreviousPayments } from './previous.js';

/** A contract and options ready to settle records under. */
export interface PreparedSettlement {
  /** The contract, parsed (a 1.0 document upgraded). */
  readonly contract: Contract;
  /** The options' own fields, each read once. */
  readonly given: SettleOptions;
  /** The options, checked. */
  readonly options: CheckedOptions;
  /** What earlier settlements paid. */
  readonly previous: PreviousPayments;
  /** The canonical text the options fingerprint is computed from. */
  readonly optionsText: string;
  /** The contract's parse result: its notices (`CONTRACT_UPGRADED`) go on to the settlement's. */
  readonly parsed: Result<Contract>;
}

/**
 * Parses the contract, checks the options against it and reads the previous settlements; the
 * first of them that fails gives the issues.
 *
 * @example
 * const prepared = prepareSettlement(contractJson, { asOf: '2025-06-30' });
 * if (prepared.ok) prepared.value.options.asOf; // the as-of day
 */
export function prepareSettlement(contract: unknown, options: unknown): Result<PreparedSettlement> {
  const parsed = parseContract(contract);
  if (!parsed.ok) return fail(parsed.issues);
  const checked = readSettleOptions(options, parsed.value);
  if (checked.options === undefined || checked.given === undefined) return fail(checked.issues);
  const { given, options: read } = checked;
  const previous = readPrevious(given.previous ?? [], parsed.value, read.asOf, read.amendedFrom);
  if (previous.issues.length > 0) return fail(previous.issues);
  const optionsText = optionsFingerprintText(given, read, previous.value);
  return ok({ contract: parsed.value, given, options: read, previous: previous.value, optionsText, parsed });
}
