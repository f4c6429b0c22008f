/**
 * `outcome-pay/simulation`: what a contract will cost before anyone signs it (docs/simulation.md).
 * Assumptions in, runs through the real settlement rules, exact statistics out; the most and the
 * least a contract can pay, from its terms. An entry point of its own, so the settlement core a
 * browser bundles does not carry it (docs/browser.md, Size).
 *
 * @example
 * import { parseAssumptions, simulate, summarize } from 'outcome-pay/simulation';
 *
 * @module
 */
export { PERCENTILES, PERCENTILE_DEFINITION, contractBounds, parseAssumptions, simulate, summarize } from './simulation/index.js';
export type {
  AmountStatistics,
  Assumptions,
  Bound,
  BoundScenario,
  CapBinding,
  CashFlowPeriod,
  CashFlowSchedule,
  ContractBounds,
  DaysDistribution,
  IndicatorValue,
  OutcomeAssumption,
  OutcomeCost,
  PayerAmount,
  PayerBound,
  PayerStatistics,
  Probability,
  ReinvestmentStatistics,
  SimulateOptions,
  SimulationSamples,
  SimulationSummary,
} from './simulation/index.js';
