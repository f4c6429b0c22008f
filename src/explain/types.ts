/**
 * The explanation of one participant: plain JSON-ready data, in the conventions of the settlement
 * document (money as canonical decimal strings with the currency's minor units, dates as
 * `YYYY-MM-DD`, keys in the order written here). Language-neutral: the text form is the command
 * line's (`outcome-pay explain --format text`).
 *
 * @module
 */
import type { Issue } from '../errors.js';
import type { OutcomeStatus, ReasonCode } from '../outcomes/index.js';
import type { SettlementCapCut } from '../settlement/index.js';

/** An employment spell as the record gives it. */
export interface ExplainedSpell {
  /** First day employed. */
  readonly start: string;
  /** Last day employed (inclusive), or null while ongoing. */
  readonly end: string | null;
  /** Weekly hours, or null when not recorded. */
  readonly hoursPerWeek: number | null;
  /** Contract type, or null when not recorded. */
  readonly contractType: string | null;
  /** Monthly wage in the spell, or null when not recorded. */
  readonly monthlyWage: string | null;
  /** Sector code, only when the record gives the spell a sector or an employer (null: not recorded). */
  readonly sector?: string | null;
  /** Employer id, only when the record gives the spell a sector or an employer (null: not recorded). */
  readonly employer?: string | null;
  /** Only under an outcome restricted to some jobs, for a spell it does not count: why (its sector or employer is not listed). */
  readonly notCounted?: string;
}

/** A stretch of days inside a retention period with no spell covering it. */
export interface ExplainedGap {
  /** First day not employed. */
  readonly from: string;
  /** Last day not employed (the as-of date when the gap is still open). */
  readonly to: string;
  /** Its length in days, both ends counted. */
  readonly days: number;
}

/** What the record says, as the settlement read it (validated, sorted). */
export interface ExplainedRecord {
  /** Cohort id. */
  readonly cohort: string;
  /** Group ids. */
  readonly groups: readonly string[];
  /** Enrolment date. */
  readonly enrolledOn: string;
  /** Exit date, or null. */
  readonly exitedOn: string | null;
  /** Pre-programme monthly wage, or null. */
  readonly baselineWage: string | null;
  /** Every employment spell, by start. */
  readonly spells: readonly ExplainedSpell[];
  /** Every wage observation, by date. */
  readonly wages: readonly { readonly on: string; readonly monthlyWage: string }[];
  /** Every milestone event, by date. */
  readonly events: readonly { readonly kind: string; readonly on: string }[];
  /** Every earnings observation, by period end (only for a record with earnings). */
  readonly earnings?: readonly { readonly from: string; readonly to: string; readonly amount: string }[];
}

/** An earnings observation as an earnings threshold (or a quarter after exit) counted it. */
export interface ExplainedEarnings {
  /** First day of the pay period. */
  readonly from: string;
  /** Last day of the pay period (the day the earnings count on). */
  readonly to: string;
  /** The earnings of the period. */
  readonly amount: string;
  /** What the window counts of it: the amount, a pro-rata fraction (`1450.00 × 17/30`), `0` or `not counted (why)`. */
  readonly counted: string;
  /** The total counted up to and including this period, to the cent (exact figures are compared). */
  readonly total: string;
}

/**
 * How one outcome resolved for the participant, and the facts it was decided on: the period the
 * resolver examined and the spells, wages and events of the record that fall in it.
 */
