/**
 * The settlement schedule: tranche measurements and exit-clause checks applied in date order to
 * the ledger (same day: the tranche first, then the clause), as ACTUS applies contract events.
 *
 * @module
 */
import type { CalendarDate } from '../calendar/index.js';
import { versionAt, type ContractVersion } from '../contract/index.js';
import type { Issue } from '../errors.js';
import { hasOwn } from '../own-data.js';
import { ZERO, parseAmount, sumAmounts, type Amount, type Ratio } from '../money/index.js';
import { splitTranche } from './payer-split.js';
import { applyMoneyCaps, applyPayerCaps, type CapCut } from './caps/money-caps.js';
import { applyYearCaps, noteScheduled, yearCapState, yearCaps, type BudgetYearEntry, type YearCapState } from './caps/payer-years.js';
import { checkExit, uncheckedExit, type ExitCheck } from './exits.js';
import type { Ledger } from './ledger.js';
import type { Line } from './lines.js';
import { DateCounts } from './date-counts.js';
import type { SettlementPlan } from './plan.js';
import { reinvest, type ReinvestmentPart, type ReinvestmentState } from './reinvestment.js';
import type { IndicatorValues, RunState } from './rules/index.js';
import { findUnscheduled, type UnscheduledClaims } from './unscheduled.js';
import { applyLevels, reviewBefore, startLevels, type LevelRun } from './minimum-performance.js';

/** What happened to a tranche. */
export type TrancheStatus = 'settled' | 'scheduled' | 'cancelled' | 'suspended';

/** A tranche as computed (amounts exact, at minor units). */
export interface TrancheResult {
  /** Tranche id (`exit:<clause>` for an exit payment). */
  readonly id: string;
  /** Name. */
  readonly name: string;
  /** Status. */
  status: TrancheStatus;
  /** Clause that cancelled, suspended or created it. */
  byClause: string | null;
  /** Measurement date. */
  readonly measuredOn: CalendarDate;
  /** Due date. */
  readonly dueOn: CalendarDate;
  /** Lines (earned before caps, paid after). */
  lines: Line[];
  /** Cap cuts. */
  capCuts: CapCut[];
  /** Claims each share cap cut in this tranche, by cap id (only caps that cut; the lines say where). */
  shareCuts: ReadonlyMap<string, number>;
  /** Earned by the tranche after every cap. */
  earned: Amount;
  /** What a suspension withheld, and what a minimum performance level withholds from it and has not released. */
  withheld: Amount;
  /** Set aside for reinvestment. */
  reinvestment: ReinvestmentPart[];
  /** Per payer (contract order), after payer caps. */
  payerParts: Amount[];
  /** Per payer, the exact part before rounding and payer caps; undefined for plain decimal shares. */
  payerExact: readonly Ratio[] | undefined;
  /** Per payer, the part the split gave before payer caps (with `payerExact`). */
  splitParts: readonly Amount[] | undefined;
  /** What the yearly payer caps did (contracts with yearly caps only, else undefined). */
  budgetYears: BudgetYearEntry[] | undefined;
}

/** The computed schedule. */
export interface RunResult {
  /** Tranches in settlement order. */
  readonly tranches: readonly TrancheResult[];
  /** Every exit clause, in check order. */
  readonly exits: readonly ExitCheck[];
  /** Claims no tranche will pay (with `explain` only: empty without). */
  readonly unscheduled: readonly UnscheduledClaims[];
  /** Problems with the options (missing indicators). */
  readonly problems: readonly Issue[];
  /** Per rule index: the claims its outcome-volume cap cut over the run. */
  readonly volumeCuts: ReadonlyMap<number, number>;
  /** The minimum performance levels: reviews, what they did in each tranche, what is still withheld. */
  readonly levels: readonly LevelRun[];
}

interface TrancheSpec {
  readonly id: string;
  readonly name: string;
  readonly measuredOn: number;
  readonly dueOn: number;
  readonly rules: readonly number[];
  readonly cohorts: readonly number[];
  readonly outcomes: readonly string[] | undefined;
  readonly fixedExitPayment: Amount | undefined;
  readonly byClause: string | null;
}

interface State extends RunState {
  readonly levels: readonly LevelRun[];
  readonly capsUsed: Map<string, Amount>;
  readonly reinvestment: ReinvestmentState;
  readonly years: YearCapState;
}

