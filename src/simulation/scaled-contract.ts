/**
 * The contract variants a calibration simulates: every price of the payment rules multiplied by a
 * scale, or one money cap set to another amount. Each variant is a new contract document (the
 * parsed contract is frozen), checked again by `simulate` like any other.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { ruleFacts, type Cap, type Contract } from '../contract/index.js';
import type { PathSegment } from '../errors.js';
import { minorUnits, roundDecimal, type Amount } from '../money/index.js';

type Json = { [key: string]: unknown } | unknown[];

/** A deep, writable copy of a JSON-native document. */
function copyOf<T>(document: T): T {
  return JSON.parse(JSON.stringify(document)) as T;
}

/** Sets the value at `path` inside `root` (every step of the path exists: it comes from the rule's own facts). */
function setAt(root: Json, path: readonly PathSegment[], value: string): void {
  let node = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
}

/**
 * Where a rule's prices are: its money fields, but not a fee's (a fee pays for delivery, not for
 * outcomes) nor a rounding increment. Paths are inside the rule.
 */
function pricePaths(rule: Contract['rules'][number]): { path: readonly PathSegment[]; value: string }[] {
  if (rule.kind === 'fee') return [];
  return ruleFacts(rule)
    .numbers(rule, (...path: PathSegment[]): PathSegment[] => path)
    .filter((number) => number.class === 'money' && number.increment !== true)
    .map((number) => ({ path: number.path, value: number.value }));
}

/** Where an amendment's prices are: each rate-card change's price and group prices (not an increment). Paths are inside the amendment. */
function amendmentPricePaths(amendment: NonNullable<Contract['amendments']>['versions'][number]): { path: readonly PathSegment[]; value: string }[] {
  return (amendment.changes.rules ?? []).flatMap((change, j) => [
    ...(change.price === undefined ? [] : [{ path: ['changes', 'rules', j, 'price'], value: change.price }]),
    ...(change.groupPricing?.kind === 'prices' ? change.groupPricing.prices.map((entry, k) => ({ path: ['changes', 'rules', j, 'groupPricing', 'prices', k, 'price'], value: entry.price })) : []),
  ]);
}

/**
 * The contract with every price of its payment rules (rate card and group prices, sustainment
 * prices, cohort-rate schedule amounts and ceilings, bonus amounts, results-indicator allocations
 * and unit amounts), and every price an amendment sets (a rate card's price and group prices),
 * multiplied by `scale` and rounded to the currency's minor unit with the contract's rounding
 * mode. Fees, rounding increments and caps stay as written.
 *
 * @example
 * scaledPrices(contract, new Decimal('1.1')); // a rate card at 1500.00 now pays 1650.00
 */
export function scaledPrices(contract: Contract, scale: Amount): Contract {
  const places = minorUnits(contract.currency);
  const copy = copyOf(contract);
  const scaled = (value: string): string => roundDecimal(new Decimal(value).times(scale), places, contract.rounding).toFixed(places);
  const rules = copy.rules as unknown as Json[];
  contract.rules.forEach((rule, i) => {
    for (const { path, value } of pricePaths(rule)) setAt(rules[i] as Json, path, scaled(value));
  });
  // an amended contract: the prices of each version are scaled too (else claims after an
  // amendment's date would be paid at its unscaled prices)
  const amendments = (copy.amendments?.versions ?? []) as unknown as Json[];
  contract.amendments?.versions.forEach((amendment, i) => {
    for (const { path, value } of amendmentPricePaths(amendment)) setAt(amendments[i] as Json, path, scaled(value));
  });
  return copy;
}

/** The caps a calibration can move: those with one amount (every kind but outcome volumes and shares). */
export type AmountCap = Extract<Cap, { amount: string }>;

/**
 * Whether a cap has one amount a calibration can move.
 *
 * @example
 * hasAmount({ kind: 'contract', id: 'cap', amount: '1000.00', partialPayment: true }); // true
 */
export function hasAmount(cap: Cap): cap is AmountCap {
  return cap.kind !== 'outcomeVolume' && cap.kind !== 'share';
}

/**
 * The contract with the cap `capId` (one with an amount) set to `amount`, written to the currency's
 * minor unit; in an amended contract, in every version (an amendment's change of the cap's amount
 * is set to it too, else the amendment's amount would be in force from its date whatever `amount`).
 *
 * @example
 * withCapAmount(contract, 'cap-total', new Decimal('750000')); // caps[k].amount is '750000.00'
 */
export function withCapAmount(contract: Contract, capId: string, amount: Amount): Contract {
  const places = minorUnits(contract.currency);
  const copy = copyOf(contract);
  const caps = (copy.caps ?? []) as unknown as Json[];
  const index = (contract.caps ?? []).findIndex((cap) => cap.id === capId && hasAmount(cap));
  if (index < 0) return copy;
  setAt(caps[index] as Json, ['amount'], amount.toFixed(places));
  const amendments = (copy.amendments?.versions ?? []) as unknown as Json[];
  contract.amendments?.versions.forEach((amendment, i) => {
    (amendment.changes.caps ?? []).forEach((change, j) => {
      if (change.cap === capId) setAt(amendments[i] as Json, ['changes', 'caps', j, 'amount'], amount.toFixed(places));
    });
  });
  return copy;
}
