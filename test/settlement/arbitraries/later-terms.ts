/**
 * Terms added to a generated contract after the rest of its scenario is drawn (the mechanics of
 * issue #16): a rate card's derived prices rounded to a named increment; a share cap on a rate card
 * (not in the monotone subset: one more early achiever can displace a later, better-priced one).
 * They are drawn last, from
 * the same draws, so that adding them leaves every earlier draw of a scenario as it was (its
 * records, indicators and as-of date, and the figures the generator test measures).
 */
import type { ContractInput } from '../../../src/contract/index.js';
import { unitsText, type Currency } from './currencies.js';
import { basisPoints, chance, int, pick, type Gen } from './gen.js';

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
 * const contract = drawLaterTerms(g, drawn.contract, drawn.currency, options.monotone);
 */
export function drawLaterTerms(g: Gen, contract: ContractInput, currency: Currency, monotone = false): ContractInput {
  const rules = contract.rules.map((rule) => withIncrement(g, rule, currency));
  const rateCards = rules.flatMap((rule) => (rule.kind === 'rateCard' ? [rule.id] : []));
  // only beside other caps: a contract without caps stays one (the generator measures both)
  if (monotone || rateCards.length === 0 || (contract.caps ?? []).length === 0 || !chance(g, 35)) return { ...contract, rules };
  // a share of 10 % to 90 % of each cohort (cohorts of 1 to 12 records: the cap binds often)
  const share = { kind: 'share' as const, id: 'cap-share', rule: pick(g, rateCards), share: basisPoints(int(g, 10, 90) * 100), rounding: pick(g, ['down', 'up', 'nearest'] as const) };
  // an exit clause on a cap reached may be about the share cap instead
  const exitClauses = contract.exitClauses?.map((clause) => (clause.condition.kind === 'capReached' && chance(g, 50) ? { ...clause, condition: { kind: 'capReached' as const, cap: share.id } } : clause));
  return { ...contract, rules, caps: [...(contract.caps ?? []), share], ...(exitClauses === undefined ? {} : { exitClauses }) };
}
