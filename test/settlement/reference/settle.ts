/**
 * A slow, independent reference settlement for a subset of the contract language, written from
 * docs/settlement.md and docs/contract.md without importing the engine (src/settlement) or the
 * resolver (src/outcomes): placement and retention (continuous, anniversary), rate cards with
 * group prices (prices or multipliers) and prerequisites, per-start fees, cohort rates
 * (allOrNothing, tiers; enrolled denominator) with the ratchet, per-participant caps, a contract
 * cap, tranches, and the split among payers by largest remainder. Exact decimals through a
 * private decimal.js clone; dates through date-fns (see dates.ts).
 */
import { Decimal } from 'decimal.js';
import type { ContractInput } from '../../../src/contract/index.js';
import { currencyOf, type WireRecord } from '../arbitraries/index.js';
import { refDay } from './dates.js';
import { refOutcomes, type RefStatus } from './outcomes.js';

const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 60 });
type Dec = InstanceType<typeof D>;

type Rule = ContractInput['rules'][number];
type RateCard = Extract<Rule, { kind: 'rateCard' }>;
type CohortRate = Extract<Rule, { kind: 'cohortRate' }>;

const MODES: Record<string, Decimal.Rounding> = {
  'half-even': Decimal.ROUND_HALF_EVEN,
  'half-up': Decimal.ROUND_HALF_UP,
  'half-down': Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceiling: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
};

/** Rounds to the currency's minor unit (`places` decimals) with the contract's rounding mode. */
function roundMinor(value: Dec, places: number, mode: string): Dec {
  const rounding = MODES[mode];
  if (rounding === undefined) throw new Error(`reference: rounding ${mode}`);
  return value.toDecimalPlaces(places, rounding);
}

/** What the reference computes for one tranche. */
export interface RefTranche {
  readonly id: string;
  readonly status: 'settled' | 'scheduled';
  /** Earned, with the currency's decimals. */
  readonly earned: string;
  /** Payer parts in contract order, with the currency's decimals. */
  readonly payers: readonly string[];
}

interface Claim {
  readonly rule: number;
  readonly cohort: string;
  readonly date: number;
  amount: Dec;
}

function price(rule: RateCard, groups: readonly string[], contract: ContractInput, places: number): Dec {
  const base = new D(rule.price);
  const pricing = rule.groupPricing;
  let candidates: Dec[] = [];
  if (pricing.mode === 'prices') {
    candidates = pricing.prices.filter((p) => groups.includes(p.group)).map((p) => new D(p.price));
  } else if (pricing.mode === 'multipliers') {
    for (const group of contract.groups ?? []) {
      if (group.priceMultiplier === undefined || !groups.includes(group.id)) continue;
      candidates.push(roundMinor(base.times(group.priceMultiplier), places, pricing.rounding));
    }
  }
  if (candidates.length === 0 || pricing.mode === 'flat') return base;
  const sorted = candidates.sort((a, b) => a.comparedTo(b));
  return (pricing.severalGroups === 'highest' ? sorted[sorted.length - 1] : sorted[0]) ?? base;
}

function participantClaims(contract: ContractInput, record: WireRecord, outcomes: Map<string, RefStatus>, places: number): Claim[] {
  const claims: Claim[] = [];
  const achievedOn = (id: string): number | undefined => {
    const status = outcomes.get(id);
    return status?.status === 'achieved' ? status.on : undefined;
  };
  contract.rules.forEach((rule, index) => {
    if (rule.kind === 'rateCard') {
      const dates = [rule.outcome, ...rule.prerequisites].map(achievedOn);
      if (dates.some((d) => d === undefined)) return;
      claims.push({ rule: index, cohort: record.cohort, date: Math.max(...(dates as number[])), amount: price(rule, record.groups ?? [], contract, places) });
    } else if (rule.kind === 'fee') {
      if (rule.charge.basis !== 'perStart') throw new Error('reference: scheduled fees not covered');
      claims.push({ rule: index, cohort: record.cohort, date: refDay(record.enrolledOn), amount: new D(rule.charge.amount) });
    } else if (rule.kind !== 'cohortRate') throw new Error(`reference: rule kind ${rule.kind} not covered`);
  });
  for (const cap of contract.caps ?? []) {
    if (cap.kind !== 'participant') continue;
    // every claim of the participant, per-start fees included (docs/settlement.md, caps 5.1)
    const capped = [...claims].sort((a, b) => (cap.claimOrder === 'achievementDate' ? a.date - b.date || a.rule - b.rule : a.rule - b.rule || a.date - b.date));
    let remaining = new D(cap.amount);
    for (const claim of capped) {
      if (claim.amount.lessThanOrEqualTo(remaining)) {
        remaining = remaining.minus(claim.amount);
        continue;
      }
      claim.amount = cap.partialPayment ? remaining : new D(0);
      remaining = remaining.minus(claim.amount);
    }
  }
  return claims.filter((claim) => !claim.amount.isZero());
}

