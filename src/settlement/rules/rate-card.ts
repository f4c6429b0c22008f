/**
 * Rate card (`rateCard`): a price per participant who achieves an outcome (and its
 * prerequisites), the price depending on the participant's groups. The claim is dated on the
 * latest of the achievement dates; a tranche pays the claims dated in its window, one line per
 * price. An amended contract prices a claim by the version in force on that date, or on the
 * participant's enrolment date (`amendments.pricedBy`).
 *
 * @module
 */
import { contractVersions, versionAt, type Contract } from '../../contract/index.js';
import { ZERO, formatDecimal, parseAmount, roundMoney, type Amount, type CurrencyCode } from '../../money/index.js';
import type { Resolution } from '../../outcomes/index.js';
import { roundToIncrement } from '../../money/increment.js';
import { shareCapsOf } from '../caps/share-caps.js';
import { counted, participantClaimLines, volumeTarget, type UnitDerivation } from './participant-claims.js';
import { claimCells, raisedClaim } from './bound-cells.js';
import type { BoundCell, BoundTerms, Claim, RuleModule, RuleOf, RuleParts, RuleTerms } from './rule-module.js';

/** The prices a rate-card rule can pay, and how a participant's groups select one. */
export interface RatePrices {
  /** Distinct prices; index 0 is the base price. */
  readonly prices: readonly Amount[];
  /**
   * For a price derived by a multiplier (rounded to the currency's minor unit or to a named
   * increment): its derivation, shown in the inputs and formula of the lines paying it (same order
   * as `prices`; undefined for the base price and the prices a group price table gives).
   */
  readonly derived: readonly (UnitDerivation | undefined)[];
  /** Group id → index into `prices`, for groups with their own price. */
  readonly byGroup: ReadonlyMap<string, number>;
  /** Which price wins for a participant in several priced groups. */
  readonly pick: 'highest' | 'lowest';
}

/**
 * Resolves a rate card's group pricing once per contract into a small list, so that each
 * participant only picks an index. Multiplied prices are rounded once, here, to the currency's
 * minor unit with the rounding mode the rule names, or to a multiple of the pricing's `increment`
 * (Buenos Aires priced the "extremely vulnerable" at 1.4 × the base, rounded up to a whole peso).
 *
 * @example
 * compileRatePrices(rule, contract.groups ?? [], 'EUR').prices.map(String); // ['1500', '2100']
 */
export function compileRatePrices(rule: RuleOf<'rateCard'>, groups: Contract['groups'], currency: CurrencyCode): RatePrices {
  const base = parseAmount(rule.price);
  const prices: Amount[] = [base];
  // per price, the derivation of each group paid it (groups at the same price share a line)
  const units: UnitDerivation[][] = [[]];
  const byGroup = new Map<string, number>();
  const intern = (price: Amount, unit?: UnitDerivation): number => {
    const found = prices.findIndex((existing) => existing.equals(price));
    if (found === 0) return found;
    if (found > 0) {
      if (unit !== undefined) units[found]?.push(unit);
      return found;
    }
    prices.push(price);
    units.push(unit === undefined ? [] : [unit]);
    return prices.length - 1;
  };
  const done = (pick: RatePrices['pick']): RatePrices => ({ prices, derived: units.map(groupsDerivation), byGroup, pick });
  const pricing = rule.groupPricing;
  switch (pricing.kind) {
    case 'flat':
      return done('highest');
    case 'prices':
      for (const entry of pricing.prices) {
        byGroup.set(entry.group, intern(parseAmount(entry.price)));
      }
      return done(pricing.severalGroups);
    case 'multipliers': {
      const increment = pricing.increment === undefined ? undefined : parseAmount(pricing.increment);
      for (const group of groups ?? []) {
        if (group.priceMultiplier === undefined) continue;
        const exact = base.times(parseAmount(group.priceMultiplier));
        const price = increment === undefined ? roundMoney(exact, currency, pricing.rounding) : roundToIncrement(exact, increment, pricing.rounding);
        const product = `${formatDecimal(base)} × ${group.priceMultiplier} = ${formatDecimal(exact)}`;
        // to the currency's minor unit: the rounding is named only where it moved the price
        const text =
          increment !== undefined
            ? `${product}, rounded ${pricing.rounding} to a multiple of ${formatDecimal(increment)}`
            : price.equals(exact)
              ? product
              : `${product}, rounded ${pricing.rounding}: ${formatDecimal(price)}`;
        const unit: UnitDerivation = {
          inputs: {
            priceGroup: group.id,
            listPrice: formatDecimal(base),
            multiplier: group.priceMultiplier,
            unrounded: formatDecimal(exact),
            ...(increment === undefined ? {} : { roundingIncrement: formatDecimal(increment) }),
            roundingMode: pricing.rounding,
          },
          text,
        };
        byGroup.set(group.id, intern(price, unit));
      }
      return done(pricing.severalGroups);
    }
    default: {
      const never: never = pricing;
      return never;
    }
  }
}

