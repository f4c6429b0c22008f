/**
 * Fee (`fee`): an attachment or delivery fee, not a payment for results. Either an amount per
 * participant start (a participant claim dated on enrolment, at the amount of the phase in force
 * on that date), payments on fixed dates, or a share of the contract's value in monthly
 * instalments (both contract-level lines in the tranche that takes them).
 *
 * @module
 */
import { ZERO, parseAmount, roundMoney, sumAmounts, type Amount } from '../../money/index.js';
import type { Line } from '../lines.js';
import { claimCells, raisedClaim } from './bound-cells.js';
import { feeInstalments, feePhases, phaseOn, phasesBetween, type FeePhases } from './fee-terms.js';
import { counted, participantClaimLines, volumeTarget, type UnitDerivation } from './participant-claims.js';
import { NO_INPUTS, type BoundCell, type BoundTerms, type RuleModule, type RuleOf, type RuleParts, type RuleTerms, type ScheduledPayment, type TrancheRun } from './rule-module.js';
import { parseDate } from '../../calendar/index.js';

/** How a payment is written in a line's audit text. */
const shown = (payment: ScheduledPayment): string => (payment.label === undefined ? payment.written : `${payment.written} (${payment.label})`);

/**
 * The line of a fee's scheduled payments dated since the tranche that last took them, up to the
 * measurement date (contract level, no cohort); undefined when none falls in the window. A
 * suspended tranche of a deferrable fee takes nothing: its line says what it defers (0.00), and
 * the next tranche that is not suspended takes the payments.
 */
function scheduledLine(terms: RuleTerms, rule: RuleOf<'fee'>, index: number, payments: readonly ScheduledPayment[], tranche: TrancheRun, defers: boolean): Line | undefined {
  const key = `${index}|*`;
  const after = tranche.state.watermark.get(key) ?? -Infinity;
  const deferring = defers && tranche.suspended;
  if (tranche.advance && !deferring) tranche.state.watermark.set(key, tranche.measuredOn);
  const due = payments.filter((payment) => payment.day > after && payment.day <= tranche.measuredOn);
  if (due.length === 0) return undefined;
  const exact = deferring ? ZERO : sumAmounts(due.map((payment) => payment.amount));
  const amount = roundMoney(exact, terms.currency, terms.rounding);
  const explain = tranche.state.explain;
  const listed = explain ? due.map(shown).join(' + ') : '';
  return {
    rule: rule.id,
    kind: 'fee',
    cohort: null,
    outcome: null,
    claims: null,
    unit: null,
    inputs: explain ? { payments: due.map((payment) => `${payment.date}: ${shown(payment)}`).join('; '), ...(deferring ? { deferred: sumAmounts(due.map((payment) => payment.amount)).toFixed() } : {}) } : NO_INPUTS,
    formula: explain ? (deferring ? `fee payments deferred by the suspended tranche to the next tranche paying the fee: ${listed}` : `scheduled fee payments dated in the tranche: ${listed}`) : '',
    exact,
    amount,
    paid: amount,
    participants: undefined,
  };
}

/** Parts of a fee paid on dates (a schedule, or instalments of a share of the contract's value). */
function datedParts(terms: RuleTerms, rule: RuleOf<'fee'>, index: number, payments: readonly ScheduledPayment[], defers: boolean): RuleParts {
  return {
    prices: [],
    claims: undefined,
    unseenClaims: () => [],
    scheduled: payments,
    lines: (tranche) => {
      const line = scheduledLine(terms, rule, index, payments, tranche, defers);
      return line === undefined ? [] : [line];
    },
  };
}

/** The phases a start fee amount is charged in, in words (lines paying a phased fee show it). */
function phaseDerivation(phases: FeePhases): (amount: Amount) => UnitDerivation | undefined {
  return (amount) => {
    const when = phases.amounts.flatMap((value, k) => {
      if (!value.equals(amount)) return [];
      const next = phases.written[k + 1];
      const from = phases.written[k];
      return [from === null ? `starts before ${next ?? ''}` : next === undefined ? `starts from ${from}` : `starts from ${from} to before ${next}`];
    });
    return { inputs: { feePhase: when.join(', ') }, text: `the fee for ${when.join(' and ')}` };
  };
}