function computeLines(plan: SettlementPlan, ledger: Ledger, state: State, spec: TrancheSpec, advance: boolean, suspended: boolean): Line[] {
  const lines: Line[] = [];
  const tranche = { ledger, state, cohorts: spec.cohorts, measuredOn: spec.measuredOn, advance, suspended };
  for (const index of spec.rules) {
    const rule = plan.rules[index];
    if (rule === undefined) continue;
    const paysFor = rule.paysFor;
    if (spec.outcomes !== undefined && paysFor.length > 0 && !paysFor.some((outcome) => spec.outcomes?.includes(outcome))) continue;
    lines.push(...rule.lines(tranche));
  }
  if (spec.fixedExitPayment !== undefined && spec.byClause !== null) {
    lines.push({
      rule: `exit:${spec.byClause}`,
      kind: 'exitPayment',
      cohort: null,
      outcome: null,
      claims: null,
      unit: null,
      inputs: { clause: spec.byClause },
      formula: `fixed payment on exit under clause ${spec.byClause}`,
      exact: spec.fixedExitPayment,
      amount: spec.fixedExitPayment,
      paid: spec.fixedExitPayment,
      participants: undefined,
    });
  }
  return lines;
}

const NO_SHARE_CUTS: ReadonlyMap<string, number> = new Map();

/** The claims each share cap cut since `before` (running totals by cap id), caps that cut only. */
function cutsSince(before: ReadonlyMap<string, number>, now: ReadonlyMap<string, number>): ReadonlyMap<string, number> {
  const cuts = new Map<string, number>();
  for (const [cap, total] of now) {
    const cut = total - (before.get(cap) ?? 0);
    if (cut > 0) cuts.set(cap, cut);
  }
  return cuts;
}

function settleTranche(plan: SettlementPlan, ledger: Ledger, state: State, spec: TrancheSpec, status: TrancheStatus): TrancheResult {
  const result: TrancheResult = {
    id: spec.id,
    name: spec.name,
    status,
    byClause: spec.byClause,
    measuredOn: spec.measuredOn as CalendarDate,
    dueOn: spec.dueOn as CalendarDate,
    lines: [],
    capCuts: [],
    shareCuts: NO_SHARE_CUTS,
    earned: ZERO,
    withheld: ZERO,
    reinvestment: [],
    payerParts: plan.contract.parties.payers.map(() => ZERO),
    payerExact: undefined,
    splitParts: undefined,
    budgetYears: undefined,
  };
  if (status === 'scheduled') noteScheduled(state.years, spec.id, spec.dueOn as CalendarDate);
  if (status === 'scheduled' || status === 'cancelled') return result;
  const cutsBefore = state.shareCuts.size === 0 ? NO_SHARE_CUTS : new Map(state.shareCuts);
  const takenBefore = plan.participantCaps.length === 0 ? undefined : new Map(state.watermark);
  const lines = computeLines(plan, ledger, state, spec, true, status === 'suspended');
  result.lines = lines;
  if (takenBefore !== undefined) result.capCuts = participantCapCuts(plan, ledger, takenBefore, state.watermark);
  if (state.shareCuts.size > 0) result.shareCuts = cutsSince(cutsBefore, state.shareCuts);
  if (status === 'suspended') {
    result.withheld = sumAmounts(lines.map((line) => line.amount));
    for (const line of lines) line.paid = ZERO;
    if (plan.versions !== undefined) nameVersions(plan.versions, lines, spec.measuredOn);
    return result;
  }
  // an amended contract's caps are those of the version in force on the tranche's due date
  const versions = plan.versions;
  const caps = (versions === undefined ? plan.contract : (versions[versionAt(versions, spec.dueOn)] as ContractVersion).terms).caps ?? [];
  result.capCuts.push(...applyMoneyCaps(caps, lines, spec.id, state.capsUsed));
  if (state.levels.length > 0) {
    reviewBefore(state.levels, ledger, spec.measuredOn, plan.asOf);
    lines.push(...applyLevels(state.levels, ledger, result, lines, plan, state.explain));
  }
  const total = sumAmounts(lines.map((line) => line.paid));
  const split = splitTranche(plan.payerSplit, lines, total, plan.currency);
  const parts = split.parts;
  result.payerExact = split.exact;
  result.splitParts = split.exact === undefined ? undefined : [...parts];
  const payerIds = plan.contract.parties.payers.map((payer) => payer.id);
  if (state.years.caps.length > 0) {
    const years = applyYearCaps(state.years, payerIds, spec.id, spec.dueOn as CalendarDate, parts);
    result.budgetYears = years.entries;
    result.capCuts.push(...years.cuts);
  }
  result.capCuts.push(...applyPayerCaps(caps, payerIds, parts, state.capsUsed));
  result.payerParts = parts;
  result.earned = sumAmounts(parts);
  result.reinvestment = reinvest(plan, state.reinvestment, lines, result.earned);
  if (versions !== undefined) nameVersions(versions, lines, spec.measuredOn);
  return result;
}

