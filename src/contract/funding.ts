/**
 * How the payers fund each line of a settlement (docs/mechanics/payer-funding.md): who funds a
 * line (each payer's `funds` scope), and the exact fraction of it each pays. Top-up payers take
 * their fixed fraction first; the share or weight payers funding the line split the rest in
 * proportion to their shares or weights. Exact fractions throughout (bigint numerator and
 * denominator): a third is a third, never 0.3333.
 *
 * @module
 */
import { RATIO_ZERO, compareRatios, ratioMinus, ratioOfInteger, ratioOver, ratioPlus, ratioTimes, shareRatio, type Ratio } from '../money/index.js';
import { ruleFacts } from './rules/index.js';
import type { Contract } from './schema.js';

type Payer = Contract['parties']['payers'][number];

/** How a payer funds the lines it funds: a share, a weight, or a fixed top-up fraction. */
export type FundingBasis = 'share' | 'weight' | 'topUp';

/** The identity of a line, as far as funding reads it. */
export interface FundedLine {
  /** Rule id, or `exit:<clause>` for a fixed payment on exit. */
  readonly rule: string;
  /** Cohort id, or null for a contract-level line. */
  readonly cohort: string | null;
  /** Outcome id, or null (fees, fixed payments on exit). */
  readonly outcome: string | null;
}

/** A payer's funding terms, read once. */
export interface PayerFunding {
  /** Payer id. */
  readonly id: string;
  /** Share, weight or top-up; undefined when the payer names none or several (a contract issue). */
  readonly basis: FundingBasis | undefined;
  /** The value of its basis, exact (0 when there is none). */
  readonly value: Ratio;
  /** Its scope; undefined = every line. */
  readonly funds: Payer['funds'];
}

/**
 * The funding basis a payer names, if it names exactly one of `share`, `weight`, `topUp`.
 *
 * @example
 * fundingBasis({ id: 'fund', name: 'Fund', topUp: '0.2' }); // 'topUp'
 */
export function fundingBasis(payer: Payer): FundingBasis | undefined {
  const named = (['share', 'weight', 'topUp'] as const).filter((key) => payer[key] !== undefined);
  return named.length === 1 ? named[0] : undefined;
}

/**
 * Every payer's funding terms, in contract order.
 *
 * @example
 * payerFundings(contract.parties.payers).map((p) => p.basis); // ['share', 'share']
 */
export function payerFundings(payers: readonly Payer[]): PayerFunding[] {
  return payers.map((payer) => {
    const basis = fundingBasis(payer);
    const text = basis === undefined ? undefined : payer[basis];
    return { id: payer.id, basis, value: text === undefined ? RATIO_ZERO : shareRatio(text), funds: payer.funds };
  });
}

/**
 * Whether every payer funds every line with a share or weight: the split of a tranche is then the
 * same for each of its lines (the plain split, settled on the tranche's total).
 *
 * @example
 * isUniformFunding(contract.parties.payers); // true for shares 0.6 and 0.4
 */
export function isUniformFunding(payers: readonly Payer[]): boolean {
  return payers.every((payer) => payer.funds === undefined && payer.topUp === undefined);
}

/**
 * Whether `payer` funds `line`: each list of its scope given contains the line's rule, outcome or
 * cohort (a null outcome or cohort is in no list, and a fixed payment on exit in no rule list).
 *
 * @example
 * funds({ rules: ['pay-placement'] }, { rule: 'pay-placement', cohort: 'A', outcome: 'placement' }); // true
 */
export function funds(scope: Payer['funds'], line: FundedLine): boolean {
  if (scope === undefined) return true;
  if (scope.rules !== undefined && !scope.rules.includes(line.rule)) return false;
  if (scope.outcomes !== undefined && (line.outcome === null || !scope.outcomes.includes(line.outcome))) return false;
  if (scope.cohorts !== undefined && (line.cohort === null || !scope.cohorts.includes(line.cohort))) return false;
  return true;
}

/** The split of one line among the payers: each payer's exact fraction, and what no payer funds. */
export interface LineSplit {
  /** Fraction of the line each payer pays, contract order (0 for a payer not funding it). */
  readonly fractions: readonly Ratio[];
  /** Sum of the top-up fractions of the payers funding the line. */
  readonly topUps: Ratio;
  /** Sum of the shares (or weights) of the share or weight payers funding the line. */
  readonly proportional: Ratio;
  /** Ids of the payers funding the line, contract order. */
  readonly funders: readonly string[];
  /** The fraction no payer funds: 0 for a contract that validates. */
  readonly unfunded: Ratio;
}