interface Line {
  readonly claims: number | null;
  readonly unit: Dec | null;
  paid: Dec;
}

function scheduleValue(rule: CohortRate, achieved: number, denominator: number): Dec {
  // rate ≥ x  ⇔  achieved ≥ x × denominator (exact); an empty denominator pays at rate 1 or nothing
  const reaches = (x: string): boolean => (denominator === 0 ? new D(1).greaterThanOrEqualTo(x) : new D(achieved).greaterThanOrEqualTo(new D(x).times(denominator)));
  if (denominator === 0 && rule.emptyCohort === 'nothing') return new D(0);
  const schedule = rule.schedule;
  let amount: Dec;
  if (schedule.mode === 'allOrNothing') amount = reaches(schedule.threshold) ? new D(schedule.amount) : new D(0);
  else if (schedule.mode === 'tiers') amount = new D(schedule.tiers.filter((tier) => reaches(tier.from)).at(-1)?.amount ?? 0);
  else throw new Error('reference: linear schedules not covered');
  if (rule.baseline !== undefined) throw new Error('reference: baselines not covered');
  return rule.amountBasis === 'perAchiever' ? amount.times(achieved) : amount;
}

/**
 * Settles the subset: every tranche's earned amount and payer parts, as of `asOf`.
 *
 * @example
 * referenceSettle(contract, records, '2025-06-30').map((t) => t.earned);
 */
