/**
 * Terms added to a generated contract after the rest of its scenario is drawn (the mechanics of
 * issue #16): a rate card's derived prices rounded to a named increment; a share cap on a rate card
 * (not in the monotone subset: one more early achiever can displace a later, better-priced one);
 * minimum performance levels with each consequence (not in the monotone subset either).
 * They are drawn last, from
 * the same draws, so that adding them leaves every earlier draw of a scenario as it was (its
 * records, indicators and as-of date, and the figures the generator test measures).
 */
import { addDays, formatDate, parseDate, type CalendarDate } from '../../../src/calendar/index.js';
import type { ContractInput } from '../../../src/contract/index.js';
import { unitsText, type Currency } from './currencies.js';
import { measurementDays } from './dates.js';
import { basisPoints, chance, int, pick, someOf, type Gen } from './gen.js';

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
  return withShareCap(g, contract, currency, monotone);
}

type Level = NonNullable<ContractInput['minimumPerformance']>[number];

/**
 * The contract with minimum performance levels drawn (drawn after every other term, payer funding
 * included, so that every earlier draw stays as it was). A level (40 % of contracts, one or two): on a per-participant outcome, over
 * some cohorts or all, enrolled by a date or not, at a level of 5 % to 60 %, reviewed on one to
 * three days (most on or just before a tranche's measurement date, so tranches follow the review),
 * its consequence a withhold (of some rules, in some tranches or all), a price reduction of 5 % to
 * 75 % (of the
 * rules paying for outcomes) or a flag.
 */
export function drawLevels(g: Gen, contract: ContractInput, monotone = false): ContractInput {
  if (monotone || !chance(g, 40)) return contract;
  const outcomes = contract.outcomes.filter((outcome) => outcome.kind !== 'cohortIndicator').map((outcome) => outcome.id);
  const start = parseDate(contract.period.start);
  const end = parseDate(contract.period.end);
  const measured = measurementDays(contract);
  const outcomeRules = contract.rules.filter((rule) => rule.kind !== 'fee').map((rule) => rule.id);
  const levels = Array.from({ length: int(g, 1, 2) }, (_, i): Level => {
    const reviews = [...new Set(Array.from({ length: int(g, 1, 3) }, () => {
      // before a tranche that is not the last, most of the time: tranches then follow the review, and a later one may find the level met
      const near = pick(g, measured.length > 1 && chance(g, 75) ? measured.slice(0, -1) : measured);
      const day = chance(g, 70) ? addDays(near, -int(g, 0, 40)) : addDays(start, int(g, 0, end - start));
      return Math.min(end, Math.max(start, day)) as CalendarDate;
    }))].sort((a, b) => a - b);
    const first = reviews[0] ?? start;
    const consequence = ((): Level['consequence'] => {
      const kind = pick(g, ['withhold', 'priceReduction', 'flag'] as const);
      if (kind === 'flag') return { kind };
      if (kind === 'priceReduction' && outcomeRules.length > 0) return { kind, share: basisPoints(int(g, 5, 75) * 100), rules: someOf(g, outcomeRules) };
      const tranches = chance(g, 40) ? { tranches: someOf(g, contract.tranches.map((tranche) => tranche.id)) } : {};
      return { kind: 'withhold', rules: someOf(g, contract.rules.map((rule) => rule.id)), ...tranches };
    })();
    return {
      id: `level-${i + 1}`,
      name: `Minimum performance ${i + 1}`,
      outcome: pick(g, outcomes),
      ...(chance(g, 50) ? { cohorts: someOf(g, contract.cohorts.map((cohort) => cohort.id)) } : {}),
      ...(chance(g, 40) ? { enrolledBy: formatDate(addDays(start, int(g, 0, first - start))) } : {}),
      level: basisPoints(int(g, 5, 60) * 100),
      reviewOn: reviews.map((day) => formatDate(day)),
      consequence,
    };
  });
  return { ...contract, minimumPerformance: levels };
}

function withShareCap(g: Gen, contract: ContractInput, currency: Currency, monotone: boolean): ContractInput {
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
