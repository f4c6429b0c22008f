/**
 * A vector's contract, options, plan and ledger of its valid records, accumulated as a settlement
 * accumulates them (no settlement document): what tests of evaluateTallies and decisionsAtRisk
 * start from.
 */
import type { Contract } from '../../src/contract/index.js';
import { parseContract } from '../../src/contract/index.js';
import { validateRecords } from '../../src/records/index.js';
import { accumulate } from '../../src/settlement/accumulate.js';
import type { Ledger } from '../../src/settlement/ledger.js';
import { checkOptions, type CheckedOptions } from '../../src/settlement/options.js';
import { buildPlan, emptyLedgerOf, type SettlementPlan } from '../../src/settlement/plan.js';
import { recordContext } from '../../src/settlement/record-context.js';

/** What {@link tallied} reads of a vector. */
export interface TalliedVector {
  readonly contract: unknown;
  readonly records: readonly unknown[];
  readonly options: Readonly<Record<string, unknown>>;
}

/**
 * The vector's parsed contract, checked options, plan and ledger (records validated leniently:
 * the invalid ones are left out).
 *
 * @example
 * const { plan, ledger, options } = tallied(vector);
 */
export function tallied(vector: TalliedVector): { contract: Contract; options: CheckedOptions; plan: SettlementPlan; ledger: Ledger } {
  const contract = parseContract(vector.contract);
  if (!contract.ok) throw new Error('contract');
  const options = checkOptions(vector.options, contract.value).options;
  if (options === undefined) throw new Error('options');
  const records = validateRecords(vector.records, recordContext(contract.value), { mode: 'lenient' });
  if (!records.ok) throw new Error('records');
  const plan = buildPlan(contract.value, options.asOf, false);
  const ledger = emptyLedgerOf(plan, false);
  for (const record of records.value.records) accumulate(plan, ledger, record);
  return { contract: contract.value, options, plan, ledger };
}
