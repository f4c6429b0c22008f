/**
 * Simulation of a contract before it is signed: assumptions, runs through the real rules, and
 * exact results (docs/simulation.md).
 *
 * @module
 */
export {
  AssumptionsSchema,
  DaysDistributionSchema,
  IndicatorValueSchema,
  OutcomeAssumptionSchema,
  ProbabilitySchema,
  parseAssumptions,
} from './assumptions.js';
export type { Assumptions, DaysDistribution, IndicatorValue, OutcomeAssumption, Probability } from './assumptions.js';
export { expectedSchedule, simulate } from './simulate.js';
// For the command line (src/index.ts and src/simulation.ts decide what the package exports)
export { mergeSamples } from './simulate.js';
export { forecast } from './forecast.js';
export { mergeForecastSamples } from './forecast-merge.js';
export type { ForecastOptions, ForecastRecords, ForecastSamples } from './forecast.js';
export { summarizeForecast } from './forecast-summary.js';
export type { ForecastDue, ForecastPayerAmount, ForecastSummary } from './forecast-summary.js';
export { contractBounds } from './bounds.js';
export type { Bound, BoundScenario, ContractBounds, PayerAmount, PayerBound } from './bounds.js';
export type { SimulateOptions, SimulationSamples } from './simulate.js';
export { PERCENTILES, PERCENTILE_DEFINITION, summarize } from './results.js';
export type { AmountStatistics, CapBinding, InvestorStatistics, InvestorSummary, IrrStatistics, RunShare, CashFlowPeriod, CashFlowSchedule, OutcomeCost, PayerStatistics, ReinvestmentStatistics, SimulationSummary } from './results.js';
export { IRR_TOLERANCE, internalRateOfReturn } from './irr.js';
export type { DatedFlow, IrrResult } from './irr.js';
export { investorWaterfall } from './waterfall.js';
export type { DatedPayment, InvestorRun, WaterfallRun } from './waterfall.js';
export { waterfallTerms } from './investor-terms.js';
export type { InvestorTerms } from './investor-terms.js';
export { SCENARIOS, SCENARIO_PERCENTILE, scenarioAssumptions, sensitivityAssumptions } from './scenarios.js';
export type { ScenarioName, SensitivityAssumption } from './scenarios.js';
export { scenarioOf, scenarios, tornado } from './sensitivity.js';
export type { OwnScenarios, ScenarioResult, SensitivityOptions, Tornado, TornadoRow } from './sensitivity.js';
export { MAX_PRICE_SCALE, calibrate } from './calibrate.js';
export type { Calibration, CalibrationOptions, CalibrationStep } from './calibrate.js';
