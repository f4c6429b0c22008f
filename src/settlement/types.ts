/**
 * The settlement document: plain JSON-ready data. Money is a canonical decimal string with the
 * currency's minor units (`"1234.50"`), dates are `YYYY-MM-DD`, and keys always come in the order
 * written here.
 *
 * @module
 */
import type { PaymentRuleKind } from '../contract/index.js';
import type { Issue } from '../errors.js';

/** A payer's part of an amount. */
export interface PayerAmounts {
  /** Payer id. */
  readonly payer: string;
  /**
   * The payer's share of every payment, or null for a payer the contract no longer names (an
   * amendment removed it): its part is then what it paid before, returned (earned 0.00, due
   * the negative of what it paid). As the contract writes it: a decimal (`"0.6"`) or a fraction
   * (`"1/3"`); a top-up payer's `topUp`; a weight payer's weight over the sum of the weights
   * (`"2/3"`). With `funds`, of the lines the payer funds (see each line's `payers`).
   */
  readonly share: string | null;
  /** Earned to date. */
  readonly earned: string;
  /** Paid by the previous settlements. */
  readonly previouslyPaid: string;
  /** Due now: earned − previously paid. */
  readonly due: string;
}

/** One amount of a tranche, explained. */
export interface SettlementLine {
  /** Rule id (`exit:<clause>` for an exit payment). */
  readonly rule: string;
  /** Rule kind, or `exitPayment`. */
  readonly kind: PaymentRuleKind | 'exitPayment';
  /** Cohort id, or null for a contract-level amount. */
  readonly cohort: string | null;
  /** Outcome paid for, or null. */
  readonly outcome: string | null;
  /** Number of claims, or null for a cohort amount. */
  readonly claims: number | null;
  /** Amount per claim, or null. */
  readonly unit: string | null;
  /** Inputs of the formula. */
  readonly inputs: Readonly<Record<string, string | number>>;
  /** The formula in words. */
  readonly formula: string;
  /** The exact amount before rounding. */
  readonly exact: string;
  /** The rounding applied (the contract's mode, to the currency's minor unit). */
  readonly rounding: string;
  /** Earned, rounded, before caps. */
  readonly earned: string;
  /** After caps. */
  readonly paid: string;
  /**
   * The version of an amended contract behind the line (`base` or an amendment id): for lines of
   * claims, the version that priced them (the one in force on each claim's date, or on the
   * participant's enrolment with `pricedBy: "enrolment"`); versions that price alike share a line,
   * which is named by the latest of them (see `participantVersions`). For other lines, the version
   * in force on the tranche's measurement date. Only in the settlements of a contract with
   * `amendments`.
   */
  readonly version?: string;
  /** Participants who contributed (with `detail: 'participants'`). */
  readonly participants?: readonly string[];
  /**
   * The version that priced each participant's claim, in the order of `participants`: only on a
   * claim line with participants whose claims were priced by more than one version (alike).
   */
  readonly participantVersions?: readonly string[];
  /**
   * Who funds the line and the exact fraction of it each pays (`"4/5"`, `"0.2"`), when payers fund
   * different lines or top up (`funds`, `topUp`); absent when every line is split alike.
   */
  readonly payers?: readonly SettlementLineFunding[];
}

/** A payer's exact fraction of a line. */
export interface SettlementLineFunding {
  /** Payer id. */
  readonly payer: string;
  /** Its exact fraction of the line: a decimal, or `n/d` when no decimal writes it. */
  readonly fraction: string;
}

/** A payer's part of a tranche as the largest-remainder split gave it. */
export interface SettlementPayerSplit {
  /** Payer id. */
  readonly payer: string;
  /** Its exact part before rounding: a decimal, or `n/d` (`"100001/300"` is a third of 1000.01). */
  readonly exact: string;
  /** Its part after the split (the exact part rounded down, plus one minor unit for the largest remainders), before payer caps. */
  readonly part: string;
}

/** A budget year: its first and last days. */
export interface SettlementBudgetYear {
  /** First day, YYYY-MM-DD. */
  readonly from: string;
  /** Last day, YYYY-MM-DD. */
  readonly to: string;
}

/**
 * How a payer's yearly commitment (a payer cap with `per`) treated its part of a tranche:
 * `requested = part + takenFrom + carriedFrom = paid + over`.
 */
