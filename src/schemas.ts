/**
 * `outcome-pay/schemas`: the zod schemas of the contract, the records and the simulation assumptions, for a service that
 * composes them into its own zod schemas. The main entry point does not expose zod's types;
 * `parseContract`, `validateRecords` and the JSON Schemas (`contractJsonSchema`,
 * `recordsJsonSchema`) are what most users need.
 *
 * @module
 */
export {
  BaselineSchema,
  BaselineSourceSchema,
  BonusPaymentSchema,
  BonusTriggerSchema,
  CapSchema,
  CohortSchema,
  ContractSchema,
  DenominatorSchema,
  ExitClauseSchema,
  ExitConditionSchema,
  ExitEffectSchema,
  FeeChargeSchema,
  GroupPricingSchema,
  GroupSchema,
  HiringGuaranteeSchema,
  InvestorSchema,
  OutcomeSchema,
  PartiesSchema,
  PayOnExitSchema,
  PayerSchema,
  PaymentRuleSchema,
  PeriodSchema,
  RateScheduleSchema,
  ReinvestmentDestinationSchema,
  ReinvestmentSchema,
  ReinvestmentTriggerSchema,
  RetentionMeasureSchema,
  ReturnCapSchema,
  SeveralGroupsSchema,
  TrancheSchema,
  WageThresholdSchema,
} from './contract/index.js';
export {
  DateSchema,
  EmploymentSpellSchema,
  OutcomeRecordSchema,
  RecordEventSchema,
  WageObservationSchema,
  WageSchema,
} from './records/index.js';
export { AssumptionsSchema, DaysDistributionSchema, IndicatorValueSchema, OutcomeAssumptionSchema, ProbabilitySchema } from './simulation/index.js';
