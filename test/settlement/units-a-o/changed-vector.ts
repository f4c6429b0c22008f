/**
 * A test vector with its contract and records changed, tallied as a settlement tallies it (see
 * ../tallied.ts): what the unit tests of decisionsAtRisk and evaluateTallies start from when a
 * vector as written does not reach the case.
 */
import { readFileSync } from 'node:fs';
import { tallied } from '../tallied.js';

/** A contract as JSON, to change. */
export type ContractJson = Record<string, unknown>;

/**
 * The vector `name` (test/vectors), its contract changed by `changes` and its records by
 * `records` (the excluded ones allowed: maxExcluded 100 %), tallied.
 */
export function changedVector(
  name: string,
  changes: (contract: ContractJson) => ContractJson = (contract) => contract,
  records: (read: readonly unknown[]) => readonly unknown[] = (read) => read,
): ReturnType<typeof tallied> {
  const read = JSON.parse(readFileSync(`test/vectors/${name}.json`, 'utf8')) as { contract: ContractJson; records: readonly unknown[]; options: Record<string, unknown> };
  return tallied({ contract: changes(read.contract), records: records(read.records), options: { ...read.options, maxExcluded: '100%' } });
}

/** `contract` with `cap` added to its caps. */
export function withCap(contract: ContractJson, cap: Readonly<Record<string, unknown>>): ContractJson {
  return { ...contract, caps: [...((contract['caps'] as unknown[] | undefined) ?? []), cap] };
}

/** Vector 26's contract with a rule `first` (1.00 a placement, no cap) before its capped rule, in T1. */
export function ruleBeforeVolumeCap(contract: ContractJson): ContractJson {
  const [t1, t2] = contract['tranches'] as Record<string, unknown>[];
  const first = { kind: 'rateCard', id: 'first', name: 'first', outcome: 'placement', price: '1.00', groupPricing: { kind: 'flat' }, prerequisites: [] };
  return { ...contract, rules: [first, ...(contract['rules'] as unknown[])], tranches: [{ ...t1, rules: ['first', 'pay-pl'] }, t2] };
}
