/**
 * What the closed-form bounds of the rule kinds share: a claim amount raised by the largest
 * price factor an exit clause can apply, the cells of a rule paid by participant claims, and
 * the rounding of a cohort-level value.
 *
 * @module
 */
import { ZERO, ratioOf, ratioTimes, roundRatioMoney, type Amount, type Ratio } from '../../money/index.js';
import type { BoundCell, BoundTerms } from './rule-module.js';

/**
 * A claim amount times the largest price factor of the rule, rounded up to the minor unit (a
 * claim's own rounding never goes higher); the amount itself when no clause raises prices.
 *
 * @example
 * raisedClaim(terms, parseAmount('1000.00')); // 1000.00 when terms.factor is 1
 */
export function raisedClaim(terms: BoundTerms, amount: Amount): Amount {
  return terms.factor.equals(1) ? amount : roundRatioMoney(ratioTimes(ratioOf(amount), ratioOf(terms.factor)), terms.currency, 'up');
}

/**
 * A cohort-level value (exact) times the largest price factor, rounded as the ratchet rounds it.
 *
 * @example
 * roundedValue(terms, ratioOf(parseAmount('50000.00'))); // 50000.00
 */
export function roundedValue(terms: BoundTerms, exact: Ratio): Amount {
  return roundRatioMoney(terms.factor.equals(1) ? exact : ratioTimes(exact, ratioOf(terms.factor)), terms.currency, terms.rounding);
}

/**
 * The cells of a rule paid by participant claims: per cohort it is paid for, its participants
 * times what one participant can claim (`perParticipant`, already raised; `largest` its largest
 * single claim), and the least when the rule is certain to pay `least` per participant (a claim
 * dated on enrolment, taken by a tranche).
 *
 * @example
 * claimCells(terms, 'placement', parseAmount('1000.00'), parseAmount('1000.00'), ZERO); // one cell per paid cohort
 */
export function claimCells(terms: BoundTerms, outcome: string | null, perParticipant: Amount, largest: Amount, least: Amount): BoundCell[] {
  return terms.paidCohorts.map((cohort) => ({
    cohort: cohort.id,
    outcome,
    most: perParticipant.times(cohort.size),
    // a claim dated on or before the last enrolment is taken by the last tranche that pays the cohort
    least: terms.certain && cohort.lastEnrolment <= cohort.lastMeasured ? least.times(cohort.size) : ZERO,
    claims: { participants: cohort.size, largest },
  }));
}