/**
 * The derivation of a price, from each group's that reaches it, the text naming the group; for several
 * (paid on one line), each input once when the groups share it, else every group's value in group
 * order (`priceGroup: "ev, ev2"`, `multiplier: "1.4, 1.40001"`), and a text naming each group.
 */
function groupsDerivation(units: readonly UnitDerivation[]): UnitDerivation | undefined {
  const only = units[0];
  if (units.length <= 1) return only === undefined ? undefined : { inputs: only.inputs, text: `group ${only.inputs['priceGroup'] ?? ''}: ${only.text}` };
  const inputs: Record<string, string> = {};
  for (const key of Object.keys((units[0] as UnitDerivation).inputs)) {
    const values = units.map((unit) => unit.inputs[key] ?? '');
    inputs[key] = values.every((value) => value === values[0]) ? (values[0] as string) : values.join(', ');
  }
  return { inputs, text: units.map((unit) => `group ${unit.inputs['priceGroup'] ?? ''}: ${unit.text}`).join('; ') };
}

/**
 * The index of the price a participant earns: the base price, or among the participant's groups
 * that have a price, the highest (or lowest) one.
 *
 * @example
 * priceIndexFor(prices, ['rsa']); // 1 when "rsa" has its own price
 */
export function priceIndexFor(prices: RatePrices, groups: readonly string[]): number {
  let chosen = -1;
  for (let k = 0; k < groups.length; k++) {
    const index = prices.byGroup.get(groups[k] as string);
    if (index === undefined) continue;
    if (chosen < 0) {
      chosen = index;
      continue;
    }
    const better =
      prices.pick === 'highest'
        ? (prices.prices[index] as Amount).greaterThan(prices.prices[chosen] as Amount)
        : (prices.prices[index] as Amount).lessThan(prices.prices[chosen] as Amount);
    if (better) chosen = index;
  }
  return chosen < 0 ? 0 : chosen;
}

/** The latest achievement day of `needed` outcomes, or undefined when one is not achieved. */
function allAchievedOn(resolutions: readonly Resolution[], needed: readonly number[]): number | undefined {
  let date = -Infinity;
  for (let k = 0; k < needed.length; k++) {
    const resolution = resolutions[needed[k] as number];
    if (resolution?.status !== 'achieved') return undefined;
    date = Math.max(date, resolution.on);
  }
  return date;
}

/** The rule as each version of an amended contract writes it, its prices compiled (undefined: no amendments). */
function versionPrices(rule: RuleOf<'rateCard'>, index: number, terms: RuleTerms): RatePrices[] | undefined {
  return terms.versions?.map((version) => compileRatePrices(version.terms.rules[index] as RuleOf<'rateCard'>, terms.contract.groups, terms.currency));
}