export interface SettlementBudgetYearEntry {
  /** Cap id. */
  readonly cap: string;
  /** Payer id. */
  readonly payer: string;
  /** The budget year of the tranche's due date. */
  readonly year: SettlementBudgetYear;
  /** The commitment for the year. */
  readonly limit: string;
  /** Paid in the year by earlier tranches. */
  readonly usedBefore: string;
  /** The payer's part from the split, before payer caps. */
  readonly part: string;
  /** Overflows of other payers this payer takes in this tranche. */
  readonly takenFrom: readonly { readonly payer: string; readonly amount: string }[];
  /** Amounts deferred from earlier budget years, paid with this tranche. */
  readonly carriedFrom: readonly { readonly tranche: string; readonly year: SettlementBudgetYear; readonly amount: string }[];
  /** part + taken + carried. */
  readonly requested: string;
  /** Paid in this tranche within the commitment. */
  readonly paid: string;
  /** Above the commitment. */
  readonly over: string;
  /** What happens to `over`. */
  readonly overflow: 'notPaid' | 'deferred' | 'takenBy';
  /** takenBy: the payer taking it; deferred: the tranche paying it (null: it lapsed); notPaid: null. */
  readonly to: string | null;
  /** The line in words, with its figures. */
  readonly explanation: string;
}

/** A cap's cut in a tranche. */
export interface SettlementCapCut {
  /** Cap id. */
  readonly cap: string;
  /**
   * Cap kind: a money cap (`outcome`, `cohort`, `tranche`, `contract`), a payer's, or a
   * per-participant cap (`participant`: the cuts of the claims this tranche took, made before its
   * lines, which show what is left).
   */
  readonly kind: 'outcome' | 'cohort' | 'tranche' | 'contract' | 'payer' | 'participant';
  /** The cap (a per-participant cap: each participant's). */
  readonly limit: string;
  /** Used before this tranche (a per-participant cap: what the participants had been paid under it before the claims it cut, summed). */
  readonly usedBefore: string;
  /** Asked for by the lines it covers (a per-participant cap: the claims it cut, before the cut). */
  readonly requested: string;
  /** Cut. */
  readonly cut: string;
  /** A per-participant cap only: the number of claims it cut. */
  readonly claims?: number;
  /** A per-participant cap only, with participant detail: whose claims it cut. */
  readonly participants?: readonly string[];
}

/** A reinvestment set-aside in a tranche. */
export interface SettlementReinvestment {
  /** Reinvestment id. */
  readonly reinvestment: string;
  /** Destination. */
  readonly destination: string;
  /** Set aside. */
  readonly amount: string;
  /** How it was computed. */
  readonly formula: string;
}

/** A tranche of the settlement. */
export interface SettlementTranche {
  /** Tranche id. */
  readonly id: string;
  /** Name. */
  readonly name: string;
  /** `settled` (measured on or before the as-of date), `scheduled`, `cancelled`, `suspended`, or `withdrawn` (paid before, no longer earned). */
  readonly status: 'settled' | 'scheduled' | 'cancelled' | 'suspended' | 'withdrawn';
  /** The exit clause behind the status, if any. */
  readonly byClause: string | null;
  /** Measurement date. */
  readonly measuredOn: string;
  /** Due date. */
  readonly dueOn: string;
  /** Earned to date, after caps. */
  readonly earned: string;
  /** Paid by previous settlements. */
  readonly previouslyPaid: string;
  /** Due now. */
  readonly due: string;
  /** Withheld by a suspension, or withheld by a minimum performance level and not yet released. */
  readonly withheld: string;
  /** Set aside for reinvestment (part of `earned`). */
  readonly reinvested: string;
  /** Earned minus reinvested: what the provider receives. */
  readonly toProvider: string;
  /** Per payer. */
  readonly payers: readonly PayerAmounts[];
  /** The lines. */
  readonly lines: readonly SettlementLine[];
  /** Cap cuts. */
  readonly capCuts: readonly SettlementCapCut[];
  /** Reinvestment set-asides. */
  readonly reinvestment: readonly SettlementReinvestment[];
  /**
   * How the tranche was split among the payers, when shares are fractions or weights, or payers
   * fund different lines or top up; absent for decimal shares of every line (each part is then the
   * share of `earned`, largest remainder).
   */
  readonly payerSplit?: readonly SettlementPayerSplit[];
  /**
   * What the payers' yearly commitments did to their parts (contracts with a yearly payer cap
   * only): one entry per yearly cap whose payer had something to pay in the tranche.
   */
  readonly budgetYears?: readonly SettlementBudgetYearEntry[];
}

