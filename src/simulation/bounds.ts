/**
 * `contractBounds`: the worst and best case of a contract for its payers, exactly from its terms
 * (rule prices, schedules and bonuses, cohort sizes, caps, fees, payments on exit), not by
 * sampling: the most it can ever pay and the least it is sure to pay, in total and per payer, each
 * with the scenario that reaches it, settled by the real rules, and whether it does.
 *
 * @module
 */
import { ownValue } from '../own-data.js';
import { parseDate } from '../calendar/index.js';
import { fundedLines, isUniformFunding, lineSplit, parseContract, payerFundings, widestCaps, type Contract } from '../contract/index.js';
import type { Issue } from '../errors.js';
import { RATIO_ZERO, ZERO, compareRatios, minorUnits, parseAmount, ratioOf, ratioPlus, ratioTimes, roundRatio, sumAmounts, type Amount, type Ratio } from '../money/index.js';
import { fail, ok, type Result } from '../result.js';
import type { BoundCohort } from '../settlement/index.js';
import { checkAssumptions, type Assumptions } from './assumptions.js';
import { contractCells, familyBounds, type ContractCell, type FamilyBound } from './bound-cells.js';
import { boundScenario, type ScenarioCohort } from './bound-scenarios.js';
import { simulate } from './simulate.js';

/** An amount of one payer. */
export interface PayerAmount {
  /** Payer id. */
  readonly payer: string;
  /** Amount (a decimal string in the currency's minor unit). */
  readonly amount: string;
}

/** A payer's bound, and whether the scenario makes the payer pay exactly that. */
export interface PayerBound extends PayerAmount {
  /** Whether the scenario's amount for the payer equals the bound (then it is exact for the payer). */
  readonly reached: boolean;
}

/** A scenario settled by the real rules: what it pays. */
export interface BoundScenario {
  /** What happens in it, in words. */
  readonly description: string;
  /** The scenario as an assumptions document: `simulate` with one run pays exactly the amounts below. */
  readonly assumptions: Assumptions;
  /** What it pays in total. */
  readonly total: string;
  /** Per payer, contract order. */
  readonly payers: readonly PayerAmount[];
  /** Per tranche (`exit:<clause>` for a payment on exit), as `simulate` names them. */
  readonly tranches: readonly { readonly tranche: string; readonly amount: string }[];
}

/** The most (or least) of a contract. */
export interface Bound {
  /** The bound in total: no run pays more (for the most) or less (for the least). */
  readonly total: string;
  /**
   * Per payer, contract order: no run makes the payer pay more (less). A payer's part of each
   * tranche is its share rounded to the minor unit either way, so with a share other than 0 or 1
   * the bound allows one minor unit per tranche beyond the share of the total, and may not be
   * reached by a cent or so.
   */
  readonly payers: readonly PayerBound[];
  /** The terms that set the total: `rules`, or a kind of cap (`contract cap`, `payer caps`, ...). */
  readonly limitedBy: readonly string[];
  /** Whether the scenario pays exactly the bound in total: the total is then the exact maximum (minimum). */
  readonly reached: boolean;
  /** The scenario that reaches it, or comes closest among those tried. */
  readonly scenario: BoundScenario;
}

/** The worst and best case of a contract for its payers. */
export interface ContractBounds {
  /** Currency of every amount. */
  readonly currency: string;
  /** The most the contract can ever pay (the payers' worst case). */
  readonly most: Bound;
  /** The least it is sure to pay (the payers' best case): usually 0, or fixed fees. */
  readonly least: Bound;
}

