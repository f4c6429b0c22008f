/**
 * The closed-form most and least of a contract: each rule's cells (its kind's `bounds`, from the
 * rule modules) against what the tranches and payments on exit can pay, then the caps. Each cap
 * kind gives a bound of its own (the cells it covers, at most its limit; the others in full); the
 * most is the lowest of them, so it is never below what any run pays.
 *
 * @module
 */
import { parseDate } from '../calendar/index.js';
import type { Contract } from '../contract/index.js';
import { ZERO, parseAmount, sumAmounts, type Amount } from '../money/index.js';
import { compileContract, outcomesPaidBy, payableCount, ruleBounds, shareCapsOf, type BoundCell, type BoundCohort, type CompiledContract, type PaidCohort } from '../settlement/index.js';

/** A cell of a rule (or the fixed payment on exit), with the tranches that can pay it. */
export interface ContractCell extends BoundCell {
  /** Rule id, or `exit` for the fixed payment on exit. */
  readonly rule: string;
  /** Ids of the tranches (and payments on exit) that can pay it. */
  readonly tranches: readonly string[];
}

/** What a tranche (or a payment on exit) can pay. */
interface Payer {
  readonly id: string;
  readonly rules: ReadonlySet<number>;
  readonly cohorts: ReadonlySet<number>;
  readonly outcomes: readonly string[] | undefined;
  readonly measuredOn: number;
}

/** A bound given by one kind of term, and what it names. */
export interface FamilyBound {
  /** What limits: `rules` (the rules alone) or a cap kind. */
  readonly by: 'rules' | 'participant caps' | 'share caps' | 'outcome volume caps' | 'outcome caps' | 'cohort caps' | 'tranche caps' | 'contract cap';
  /** The most over every tranche, after those terms. */
  readonly most: Amount;
}

/** The cells of a contract and the number of tranches that can pay. */
export interface ContractCells {
  readonly cells: readonly ContractCell[];
  /** Tranches that can pay in one run: the contract's, and one payment on exit at most. */
  readonly payingTranches: number;
}

/** The contract's tranches and the payments on exit its clauses can make, as what each can pay. */
function payersOf(compiled: CompiledContract): { payers: Payer[]; fixedExits: { id: string; amount: Amount }[] } {
  const tranches: Payer[] = compiled.tranches.map((tranche) => ({
    id: tranche.source.id,
    rules: tranche.rules,
    cohorts: tranche.cohorts,
    outcomes: tranche.source.outcomes,
    measuredOn: tranche.measuredOn,
  }));
  const exits: Payer[] = [];
  const fixedExits: { id: string; amount: Amount }[] = [];
  for (const clause of compiled.contract.exitClauses ?? []) {
    const effect = clause.effect;
    if ((effect.kind !== 'terminate' && effect.kind !== 'completeEarly') || effect.payOnExit.kind === 'nothing') continue;
    const id = `exit:${clause.id}`;
    const checkOn = parseDate(clause.checkOn);
    const pay = effect.payOnExit;
    if (pay.kind !== 'earnedToDate') fixedExits.push({ id, amount: parseAmount(pay.amount) });
    if (pay.kind === 'fixed') continue;
    // a payment on exit pays the rules and cohorts of every tranche not yet measured, outcomes unfiltered
    const later = tranches.filter((tranche) => tranche.measuredOn > checkOn);
    exits.push({ id, rules: new Set(later.flatMap((t) => [...t.rules])), cohorts: new Set(later.flatMap((t) => [...t.cohorts])), outcomes: undefined, measuredOn: checkOn });
  }
  return { payers: [...tranches, ...exits], fixedExits };
}

/** The largest product of the price factors above 1 that exit clauses can apply to `ruleId`. */
function raisingFactor(contract: Contract, ruleId: string): Amount {
  let factor = parseAmount(1);
  for (const clause of contract.exitClauses ?? []) {
    const effect = clause.effect;
    if (effect.kind !== 'reducePrices' || !effect.rules.includes(ruleId)) continue;
    const f = parseAmount(effect.factor);
    if (f.greaterThan(1)) factor = factor.times(f);
  }
  return factor;
}

/**
 * Every cell of the contract: each rule's cells (by its kind's closed form), and the largest fixed
 * payment on exit (one clause ends the contract at most).
 *
 * @example
 * contractCells(contract, cohorts).cells.map((cell) => [cell.rule, cell.most.toFixed(2)]);
 */
