/**
 * The contract document: the zod schema (single source of the TypeScript types and of the
 * published JSON Schema) and the readonly types inferred from it.
 *
 * The schema checks structure only (types, required fields, unknown keys, patterns, enums).
 * Cross-field and semantic checks (dates in order, shares summing to 1, references, ranges)
 * run afterwards in `checks/`; use {@link parseContract} to get both.
 *
 * @module
 */
import * as z from 'zod/mini';
import { AmendmentsSchema } from './amendments.js';
import { CapSchema } from './caps.js';
import { CohortSchema, GroupSchema } from './cohorts.js';
import type { DeepReadonly } from './deep-readonly.js';
import { ExitClauseSchema } from './exit-clauses.js';
import { HiringGuaranteeSchema } from './hiring-guarantees.js';
import { MinimumPerformanceSchema } from './minimum-performance.js';
import { OutcomeSchema } from './outcome-definitions.js';
import { PartiesSchema } from './parties.js';
import { CurrencySchema, DateStringSchema, IdSchema, RoundingModeSchema, TextSchema } from './primitives.js';
import { ReinvestmentSchema } from './reinvestment.js';
import { PaymentRuleSchema } from './rules/index.js';
import { TrancheSchema } from './tranches.js';

/**
 * The schema version this library writes; it reads the earlier ones too, upgraded on read
 * (`EARLIER_SCHEMA_VERSIONS`, docs/contract.md "Versions").
 *
 * @example
 * contract.schemaVersion === CONTRACT_SCHEMA_VERSION; // true for every parsed contract
 */
export const CONTRACT_SCHEMA_VERSION = '2.0';

/**
 * The contract period, both ends inclusive.
 *
 * @example
 * PeriodSchema.parse({ start: '2023-01-01', end: '2028-12-31' });
 */
export const PeriodSchema = z.strictObject({ start: DateStringSchema, end: DateStringSchema });

/**
 * The zod schema of a contract document. Structure only; see `parseContract` for the full check.
 *
 * @example
 * const structural = ContractSchema.safeParse(JSON.parse(text));
 * const jsonSchema = z.toJSONSchema(ContractSchema, { io: 'input' });
 */
export const ContractSchema = z.strictObject({
  schemaVersion: z.literal(CONTRACT_SCHEMA_VERSION),
  id: IdSchema,
  name: TextSchema,
  description: z.optional(z.string().check(z.maxLength(5000))),
  currency: CurrencySchema,
  rounding: RoundingModeSchema.check(z.describe('Rounding mode used for every amount rounded to the currency minor unit.')),
  period: PeriodSchema,
  parties: PartiesSchema,
  cohorts: z.array(CohortSchema).check(z.minLength(1)),
  groups: z.optional(z.array(GroupSchema)).check(z.describe('Participant groups; absent = none.')),
  outcomes: z.array(OutcomeSchema).check(z.minLength(1)),
  rules: z.array(PaymentRuleSchema).check(z.minLength(1)),
  caps: z.optional(z.array(CapSchema)).check(z.describe('Absent = no caps.')),
  tranches: z.array(TrancheSchema).check(z.minLength(1)),
  exitClauses: z.optional(z.array(ExitClauseSchema)).check(z.describe('Absent = none.')),
  reinvestment: z.optional(z.array(ReinvestmentSchema)).check(z.describe('Absent = none.')),
  hiringGuarantees: z.optional(z.array(HiringGuaranteeSchema)).check(z.describe('Absent = none.')),
  minimumPerformance: z.optional(z.array(MinimumPerformanceSchema)).check(z.describe('Minimum performance levels; absent = none.')),
  amendments: z.optional(AmendmentsSchema).check(z.describe('Versions of the terms by effective date (rate-card prices, money cap amounts); absent = none.')),
});

/**
 * A validated contract: JSON-native (amounts, rates and dates stay strings) and readonly.
 *
 * @example
 * const result = parseContract(json);
 * if (result.ok) { const contract: Contract = result.value; console.log(contract.currency); }
 */
export type Contract = DeepReadonly<z.output<typeof ContractSchema>>;