const ONE = ratioOfInteger(1);

/**
 * The exact split of `line`: top-up payers funding it pay their fraction; the share or weight
 * payers funding it split the rest (1 − Σ top-ups) in proportion to their shares or weights.
 *
 * @example
 * lineSplit(payerFundings(payers), { rule: 'pay-r12', cohort: 'A', outcome: 'retention-12m' }).fractions; // [4/5, 1/5]
 */
export function lineSplit(fundings: readonly PayerFunding[], line: FundedLine): LineSplit {
  const funding = fundings.filter((payer) => payer.basis !== undefined && funds(payer.funds, line));
  const topUps = funding.filter((payer) => payer.basis === 'topUp').reduce((sum, payer) => ratioPlus(sum, payer.value), RATIO_ZERO);
  const proportional = funding.filter((payer) => payer.basis !== 'topUp').reduce((sum, payer) => ratioPlus(sum, payer.value), RATIO_ZERO);
  const rest = compareRatios(topUps, ONE) >= 0 ? RATIO_ZERO : ratioMinus(ONE, topUps);
  const hasProportional = proportional.numerator > 0n;
  const fractions = fundings.map((payer) => {
    if (payer.basis === undefined || !funds(payer.funds, line)) return RATIO_ZERO;
    if (payer.basis === 'topUp') return payer.value;
    return hasProportional ? ratioTimes(rest, ratioOver(payer.value, proportional)) : RATIO_ZERO;
  });
  const unfunded = hasProportional || compareRatios(topUps, ONE) >= 0 ? RATIO_ZERO : rest;
  return { fractions, topUps, proportional, funders: funding.map((payer) => payer.id), unfunded };
}

/**
 * Every line the contract's tranches and payments on exit can show, as funding reads it (rule,
 * cohort, outcome), once each, in contract order of tranches then exit clauses. A tranche shows
 * its rules' lines for its cohorts (rules whose outcome its `outcomes` filter leaves out show
 * none); a payment on exit of earned amounts shows the lines of the tranches measured after the
 * clause's check date, unfiltered; a fixed payment on exit shows one line, `exit:<clause>`.
 *
 * @example
 * fundedLines(contract); // [{ rule: 'pay-placement', cohort: '2023-A', outcome: 'placement' }, ...]
 */
export function fundedLines(contract: Contract): FundedLine[] {
  const seen = new Map<string, FundedLine>();
  const add = (line: FundedLine): void => {
    const key = `${line.rule}\u0000${line.cohort ?? ''}\u0000${line.outcome ?? ''}`;
    if (!seen.has(key)) seen.set(key, line);
  };
  const rules = new Map(contract.rules.map((rule) => [rule.id, rule]));
  const cohortOrder = contract.cohorts.map((cohort) => cohort.id);
  const inOrder = (ids: Iterable<string>): string[] => {
    const set = new Set(ids);
    return cohortOrder.filter((id) => set.has(id));
  };
  const linesOf = (ruleIds: Iterable<string>, cohorts: readonly string[], outcomes: readonly string[] | undefined): void => {
    for (const id of ruleIds) {
      const rule = rules.get(id);
      if (rule === undefined) continue;
      for (const shape of ruleFacts(rule).lineShapes(rule, cohorts)) {
        if (outcomes !== undefined && shape.outcome !== null && !outcomes.includes(shape.outcome)) continue;
        add({ rule: id, cohort: shape.cohort, outcome: shape.outcome });
      }
    }
  };
  for (const tranche of contract.tranches) linesOf(tranche.rules, inOrder(tranche.cohorts), tranche.outcomes);
  for (const clause of contract.exitClauses ?? []) {
    const effect = clause.effect;
    if (effect.kind !== 'terminate' && effect.kind !== 'completeEarly') continue;
    const pay = effect.payOnExit;
    if (pay.kind === 'nothing') continue;
    if (pay.kind !== 'fixed') {
      // tranche and check dates are YYYY-MM-DD: their text order is their calendar order
      const later = contract.tranches.filter((tranche) => tranche.measuredOn > clause.checkOn);
      linesOf(new Set(later.flatMap((tranche) => tranche.rules)), inOrder(later.flatMap((tranche) => tranche.cohorts)), undefined);
    }
    if (pay.kind !== 'earnedToDate') add({ rule: `exit:${clause.id}`, cohort: null, outcome: null });
  }
  return [...seen.values()];
}