export function contractCells(contract: Contract, cohorts: readonly BoundCohort[]): ContractCells {
  const compiled = compileContract(contract);
  const { payers, fixedExits } = payersOf(compiled);
  // a minimum performance level that withholds or reduces can take away what a rule earns (a flag cannot);
  // it never adds: a release pays back what was withheld, so the most is unchanged
  const takes = (contract.minimumPerformance ?? []).some((level) => level.consequence.kind !== 'flag');
  const certain = (contract.exitClauses ?? []).length === 0 && (contract.caps ?? []).length === 0 && !takes;
  const cells: ContractCell[] = [];
  contract.rules.forEach((rule, index) => {
    const paysFor = outcomesPaidBy(rule);
    const paying = payers.filter(
      (payer) => payer.rules.has(index) && (payer.outcomes === undefined || paysFor.length === 0 || paysFor.some((outcome) => payer.outcomes?.includes(outcome))),
    );
    const paidCohorts: PaidCohort[] = cohorts.flatMap((cohort, k) => {
      const measured = paying.filter((payer) => payer.cohorts.has(k)).map((payer) => payer.measuredOn);
      return measured.length === 0 ? [] : [{ ...cohort, lastMeasured: Math.max(...measured) }];
    });
    const terms = {
      contract,
      currency: compiled.currency,
      rounding: compiled.rounding,
      allCohorts: cohorts,
      paidCohorts,
      paid: paying.length > 0,
      lastMeasured: Math.max(-Infinity, ...paying.map((payer) => payer.measuredOn)),
      factor: raisingFactor(contract, rule.id),
      certain,
    };
    for (const cell of ruleBounds(rule, terms)) {
      const k = cell.cohort === null ? -1 : (compiled.cohortIndex.get(cell.cohort) ?? -1);
      const tranches = paying.filter((payer) => k < 0 || payer.cohorts.has(k)).map((payer) => payer.id);
      cells.push({ ...cell, rule: rule.id, tranches });
    }
  });
  const largestFixed = fixedExits.reduce((max, exit) => (exit.amount.greaterThan(max) ? exit.amount : max), ZERO);
  if (fixedExits.length > 0) cells.push({ rule: 'exit', cohort: null, outcome: null, most: largestFixed, least: ZERO, tranches: fixedExits.map((exit) => exit.id) });
  return { cells, payingTranches: compiled.tranches.length + (payers.length > compiled.tranches.length || fixedExits.length > 0 ? 1 : 0) };
}

const mostOf = (cells: readonly ContractCell[]): Amount => sumAmounts(cells.map((cell) => cell.most));
const lower = (a: Amount, b: Amount): Amount => (a.lessThan(b) ? a : b);

/** Cells in disjoint groups, each group at most its limit, cells in no group in full. */
function grouped(cells: readonly ContractCell[], groupOf: (cell: ContractCell) => string | undefined, limits: ReadonlyMap<string, Amount>): Amount {
  const byGroup = new Map<string, ContractCell[]>();
  let free = ZERO;
  for (const cell of cells) {
    const group = groupOf(cell);
    if (group === undefined || !limits.has(group)) {
      free = free.plus(cell.most);
      continue;
    }
    byGroup.set(group, [...(byGroup.get(group) ?? []), cell]);
  }
  return [...byGroup].reduce((sum, [group, members]) => sum.plus(lower(limits.get(group) as Amount, mostOf(members))), free);
}

/** The lowest limit per key among caps. */
function lowestLimits(pairs: readonly (readonly [string, Amount])[]): Map<string, Amount> {
  const limits = new Map<string, Amount>();
  for (const [key, limit] of pairs) limits.set(key, lower(limits.get(key) ?? limit, limit));
  return limits;
}

/** Tranche caps: cells some uncapped tranche can pay in full; each capped tranche at most its cap of the rest it can pay. */
function trancheBound(cells: readonly ContractCell[], limits: ReadonlyMap<string, Amount>): Amount {
  const anyUncapped = (cell: ContractCell): boolean => cell.tranches.some((tranche) => !limits.has(tranche));
  const rest = cells.filter((cell) => !anyUncapped(cell));
  let most = mostOf(cells.filter(anyUncapped));
  for (const [tranche, limit] of limits) most = most.plus(lower(limit, mostOf(rest.filter((cell) => cell.tranches.includes(tranche)))));
  return most;
}

