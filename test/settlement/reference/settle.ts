/**
 * A slow, independent reference settlement, written from docs/settlement.md and docs/contract.md
 * without importing the engine (src/settlement) or the resolver (src/outcomes): every outcome
 * kind (outcomes.ts), rate cards with group prices and prerequisites, sustainment, per-start and
 * scheduled fees (claims.ts), cohort rates of every schedule, denominator and baseline, volume and
 * group-share bonuses with the ratchet (cohort.ts), tranches (a claim belongs to the first tranche
 * measured on or after it that lists its rule, cohort and outcome), every cap (per participant,
 * outcome volume, outcome, cohort, tranche, contract, payer) and the split among payers by largest
 * remainder, in any currency. Exit clauses are not covered (a contract with one is refused);
 * reinvestment does not change what is earned or what each payer pays, so it is left out.
 * Exact decimals through a private decimal.js clone; dates through date-fns.
 */
import type { ContractInput } from '../../../src/contract/index.js';
import { currencyOf, type Indicators, type WireRecord } from '../arbitraries/index.js';
import { participantClaims, type RefClaim } from './claims.js';
import { bonusValue, cohortRateValue, type RefParticipant } from './cohort.js';
import { refDay } from './dates.js';
import { D, roundMinor, sum, type Dec } from './decimal.js';
import { refOutcomes } from './outcomes.js';

type Rule = ContractInput['rules'][number];
type Tranche = ContractInput['tranches'][number];

/** What the reference computes for one tranche. */
export interface RefTranche {
  readonly id: string;
  readonly status: 'settled' | 'scheduled';
  /** Earned, with the currency's decimals. */
  readonly earned: string;
  /** Payer parts in contract order, with the currency's decimals. */
  readonly payers: readonly string[];
}

interface Line {
  readonly outcome: string | null;
  readonly cohort: string | null;
  /** Claims and their unit, for a line of claims. */
  readonly claims: number | null;
  readonly unit: Dec | null;
  paid: Dec;
}

function paysFor(rule: Rule): string | null {
  if (rule.kind === 'rateCard' || rule.kind === 'cohortRate') return rule.outcome;
  if (rule.kind === 'sustainment') return rule.placementOutcome;
  if (rule.kind === 'bonus') return rule.trigger.outcome;
  return null;
}

/** Whether a tranche pays for a rule: it lists it, and its outcome filter (if any) keeps the rule's outcome. */
function lists(tranche: Tranche, rule: Rule): boolean {
  const outcome = paysFor(rule);
  return tranche.rules.includes(rule.id) && (tranche.outcomes === undefined || outcome === null || tranche.outcomes.includes(outcome));
}

/** Lines of claims of one rule and cohort: one per unit amount, in the order of each amount's earliest claim (same day: larger first). */
function claimLines(claims: readonly RefClaim[], outcome: string | null, cohort: string, places: number, rounding: string): Line[] {
  const units = new Map<string, { unit: Dec; count: number; first: number }>();
  for (const claim of claims) {
    const key = claim.amount.toFixed();
    const entry = units.get(key) ?? { unit: claim.amount, count: 0, first: claim.date };
    entry.count += 1;
    entry.first = Math.min(entry.first, claim.date);
    units.set(key, entry);
  }
  return [...units.values()]
    .sort((a, b) => a.first - b.first || b.unit.comparedTo(a.unit))
    .map((u) => ({ outcome, cohort, claims: u.count, unit: u.unit, paid: roundMinor(u.unit.times(u.count), places, rounding) }));
}

/** Cuts lines to what is left of a money cap (docs/settlement.md 5.3); returns what they paid. */
function capLines(lines: readonly Line[], left: Dec, partial: boolean): Dec {
  let budget = Dec0(left);
  let paid = new D(0);
  for (const line of lines) {
    if (line.paid.greaterThan(budget)) {
      if (partial) line.paid = budget;
      else if (line.claims !== null && line.unit !== null && line.unit.greaterThan(0)) line.paid = line.unit.times(budget.dividedToIntegerBy(line.unit));
      else line.paid = new D(0);
    }
    budget = budget.minus(line.paid);
    paid = paid.plus(line.paid);
  }
  return paid;
}