/** The cohorts' sizes and enrolment windows: the assumptions', else the contract's; a cohort without a size is an issue. */
function cohortsOf(contract: Contract, assumptions: Assumptions | undefined): { bound: BoundCohort[]; scenario: ScenarioCohort[] } | Issue[] {
  const issues: Issue[] = [];
  const bound: BoundCohort[] = [];
  const scenario: ScenarioCohort[] = [];
  for (const cohort of contract.cohorts) {
    const assumed = assumptions?.cohorts === undefined ? undefined : ownValue(assumptions.cohorts, cohort.id);
    const size = assumed?.size ?? cohort.targetSize;
    if (size === undefined) {
      const message = `cohorts.${cohort.id}.size: cohort "${cohort.id}" has no targetSize in the contract: give its size in the assumptions`;
      issues.push({ code: 'ASSUMPTIONS_COHORT_SIZE', path: ['assumptions', 'cohorts', cohort.id, 'size'], message });
      continue;
    }
    bound.push({ id: cohort.id, size, firstEnrolment: parseDate(assumed?.enrolment?.from ?? cohort.enrolmentStart), lastEnrolment: parseDate(assumed?.enrolment?.to ?? cohort.enrolmentEnd) });
    scenario.push({ id: cohort.id, size, firstEnrolment: assumed?.enrolment?.from ?? cohort.enrolmentStart });
  }
  return issues.length > 0 ? issues : { bound, scenario };
}

/** The scenario settled by the real rules (`simulate`, one run: with probabilities 0 and 1 nothing is random). */
function settleScenario(contract: Contract, assumptions: Assumptions, decimals: number): BoundScenario {
  const result = simulate(contract, assumptions, { runs: 1, seed: 0 });
  if (!result.ok) throw new Error(`outcome-pay internal error: a bound scenario does not simulate (${result.issues.map((issue) => issue.message).join('; ')})`);
  const samples = result.value;
  const at = (amounts: readonly Amount[] | undefined): Amount => amounts?.[0] ?? ZERO;
  return {
    description: assumptions.description ?? '',
    assumptions,
    total: at(samples.total).toFixed(decimals),
    payers: samples.payers.map((payer, k) => ({ payer, amount: sumAmounts(samples.tranchePayers.map((parts) => at(parts[k]))).toFixed(decimals) })),
    tranches: samples.tranches.map((tranche, slot) => ({ tranche, amount: at(samples.trancheEarned[slot]).toFixed(decimals) })),
  };
}

/**
 * Each payer's largest and smallest exact fraction of a line the contract's tranches and payments
 * on exit can show (contract order); with every line split alike, both are its share.
 */
function payerFractions(contract: Contract): { most: Ratio; least: Ratio }[] {
  const fundings = payerFundings(contract.parties.payers);
  const splits = fundedLines(contract).map((line) => lineSplit(fundings, line).fractions);
  const uniform = isUniformFunding(contract.parties.payers) || splits.length === 0;
  const anyLine = lineSplit(fundings, { rule: '', cohort: null, outcome: null }).fractions;
  return fundings.map((_, p) => {
    const all = uniform ? [anyLine[p] ?? RATIO_ZERO] : splits.map((fractions) => fractions[p] ?? RATIO_ZERO);
    const pick = (better: (a: Ratio, b: Ratio) => boolean): Ratio => all.reduce((best, value) => (better(value, best) ? value : best));
    return { most: pick((a, b) => compareRatios(a, b) > 0), least: pick((a, b) => compareRatios(a, b) < 0) };
  });
}

/**
 * A payer's share of a bound over the tranches: each tranche splits its amount by largest
 * remainder, so a payer's part of a tranche is its exact part rounded down or up to the minor
 * unit; over `tranches` tranches its parts are within (tranches − 1) units of its exact part of the
 * total, rounded (none when the share is 0 or 1). `share` is the payer's largest fraction of any
 * line (for the most) or its smallest (for the least): with payers funding different lines, its
 * exact part of a tranche lies between the two times the tranche's amount.
 */
function payerShare(share: Ratio, total: Amount, tranches: number, decimals: number, up: boolean): Amount {
  const exact = share.numerator === 0n || share.numerator === share.denominator;
  const slack = exact ? ZERO : parseAmount(1).dividedBy(10 ** decimals).times(Math.max(tranches - 1, 0));
  const rounded = roundRatio(ratioTimes(share, ratioOf(total)), decimals, up ? 'up' : 'down');
  if (up) return rounded.plus(slack);
  const less = rounded.minus(slack);
  return less.isNegative() ? ZERO : less;
}