export interface ExplainedOutcome {
  /** Outcome id. */
  readonly outcome: string;
  /** Outcome kind (`placement`, `retention`, `wageProgression`, `milestone`, `cohortIndicator`, `earningsThreshold`, `quarterAfterExit`). */
  readonly kind: string;
  /** At the as-of date: `achieved`, `failed`, `pending` or `notApplicable`. */
  readonly status: OutcomeStatus;
  /** The day it was achieved or failed, or null. */
  readonly on: string | null;
  /** The placement date it counts from (placement, retention, wage progression), or null. */
  readonly anchor: string | null;
  /** The resolver's stable reason code (docs/outcomes.md). */
  readonly reason: ReasonCode;
  /** The reason in words (`REASON_TEXT`). */
  readonly because: string;
  /** The terms of the definition that decided it, in words. */
  readonly terms: string;
  /** The period examined (a placement window, a retention period, a wage measurement date), or null when it is not known yet. */
  readonly period: { readonly from: string; readonly to: string } | null;
  /** The spells that overlap the period (every spell when there is no period). */
  readonly spells: readonly ExplainedSpell[];
  /** For a retention: the days of the period, up to its end or the as-of date, that no spell covers. */
  readonly gaps?: readonly ExplainedGap[];
  /** For a wage progression: the wage observations of the record. */
  readonly wages?: readonly { readonly on: string; readonly monthlyWage: string }[];
  /** For a milestone: the record's events of its kind. */
  readonly events?: readonly { readonly kind: string; readonly on: string }[];
  /** For an earnings threshold or a quarter after exit: the record's earnings observations known at the as-of date and what each counted. */
  readonly earnings?: readonly ExplainedEarnings[];
}

/** A per-participant cap applied to a claim. */
export interface ExplainedParticipantCut {
  /** Cap id. */
  readonly cap: string;
  /** The most one participant is paid. */
  readonly limit: string;
  /** The claim before this cap. */
  readonly before: string;
  /** What this cap cut from it. */
  readonly cut: string;
  /** The claim after this cap. */
  readonly after: string;
}

/**
 * What became of a claim:
 * - `paid`: in a line of a settled tranche paid in full (`paid` is the claim's amount);
 * - `cutInLine`: in a line (or a tranche) a money, payer or outcome-volume cap cut, which the
 *   contract does not attribute to participants (`paid` is null: see the line and its cuts);
 * - `cutByShareCap`: named by a share cap among the claims it cut (`paid` 0);
 * - `withheld`: in a tranche an exit clause suspended, or in a line a minimum performance level
 *   withheld (`paid` 0; the level releases it later in a release line of its own, `claims` null);
 * - `cutToZero`: cut to nothing by a per-participant cap, so no tranche takes it;
 * - `awaitingTranche`: dated after the last settled tranche that pays its rule, a scheduled one
 *   will (`tranche` names it);
 * - `unscheduled`: no tranche will pay it (`unscheduled` says why).
 */
export type ClaimFate = 'paid' | 'cutInLine' | 'cutByShareCap' | 'withheld' | 'cutToZero' | 'awaitingTranche' | 'unscheduled';

/** The tranche and line that took a claim. */
export interface ExplainedTrancheLine {
  /** Tranche id (`exit:<clause>` for a payment on exit). */
  readonly tranche: string;
  /** Tranche name. */
  readonly name: string;
  /** Tranche status in the settlement. */
  readonly status: string;
  /** Measurement date. */
  readonly measuredOn: string;
  /** Due date. */
  readonly dueOn: string;
  /** The line's number in the tranche, from 1 (as in `lines.csv`); null for a tranche not settled yet. */
  readonly line: number | null;
  /** The line's unit, after any price reduction by an exit clause; null for a tranche not settled yet. */
  readonly unit: string | null;
  /** The line's formula; null for a tranche not settled yet. */
  readonly formula: string | null;
  /** The line's claims paid, earned (rounded, before caps) and paid (after caps); null for a tranche not settled yet. */
  readonly lineClaims: number | null;
  readonly lineEarned: string | null;
  readonly linePaid: string | null;
  /** The cuts of the tranche by the caps that cover this line (money caps) or the whole tranche (payer caps). */
  readonly capCuts: readonly SettlementCapCut[];
}

