/**
 * Amendments for the reference, from docs/contract.md "Amendments": the terms in force on a day
 * are the contract with every amendment in force by then (effectiveFrom on or before the day)
 * applied in turn: a rate card's price and group pricing, a money cap's amount.
 */
import type { ContractInput } from '../../../src/contract/index.js';
import { refDay } from './dates.js';

/** The terms in force on `day`, and the index of the version (0: the contract as written). */
export function termsOn(contract: ContractInput, day: number): { terms: ContractInput; version: number } {
  let terms = contract;
  let version = 0;
  for (const [i, amendment] of (contract.amendments?.versions ?? []).entries()) {
    if (refDay(amendment.effectiveFrom) > day) break;
    version = i + 1;
    const rules = terms.rules.map((rule) => {
      const change = amendment.changes.rules?.find((each) => each.rule === rule.id);
      if (change === undefined || rule.kind !== 'rateCard') return rule;
      return { ...rule, ...(change.price === undefined ? {} : { price: change.price }), ...(change.groupPricing === undefined ? {} : { groupPricing: change.groupPricing }) };
    });
    const caps = terms.caps?.map((cap) => {
      const change = amendment.changes.caps?.find((each) => each.cap === cap.id);
      return change === undefined || !('amount' in cap) ? cap : { ...cap, amount: change.amount };
    });
    terms = { ...terms, rules, ...(caps === undefined ? {} : { caps }) };
  }
  return { terms, version };
}