/**
 * The per-participant caps' cuts of the claims a tranche took (each rule and cohort's claims dated
 * after its watermark before the tranche and up to its watermark after): one entry per cap that
 * cut, summed over those claims.
 */
function participantCapCuts(plan: SettlementPlan, ledger: Ledger, before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): CapCut[] {
  const out: CapCut[] = [];
  plan.participantCaps.forEach((cap, index) => {
    let taken: { count: number; usedBefore: Amount; requested: Amount; cut: Amount; participants: string[] | undefined } | undefined;
    for (const claims of ledger.participantCaps[index]?.byClaim.values() ?? []) {
      const key = `${claims.rule}|${claims.cohort}`;
      if (claims.date <= (before.get(key) ?? -Infinity) || claims.date > (after.get(key) ?? -Infinity)) continue;
      taken ??= { count: 0, usedBefore: ZERO, requested: ZERO, cut: ZERO, participants: claims.participants === undefined ? undefined : [] };
      taken.count += claims.count;
      taken.usedBefore = taken.usedBefore.plus(claims.usedBefore);
      taken.requested = taken.requested.plus(claims.requested);
      taken.cut = taken.cut.plus(claims.cut);
      if (claims.participants !== undefined) taken.participants?.push(...claims.participants);
    }
    if (taken === undefined) return;
    const participants = taken.participants === undefined ? {} : { participants: [...new Set(taken.participants)].sort() };
    out.push({ cap: cap.id, kind: 'participant', limit: cap.amount, usedBefore: taken.usedBefore, requested: taken.requested, cut: taken.cut, claims: taken.count, ...participants });
  });
  return out;
}

/** An amended contract's lines that no claim dates (cohort amounts, fees on dates, exit payments, withholding) carry the version in force on the measurement date. */
function nameVersions(versions: readonly ContractVersion[], lines: readonly Line[], measuredOn: number): void {
  const inForce = (versions[versionAt(versions, measuredOn)] as ContractVersion).id;
  for (const line of lines) if (!hasOwn(line, 'version')) line.version = inForce;
}

function specOf(plan: SettlementPlan, index: number): TrancheSpec {
  const tranche = plan.tranches[index];
  if (tranche === undefined) throw new Error('outcome-pay internal error: tranche index');
  return {
    id: tranche.source.id,
    name: tranche.source.name,
    measuredOn: tranche.measuredOn,
    dueOn: tranche.dueOn,
    rules: [...tranche.rules].sort((a, b) => a - b),
    cohorts: [...tranche.cohorts].sort((a, b) => a - b),
    outcomes: tranche.source.outcomes,
    fixedExitPayment: undefined,
    byClause: null,
  };
}

/**
 * Runs the settlement schedule over a ledger. With `explain` false the lines carry no audit text
 * and the claims no tranche will pay are not listed (see {@link evaluateTallies}); the amounts are
 * the same.
 *
 * @example
 * const run = runSchedule(plan, ledger, new Map());
 * run.tranches.map((t) => [t.id, t.status, t.earned.toFixed(2)]);
 */