/**
 * Each payer's most from the cells when payers fund different lines: for each cell, the payer's
 * largest exact fraction of a line the cell's rule can show (of its cohort and outcome when the
 * cell names them), times the most the cell can pay; summed exactly, rounded up, with one minor
 * unit per tranche beyond the first for the split's rounding unless every such fraction is 0 or
 * 1. Undefined with uniform funding (the share of the total is then exact already). A payer that
 * funds only some outcomes pays at most their cells, not its fraction of everything.
 */
function payerCellMosts(contract: Contract, cells: readonly ContractCell[], tranches: number, decimals: number): Amount[] | undefined {
  if (isUniformFunding(contract.parties.payers)) return undefined;
  const fundings = payerFundings(contract.parties.payers);
  const lines = fundedLines(contract).map((line) => ({ line, fractions: lineSplit(fundings, line).fractions }));
  const fallback = payerFractions(contract).map((fraction) => fraction.most);
  return fundings.map((_, p) => {
    let exact = RATIO_ZERO;
    let whole = true;
    for (const cell of cells) {
      const matching = lines.filter(({ line }) => (cell.rule === 'exit' ? line.rule.startsWith('exit:') : line.rule === cell.rule) && (cell.cohort === null || line.cohort === cell.cohort) && (cell.outcome === null || line.outcome === cell.outcome));
      const fractions = matching.length > 0 ? matching.map((entry) => entry.fractions[p] ?? RATIO_ZERO) : [fallback[p] ?? RATIO_ZERO];
      const most = fractions.reduce((best, value) => (compareRatios(value, best) > 0 ? value : best));
      if (most.numerator !== 0n && most.numerator !== most.denominator) whole = false;
      exact = ratioPlus(exact, ratioTimes(most, ratioOf(cell.most)));
    }
    const slack = whole ? ZERO : parseAmount(1).dividedBy(10 ** decimals).times(Math.max(tranches - 1, 0));
    return roundRatio(exact, decimals, 'up').plus(slack);
  });
}

/** The payers that take the overflow of a yearly payer cap. */
function yearCapTakers(contract: Contract): Set<string> {
  return new Set((contract.caps ?? []).flatMap((cap) => (cap.kind === 'payer' && typeof cap.overflow === 'object' ? [cap.overflow.takenBy] : [])));
}

/** A bound before its scenario is settled. */
interface Unchecked {
  readonly total: string;
  readonly payers: readonly PayerAmount[];
  readonly limitedBy: readonly string[];
}

function mostBound(contract: Contract, families: readonly FamilyBound[], cellMosts: readonly Amount[] | undefined, tranches: number, decimals: number): Unchecked {
  const lines = families.reduce((min, family) => (family.most.lessThan(min) ? family.most : min), (families[0] as FamilyBound).most);
  // contract-long payer caps only: a yearly commitment limits each budget year, not the contract
  const payerCaps = (id: string): Amount | undefined =>
    (contract.caps ?? []).flatMap((cap) => (cap.kind === 'payer' && cap.per === undefined && cap.payer === id ? [parseAmount(cap.amount)] : [])).reduce<Amount | undefined>((min, cap) => (min === undefined || cap.lessThan(min) ? cap : min), undefined);
  const fractions = payerFractions(contract);
  const takers = yearCapTakers(contract);
  const payers = contract.parties.payers.map((payer, p) => {
    // a payer taking another's overflow may pay up to all of the lines
    const share = takers.has(payer.id) ? lines : payerShare(fractions[p]?.most ?? RATIO_ZERO, lines, tranches, decimals, true);
    const cellMost = takers.has(payer.id) ? undefined : cellMosts?.[p];
    const cap = payerCaps(payer.id);
    const most = [share, lines, ...(cellMost === undefined ? [] : [cellMost]), ...(cap === undefined ? [] : [cap])].reduce((min, value) => (value.lessThan(min) ? value : min));
    return { payer: payer.id, most, capped: cap !== undefined && cap.lessThan(share) && cap.lessThan(lines) };
  });
  const paid = sumAmounts(payers.map((payer) => payer.most));
  const total = paid.lessThan(lines) ? paid : lines;
  const limitedBy = paid.lessThan(lines) ? ['payer caps'] : families.filter((family) => family.most.equals(lines)).map((family) => family.by);
  const named = limitedBy.length > 1 ? limitedBy.filter((by) => by !== 'rules') : limitedBy;
  return { total: total.toFixed(decimals), payers: payers.map((payer) => ({ payer: payer.payer, amount: payer.most.toFixed(decimals) })), limitedBy: named };
}