function prepare(rule: RuleOf<'fee'>, index: number, terms: RuleTerms): RuleParts {
  const charge = rule.charge;
  if (charge.kind === 'schedule') {
    const payments = charge.payments.map((payment) => ({ date: payment.date, day: parseDate(payment.date), amount: parseAmount(payment.amount), written: payment.amount, label: undefined }));
    return datedParts(terms, rule, index, payments, false);
  }
  if (charge.kind === 'shareOfValue') {
    return datedParts(terms, rule, index, feeInstalments(charge, terms.currency, terms.rounding).payments, charge.whenSuspended === 'deferred');
  }
  const asOf = terms.asOf;
  const target = volumeTarget(terms.contract, rule.id);
  if (charge.phases === undefined) {
    const fee = parseAmount(charge.amount);
    const wording = { outcome: null, what: counted('start', 'starts'), derivation: undefined };
    return {
      prices: [fee],
      claims: (record, _resolutions, claims) => {
        if (record.enrolledOn <= asOf) claims.push({ rule: index, date: record.enrolledOn, amount: fee });
      },
      unseenClaims: () => [fee],
      scheduled: [],
      lines: (tranche) => participantClaimLines(terms, rule, index, wording, target, tranche),
    };
  }
  // phased: the amount in force on the enrolment date; a start in a phase of 0 claims nothing
  const phases = feePhases(charge);
  const amounts = phases.amounts;
  const wording = { outcome: null, what: counted('start', 'starts'), derivation: phaseDerivation(phases) };
  return {
    prices: amounts.filter((amount, k) => !amount.isZero() && amounts.findIndex((other) => other.equals(amount)) === k),
    claims: (record, _resolutions, claims) => {
      if (record.enrolledOn > asOf) return;
      const fee = amounts[phaseOn(phases, record.enrolledOn)] as Amount;
      if (!fee.isZero()) claims.push({ rule: index, date: record.enrolledOn, amount: fee });
    },
    unseenClaims: (_achieved, enrolledOn) => {
      const fee = amounts[phaseOn(phases, enrolledOn)] as Amount;
      return fee.isZero() ? [] : [fee];
    },
    scheduled: [],
    lines: (tranche) => participantClaimLines(terms, rule, index, wording, target, tranche),
  };
}

/**
 * Per cohort paid, a phased start fee: at most its participants × the highest amount in force on
 * some day of its enrolment window; at least (when nothing can take it away) × the lowest.
 */
function phasedCells(terms: BoundTerms, phases: FeePhases): BoundCell[] {
  return terms.paidCohorts.map((cohort) => {
    const inForce = phasesBetween(phases, cohort.firstEnrolment, cohort.lastEnrolment).map((k) => phases.amounts[k] as Amount);
    const highest = raisedClaim(terms, inForce.reduce((max, amount) => (amount.greaterThan(max) ? amount : max), ZERO));
    const lowest = inForce.reduce((min, amount) => (amount.lessThan(min) ? amount : min), inForce[0] ?? ZERO);
    return {
      cohort: cohort.id,
      outcome: null,
      most: highest.times(cohort.size),
      least: terms.certain && cohort.lastEnrolment <= cohort.lastMeasured ? lowest.times(cohort.size) : ZERO,
      claims: { participants: cohort.size, largest: highest },
    };
  });
}

/**
 * Most: a fee per start for every participant of a paid cohort (phased: at the highest amount in
 * force in the cohort's enrolment window); payments on dates (scheduled or instalments) dated on
 * or before the last tranche that takes them. Least: the same, when nothing can take it away.
 */
function bounds(rule: RuleOf<'fee'>, terms: BoundTerms): BoundCell[] {
  const charge = rule.charge;
  if (charge.kind === 'perStart') {
    if (charge.phases !== undefined) return phasedCells(terms, feePhases(charge));
    const fee = parseAmount(charge.amount);
    const raised = raisedClaim(terms, fee);
    return claimCells(terms, null, raised, raised, fee);
  }
  if (!terms.paid) return [];
  const payments =
    charge.kind === 'schedule'
      ? charge.payments.map((payment) => ({ day: parseDate(payment.date), amount: parseAmount(payment.amount) }))
      : feeInstalments(charge, terms.currency, terms.rounding).payments;
  const due = sumAmounts(payments.filter((payment) => payment.day <= terms.lastMeasured).map((payment) => payment.amount));
  return [{ cohort: null, outcome: null, most: due, least: terms.certain ? due : ZERO }];
}

/** The fee rule kind. */
export const fee: RuleModule<'fee'> = {
  kind: 'fee',
  paysFor: () => [],
  rateUses: () => [],
  prepare,
  bounds,
};
