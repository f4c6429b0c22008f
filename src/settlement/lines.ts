/**
 * Lines: the amounts a tranche pays, one per rule, cohort and unit amount, each carrying its
 * inputs and formula for the audit trail. Caps later cut `paid`; `amount` stays as earned.
 *
 * @module
 */
import type { PaymentRuleKind } from '../contract/index.js';
import { sumAmounts, type Amount } from '../money/index.js';

/** One amount in a tranche, with everything needed to explain it. */
export interface Line {
  /** Rule id (or `exit:<clause>` for an exit payment). */
  readonly rule: string;
  /** Rule kind (`rateCard`, `cohortRate`, ..., `exitPayment`). */
  readonly kind: PaymentRuleKind | 'exitPayment';
  /** Cohort id, or null for a contract-level amount. */
  readonly cohort: string | null;
  /** The outcome the line pays for, or null (fees, exit payments). */
  readonly outcome: string | null;
  /** Number of claims (participant lines), or null for cohort amounts. */
  readonly claims: number | null;
  /** Amount per claim, or null for cohort amounts. */
  readonly unit: Amount | null;
  /** Inputs of the formula, as printable values. */
  readonly inputs: Readonly<Record<string, string | number>>;
  /** The formula in words. */
  readonly formula: string;
  /** Exact amount before rounding. */
  readonly exact: Amount;
  /** Rounded amount earned (before caps). */
  readonly amount: Amount;
  /** Amount after caps. */
  paid: Amount;
  /** Contributing participants (detail on request). */
  readonly participants: readonly string[] | undefined;
  /**
   * Cohort amounts (cohort rate, bonus): the decision the amount was made on (`threshold met`,
   * `tier from 0.6`, `triggered`...), compared with the records excluded counted in
   * (`decisionsAtRisk`). Not in the settlement document.
   */
  readonly decision?: string;
  /**
   * An amended contract's lines only: the version behind the line (`base` or an amendment id): for
   * claim lines, the latest version that priced their claims (versions that price alike share a
   * line); for the others, the version in force on the tranche's measurement date. Undefined for a
   * contract without amendments.
   */
  version?: string;
  /**
   * Claim lines with participants priced by more than one version only: the version that priced
   * each participant's claim, in the order of `participants`.
   */
  readonly participantVersions?: readonly string[];
}

/**
 * The total paid over lines.
 *
 * @example
 * paidTotal(tranche.lines).toFixed(2);
 */
export function paidTotal(lines: readonly Line[]): Amount {
  return sumAmounts(lines.map((line) => line.paid));
}
