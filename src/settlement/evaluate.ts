/**
 * A contract evaluated from tallies alone: the amounts each tranche and payer earns, from a ledger
 * (counts by cohort, group, outcome and day, and participant claims), without building the
 * settlement document, its fingerprints or the audit text. The same rule modules as a settlement;
 * what a simulation runs for each drawn scenario.
 *
 * @module
 */
import type { CalendarDate } from '../calendar/index.js';
import type { Amount } from '../money/index.js';
import { ZERO, sumAmounts } from '../money/index.js';
import type { Ledger } from './ledger.js';
import type { SettlementPlan } from './plan.js';
import type { IndicatorValues } from './rules/index.js';
import { runSchedule, type RunResult, type TrancheStatus } from './schedule.js';

/** One tranche's figures. */
export interface EvaluatedTranche {
  /** Tranche id (`exit:<clause>` for a payment on exit). */
  readonly id: string;
  /** What happened to it. */
  readonly status: TrancheStatus;
  /** The day its money falls due (a payment on exit: its clause's check date), as a settlement dates it. */
  readonly dueOn: CalendarDate;
  /** Earned after every cap. */
  readonly earned: Amount;
  /** Per payer (contract order), after payer caps. */
  readonly payerParts: readonly Amount[];
}

/** A contract's figures on one ledger. */
export interface TallyEvaluation {
  /** Tranches in settlement order. */
  readonly tranches: readonly EvaluatedTranche[];
  /** Earned over every tranche. */
  readonly earned: Amount;
  /** Ids of the exit clauses that fired, in check order. */
  readonly fired: readonly string[];
  /**
   * Ids of the caps that cut something (contract order): a money, tranche, cohort, outcome,
   * contract or payer cap that cut a tranche, a share or outcome-volume cap that cut a claim a
   * tranche took, a per-participant cap that cut a participant's claim.
   */
  readonly capsCut: readonly string[];
  /** Per reinvestment (contract order): set aside over every tranche. */
  readonly reinvested: readonly Amount[];
  /** Ids of the minimum performance levels a review found not met (contract order). */
  readonly levelsMissed: readonly string[];
}

/** The ids of the caps that cut something in `run` (a yearly payer cap: cut, deferred or passed on), in contract order. */
function capsThatCut(plan: SettlementPlan, ledger: Ledger, run: RunResult): string[] {
  const cut = new Set<string>();
  for (const tranche of run.tranches) {
    for (const capCut of tranche.capCuts) cut.add(capCut.cap);
    for (const entry of tranche.budgetYears ?? []) if (!entry.over.isZero()) cut.add(entry.cap);
    for (const [cap, claims] of tranche.shareCuts) if (claims > 0) cut.add(cap);
  }
  plan.participantCaps.forEach((cap, index) => {
    if ((ledger.participantCaps[index]?.claims ?? 0) > 0) cut.add(cap.id);
  });
  const caps = plan.contract.caps ?? [];
  for (const cap of caps) {
    if (cap.kind === 'outcomeVolume' && (run.volumeCuts.get(plan.ruleIndex.get(cap.rule) ?? -1) ?? 0) > 0) cut.add(cap.id);
  }
  return caps.flatMap((cap) => (cut.has(cap.id) ? [cap.id] : []));
}

/**
 * Evaluates the contract of `plan` on `ledger`: tranche and payer amounts exactly as a settlement
 * of the same tallies computes them, the caps that cut something and what was set aside for
 * reinvestment, with no audit text.
 *
 * @example
 * const plan = buildPlan(contract, parseDate('2025-06-30'), false);
 * const ledger = emptyLedgerOf(plan, false);
 * for (const record of records) accumulate(plan, ledger, record);
 * evaluateTallies(plan, ledger, new Map()).earned.toFixed(2);
 */
export function evaluateTallies(plan: SettlementPlan, ledger: Ledger, indicators: IndicatorValues): TallyEvaluation {
  const run = runSchedule(plan, ledger, indicators, false);
  const tranches = run.tranches.map((tranche) => ({ id: tranche.id, status: tranche.status, dueOn: tranche.dueOn, earned: tranche.earned, payerParts: tranche.payerParts }));
  const reinvestments = plan.contract.reinvestment ?? [];
  const reinvested = reinvestments.map(() => ZERO);
  for (const tranche of run.tranches) {
    for (const part of tranche.reinvestment) {
      const k = reinvestments.findIndex((reinvestment) => reinvestment.id === part.reinvestment);
      if (k >= 0) reinvested[k] = (reinvested[k] ?? ZERO).plus(part.amount);
    }
  }
  return {
    tranches,
    earned: sumAmounts(tranches.map((tranche) => tranche.earned)),
    fired: run.exits.filter((exit) => exit.outcome === 'fired').map((exit) => exit.clause),
    capsCut: capsThatCut(plan, ledger, run),
    reinvested,
    levelsMissed: run.levels.filter((level) => level.reviews.some((review) => review.outcome === 'notMet')).map((level) => level.plan.source.id),
  };
}