/** An adjustment: a change to a tranche a previous settlement settled (paid, or settled at 0.00). */
export interface SettlementAdjustment {
  /** Tranche id. */
  readonly tranche: string;
  /** Payer id. */
  readonly payer: string;
  /** Paid before. */
  readonly previouslyPaid: string;
  /** Earned now. */
  readonly earned: string;
  /** The adjustment (positive: owed to the provider; negative: recovered). */
  readonly amount: string;
  /** Why. */
  readonly reason: string;
  /**
   * The adjustment by cause (docs/settlement.md, Restatements by cause): this payer's part of each
   * cause line of the tranche; the parts sum to `amount`. Absent in documents written before it.
   */
  readonly causes?: readonly SettlementAdjustmentCause[];
}

/**
 * A cause of an adjustment: what moved in the tranche for one reason, and this payer's part of it.
 *
 * @example
 * const late: SettlementAdjustmentCause = {
 *   cause: 'late', rule: 'pay-pl', outcome: 'placement', claims: 2, participants: ['P4', 'P5'],
 *   trancheAmount: '2000.00', amount: '1200.00', explanation: '2 claims of rule "pay-pl" (P4, P5) ...',
 * };
 */
export interface SettlementAdjustmentCause {
  /**
   * `withdrawn` (claims paid before whose record is gone), `corrected` (a record still there whose
   * claim disappeared, appeared or changed amount), `late` (a claim the previous settlement did not
   * have), `amended` (under a contract amended since the last previous settlement, a claim priced
   * anew or moved to another tranche), `caps` (what money caps cut moved), `other` (what no
   * participant explains).
   */
  readonly cause: 'withdrawn' | 'corrected' | 'late' | 'amended' | 'caps' | 'other';
  /** The rule of the claims, or null for what no line explains. */
  readonly rule: string | null;
  /** The outcome the rule pays for, or null. */
  readonly outcome: string | null;
  /** Claims that moved (one per participant and line), 0 when no participant is named. */
  readonly claims: number;
  /** Their participants, sorted. */
  readonly participants: readonly string[];
  /** The cause in the whole tranche (all payers). */
  readonly trancheAmount: string;
  /** This payer's part of it. */
  readonly amount: string;
  /** In words. */
  readonly explanation: string;
  /**
   * An amended contract's version that now prices the participants' claims (`base` or an amendment
   * id: each participant's own, from its line's `participantVersions`, else the line's `version`),
   * when it moved them: the contract was amended since (`amended`), or a corrected record moved the
   * claim to another version. Absent otherwise.
   */
  readonly version?: string;
}

/** An exit clause as checked. */
export interface SettlementExit {
  /** Clause id. */
  readonly clause: string;
  /** Check date. */
  readonly checkOn: string;
  /** `fired`, `notFired`, `notYetChecked` or `skipped`. */
  readonly outcome: 'fired' | 'notFired' | 'notYetChecked' | 'skipped';
  /** The figures the condition was decided on. */
  readonly figures: Readonly<Record<string, string | number>>;
  /** In words. */
  readonly explanation: string;
}

/** A minimum performance review: the level measured on its date. */
export interface SettlementLevelReview {
  /** Review date. */
  readonly reviewOn: string;
  /** `met`, `notMet`, or `notYetReviewed` (after the as-of date: the figures are null). */
  readonly outcome: 'met' | 'notMet' | 'notYetReviewed';
  /** Participants measured who achieved the outcome by the review date (the rate's numerator). */
  readonly achieved: number | null;
  /** Participants measured: of the level's cohorts, enrolled by its enrolment date and by the review date (the denominator). */
  readonly participants: number | null;
  /** achieved / participants to 6 decimals (`n/a` for no participant: met), or null. */
  readonly rate: string | null;
  /** The level. */
  readonly level: string;
  /** What the consequence took (withheld or cut) in the tranches measured while this review's shortfall was in force. */
  readonly amount: string;
  /** In words. */
  readonly explanation: string;
}

/** What a minimum performance level did in a tranche measured while it was below. */
export interface SettlementLevelTranche {
  /** Tranche id. */
  readonly tranche: string;
  /** Its measurement date: the level is measured again on it. */
  readonly measuredOn: string;
  /** The failed review whose consequence was in force. */
  readonly review: string;
  /** Achieved, on the measurement date. */
  readonly achieved: number;
  /** Participants measured, on the measurement date. */
  readonly participants: number;
  /** achieved / participants to 6 decimals. */
  readonly rate: string;
  /** Whether the level is met on the measurement date. */
  readonly met: boolean;
  /** `withheld` or `reduced` (still below), `released` (met: everything withheld is paid in this tranche, in release lines) or `ended` (met: the reduction ends). */
  readonly action: 'withheld' | 'reduced' | 'released' | 'ended';
  /** Withheld, cut or released in this tranche. */
  readonly amount: string;
}

