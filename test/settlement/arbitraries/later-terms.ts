/**
 * Terms added to a generated contract after the rest of its scenario is drawn (the mechanics of
 * issue #16): a rate card's derived prices rounded to a named increment. They are drawn last, from
 * the same draws, so that adding them leaves every earlier draw of a scenario as it was (its
 * records, indicators and as-of date, and the figures the generator test measures).
 */
import type { ContractInput } from '../../../src/contract/index.js';
import { unitsText, type Currency } from './currencies.js';
import { chance, pick, type Gen } from './gen.js';

type Rule = ContractInput['rules'][number];

/** A rate card priced by multipliers rounds to the minor unit, or (half the time) to an increment of one or five minor units, a base unit or a hundred minor units. */
function withIncrement(g: Gen, rule: Rule, currency: Currency): Rule {
  if (rule.kind !== 'rateCard' || rule.groupPricing.kind !== 'multipliers' || !chance(g, 50)) return rule;
  return { ...rule, groupPricing: { ...rule.groupPricing, increment: unitsText(currency, pick(g, [1, 5, currency.scale, 100])) } };
}

/**
 * The contract with the later terms drawn.
 *
 * @example
 * const contract = drawLaterTerms(g, drawn.contract, drawn.currency);
 */
export function drawLaterTerms(g: Gen, contract: ContractInput, currency: Currency): ContractInput {
  return { ...contract, rules: contract.rules.map((rule) => withIncrement(g, rule, currency)) };
}
