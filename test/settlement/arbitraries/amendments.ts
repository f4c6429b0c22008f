/**
 * Amendments drawn on a generated contract (docs/mechanics/amendments.md): one to four versions
 * in force from distinct days after the period start, each changing some rate cards (a new price,
 * a new group pricing of the rule's own kind, or both) and some money caps (a new amount), priced
 * by the achievement date's version or the enrolment date's (half each). Drawn after every other
 * term, so that every earlier draw of a scenario stays as it was.
 */
import { addDays, formatDate, parseDate } from '../../../src/calendar/index.js';
import type { ContractInput } from '../../../src/contract/index.js';
import { minor, unitsText, type Currency } from './currencies.js';
import { chance, distinctInts, int, pick, someOf, type Gen } from './gen.js';

type Rule = ContractInput['rules'][number];
type RateCard = Extract<Rule, { kind: 'rateCard' }>;
type Cap = NonNullable<ContractInput['caps']>[number];
type Amendment = NonNullable<ContractInput['amendments']>['versions'][number];
type RuleChange = NonNullable<Amendment['changes']['rules']>[number];

const ROUNDINGS = ['half-even', 'half-up', 'half-down', 'up', 'down', 'ceiling', 'floor'] as const;

/** An amount `text` scaled by 50 % to 200 % (in whole percent), in minor units of `currency`. */
function scaled(g: Gen, text: string, currency: Currency): string {
  return unitsText(currency, Number((minor(text, currency.places) * BigInt(int(g, 50, 200))) / 100n));
}

function groupPricing(g: Gen, rule: RateCard, currency: Currency): RateCard['groupPricing'] {
  const pricing = rule.groupPricing;
  switch (pricing.kind) {
    case 'flat':
      return { kind: 'flat' };
    case 'prices':
      return { kind: 'prices', prices: pricing.prices.map((entry) => ({ group: entry.group, price: scaled(g, entry.price, currency) })), severalGroups: pick(g, ['highest', 'lowest'] as const) };
    case 'multipliers':
      return {
        kind: 'multipliers',
        rounding: pick(g, ROUNDINGS),
        ...(chance(g, 50) ? { increment: unitsText(currency, pick(g, [1, 5, currency.scale, 100])) } : {}),
        severalGroups: pick(g, ['highest', 'lowest'] as const),
      };
  }
}

function ruleChange(g: Gen, rule: RateCard, currency: Currency): RuleChange {
  const price = chance(g, 70);
  // a multiplied card's pricing always (a new rounding): the generator test wants each of the seven
  const pricing = !price || rule.groupPricing.kind === 'multipliers' || chance(g, 50);
  return {
    rule: rule.id,
    ...(price ? { price: scaled(g, rule.price, currency) } : {}),
    ...(pricing ? { groupPricing: groupPricing(g, rule, currency) } : {}),
  };
}

/** Caps whose amount an amendment may change: outcome, cohort, tranche, contract, payer caps over the contract. */
function amendable(cap: Cap): cap is Extract<Cap, { kind: 'outcome' | 'cohort' | 'tranche' | 'contract' | 'payer' }> {
  return cap.kind === 'outcome' || cap.kind === 'cohort' || cap.kind === 'tranche' || cap.kind === 'contract' || (cap.kind === 'payer' && cap.per === undefined);
}

/**
 * The contract with amendments drawn (65 % of contracts, one to four): each changes some rate cards, some money
 * caps, or both, from a day after the period start (often just before a tranche's measurement).
 *
 * @example
 * const amended = drawAmendments(g, contract, currency);
 */
export function drawAmendments(g: Gen, contract: ContractInput, currency: Currency): ContractInput {
  const rateCards = contract.rules.filter((rule): rule is RateCard => rule.kind === 'rateCard');
  const caps = (contract.caps ?? []).filter(amendable);
  if ((rateCards.length === 0 && caps.length === 0) || !chance(g, 65)) return contract;
  const start = parseDate(contract.period.start);
  const end = parseDate(contract.period.end);
  const days = distinctInts(g, int(g, 1, 4), 1, end - start);
  const versions = days.map((offset, i): Amendment => {
    // some rate cards, a multiplied one always
    const changed = rateCards.length === 0 ? [] : someOf(g, rateCards).concat(rateCards.filter((rule) => rule.groupPricing.kind === 'multipliers'));
    const ruleChanges = changed.length > 0 && (caps.length === 0 || chance(g, 75)) ? [...new Set(changed)].map((rule) => ruleChange(g, rule, currency)) : undefined;
    const capChanges = caps.length > 0 && (ruleChanges === undefined || chance(g, 50)) ? someOf(g, caps).map((cap) => ({ cap: cap.id, amount: scaled(g, cap.amount, currency) })) : undefined;
    return {
      id: `amendment-${i + 1}`,
      ...(chance(g, 50) ? { name: `Amendment ${i + 1}` } : {}),
      effectiveFrom: formatDate(addDays(start, offset)),
      changes: { ...(ruleChanges === undefined ? {} : { rules: ruleChanges }), ...(capChanges === undefined ? {} : { caps: capChanges }) },
    };
  });
  // drawn last, so that every draw above stays as it was before enrolment pricing was drawn
  return { ...contract, amendments: { pricedBy: pick(g, ['achievement', 'enrolment'] as const), versions } };
}