/** A minimum performance level: its reviews, what its consequence did, and the money it holds. */
export interface SettlementMinimumPerformance {
  /** Level id. */
  readonly id: string;
  /** Name. */
  readonly name: string;
  /** The outcome measured. */
  readonly outcome: string;
  /** The cohorts measured (pooled), or null for every cohort of the contract. */
  readonly cohorts: readonly string[] | null;
  /** Only participants enrolled by this date are measured, or null (those enrolled by the date measured). */
  readonly enrolledBy: string | null;
  /** The level (a rate). */
  readonly level: string;
  /** `withhold`, `priceReduction` or `flag`. */
  readonly consequence: 'withhold' | 'priceReduction' | 'flag';
  /** Every review, in date order. */
  readonly reviews: readonly SettlementLevelReview[];
  /** Every settled tranche measured while the level was below, in settlement order. */
  readonly tranches: readonly SettlementLevelTranche[];
  /** Withheld in all (withhold). */
  readonly withheld: string;
  /** Released in all (withhold): paid in the release lines of the tranche that found the level met. */
  readonly released: string;
  /** Still withheld: withheld − released (part of the tranches' and the totals' `withheld`). */
  readonly outstanding: string;
  /** Cut by the price reduction in all (priceReduction): not paid, and not owed later. */
  readonly reduced: string;
}

/** Counts of an outcome for a cohort (or a group in it) at the as-of date. */
export interface SettlementTally {
  /** Cohort id. */
  readonly cohort: string;
  /** Group id, or null for the whole cohort. */
  readonly group: string | null;
  /** Outcome id. */
  readonly outcome: string;
  /** Enrolled on or before the as-of date. */
  readonly enrolled: number;
  /** Achieved. */
  readonly achieved: number;
  /** Failed. */
  readonly failed: number;
  /** Not yet observable. */
  readonly pending: number;
}

/** Cuts made by a per-participant cap. */
export interface SettlementParticipantCap {
  /** Cap id. */
  readonly cap: string;
  /** The cap per participant. */
  readonly limit: string;
  /** Claims cut (in whole or part). */
  readonly claimsCut: number;
  /** Amount cut. */
  readonly amountCut: string;
  /** Participants affected (with `detail: 'participants'`). */
  readonly participants?: readonly string[];
}

/** Claims that no tranche will pay, so that nothing earned disappears silently. */
export interface SettlementUnscheduled {
  /** Rule id. */
  readonly rule: string;
  /** Cohort id, or null for a contract-level scheduled fee. */
  readonly cohort: string | null;
  /** Number of claims. */
  readonly claims: number;
  /** Their total amount. */
  readonly amount: string;
  /** Earliest claim date. */
  readonly from: string;
  /** Latest claim date. */
  readonly to: string;
  /** Why no tranche pays them. */
  readonly reason: string;
}

/** A conditional hiring guarantee at the as-of date. */
export interface SettlementHiringGuarantee {
  /** Guarantee id. */
  readonly guarantee: string;
  /** The employer who gave it. */
  readonly employer: string;
  /** Positions promised. */
  readonly positions: number;
  /** Participants who achieved the qualifying outcome. */
  readonly qualified: number;
  /** Qualified participants placed within the window after their exit. */
  readonly hired: number;
  /** Participants whose part is not decided yet (qualifying outcome pending, not yet exited, window open, or enrolment still open). */
  readonly undecided: number;
  /** `met` (hired ≥ positions), `open` (could still be met) or `shortfall` (final). */
  readonly status: 'met' | 'open' | 'shortfall';
  /** Positions not filled (so far, while open). */
  readonly shortfallPositions: number;
  /** What the employer owes for the unfilled positions once final, or null (open, met, or no amount agreed). */
  readonly shortfallAmount: string | null;
}

/**
 * A decision the settlement made on counts that could go the other way if the excluded records
 * were counted: `decided` is the outcome on the records settled, `ifAllAchieved` and
 * `ifNoneAchieved` the outcomes with every excluded record counted as achieving every outcome, or
 * none (at least one of them differs from `decided`).
 *
 * @example
 * const risk: SettlementDecisionAtRisk = {
 *   kind: 'exitClause', id: 'mid-review', tranche: null, cohort: null,
 *   decided: 'notFired', ifAllAchieved: 'notFired', ifNoneAchieved: 'fired',
 * };
 */
