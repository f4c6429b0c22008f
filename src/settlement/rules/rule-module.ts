/**
 * What a payment rule module is: the one place that knows a rule kind. A module says which
 * outcomes the rule pays for, which rates it reads, what it claims per participant (if it pays
 * per participant) and how it turns the tallies into the lines of a tranche, worded for the audit
 * trail. The engine (`accumulate.ts`, `schedule.ts`) only loops over prepared rules.
 *
 * @module
 */
import type { CalendarDate } from '../../calendar/index.js';
import type { Contract, PaymentRule } from '../../contract/index.js';
import type { Issue } from '../../errors.js';
import type { Amount, CurrencyCode, RoundingMode } from '../../money/index.js';
import type { Resolution } from '../../outcomes/index.js';
import type { OutcomeRecord } from '../../records/index.js';
import type { CompiledContract } from '../indexed-contract.js';
import type { Ledger, ParticipantCut } from '../ledger.js';
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
  /** Set when a per-participant cap lowered `amount`: the caps and the amount before them. */
  cut?: ParticipantCut;
  /**
   * The index of the version that priced it, for a contract priced by the enrolment date's
   * version (`amendments.pricedBy: "enrolment"`) only; absent otherwise (the version of a claim is
   * then the one in force on its date).
   */
  readonly version?: number;
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
  /** Per rule index: claims its outcome-volume cap has cut so far (what tells a simulation the cap bound). */
  readonly volumeCuts: Map<number, number>;
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
  /** Whether an exit clause suspended the tranche (it withholds what it takes; a deferrable fee leaves its instalments to the next tranche). */
  readonly suspended: boolean;
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
  /** What the payment is, when the contract does not list it (`instalment 3 of 24`); undefined for a payment the contract lists. */
  readonly label: string | undefined;
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
  readonly unseenClaims: (achieved: boolean, enrolledOn: number) => readonly Amount[];
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

/** A cohort as the closed-form bounds see it. */
export interface BoundCohort {
  /** Cohort id. */
  readonly id: string;
  /** Participants it enrols. */
  readonly size: number;
  /** Its first enrolment day. */
  readonly firstEnrolment: number;
  /** Its last enrolment day. */
  readonly lastEnrolment: number;
}

/** A cohort a tranche (or a payment on exit) pays a rule for. */
export interface PaidCohort extends BoundCohort {
  /** The last measurement day of a tranche (or payment on exit) that pays the rule for it. */
  readonly lastMeasured: number;
}

/**
 * What a rule's closed-form bounds are computed against (`contractBounds` prepares it): the
 * participants, which cohorts a tranche (or a payment on exit) can pay the rule for, and whether
 * anything (an exit clause, a cap) can take away what the rule earns.
 */
export interface BoundTerms {
  /** The validated contract. */
  readonly contract: Contract;
  /** Its currency. */
  readonly currency: CurrencyCode;
  /** Its rounding mode. */
  readonly rounding: RoundingMode;
  /** Every cohort of the contract, contract order. */
  readonly allCohorts: readonly BoundCohort[];
  /** The cohorts some tranche (or a payment on exit) pays the rule for, contract order. */
  readonly paidCohorts: readonly PaidCohort[];
  /** Whether some tranche (or a payment on exit) pays the rule at all. */
  readonly paid: boolean;
  /** The last measurement day of a tranche (or payment on exit) that pays the rule. */
  readonly lastMeasured: number;
  /** The largest price factor an exit clause can apply to the rule: 1 unless a clause raises prices. */
  readonly factor: Amount;
  /**
   * Whether what the rule earns is sure to be paid: no exit clause, no cap of any kind, no minimum
   * performance level that withholds or reduces in the contract. The least a rule pays is counted
   * only then (else it is 0).
   */
  readonly certain: boolean;
}

/**
 * One part of the most (and least) a rule can pay over the life of the contract: the lines of a
 * cohort (or of the whole contract, or of a pool), whichever tranches pay them. Each part is paid
 * at most once in total over every tranche (claims are taken once; cohort-level rules pay through
 * the ratchet, which never pays twice for the same value).
 */
export interface BoundCell {
  /** The cohort its lines show, or null (the whole contract, a pool, or not known in advance). */
  readonly cohort: string | null;
  /** The outcome its lines pay for, or null (a fee). */
  readonly outcome: string | null;
  /** The most it can pay, exactly (after the contract's rounding). */
  readonly most: Amount;
  /** The least it is sure to pay (0 unless {@link BoundTerms.certain}). */
  readonly least: Amount;
  /** For participant claims: the participants and the largest single claim (participant and volume caps). */
  readonly claims?: { readonly participants: number; readonly largest: Amount };
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
  /**
   * The most and least the rule can pay, in closed form from its terms (the worst and best case of
   * `contractBounds`): one cell per cohort (or pool, or the whole contract) its lines can show.
   */
  readonly bounds: (rule: RuleOf<K>, terms: BoundTerms) => readonly BoundCell[];
}
