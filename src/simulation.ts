/**
 * `outcome-pay/simulation`: what a contract will cost before anyone signs it (docs/simulation.md).
 * Assumptions in, runs through the real settlement rules, exact statistics out; the most and the
 * least a contract can pay, from its terms. An entry point of its own, so the settlement core a
 * browser bundles does not carry it (docs/browser.md, Size).
 *
 * @example
 * import { parseAssumptions, simulate, summarize } from 'outcome-pay/simulation';
 *
 * @module outcome-pay/simulation
 */
export {
  IRR_TOLERANCE,
  PERCENTILES,
  PERCENTILE_DEFINITION,
  MAX_PRICE_SCALE,
  SCENARIOS,
  calibrate,
  contractBounds,
  expectedSchedule,
  forecast,
  internalRateOfReturn,
  investorWaterfall,
  parseAssumptions,
  scenarioOf,
  scenarios,
  simulate,
  summarize,
  summarizeForecast,
  tornado,
} from './simulation/index.js';
export type {
  AmountStatistics,
  Calibration,
  CalibrationOptions,
  CalibrationStep,
  OwnScenarios,
  ScenarioName,
  ScenarioResult,
  SensitivityOptions,
  Tornado,
  TornadoRow,
  Assumptions,
  Bound,
  BoundScenario,
  CapBinding,
  CashFlowPeriod,
  CashFlowSchedule,
  ContractBounds,
  ForecastDue,
  ForecastOptions,
  ForecastPayerAmount,
  ForecastRecords,
  ForecastSamples,
  ForecastSummary,
  DatedFlow,
  DatedPayment,
  DaysDistribution,
  IndicatorValue,
  InvestorRun,
  InvestorStatistics,
  InvestorSummary,
  InvestorTerms,
  IrrResult,
  IrrStatistics,
  OutcomeAssumption,
  OutcomeCost,
  PayerAmount,
  PayerBound,
  PayerStatistics,
  Probability,
  ReinvestmentStatistics,
  RunShare,
  SimulateOptions,
  SimulationSamples,
  SimulationSummary,
  WaterfallRun,
} from './simulation/index.js';