export interface SettlementDecisionAtRisk {
  /** `exitClause`, `cohortRate`, `bonus`, `cap` or `hiringGuarantee`. */
  readonly kind: 'exitClause' | 'cohortRate' | 'bonus' | 'cap' | 'hiringGuarantee';
  /** The clause, rule, cap or guarantee id. */
  readonly id: string;
  /** The tranche the decision was made in (cohort amounts, money caps), or null. */
  readonly tranche: string | null;
  /** The cohort (a cohort amount per cohort), or null. */
  readonly cohort: string | null;
  /**
   * The outcome decided: `fired` / `notFired` (exit clause); `threshold met`, `tier from 0.6`,
   * `below floor`, `empty cohort`... (cohort rate); `triggered` / `not triggered` (bonus);
   * `binds` / `does not bind` (cap); `met` / `open` / `shortfall` (hiring guarantee).
   */
  readonly decided: string;
  /** The outcome with every excluded record counted as achieving every outcome. */
  readonly ifAllAchieved: string;
  /** The outcome with every excluded record counted as achieving none. */
  readonly ifNoneAchieved: string;
}

/** What was done with the input records. */
export interface SettlementDataQuality {
  /** Records read. */
  readonly recordsRead: number;
  /** Records settled. */
  readonly recordsSettled: number;
  /** Records excluded (each listed in `issues`, or among the issues delivered). */
  readonly recordsExcluded: number;
  /**
   * Present when records were excluded: every decision made on counts that would go the other
   * way with them counted (empty: none could).
   */
  readonly decisionsAtRisk?: readonly SettlementDecisionAtRisk[];
  /** Every problem found, with the record and what was done (empty when they were delivered instead). */
  readonly issues: readonly Issue[];
  /**
   * Present only when `settleStream` passed the issues to an `onIssue` callback instead of
   * listing them in `issues`: how many it passed.
   */
  readonly issuesDelivered?: number;
}

/** The previous settlements a settlement deducted. */
export interface SettlementPrevious {
  /** Each previous settlement, in the order they were made: its `inputs` fingerprint, as-of date and contract fingerprint. */
  readonly settlements: readonly { readonly inputs: string; readonly asOf: string; readonly contract: string }[];
  /** Contract fingerprints of earlier versions of the contract accepted (option `amendedFrom`), sorted. */
  readonly amendedFrom: readonly string[];
}

/** A settlement: what is owed at a date, to whom, and why. */
export interface Settlement {
  /** Document type. */
  readonly format: 'outcome-pay/settlement';
  /** Version of this document format. */
  readonly formatVersion: 2;
  /** The library that computed it. */
  readonly library: { readonly name: 'outcome-pay'; readonly version: string };
  /** The contract. */
  readonly contract: { readonly id: string; readonly name: string; readonly currency: string; readonly rounding: string };
  /** The as-of date. */
  readonly asOf: string;
  /**
   * SHA-256 fingerprints of the inputs; `recordsEvidence` is the evidence fingerprint of the
   * records with the `evidenceFingerprint` option, else null (docs/settlement.md, Fingerprints).
   */
  readonly fingerprint: {
    readonly inputs: string;
    readonly contract: string;
    readonly records: string;
    readonly options: string;
    readonly recordsEvidence: string | null;
  };
  /** The previous settlements deducted, and the earlier contract versions accepted. */
  readonly previous: SettlementPrevious;
  /** Totals over the tranches. */
  readonly totals: {
    readonly earned: string;
    readonly previouslyPaid: string;
    readonly due: string;
    readonly reinvested: string;
    readonly withheld: string;
  };
  /** Totals per payer. */
  readonly payers: readonly PayerAmounts[];
  /** The tranches, in settlement order. */
  readonly tranches: readonly SettlementTranche[];
  /** Changes to tranches previous settlements settled. */
  readonly adjustments: readonly SettlementAdjustment[];
  /** The exit clauses. */
  readonly exits: readonly SettlementExit[];
  /**
   * The minimum performance levels (contracts with a `minimumPerformance` entry only): each
   * review's figures and outcome, what the consequence did in each tranche, what is still withheld.
   */
  readonly minimumPerformance?: readonly SettlementMinimumPerformance[];
  /** Per-participant cap cuts. */
  readonly participantCaps: readonly SettlementParticipantCap[];
  /** Claims no tranche will pay. */
  readonly unscheduled: readonly SettlementUnscheduled[];
  /** Conditional hiring guarantees. */
  readonly hiringGuarantees: readonly SettlementHiringGuarantee[];
  /** Outcome counts at the as-of date. */
  readonly tallies: readonly SettlementTally[];
  /** Record problems. */
  readonly dataQuality: SettlementDataQuality;
}
