/**
 * Fee (`fee`): an attachment or delivery fee, not a payment for results. Either an amount per
 * participant start (a participant claim dated on enrolment) or payments on fixed dates (a
 * contract-level line in the tranche that takes them).
 *
 * @module
 */
import { parseDate } from '../../calendar/index.js';
import { ZERO, parseAmount, roundMoney, sumAmounts } from '../../money/index.js';
import type { Line } from '../lines.js';
import { claimCells, raisedClaim } from './bound-cells.js';
import { counted, participantClaimLines, volumeTarget } from './participant-claims.js';
import { NO_INPUTS, type BoundCell, type BoundTerms, type RuleModule, type RuleOf, type RuleParts, type RuleTerms, type ScheduledPayment, type TrancheRun } from './rule-module.js';

/**
 * The line of a fee's scheduled payments dated since the tranche that last took them, up to the
 * measurement date (contract level, no cohort); undefined when none falls in the window.
 */
function scheduledLine(terms: RuleTerms, rule: RuleOf<'fee'>, index: number, payments: readonly ScheduledPayment[], tranche: TrancheRun): Line | undefined {
  const key = `${index}|*`;
  const after = tranche.state.watermark.get(key) ?? -Infinity;
  if (tranche.advance) tranche.state.watermark.set(key, tranche.measuredOn);
  const due = payments.filter((payment) => payment.day > after && payment.day <= tranche.measuredOn);
  if (due.length === 0) return undefined;
  const exact = sumAmounts(due.map((payment) => payment.amount));
  const amount = roundMoney(exact, terms.currency, terms.rounding);
  return {
    rule: rule.id,
    kind: 'fee',
    cohort: null,
    outcome: null,
    claims: null,
    unit: null,
    inputs: tranche.state.explain ? { payments: due.map((payment) => `${payment.date}: ${payment.written}`).join('; ') } : NO_INPUTS,
    formula: tranche.state.explain ? `scheduled fee payments dated in the tranche: ${due.map((payment) => payment.written).join(' + ')}` : '',
    exact,
    amount,
    paid: amount,
    participants: undefined,
  };
}

function prepare(rule: RuleOf<'fee'>, index: number, terms: RuleTerms): RuleParts {
  const charge = rule.charge;
  if (charge.kind === 'schedule') {
    const payments = charge.payments.map((payment) => ({ date: payment.date, day: parseDate(payment.date), amount: parseAmount(payment.amount), written: payment.amount }));
    return {
      prices: [],
      claims: undefined,
      unseenClaims: () => [],
      scheduled: payments,
      lines: (tranche) => {
        const line = scheduledLine(terms, rule, index, payments, tranche);
        return line === undefined ? [] : [line];
      },
    };
  }
  const fee = parseAmount(charge.amount);
  const asOf = terms.asOf;
  const wording = { outcome: null, what: counted('start', 'starts'), derivation: undefined };
  const target = volumeTarget(terms.contract, rule.id);
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

/**
 * Most: a fee per start for every participant of a paid cohort; scheduled payments dated on or
 * before the last tranche that takes them. Least: the same, when nothing can take it away.
 */
function bounds(rule: RuleOf<'fee'>, terms: BoundTerms): BoundCell[] {
  const charge = rule.charge;
  if (charge.kind === 'perStart') {
    const fee = parseAmount(charge.amount);
    const raised = raisedClaim(terms, fee);
    return claimCells(terms, null, raised, raised, fee);
  }
  if (!terms.paid) return [];
  const due = sumAmounts(charge.payments.filter((payment) => parseDate(payment.date) <= terms.lastMeasured).map((payment) => parseAmount(payment.amount)));
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
