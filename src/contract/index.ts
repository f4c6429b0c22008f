/**
 * The contract data model: schema, types, parsing and validation.
 *
 * @module
 */
export { parseContract } from './parse.js';
export { EARLIER_SCHEMA_VERSIONS } from './migrate.js';
export { migrateContractText } from './migrate-text.js';
export { ContractSchema, CONTRACT_SCHEMA_VERSION, PeriodSchema } from './schema.js';
export type {
  Amendments,
  Cap,
  CapKind,
  Cohort,
  Contract,
  ContractInput,
  ExitClause,
  ExitCondition,
  ExitEffect,
  Group,
  HiringGuarantee,
  Investor,
  MinimumPerformance,
  Outcome,
  OutcomeKind,
  Payer,
  PaymentRule,
  PaymentRuleKind,
  Reinvestment,
  Tranche,
} from './schema.js';
export { CONTRACT_ISSUE_CODES } from '../codes/index.js';
export type { ContractIssueCode } from '../codes/index.js';
export type { DeepReadonly } from './deep-readonly.js';
export { CapSchema } from './caps.js';
export { FORBIDDEN_KEYS } from './forbidden-keys.js';
export { CohortSchema, GroupSchema } from './cohorts.js';
export { ExitClauseSchema, ExitConditionSchema, ExitEffectSchema, PayOnExitSchema } from './exit-clauses.js';
export { HiringGuaranteeSchema } from './hiring-guarantees.js';
export { MinimumPerformanceConsequenceSchema, MinimumPerformanceSchema } from './minimum-performance.js';
export { OutcomeSchema, RetentionMeasureSchema, WageThresholdSchema } from './outcome-definitions.js';
export { EarningsThresholdSchema } from './earnings-outcome.js';
export { InvestorSchema, PartiesSchema, PayerSchema, PayerScopeSchema, ReturnCapSchema } from './parties.js';
export { fundedLines, funds, isUniformFunding, lineSplit, payerFundings, type FundedLine, type FundingBasis, type LineSplit, type PayerFunding } from './funding.js';
export { CONTRACT_ROUNDING_MODES, MAX_CONTRACT_COUNT, MAX_CONTRACT_DAYS, MAX_CONTRACT_MONTHS, MAX_CONTRACT_WEEKS } from './primitives.js';
export { outcomeDuration } from './durations.js';
export type { DurationFields } from './durations.js';
export { ReinvestmentSchema, ReinvestmentDestinationSchema, ReinvestmentTriggerSchema } from './reinvestment.js';
export {
  BaselineSchema,
  BaselineSourceSchema,
  BonusPaymentSchema,
  BonusTriggerSchema,
  DenominatorSchema,
  FeeChargeSchema,
  GroupPricingSchema,
  IndicatorPaymentSchema,
  IndicatorPeriodSchema,
  PaymentRuleSchema,
  RateScheduleSchema,
  ResultsIndicatorRuleSchema,
  SeveralGroupsSchema,
} from './rules/index.js';
export { ruleFacts } from './rules/index.js';
export { TrancheSchema } from './tranches.js';
export { AmendmentSchema, AmendmentsSchema, BASE_VERSION, CapChangeSchema, RuleChangeSchema } from './amendments.js';
export { contractVersions, versionAt, widestCaps, type ContractVersion } from './contract-versions.js';
export { earliestAchievement } from './checks/timing.js';