/** The derivation of `unit` among `prices` (the first that has it). */
function derivationOf(prices: readonly RatePrices[], unit: Amount): UnitDerivation | undefined {
  for (const each of prices) for (let k = 0; k < each.prices.length; k++) if ((each.prices[k] as Amount).equals(unit)) return each.derived[k];
  return undefined;
}

function prepare(rule: RuleOf<'rateCard'>, index: number, terms: RuleTerms): RuleParts {
  const prices = compileRatePrices(rule, terms.contract.groups, terms.currency);
  const versioned = versionPrices(rule, index, terms);
  const all = versioned ?? [prices];
  const needed = [rule.outcome, ...rule.prerequisites].map((id) => terms.outcomeIndex.get(id) ?? -1);
  const highest = highestOf(all);
  const wording = {
    outcome: rule.outcome,
    what: (count: number) => `${counted('participant', 'participants')(count)} who achieved ${rule.outcome}`,
    derivation: (unit: Amount) => derivationOf(all, unit),
  };
  const target = volumeTarget(terms.contract, rule.id);
  const shares = shareCapsOf(terms.contract, rule.id);
  const versions = terms.versions;
  return {
    prices: all.flatMap((each) => each.prices),
    claims:
      versioned === undefined || versions === undefined
        ? (record, resolutions, claims: Claim[]) => {
            const date = allAchievedOn(resolutions, needed);
            if (date !== undefined) claims.push({ rule: index, date, amount: prices.prices[priceIndexFor(prices, record.groups)] ?? ZERO });
          }
        : terms.contract.amendments?.pricedBy === 'enrolment'
          ? (record, resolutions, claims: Claim[]) => {
              // amended, priced by the version in force on the participant's enrolment date, whatever
              // the claim's date: the claim names it (its line names the latest of its claims')
              const date = allAchievedOn(resolutions, needed);
              if (date === undefined) return;
              const version = versionAt(versions, record.enrolledOn);
              const inForce = versioned[version] as RatePrices;
              claims.push({ rule: index, date, amount: inForce.prices[priceIndexFor(inForce, record.groups)] ?? ZERO, version });
            }
          : (record, resolutions, claims: Claim[]) => {
              // amended: priced by the version in force on the claim's (achievement) date
              const date = allAchievedOn(resolutions, needed);
              if (date === undefined) return;
              const inForce = versioned[versionAt(versions, date)] as RatePrices;
              claims.push({ rule: index, date, amount: inForce.prices[priceIndexFor(inForce, record.groups)] ?? ZERO });
            },
    unseenClaims: (achieved) => (achieved ? [highest] : []),
    scheduled: [],
    lines: (tranche) => participantClaimLines(terms, rule, index, wording, target, tranche, shares),
  };
}

/** The highest price of any of `prices`. */
function highestOf(prices: readonly RatePrices[]): Amount {
  return prices.flatMap((each) => each.prices).reduce((max, price) => (price.greaterThan(max) ? price : max));
}

/** Most: every participant of a paid cohort achieves the outcome at the highest price of the card, in any version. */
function bounds(rule: RuleOf<'rateCard'>, terms: BoundTerms): BoundCell[] {
  const index = terms.contract.rules.indexOf(rule);
  const versions = contractVersions(terms.contract);
  const prices = versions === undefined || index < 0 ? [compileRatePrices(rule, terms.contract.groups, terms.currency)] : versions.map((version) => compileRatePrices(version.terms.rules[index] as RuleOf<'rateCard'>, terms.contract.groups, terms.currency));
  const highest = raisedClaim(terms, highestOf(prices));
  return claimCells(terms, rule.outcome, highest, highest, ZERO);
}

/** The rate-card rule kind. */
export const rateCard: RuleModule<'rateCard'> = {
  kind: 'rateCard',
  paysFor: (rule) => [rule.outcome],
  rateUses: () => [],
  prepare,
  bounds,
};