function Dec0(value: Dec): Dec {
  return value.isNegative() ? new D(0) : value;
}

/** Splits a non-negative amount in minor units by shares summing to 1: floors, then the leftover minor units to the largest remainders (ties: earlier payer). */
function largestRemainder(total: Dec, shares: readonly string[], places: number): Dec[] {
  const unit = new D(10).pow(places);
  const minorUnits = total.times(unit);
  const exact = shares.map((share) => minorUnits.times(share));
  const floors = exact.map((value) => value.floor());
  let left = minorUnits.minus(sum(floors)).toNumber();
  const order = exact.map((value, index) => ({ index, remainder: value.minus(floors[index] ?? 0) })).sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    floors[index] = (floors[index] ?? new D(0)).plus(1);
    left -= 1;
  }
  return floors.map((value) => value.dividedBy(unit));
}

/**
 * Settles a contract without exit clauses: every tranche's status, earned amount and payer parts,
 * as of `asOf`.
 *
 * @example
 * referenceSettle(contract, records, '2025-06-30').map((t) => t.earned);
 */
export function referenceSettle(contract: ContractInput, records: readonly WireRecord[], asOfText: string, indicators?: Indicators): RefTranche[] {
  if ((contract.exitClauses ?? []).length > 0) throw new Error('reference: exit clauses not covered');
  const asOf = refDay(asOfText);
  const places = currencyOf(contract.currency).places;
  const cohortOrder = contract.cohorts.map((c) => c.id);
  const participants: RefParticipant[] = records.filter((r) => refDay(r.enrolledOn) <= asOf).map((record) => ({ record, outcomes: refOutcomes(contract, record, asOf) }));
  const claims = participants.flatMap((p) => participantClaims(contract, p, asOf, places));
  const tranches = contract.tranches.map((t, index) => ({ t, index, measuredOn: refDay(t.measuredOn) })).sort((a, b) => a.measuredOn - b.measuredOn || a.index - b.index);
  // each claim belongs to the first tranche (in order) measured on or after it that pays its rule for its cohort
  const owner = claims.map((claim) => {
    const rule = contract.rules[claim.rule] as Rule;
    return tranches.find(({ t, measuredOn }) => measuredOn >= claim.date && t.cohorts.includes(claim.cohort) && lists(t, rule));
  });
  const feeOwner = (rule: Rule, day: number): Tranche | undefined => tranches.find(({ t, measuredOn }) => measuredOn >= day && lists(t, rule))?.t;
  const ratchet = new Map<string, Dec>();
  const volumeUsed = new Map<number, number>();
  const capUsed = new Map<string, Dec>();
  const out: RefTranche[] = [];
  const zero = new D(0).toFixed(places);
  for (const { t, measuredOn } of tranches) {
    if (measuredOn > asOf) {
      out.push({ id: t.id, status: 'scheduled', earned: zero, payers: contract.parties.payers.map(() => zero) });
      continue;
    }
    const lines: Line[] = [];
    const cohorts = [...t.cohorts].sort((a, b) => cohortOrder.indexOf(a) - cohortOrder.indexOf(b));
    const mine = claims.filter((_, i) => owner[i]?.t === t);
    contract.rules.forEach((rule, r) => {
      if (!lists(t, rule)) return;
      const pays = (value: Dec, key: string, cohort: string | null): void => {
        const before = ratchet.get(`${rule.id}|${key}`) ?? new D(0);
        if (value.greaterThan(before)) ratchet.set(`${rule.id}|${key}`, value);
        lines.push({ outcome: paysFor(rule), cohort, claims: null, unit: null, paid: value.greaterThan(before) ? value.minus(before) : new D(0) });
      };
      if (rule.kind === 'cohortRate') {
        const listed = cohorts.filter((c) => rule.cohorts.includes(c));
        if (listed.length === 0) return;
        if (rule.pooling === 'perCohort') {
          for (const c of listed) pays(cohortRateValue(rule, participants, [c], measuredOn, places, contract.rounding, indicators, c), c, c);
        } else {
          const key = listed.length === 1 ? (listed[0] as string) : '*';
          // one ratchet per pool of the rule, whichever of its cohorts a tranche lists
          pays(cohortRateValue(rule, participants, listed, measuredOn, places, contract.rounding, indicators, key), rule.cohorts.length === 1 ? (rule.cohorts[0] as string) : '*', key === '*' ? null : key);
        }
        return;
      }
      if (rule.kind === 'bonus') {
        if (rule.trigger.scope === 'contract') pays(bonusValue(rule, participants, cohortOrder, measuredOn, places, contract.rounding), '*', null);
        else for (const c of cohorts) pays(bonusValue(rule, participants, [c], measuredOn, places, contract.rounding), c, c);
        return;
      }
      if (rule.kind === 'fee' && rule.charge.basis === 'schedule') {
        const due = rule.charge.payments.filter((payment) => feeOwner(rule, refDay(payment.date)) === t);
        if (due.length > 0) lines.push({ outcome: null, cohort: null, claims: null, unit: null, paid: sum(due.map((payment) => new D(payment.amount))) });
      }
      let ruleClaims = mine.filter((claim) => claim.rule === r);
      const volume = (contract.caps ?? []).filter((cap) => cap.kind === 'outcomeVolume' && cap.rule === rule.id).map((cap) => (cap.kind === 'outcomeVolume' ? cap.targetUnits : 0));
      if (volume.length > 0) {
        // the earliest claims over all the tranche's cohorts (same day: higher price first, then cohort order)
        const ordered = [...ruleClaims].sort((a, b) => a.date - b.date || b.amount.comparedTo(a.amount) || cohortOrder.indexOf(a.cohort) - cohortOrder.indexOf(b.cohort));
        const room = Math.max(0, Math.min(...volume) - (volumeUsed.get(r) ?? 0));
        ruleClaims = ordered.slice(0, room);
        volumeUsed.set(r, (volumeUsed.get(r) ?? 0) + ruleClaims.length);
      }
      for (const c of cohorts) lines.push(...claimLines(ruleClaims.filter((claim) => claim.cohort === c), paysFor(rule), c, places, contract.rounding));
    });
    // money caps: outcome, cohort, tranche, contract (contract order within a kind), cumulative over the tranches
    for (const kind of ['outcome', 'cohort', 'tranche', 'contract'] as const) {
      for (const cap of contract.caps ?? []) {
        if (cap.kind !== kind) continue;
        const covered = lines.filter((line) =>
          cap.kind === 'outcome' ? line.outcome === cap.outcome : cap.kind === 'cohort' ? line.cohort === cap.cohort : cap.kind === 'tranche' ? cap.tranche === t.id : true,
        );
        if (covered.length === 0) continue;
        const used = capUsed.get(cap.id) ?? new D(0);
        capUsed.set(cap.id, used.plus(capLines(covered, new D(cap.amount).minus(used), cap.partialPayment)));
      }
    }
    const parts = largestRemainder(sum(lines.map((line) => line.paid)), contract.parties.payers.map((p) => p.share), places);
    contract.parties.payers.forEach((payer, index) => {
      for (const cap of contract.caps ?? []) {
        if (cap.kind !== 'payer' || cap.payer !== payer.id) continue;
        const used = capUsed.get(cap.id) ?? new D(0);
        const left = Dec0(new D(cap.amount).minus(used));
        const part = parts[index] ?? new D(0);
        const paid = part.greaterThan(left) ? left : part;
        parts[index] = paid;
        capUsed.set(cap.id, used.plus(paid));
      }
    });
    out.push({ id: t.id, status: 'settled', earned: sum(parts).toFixed(places), payers: parts.map((part) => part.toFixed(places)) });
  }
  return out;
}
