/**
 * The versions of an amended contract (docs/mechanics/amendments.md): the base version, then one
 * per amendment, each the contract with the amendments up to it applied in date order, and which
 * version is in force on a day. A contract without amendments has no versions (undefined), so
 * the settlement of such a contract does no work for them.
 *
 * @module
 */
import { parseDate } from '../calendar/index.js';
import { parseAmount } from '../money/index.js';
import { BASE_VERSION } from './amendments.js';
import type { Amendments, Cap, Contract, PaymentRule } from './schema.js';

/** One version of a contract's terms. */
export interface ContractVersion {
  /** `base`, or the amendment's id. */
  readonly id: string;
  /** The first day it is in force (day number): the period's start for the base. */
  readonly from: number;
  /** The contract with the changes up to this version applied (the base: the contract itself). */
  readonly terms: Contract;
}

type Amendment = Amendments['versions'][number];

function changedRule(rule: PaymentRule, amendment: Amendment): PaymentRule {
  if (rule.kind !== 'rateCard') return rule;
  let changed = rule;
  for (const change of amendment.changes.rules ?? []) {
    if (change.rule !== rule.id) continue;
    changed = { ...changed, price: change.price ?? changed.price, groupPricing: change.groupPricing ?? changed.groupPricing };
  }
  return changed;
}

function changedCap(cap: Cap, amendment: Amendment): Cap {
  if (cap.kind === 'outcomeVolume' || cap.kind === 'share') return cap;
  let changed = cap;
  for (const change of amendment.changes.caps ?? []) if (change.cap === cap.id) changed = { ...changed, amount: change.amount };
  return changed;
}

/**
 * The versions of a checked contract, base first then in `effectiveFrom` order, or undefined for a
 * contract without amendments. Each version's `terms` are the version before it with the
 * amendment's changes applied (a rate card's price and group pricing, a money cap's amount).
 *
 * @example
 * contractVersions(contract)?.map((version) => version.id); // ['base', 'renewal-2019', 'renewal-2023']
 */
export function contractVersions(contract: Contract): readonly ContractVersion[] | undefined {
  const amendments = contract.amendments;
  if (amendments === undefined) return undefined;
  const versions: ContractVersion[] = [{ id: BASE_VERSION, from: parseDate(contract.period.start), terms: contract }];
  let terms = contract;
  for (const amendment of amendments.versions) {
    terms = {
      ...terms,
      rules: terms.rules.map((rule) => changedRule(rule, amendment)),
      ...(terms.caps === undefined ? {} : { caps: terms.caps.map((cap) => changedCap(cap, amendment)) }),
    };
    versions.push({ id: amendment.id, from: parseDate(amendment.effectiveFrom), terms });
  }
  return versions;
}

/**
 * The index of the version in force on `day`: the last whose `from` is on or before it (the base
 * for a day before every amendment, even one before the period's start).
 *
 * @example
 * versionAt(versions, parseDate('2019-06-30')); // 1 when the first amendment is in force from 2019-01-01
 */
export function versionAt(versions: readonly ContractVersion[], day: number): number {
  let found = 0;
  for (let k = 1; k < versions.length; k++) if ((versions[k] as ContractVersion).from <= day) found = k;
  return found;
}

/**
 * The contract with each money cap at its highest amount over the versions (the contract itself
 * without amendments): what no version's cap is above, for the worst case of `contractBounds`
 * (a cap in force at each tranche's due date never lets more through over the contract than its
 * highest amount).
 *
 * @example
 * widestCaps(contract).caps?.find((cap) => cap.id === 'cap-total'); // its highest amount in any version
 */
export function widestCaps(contract: Contract): Contract {
  const versions = contractVersions(contract);
  if (versions === undefined || contract.caps === undefined) return contract;
  const caps = contract.caps.map((cap, k) => {
    if (cap.kind === 'outcomeVolume' || cap.kind === 'share') return cap;
    let widest = cap;
    for (const version of versions) {
      const other = version.terms.caps?.[k];
      if (other !== undefined && other.kind !== 'outcomeVolume' && other.kind !== 'share' && parseAmount(other.amount).greaterThan(parseAmount(widest.amount))) widest = { ...widest, amount: other.amount };
    }
    return widest;
  });
  return { ...contract, caps };
}