/** The bound with its scenario: reached in total, and per payer. */
function checked(bound: Unchecked, scenario: BoundScenario): Bound {
  return {
    total: bound.total,
    payers: bound.payers.map((payer, k) => ({ ...payer, reached: scenario.payers[k]?.amount === payer.amount })),
    limitedBy: bound.limitedBy,
    reached: bound.total === scenario.total,
    scenario,
  };
}

/**
 * The worst and best case of a contract for its payers, exactly from its terms: `most` is the
 * most it can ever pay (rules at their highest prices and schedules for every participant, bonuses
 * at their fullest, fees, the largest fixed payment on exit, then every cap), `least` the least it
 * is sure to pay (fixed fees and floors that no exit clause or cap can take away; else 0). Each
 * comes with the scenario that reaches it, settled by the real rules; `reached` says whether it
 * pays the bound exactly (then the bound is the exact maximum, or minimum). Cohort sizes and
 * enrolment windows are the assumptions' (validated, when given), else the contract's
 * (`targetSize`). Never throws for bad data: returns the problems of the contract or assumptions.
 *
 * @example
 * const bounds = contractBounds(contractJson, assumptionsJson);
 * if (bounds.ok) console.log(bounds.value.most.total, bounds.value.most.reached, bounds.value.least.total);
 */
export function contractBounds(contractInput: unknown, assumptionsInput?: unknown): Result<ContractBounds> {
  const parsed = parseContract(contractInput);
  if (!parsed.ok) return fail(parsed.issues);
  const contract = parsed.value;
  let assumptions: Assumptions | undefined;
  if (assumptionsInput !== undefined) {
    const checked = checkAssumptions(assumptionsInput, contract);
    if (!checked.ok) return fail(checked.issues.map((problem): Issue => ({ ...problem, path: ['assumptions', ...problem.path] })));
    assumptions = checked.value;
  }
  const cohorts = cohortsOf(contract, assumptions);
  if (Array.isArray(cohorts)) return fail(cohorts);
  const decimals = minorUnits(contract.currency);
  const { cells, payingTranches } = contractCells(contract, cohorts.bound);
  // amended caps: each at its highest amount over the versions
  const widest = widestCaps(contract);
  const most = mostBound(widest, familyBounds(widest, cells), payerCellMosts(contract, cells, payingTranches, decimals), payingTranches, decimals);
  const yearCapped = new Set((contract.caps ?? []).flatMap((cap) => (cap.kind === 'payer' && cap.per !== undefined ? [cap.payer] : [])));
  // a yearly cap that cuts or defers may leave an amount unpaid (a deferral lapses at the end): nothing is then sure
  const cutsOrDefers = (contract.caps ?? []).some((cap) => cap.kind === 'payer' && (cap.overflow === 'notPaid' || cap.overflow === 'deferred'));
  const leastTotal = cutsOrDefers ? ZERO : sumAmounts(cells.map((cell) => cell.least));
  const fractions = payerFractions(contract);
  const least = {
    total: leastTotal.toFixed(decimals),
    payers: contract.parties.payers.map((payer, p) => ({
      payer: payer.id,
      // a payer with a yearly commitment may pay nothing of a year's part above it (deferred, taken, cut)
      amount: (yearCapped.has(payer.id) ? ZERO : payerShare(fractions[p]?.least ?? RATIO_ZERO, leastTotal, payingTranches, decimals, false)).toFixed(decimals),
    })),
    limitedBy: ['rules'],
  };
  const mostScenario = settleScenario(contract, boundScenario(contract, cohorts.scenario, true, assumptions?.baselineWage), decimals);
  const leastScenario = settleScenario(contract, boundScenario(contract, cohorts.scenario, false, assumptions?.baselineWage), decimals);
  return ok({
    currency: contract.currency,
    most: checked(most, mostScenario),
    least: checked(least, leastScenario),
  });
}
