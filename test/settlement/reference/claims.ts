/**
 * Participant claims for the reference, from docs/contract.md and docs/settlement.md: a rate
 * card claim (the outcome and every prerequisite achieved, on the latest of their days, at the
 * price of the participant's groups), sustainment claims (a period's days in work counted day by
 * day from the placement, within the window, a gap longer than allowed ending the count, each
 * claim due after the lag and never before the placement is achieved), a per-start fee (on the
 * enrolment day, at the amount of the phase in force that day); then every per-participant cap in turn.
 */
import type { ContractInput } from '../../../src/contract/index.js';
import { refDay } from './dates.js';
import { termsOn } from './versions.js';
import { D, roundMinor, type Dec } from './decimal.js';
import { achievedOn, type RefParticipant } from './cohort.js';

type Rule = ContractInput['rules'][number];
type RateCard = Extract<Rule, { kind: 'rateCard' }>;
type Sustainment = Extract<Rule, { kind: 'sustainment' }>;

/** A claim of a participant under a rule (index in the contract), on a day. */
export interface RefClaim {
  readonly rule: number;
  readonly cohort: string;
  readonly participant: string;
  readonly date: number;
  amount: Dec;
  /** The version of an amended contract that priced the claim (0: as written): in force on its day, or on the enrolment day (rate cards priced by enrolment). */
  readonly version?: number;
}

/** The price of a rate card for a participant in `groups`. */
function price(rule: RateCard, groups: readonly string[], contract: ContractInput, places: number): Dec {
  const base = new D(rule.price);
  const pricing = rule.groupPricing;
  const candidates: Dec[] = [];
  if (pricing.kind === 'prices') {
    for (const entry of pricing.prices) if (groups.includes(entry.group)) candidates.push(new D(entry.price));
  } else if (pricing.kind === 'multipliers') {
    for (const group of contract.groups ?? []) {
      if (group.priceMultiplier === undefined || !groups.includes(group.id)) continue;
      const exact = base.times(group.priceMultiplier);
      // to the minor unit, or to a multiple of the named increment (docs/contract.md, rateCard)
      candidates.push(pricing.increment === undefined ? roundMinor(exact, places, pricing.rounding) : roundMinor(exact.dividedBy(pricing.increment), 0, pricing.rounding).times(pricing.increment));
    }
  }
  if (pricing.kind === 'flat' || candidates.length === 0) return base;
  const sorted = candidates.sort((a, b) => a.comparedTo(b));
  return (pricing.severalGroups === 'highest' ? sorted.at(-1) : sorted[0]) ?? base;
}

/** The days sustainment pays for one participant. */
function sustainmentDays(rule: Sustainment, p: RefParticipant, asOf: number): number[] {
  const placement = p.outcomes.get(rule.placementOutcome);
  if (placement?.status !== 'achieved' || placement.placedOn === undefined) return [];
  const start = placement.placedOn;
  const spells = (p.record.spells ?? []).map((s) => ({ start: refDay(s.start), end: s.end === undefined ? asOf : refDay(s.end) }));
  const claims: number[] = [];
  let worked = 0;
  let gap = 0;
  for (let day = start; day <= Math.min(start + rule.windowDays - 1, asOf) && claims.length < rule.maxPayments; day++) {
    if (spells.some((s) => s.start <= day && day <= s.end)) {
      gap = 0;
      worked += 1;
      if (worked % rule.periodDays === 0) {
        const due = Math.max(day + rule.paymentLagDays, placement.on ?? start);
        if (due > asOf) break;
        claims.push(due);
      }
    } else if (++gap > rule.allowedGapDays) break;
  }
  return claims;
}

/**
 * Every claim of a participant, after the per-participant caps (claims cut to nothing are
 * dropped), and for each cap that cut one, the day the first cut was known (the latest day of the
 * claims the cap had taken by then).
 *
 * @example
 * participantClaims(contract, participant, refDay('2025-06-30'), 2).claims;
 */
export function participantClaims(contract: ContractInput, p: RefParticipant, asOf: number, places: number): { claims: RefClaim[]; cutOn: Map<string, number> } {
  const claims: RefClaim[] = [];
  const base = { cohort: p.record.cohort, participant: p.record.id };
  contract.rules.forEach((rule, index) => {
    switch (rule.kind) {
      case 'rateCard': {
        const dates = [rule.outcome, ...rule.prerequisites].map((id) => achievedOn(p, id));
        if (!dates.every((d) => d !== undefined)) break;
        // priced by the version in force on the claim's day, or on the participant's enrolment day
        // when the contract says so (amendments, docs/contract.md: pricedBy)
        const date = Math.max(...dates);
        const { terms, version } = termsOn(contract, contract.amendments?.pricedBy === 'enrolment' ? refDay(p.record.enrolledOn) : date);
        claims.push({ ...base, rule: index, date, amount: price(terms.rules[index] as RateCard, p.record.groups ?? [], contract, places), version });
        break;
      }
      case 'sustainment':
        // an amended contract's claim lines are one per version of the claims' days, whatever the rule
        for (const date of sustainmentDays(rule, p, asOf)) claims.push({ ...base, rule: index, date, amount: new D(rule.price), version: termsOn(contract, date).version });
        break;
      case 'fee':
        if (rule.charge.kind === 'perStart') {
          // phased: the amount of the last phase starting on or before the enrolment day (docs/contract.md, fee)
          const day = refDay(p.record.enrolledOn);
          const phase = (rule.charge.phases ?? []).filter((entry) => refDay(entry.from) <= day).at(-1);
          claims.push({ ...base, rule: index, date: day, amount: new D(phase?.amount ?? rule.charge.amount), version: termsOn(contract, day).version });
        }
        break;
      case 'cohortRate':
      case 'bonus':
      case 'resultsIndicator':
        break;
      default: {
        const never: never = rule;
        throw new Error(`reference: rule ${JSON.stringify(never)}`);
      }
    }
  });
  const cutOn = new Map<string, number>();
  for (const cap of contract.caps ?? []) {
    if (cap.kind !== 'participant') continue;
    // every claim of the participant, per-start fees included (docs/settlement.md, caps 5.1)
    const ordered = [...claims].sort((a, b) => (cap.claimOrder === 'achievementDate' ? a.date - b.date || a.rule - b.rule : a.rule - b.rule || a.date - b.date));
    let remaining = new D(cap.amount);
    let latest = -Infinity;
    for (const claim of ordered) {
      latest = Math.max(latest, claim.date);
      if (claim.amount.lessThanOrEqualTo(remaining)) {
        remaining = remaining.minus(claim.amount);
        continue;
      }
      claim.amount = cap.partialPayment ? remaining : new D(0);
      remaining = remaining.minus(claim.amount);
      if (!cutOn.has(cap.id)) cutOn.set(cap.id, latest);
    }
  }
  return { claims: claims.filter((claim) => !claim.amount.isZero()), cutOn };
}
