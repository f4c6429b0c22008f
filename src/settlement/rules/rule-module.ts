/**
 * What a payment rule module is: the one place that knows a rule kind. A module says which
 * outcomes the rule pays for, which rates it reads, what it claims per participant (if it pays
 * per participant) and how it turns the tallies into the lines of a tranche, worded for the audit
 * trail. The engine (`accumulate.ts`, `schedule.ts`) only loops over prepared rules.
 *
 * @module
 */
import type { CalendarDate } from '../../calendar/index.js';
import type { PaymentRule } from '../../contract/index.js';
import type { Issue } from '../../errors.js';
import type { Amount } from '../../money/index.js';
import type { Resolution } from '../../outcomes/index.js';
import type { OutcomeRecord } from '../../records/index.js';
import type { CompiledContract } from '../indexed-contract.js';
import type { Ledger } from '../ledger.js';
import type { Line } from '../lines.js';
import type { RateSpec, RateUse } from '../rate-specs.js';

/** The payment rule of kind `K`. */
export type RuleOf<K extends PaymentRule['kind']> = Extract<PaymentRule, { readonly kind: K }>;

/** What a rule is prepared against: the compiled contract, its rate specifications and the as-of date. */
export interface RuleTerms extends CompiledContract {
  /** The rates the settlement tallies (cohort-rate rules and exit clauses), in ledger order. */
  readonly rateSpecs: readonly RateSpec[];
  /** The as-of date. */
  readonly asOf: CalendarDate;
}

/** One participant's claim under one rule, before the per-participant caps. */
export interface Claim {
  /** Rule index. */
  readonly rule: number;
  /** Day the claim can be made. */
  readonly date: number;
  /** Amount (a per-participant cap may lower it). */
  amount: Amount;
}

/**
 * Adds a participant's claims under one rule to `claims` (called once per participant and rule
 * on the hot path: no allocation beyond the claims themselves).
 */
export type ParticipantClaims = (record: OutcomeRecord, resolutions: readonly Resolution[], claims: Claim[]) => void;

/** A price reduction in force from an exit clause. */
export interface PriceReduction {
  /** Clause id. */
  readonly clause: string;
  /** Claims dated after this day are reduced. */
  readonly after: number;
  /** Multiplier. */
  readonly factor: Amount;
  /** Rule indexes affected. */
  readonly rules: ReadonlySet<number>;
}

/** Indicator values supplied by the caller: indicator id → cohort id (or `*` for a pool) → value. */
export type IndicatorValues = ReadonlyMap<string, ReadonlyMap<string, Amount>>;

/** State the tranches of one run share, in the order they are settled. */
export interface RunState {
  /** Per `rule|cohort` (`rule|*` for contract-level payments): the last measurement date whose tranche took its claims. */
  readonly watermark: Map<string, number>;
  /** Per rule index: claims already paid under an outcome-volume cap. */
  readonly volumeUsed: Map<number, number>;
  /** Per `rule|cohort`: claims already taken under the rule's share caps (paid, before any volume cap). */
  readonly shareUsed: Map<string, number>;
  /** Per share cap id: claims it has cut so far. */
  readonly shareCuts: Map<string, number>;
  /** Per `rule|cohortKey`: the rounded amount of a cohort-level rule already paid by earlier tranches. */
  readonly paidSoFar: Map<string, Amount>;
  /** Indicator values. */
  readonly indicators: IndicatorValues;
  /** Problems found (a missing indicator value). */
  readonly problems: Issue[];
  /** Price reductions in force, in the order their clauses fired. */
  readonly reductions: PriceReduction[];
  /**
   * Whether lines carry their audit text (formula and inputs). False when only the amounts are
   * wanted (a simulation evaluates a contract many thousand times a second): lines then hold
   * `NO_INPUTS` and an empty formula, and the amounts are the same.
   */
  readonly explain: boolean;
}

/** The inputs of a line written without its audit text. */
export const NO_INPUTS: Readonly<Record<string, string | number>> = Object.freeze({});

/** What a rule needs to write its lines in one tranche. */
export interface TrancheRun {
  /** The tallies. */
  readonly ledger: Ledger;
  /** The run's shared state. */
  readonly state: RunState;
  /** Cohort indexes the tranche pays for, ascending. */
  readonly cohorts: readonly number[];
  /** The tranche's measurement date. */
  readonly measuredOn: number;
  /** Whether the tranche takes the claims it pays (false: a look that must not move watermarks). */
  readonly advance: boolean;
}

/** A contract-level payment on a fixed date (a scheduled fee). */
export interface ScheduledPayment {
  /** The date as the contract writes it. */
  readonly date: string;
  /** The same date as a day number. */
  readonly day: number;
  /** The amount. */
  readonly amount: Amount;
  /** The amount as the contract writes it. */
  readonly written: string;
}

/** What a rule module prepares for one settlement. */
export interface RuleParts {
  /** The amounts its participant claims can take before any cap (the ledger keeps a bucket each). */
  readonly prices: readonly Amount[];
  /** Its claims per participant, or undefined for a rule paid on cohort figures. */
  readonly claims: ParticipantClaims | undefined;
  /**
   * The claims of one participant the settlement has not seen (an excluded record counted in a
   * what-if), who achieved every outcome or none, in the order the rule makes them.
   */
  readonly unseenClaims: (achieved: boolean) => readonly Amount[];
  /** Its contract-level payments on fixed dates, in contract order. */
  readonly scheduled: readonly ScheduledPayment[];
  /** Its lines in a tranche. */
  readonly lines: (tranche: TrancheRun) => Line[];
}

/** A rule made ready for one settlement: its parts, with its place in the contract. */
export interface PreparedRule extends RuleParts {
  /** Index in `contract.rules`. */
  readonly index: number;
  /** The rule. */
  readonly rule: PaymentRule;
  /** The outcome ids it pays for (outcome caps and tranche outcome filters). */
  readonly paysFor: readonly string[];
}

/**
 * A payment rule kind. Registered in `RULES` (`./index.ts`), typed by the kind union: a kind
 * without a module does not compile.
 *
 * @example
 * const fee: RuleModule<'fee'> = { kind: 'fee', paysFor: () => [], rateUses: () => [], prepare: prepareFee };
 */
export interface RuleModule<K extends PaymentRule['kind']> {
  /** The kind. */
  readonly kind: K;
  /** The outcome ids the rule pays for. */
  readonly paysFor: (rule: RuleOf<K>) => readonly string[];
  /** The rates (an outcome over a denominator) the rule reads from the tallies. */
  readonly rateUses: (rule: RuleOf<K>) => readonly RateUse[];
  /** Prepares the rule of index `index` for a settlement. */
  readonly prepare: (rule: RuleOf<K>, index: number, terms: RuleTerms) => RuleParts;
}