/** One claim of the participant under one rule, from the claim to the tranche that paid it. */
export interface ExplainedClaim {
  /** Rule id. */
  readonly rule: string;
  /** Rule kind. */
  readonly kind: string;
  /** Cohort id. */
  readonly cohort: string;
  /** The outcome it pays for, or null (a fee). */
  readonly outcome: string | null;
  /** The day the claim can be made. */
  readonly date: string;
  /** The amount the rule claims, before per-participant caps. */
  readonly claimed: string;
  /** Each per-participant cap that cut it, in the order they apply. */
  readonly participantCuts: readonly ExplainedParticipantCut[];
  /** After the per-participant caps: what a tranche takes. */
  readonly amount: string;
  /** What became of it. */
  readonly fate: ClaimFate;
  /** What this settlement pays the participant for it (0 when cut, withheld, not yet due or never scheduled), or null when a cap cut its line as a whole (fate `cutInLine`). */
  readonly paid: string | null;
  /** The tranche (and line) that paid it or will, or null. */
  readonly tranche: ExplainedTrancheLine | null;
  /** With fate `unscheduled`: why no tranche will pay it. */
  readonly unscheduled?: string;
}

/** One participant's story in a settlement: outcomes, claims, cuts and the tranches that paid them. */
export interface ParticipantExplanation {
  /** Document type. */
  readonly format: 'outcome-pay/participant-explanation';
  /** Version of this document format. */
  readonly formatVersion: 1;
  /** The participant id. */
  readonly participant: string;
  /** The contract. */
  readonly contract: { readonly id: string; readonly name: string; readonly currency: string };
  /** The as-of date. */
  readonly asOf: string;
  /** The fingerprints of the contract and records settled (the same as in the settlement of these inputs). */
  readonly fingerprint: { readonly contract: string; readonly records: string };
  /** The records of the settlement explained: read, settled, and excluded as invalid (which may change cohort-level decisions: see the settlement's `dataQuality`). */
  readonly dataQuality: { readonly recordsRead: number; readonly recordsSettled: number; readonly recordsExcluded: number };
  /**
   * `settled`: the record was settled; `excluded`: it is invalid and was left out (see
   * `issues`); `notYetEnrolled`: enrolled after the as-of date, so nothing is counted yet.
   */
  readonly status: 'settled' | 'excluded' | 'notYetEnrolled';
  /** The record as settled, or null when excluded. */
  readonly record: ExplainedRecord | null;
  /** Each outcome of the contract, in contract order (empty unless settled). */
  readonly outcomes: readonly ExplainedOutcome[];
  /** Each claim, by date then rule order. */
  readonly claims: readonly ExplainedClaim[];
  /** Totals over the claims: claimed, cut by per-participant caps, paid (over the claims whose paid amount is known), and how many claims have none (fate `cutInLine`). */
  readonly totals: { readonly claimed: string; readonly participantCapCuts: string; readonly paid: string; readonly claimsNotAttributed: number };
  /** With status `excluded`: the problems of the record. */
  readonly issues: readonly Issue[];
  /**
   * Present when the settlement's adjustments name the participant (previous settlements made
   * with `detail: 'participants'`): each cause line of a tranche the participant is in, once per
   * tranche (the whole tranche's amount, not a payer's part).
   */
  readonly restatements?: readonly ExplainedRestatement[];
}

/**
 * A cause of an adjustment that names the participant.
 *
 * @example
 * const late: ExplainedRestatement = { tranche: 'T1', cause: 'late', rule: 'pay-pl', trancheAmount: '3000.00', explanation: '3 claims of rule "pay-pl" ...' };
 */
export interface ExplainedRestatement {
  /** Tranche id. */
  readonly tranche: string;
  /** `withdrawn`, `corrected`, `late` or `amended` (see the settlement's adjustment causes). */
  readonly cause: string;
  /** The rule of the claims. */
  readonly rule: string | null;
  /** The cause line in the whole tranche (all payers, all its participants). */
  readonly trancheAmount: string;
  /** In words. */
  readonly explanation: string;
}