export function runSchedule(plan: SettlementPlan, ledger: Ledger, indicators: IndicatorValues, explain = true): RunResult {
  const problems: Issue[] = [];
  const state: State = {
    watermark: new Map(),
    volumeUsed: new Map(),
    volumeCuts: new Map(),
    shareUsed: new Map(),
    shareCuts: new Map(),
    paidSoFar: new Map(),
    indicators,
    problems,
    capsUsed: new Map(),
    reinvestment: { earned: ZERO, units: new Map(), surplus: new Map(), setAside: new Map() },
    years: yearCapState(yearCaps(plan.contract)),
    reductions: [],
    explain,
    levels: startLevels(plan.levels),
  };
  const specs = plan.tranches.map((_, index) => specOf(plan, index));
  const statuses = new Map<string, { status: TrancheStatus; byClause: string | null }>();
  const clauses = [...(plan.contract.exitClauses ?? [])]
    .map((clause, index) => ({ clause, index, checkOn: plan.exitCheckDates[index] ?? 0 }))
    .sort((a, b) => a.checkOn - b.checkOn || a.index - b.index);
  const results: TrancheResult[] = [];
  const exits: ExitCheck[] = [];
  let ended = false;
  let endedBy: { clause: string; on: number } | null = null;
  let next = 0;
  const participantCuts = new Map(plan.participantCaps.map((cap, index) => [cap.id, ledger.participantCaps[index]?.dates ?? new DateCounts()]));

  const runTranchesUpTo = (date: number): void => {
    while (next < specs.length && (specs[next]?.measuredOn ?? Infinity) <= date) {
      const spec = specs[next] as TrancheSpec;
      next += 1;
      const forced = statuses.get(spec.id);
      // A tranche cancelled by a clause that fired on or before the as-of date is cancelled even if
      // it is measured after it: it will never be paid, so it is not `scheduled`.
      const status: TrancheStatus =
        forced?.status === 'cancelled' ? 'cancelled' : spec.measuredOn > plan.asOf ? 'scheduled' : (forced?.status ?? 'settled');
      const result = settleTranche(plan, ledger, state, spec, status);
      result.byClause = forced?.byClause ?? null;
      results.push(result);
    }
  };

  for (const { clause, checkOn } of clauses) {
    runTranchesUpTo(checkOn);
    if (ended) {
      exits.push(uncheckedExit(clause, 'skipped'));
      continue;
    }
    if (checkOn > plan.asOf) {
      exits.push(uncheckedExit(clause, 'notYetChecked'));
      continue;
    }
    const check = checkExit(plan, ledger, clause, indicators, { used: state.capsUsed, yearsUsed: state.years.used, volumeUsed: state.volumeUsed, shareCuts: state.shareCuts, participantCuts }, problems);
    exits.push(check);
    if (check.outcome !== 'fired') continue;
    const effect = clause.effect;
    const later = specs.slice(next);
    switch (effect.kind) {
      case 'terminate':
      case 'completeEarly': {
        ended = true;
        endedBy = { clause: clause.id, on: checkOn };
        for (const spec of later) statuses.set(spec.id, { status: 'cancelled', byClause: clause.id });
        const pay = effect.payOnExit;
        if (pay.kind === 'nothing') break;
        const earnedToDate = pay.kind === 'earnedToDate' || pay.kind === 'earnedToDatePlusFixed';
        const exitSpec: TrancheSpec = {
          id: `exit:${clause.id}`,
          name: `Payment on exit (${clause.name})`,
          measuredOn: checkOn,
          dueOn: checkOn,
          rules: earnedToDate ? [...new Set(later.flatMap((spec) => spec.rules))].sort((a, b) => a - b) : [],
          cohorts: earnedToDate ? [...new Set(later.flatMap((spec) => spec.cohorts))].sort((a, b) => a - b) : [],
          outcomes: undefined,
          fixedExitPayment: pay.kind === 'earnedToDate' ? undefined : parseAmount(pay.amount),
          byClause: clause.id,
        };
        results.push(settleTranche(plan, ledger, state, exitSpec, 'settled'));
        break;
      }
      case 'suspendTranches':
        for (const spec of later) if (effect.tranches.includes(spec.id)) statuses.set(spec.id, { status: 'suspended', byClause: clause.id });
        break;
      case 'reducePrices':
        state.reductions.push({
          clause: clause.id,
          after: checkOn,
          factor: parseAmount(effect.factor),
          rules: new Set(effect.rules.map((id) => plan.ruleIndex.get(id) ?? -1)),
        });
        break;
      default: {
        const never: never = effect;
        return never;
      }
    }
  }
  runTranchesUpTo(Infinity);
  reviewBefore(state.levels, ledger, Infinity, plan.asOf);
  // the claims no tranche will pay are listed by a settlement document only (evaluateTallies, explain false, reads none)
  const future = specs.filter((spec) => spec.measuredOn > plan.asOf && statuses.get(spec.id)?.status !== 'cancelled');
  const unscheduled = explain ? findUnscheduled(plan, ledger, state.watermark, future, endedBy) : [];
  return { tranches: results, exits, unscheduled, problems, volumeCuts: state.volumeCuts, levels: state.levels };
}