/**
 * The contract as written (the input side of the schema), for building contracts in code.
 *
 * @example
 * const draft: ContractInput = JSON.parse(text) as ContractInput;
 */
export type ContractInput = z.input<typeof ContractSchema>;

/**
 * A payer of outcome payments and its share of every payment.
 *
 * @example const p: Payer = contract.parties.payers[0]!;
 */
export type Payer = Contract['parties']['payers'][number];
/**
 * An investor (for simulation: commitment, principal, return cap, guarantee).
 *
 * @example const investors: readonly Investor[] = contract.parties.investors ?? [];
 */
export type Investor = NonNullable<Contract['parties']['investors']>[number];
/**
 * A cohort: an enrolment window and an optional target size.
 *
 * @example const c: Cohort = contract.cohorts[0]!;
 */
export type Cohort = Contract['cohorts'][number];
/**
 * A participant group (a priority group such as minimum-income beneficiaries).
 *
 * @example const groups: readonly Group[] = contract.groups ?? [];
 */
export type Group = NonNullable<Contract['groups']>[number];
/**
 * An outcome definition (placement, retention, wage progression, milestone, cohort indicator).
 *
 * @example const o: Outcome = contract.outcomes[0]!;
 */
export type Outcome = Contract['outcomes'][number];
/**
 * The kinds of outcome definition.
 *
 * @example type K = OutcomeKind; // 'placement' | 'retention' | ...
 */
export type OutcomeKind = Outcome['kind'];
/**
 * A payment rule (rate card, sustainment, cohort rate, bonus, fee).
 *
 * @example const r: PaymentRule = contract.rules[0]!;
 */
export type PaymentRule = Contract['rules'][number];
/**
 * The kinds of payment rule.
 *
 * @example type K = PaymentRuleKind; // 'rateCard' | 'cohortRate' | ...
 */
export type PaymentRuleKind = PaymentRule['kind'];
/**
 * A cap (per participant, outcome volume, outcome, cohort, tranche, payer, contract).
 *
 * @example const caps: readonly Cap[] = contract.caps ?? [];
 */
export type Cap = NonNullable<Contract['caps']>[number];
/**
 * The kinds of cap.
 *
 * @example type K = CapKind; // 'participant' | 'contract' | ...
 */
export type CapKind = Cap['kind'];
/**
 * A tranche: what it pays for, when it is measured and when it falls due.
 *
 * @example const t: Tranche = contract.tranches[0]!;
 */
export type Tranche = Contract['tranches'][number];
/**
 * An exit clause: a condition checked at a date and its effect.
 *
 * @example const clauses: readonly ExitClause[] = contract.exitClauses ?? [];
 */
export type ExitClause = NonNullable<Contract['exitClauses']>[number];
/**
 * The condition of an exit clause.
 *
 * @example const cond: ExitCondition = clause.condition;
 */
export type ExitCondition = ExitClause['condition'];
/**
 * The effect of an exit clause when its condition holds.
 *
 * @example const effect: ExitEffect = clause.effect;
 */
export type ExitEffect = ExitClause['effect'];
/**
 * A reinvestment: a share of payments set aside for a destination, with a cap.
 *
 * @example const list: readonly Reinvestment[] = contract.reinvestment ?? [];
 */
export type Reinvestment = NonNullable<Contract['reinvestment']>[number];
/**
 * A conditional hiring guarantee by an employer.
 *
 * @example const list: readonly HiringGuarantee[] = contract.hiringGuarantees ?? [];
 */
export type HiringGuarantee = NonNullable<Contract['hiringGuarantees']>[number];
/**
 * A minimum performance level: a share of participants achieving an outcome on review dates, and
 * the consequence of falling below it.
 *
 * @example const levels: readonly MinimumPerformance[] = contract.minimumPerformance ?? [];
 */
export type MinimumPerformance = NonNullable<Contract['minimumPerformance']>[number];
/**
 * The amendments of a contract: versions of its terms by effective date.
 *
 * @example const amendments: Amendments | undefined = contract.amendments;
 */
export type Amendments = NonNullable<Contract['amendments']>;
