/**
 * `outcome-pay/schemas`: the schemas of the documents. The zod schemas (zod/mini) of the contract,
 * the records and the simulation assumptions, for a service that composes them into its own zod
 * schemas; and their JSON Schemas (`contractJsonSchema`, `recordsJsonSchema`,
 * `assumptionsJsonSchema`), for a tool that validates or edits the documents in another language
 * (the same as the published `contract.schema.json` and `records.schema.json`). The main entry
 * point does not expose zod's types and does not carry zod's JSON Schema generator;
 * `parseContract` and `validateRecords` are what most users need. Also `migrateContractText`,
 * which rewrites a contract file written in an earlier version of the format (the command line's
 * `outcome-pay migrate`), kept out of the core's browser bundle.
 *
 * @module outcome-pay/schemas
 */
export {
  AmendmentSchema,
  AmendmentsSchema,
  BaselineSchema,
  BaselineSourceSchema,
  BonusPaymentSchema,
  BonusTriggerSchema,
  CapSchema,
  CohortSchema,
  ContractSchema,
  DenominatorSchema,
  EarningsThresholdSchema,
  ExitClauseSchema,
  ExitConditionSchema,
  ExitEffectSchema,
  FeeChargeSchema,
  GroupPricingSchema,
  GroupSchema,
  HiringGuaranteeSchema,
  IndicatorPaymentSchema,
  IndicatorPeriodSchema,
  InvestorSchema,
  MinimumPerformanceConsequenceSchema,
  MinimumPerformanceSchema,
  OutcomeSchema,
  PartiesSchema,
  PayOnExitSchema,
  PayerSchema,
  PayerScopeSchema,
  PaymentRuleSchema,
  PeriodSchema,
  RateScheduleSchema,
  ReinvestmentDestinationSchema,
  ReinvestmentSchema,
  ReinvestmentTriggerSchema,
  RetentionMeasureSchema,
  ResultsIndicatorRuleSchema,
  ReturnCapSchema,
  SeveralGroupsSchema,
  TrancheSchema,
  WageThresholdSchema,
} from './contract/index.js';
export {
  DateSchema,
  EarningsObservationSchema,
  EmploymentSpellSchema,
  OutcomeRecordSchema,
  RecordEventSchema,
  WageObservationSchema,
  WageSchema,
} from './records/index.js';
export { AssumptionsSchema, DaysDistributionSchema, IndicatorValueSchema, OutcomeAssumptionSchema, ProbabilitySchema } from './simulation/index.js';
export { assumptionsJsonSchema, contractJsonSchema, recordsJsonSchema } from './schema/json-schema.js';
export { migrateContractText } from './contract/migrate-text.js';
export type { JsonSchema } from './schema/json-schema.js';
