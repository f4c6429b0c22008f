/**
 * Generators for settlement tests, by concern: contracts (contract.ts), records (records.ts),
 * as-of dates (dates.ts), currencies and money text (currencies.ts), indicator values
 * (indicators.ts), whole scenarios (scenario.ts), and the measures of what they generate
 * (measure.ts).
 */
export { CONTRACT_TYPES, drawContract, type ContractTerms, type GeneratedContract } from './contract.js';
export { CURRENCIES, EUR, currency, currencyOf, minor, moneyText, sumMinor, type Currency } from './currencies.js';
export { drawAsOf, later, measurementDays } from './dates.js';
export { drawIndicators, type Indicators } from './indicators.js';
export { drawRecord, type RecordOptions, type WireRecord, type WireSpell } from './records.js';
export { scenarioArbitrary, type Scenario, type ScenarioOptions } from './scenario.js';
export { drawPayerFunding, fundingMode, type FundingMode } from './payer-funding.js';
export { bindsCap, choicesOf, firesExit, pays, UNIONS, variantShares, type Union } from './measure.js';