export function referenceSettle(contract: ContractInput, records: readonly WireRecord[], asOfText: string): RefTranche[] {
  if ((contract.exitClauses ?? []).length > 0 || (contract.reinvestment ?? []).length > 0) throw new Error('reference: exits/reinvestment not covered');
  const asOf = refDay(asOfText);
  const places = currencyOf(contract.currency).places;
  const enrolled = records.filter((r) => refDay(r.enrolledOn) <= asOf);
  const resolved = enrolled.map((record) => ({ record, outcomes: refOutcomes(contract, record, asOf) }));
  const claims = resolved.flatMap(({ record, outcomes }) => participantClaims(contract, record, outcomes, places));
  const tranches = contract.tranches.map((t, index) => ({ t, index, measuredOn: refDay(t.measuredOn) })).sort((a, b) => a.measuredOn - b.measuredOn || a.index - b.index);
  const ruleIndex = new Map(contract.rules.map((rule, index) => [rule.id, index]));
  const cohortOrder = contract.cohorts.map((c) => c.id);
  // each claim belongs to the first tranche (in order) listing its rule and cohort measured on or after it
  const owner = claims.map((claim) => tranches.find(({ t, measuredOn }) => measuredOn >= claim.date && t.cohorts.includes(claim.cohort) && t.rules.includes(contract.rules[claim.rule]?.id ?? '')));
  const ratchet = new Map<string, Dec>();
  let contractUsed = new D(0);
  const out: RefTranche[] = [];
  for (const { t, measuredOn } of tranches) {
    if (measuredOn > asOf) {
      out.push({ id: t.id, status: 'scheduled', earned: new D(0).toFixed(places), payers: contract.parties.payers.map(() => new D(0).toFixed(places)) });
      continue;
    }
    const lines: Line[] = [];
    const rules = [...new Set(t.rules.map((id) => ruleIndex.get(id) ?? -1))].sort((a, b) => a - b);
    const cohorts = [...t.cohorts].sort((a, b) => cohortOrder.indexOf(a) - cohortOrder.indexOf(b));
    for (const r of rules) {
      const rule = contract.rules[r];
      if (rule === undefined) continue;
      if (rule.kind === 'cohortRate') {
        const listed = cohorts.filter((c) => rule.cohorts.includes(c));
        const groups = rule.pooling === 'pooled' ? (listed.length === 0 ? [] : [listed]) : listed.map((c) => [c]);
        for (const group of groups) {
          const members = resolved.filter(({ record }) => group.includes(record.cohort) && refDay(record.enrolledOn) <= measuredOn);
          const decided = (status: string): number => members.filter(({ outcomes }) => { const s = outcomes.get(rule.outcome); return s?.status === status && (s.on ?? Infinity) <= measuredOn; }).length;
          const achieved = decided('achieved');
          const denominator = rule.pending === 'exclude' ? achieved + decided('failed') : members.length;
          const value = roundMinor(scheduleValue(rule, achieved, denominator), places, contract.rounding);
          const key = `${rule.id}|${rule.pooling === 'pooled' ? rule.cohorts.join(',') : group.join(',')}`; // one ratchet per pool of the rule
          const before = ratchet.get(key) ?? new D(0);
          const pays = value.greaterThan(before) ? value.minus(before) : new D(0);
          if (value.greaterThan(before)) ratchet.set(key, value);
          lines.push({ claims: null, unit: null, paid: pays });
        }
        continue;
      }
      for (const cohort of cohorts) {
        const mine = claims.filter((claim, i) => owner[i]?.t === t && claim.rule === r && claim.cohort === cohort);
        // one line per unit amount, in the order of each amount's earliest claim (same day: larger first)
        const units = new Map<string, { unit: Dec; count: number; first: number }>();
        for (const claim of mine) {
          const key = claim.amount.toFixed();
          const entry = units.get(key) ?? { unit: claim.amount, count: 0, first: claim.date };
          entry.count += 1;
          entry.first = Math.min(entry.first, claim.date);
          units.set(key, entry);
        }
        const ordered = [...units.values()].sort((a, b) => a.first - b.first || b.unit.comparedTo(a.unit));
        for (const u of ordered) lines.push({ claims: u.count, unit: u.unit, paid: roundMinor(u.unit.times(u.count), places, contract.rounding) });
      }
    }
    for (const cap of contract.caps ?? []) {
      if (cap.kind === 'participant') continue;
      if (cap.kind !== 'contract') throw new Error(`reference: ${cap.kind} caps not covered`);
      let budget = D.max(new D(cap.amount).minus(contractUsed), 0);
      for (const line of lines) {
        if (line.paid.lessThanOrEqualTo(budget)) {
          budget = budget.minus(line.paid);
          continue;
        }
        if (cap.partialPayment) line.paid = budget;
        else if (line.claims !== null && line.unit !== null && line.unit.greaterThan(0)) line.paid = line.unit.times(budget.dividedToIntegerBy(line.unit));
        else line.paid = new D(0);
        budget = budget.minus(line.paid);
      }
      contractUsed = contractUsed.plus(lines.reduce((sum, line) => sum.plus(line.paid), new D(0)));
    }
    const earned = lines.reduce((sum, line) => sum.plus(line.paid), new D(0));
    out.push({ id: t.id, status: 'settled', earned: earned.toFixed(places), payers: largestRemainder(earned, contract.parties.payers.map((p) => p.share), places).map((part) => part.toFixed(places)) });
  }
  return out;
}

/** Splits a non-negative amount in minor units by shares summing to 1: floors, then the leftover minor units to the largest remainders (ties: earlier payer). */
function largestRemainder(total: Dec, shares: readonly string[], places: number): Dec[] {
  const unit = new D(10).pow(places);
  const cents = total.times(unit);
  const exact = shares.map((share) => cents.times(share));
  const floors = exact.map((value) => value.floor());
  let left = cents.minus(floors.reduce((sum, value) => sum.plus(value), new D(0))).toNumber();
  const order = exact.map((value, index) => ({ index, remainder: value.minus(floors[index] ?? 0) })).sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    floors[index] = (floors[index] ?? new D(0)).plus(1);
    left -= 1;
  }
  return floors.map((value) => value.dividedBy(unit));
}
