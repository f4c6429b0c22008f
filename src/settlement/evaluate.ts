/**
 * A contract evaluated from tallies alone: the amounts each tranche and payer earns, from a ledger
 * (counts by cohort, group, outcome and day, and participant claims), without building the
 * settlement document, its fingerprints or the audit text. The same rule modules as a settlement;
 * what a simulation runs for each drawn scenario.
 *
 * @module
 */
import type { Amount } from '../money/index.js';
import { sumAmounts } from '../money/index.js';
import type { Ledger } from './ledger.js';
import type { SettlementPlan } from './plan.js';
import type { IndicatorValues } from './rules/index.js';
import { runSchedule, type TrancheStatus } from './schedule.js';

/** One tranche's figures. */
export interface EvaluatedTranche {
  /** Tranche id (`exit:<clause>` for a payment on exit). */
  readonly id: string;
  /** What happened to it. */
  readonly status: TrancheStatus;
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
}

/**
 * Evaluates the contract of `plan` on `ledger`: tranche and payer amounts exactly as a settlement
 * of the same tallies computes them, with no audit text.
 *
 * @example
 * const plan = buildPlan(contract, parseDate('2025-06-30'), false);
 * const ledger = emptyLedgerOf(plan, false);
 * for (const record of records) accumulate(plan, ledger, record);
 * evaluateTallies(plan, ledger, new Map()).earned.toFixed(2);
 */
export function evaluateTallies(plan: SettlementPlan, ledger: Ledger, indicators: IndicatorValues): TallyEvaluation {
  const run = runSchedule(plan, ledger, indicators, false);
  const tranches = run.tranches.map((tranche) => ({ id: tranche.id, status: tranche.status, earned: tranche.earned, payerParts: tranche.payerParts }));
  return {
    tranches,
    earned: sumAmounts(tranches.map((tranche) => tranche.earned)),
    fired: run.exits.filter((exit) => exit.outcome === 'fired').map((exit) => exit.clause),
  };
}