/**
 * The most over every tranche, by each kind of term that limits it: the rules alone, then each
 * kind of cap the contract has (participant caps per participant of a cohort, outcome volume caps
 * per rule, outcome, cohort and tranche caps per their lines, the contract cap). The most is the
 * lowest; payer caps apply after (see `contractBounds`).
 *
 * @example
 * familyBounds(contract, contractCells(contract, cohorts).cells).map((bound) => [bound.by, bound.most.toFixed(2)]);
 */
export function familyBounds(contract: Contract, cells: readonly ContractCell[]): FamilyBound[] {
  const caps = contract.caps ?? [];
  const bounds: FamilyBound[] = [{ by: 'rules', most: mostOf(cells) }];
  const participantCaps = caps.flatMap((cap) => (cap.kind === 'participant' ? [parseAmount(cap.amount)] : []));
  if (participantCaps.length > 0) {
    const perParticipant = participantCaps.reduce(lower);
    const claimCells = cells.filter((cell) => cell.claims !== undefined);
    const limits = new Map(claimCells.map((cell) => [cell.cohort as string, perParticipant.times(cell.claims?.participants ?? 0)]));
    bounds.push({ by: 'participant caps', most: grouped(cells, (cell) => (cell.claims === undefined ? undefined : (cell.cohort ?? undefined)), limits) });
  }
  if (caps.some((cap) => cap.kind === 'share')) {
    // per rule and cohort: at most the fewest claims a share cap allows for the cohort's size, each at the largest claim
    const limits = new Map<string, Amount>();
    for (const cell of cells) {
      const plans = cell.claims === undefined || cell.cohort === null ? [] : shareCapsOf(contract, cell.rule);
      if (plans.length === 0 || cell.claims === undefined) continue;
      const payable = Math.min(...plans.map((plan) => payableCount(plan, cell.claims?.participants ?? 0)));
      limits.set(`${cell.rule}|${String(cell.cohort)}`, cell.claims.largest.times(payable));
    }
    bounds.push({ by: 'share caps', most: grouped(cells, (cell) => (cell.claims === undefined || cell.cohort === null ? undefined : `${cell.rule}|${cell.cohort}`), limits) });
  }
  const volume = caps.flatMap((cap) => (cap.kind === 'outcomeVolume' ? [[cap.rule, cap.targetUnits] as const] : []));
  if (volume.length > 0) {
    const largest = (rule: string): Amount => cells.filter((cell) => cell.rule === rule).reduce((max, cell) => (cell.claims !== undefined && cell.claims.largest.greaterThan(max) ? cell.claims.largest : max), ZERO);
    const limits = lowestLimits(volume.map(([rule, units]) => [rule, largest(rule).times(units)] as const));
    bounds.push({ by: 'outcome volume caps', most: grouped(cells, (cell) => (cell.claims === undefined ? undefined : cell.rule), limits) });
  }
  const money = (kind: 'outcome' | 'cohort' | 'tranche'): Map<string, Amount> =>
    lowestLimits(caps.flatMap((cap) => (cap.kind !== kind ? [] : [[cap.kind === 'outcome' ? cap.outcome : cap.kind === 'cohort' ? cap.cohort : cap.tranche, parseAmount(cap.amount)] as const])));
  const outcomeLimits = money('outcome');
  if (outcomeLimits.size > 0) bounds.push({ by: 'outcome caps', most: grouped(cells, (cell) => cell.outcome ?? undefined, outcomeLimits) });
  const cohortLimits = money('cohort');
  if (cohortLimits.size > 0) bounds.push({ by: 'cohort caps', most: grouped(cells, (cell) => cell.cohort ?? undefined, cohortLimits) });
  const trancheLimits = money('tranche');
  if (trancheLimits.size > 0) bounds.push({ by: 'tranche caps', most: trancheBound(cells, trancheLimits) });
  const contractCaps = caps.flatMap((cap) => (cap.kind === 'contract' ? [parseAmount(cap.amount)] : []));
  if (contractCaps.length > 0) bounds.push({ by: 'contract cap', most: lower(contractCaps.reduce(lower), mostOf(cells)) });
  return bounds;
}
