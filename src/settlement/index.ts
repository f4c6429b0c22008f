/**
 * Settlement: what is owed under a contract at a date, to whom, and why.
 *
 * @module
 */
export { settle } from './settle.js';
export { settleStream } from './settle-stream.js';
export { SETTLEMENT_ISSUE_CODES } from '../codes/index.js';
export type { SettlementIssueCode } from '../codes/index.js';
export type { SettleOptions } from './options.js';
export { checkOptions } from './options.js';
export type { CheckedOptions } from './options.js';
export { openSession } from './session.js';
export type { SettlementSession } from './session.js';
export { readPrevious } from './previous.js';
export type { PreviousPayments, PreviousSettlement, PreviousTranche } from './previous.js';
export type {
  PayerAmounts,
  Settlement,
  SettlementAdjustment,
  SettlementAdjustmentCause,
  SettlementBudgetYear,
  SettlementBudgetYearEntry,
  SettlementCapCut,
  SettlementDataQuality,
  SettlementDecisionAtRisk,
  SettlementExit,
  SettlementHiringGuarantee,
  SettlementLevelReview,
  SettlementLevelTranche,
  SettlementLine,
  SettlementLineFunding,
  SettlementMinimumPerformance,
  SettlementParticipantCap,
  SettlementPayerSplit,
  SettlementPrevious,
  SettlementReinvestment,
  SettlementTally,
  SettlementTranche,
  SettlementUnscheduled,
} from './types.js';

// For the other folders of src/ (src/index.ts decides what the package exports)
export { accumulate, accumulateResolved, resolvedIncrements } from './accumulate.js';
export type { ResolvedIncrements } from './accumulate.js';
export { evaluateTallies } from './evaluate.js';
export { buildPlan, emptyLedgerOf } from './plan.js';
export { addClaims, clearLedger } from './ledger.js';
export type { DateCounts } from './date-counts.js';
export type { Ledger } from './ledger.js';
export type { SettlementPlan } from './plan.js';
export { recordContext } from './record-context.js';
export type { BoundCell, BoundCohort, IndicatorValues, PaidCohort } from './rules/index.js';
export { compileContract } from './indexed-contract.js';
export { settlementArgument } from './settlement-argument.js';
export { contractFingerprint } from './contract-fingerprint.js';
export type { CompiledContract } from './indexed-contract.js';
export { compileRatePrices, outcomesPaidBy, priceIndexFor, ruleBounds } from './rules/index.js';
export { payableCount, shareCapsOf } from './caps/share-caps.js';
export { prepareSettlement } from './prepare.js';
export { applyParticipantCaps } from './caps/participant-caps.js';
export { covers as moneyCapCovers } from './caps/money-caps.js';
export type { MoneyCap } from './caps/money-caps.js';
export type { ParticipantCapPlan } from './plan.js';
export type { Claim } from './rules/index.js';
