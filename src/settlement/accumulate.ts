/**
 * The per-participant pass: resolve each outcome once, then add the participant to the tallies,
 * the rate counts and the claims of the ledger. Integer day arithmetic only, except the amounts
 * of the participant's own claims (and only when a per-participant cap needs them).
 *
 * @module
 */
import type { OutcomeRecord } from '../records/index.js';
import { resolveParticipant, type Resolution } from '../outcomes/index.js';
import { ZERO, type Amount } from '../money/index.js';
import { bump } from './date-counts.js';
import { addClaim, groupTally, type CohortLedger, type Ledger, type Tally } from './ledger.js';
import { priceIndexFor } from './pricing.js';
import type { SettlementPlan } from './plan.js';
import { sustainmentClaimDates } from './sustainment.js';

interface Claim {
  readonly rule: number;
  readonly date: number;
  amount: Amount;
}

function countOutcomes(tally: Tally, resolutions: readonly Resolution[], enrolledOn: number): void {
  bump(tally.enrolled, enrolledOn);
  resolutions.forEach((resolution, index) => {
    if (resolution.on === undefined) return;
    const counts = tally.outcomes[index];
    if (counts === undefined) return;
    if (resolution.status === 'achieved') bump(counts.achieved, resolution.on);
    else if (resolution.status === 'failed') bump(counts.failed, resolution.on);
  });
}

function achievedOn(resolutions: readonly Resolution[], outcome: number): number | undefined {
  const resolution = resolutions[outcome];
  return resolution?.status === 'achieved' ? resolution.on : undefined;
}

function countRates(plan: SettlementPlan, cohort: CohortLedger, resolutions: readonly Resolution[], enrolledOn: number): void {
  plan.rateSpecs.forEach((spec, index) => {
    const counts = cohort.rates[index];
    if (counts === undefined) return;
    const entry = spec.entryOutcome < 0 ? enrolledOn : achievedOn(resolutions, spec.entryOutcome);
    if (entry === undefined) return;
    bump(counts.denominator, entry);
    const resolution = resolutions[spec.outcome];
    if (resolution?.on === undefined) return;
    if (resolution.status === 'achieved') bump(counts.achieved, Math.max(entry, resolution.on));
    else if (resolution.status === 'failed') bump(counts.failed, Math.max(entry, resolution.on));
  });
}

function participantClaims(plan: SettlementPlan, record: OutcomeRecord, resolutions: readonly Resolution[]): Claim[] {
  const claims: Claim[] = [];
  plan.contract.rules.forEach((rule, index) => {
    switch (rule.kind) {
      case 'rateCard': {
        let date = achievedOn(resolutions, plan.outcomeIndex.get(rule.outcome) ?? -1);
        for (const prerequisite of rule.prerequisites) {
          if (date === undefined) break;
          const other = achievedOn(resolutions, plan.outcomeIndex.get(prerequisite) ?? -1);
          date = other === undefined ? undefined : Math.max(date, other);
        }
        const prices = plan.ratePrices[index];
        if (date === undefined || prices === undefined) return;
        claims.push({ rule: index, date, amount: prices.prices[priceIndexFor(prices, record.groups)] ?? ZERO });
        return;
      }
      case 'sustainment': {
        const placement = resolutions[plan.outcomeIndex.get(rule.placementOutcome) ?? -1];
        if (placement?.status !== 'achieved' || placement.anchor === undefined) return;
        const price = plan.sustainmentPrices[index] ?? ZERO;
        for (const date of sustainmentClaimDates(rule, record.spells, placement.anchor, plan.asOf)) {
          claims.push({ rule: index, date, amount: price });
        }
        return;
      }
      case 'fee': {
        const fee = plan.startFees[index];
        if (fee !== undefined && record.enrolledOn <= plan.asOf) claims.push({ rule: index, date: record.enrolledOn, amount: fee });
        return;
      }
      case 'cohortRate':
      case 'bonus':
        return;
      default: {
        const never: never = rule;
        return never;
      }
    }
  });
  return claims;
}

function applyParticipantCaps(plan: SettlementPlan, ledger: Ledger, record: OutcomeRecord, claims: Claim[]): void {
  plan.participantCaps.forEach((cap, capIndex) => {
    const capped = [...claims];
    capped.sort((a, b) =>
      cap.claimOrder === 'achievementDate' ? a.date - b.date || a.rule - b.rule : a.rule - b.rule || a.date - b.date,
    );
    let remaining = cap.amount;
    const cuts = ledger.participantCaps[capIndex];
    for (const claim of capped) {
      if (claim.amount.lessThanOrEqualTo(remaining)) {
        remaining = remaining.minus(claim.amount);
        continue;
      }
      const paid = cap.partialPayment ? remaining : ZERO;
      if (cuts !== undefined) {
        cuts.claims += 1;
        cuts.amount = cuts.amount.plus(claim.amount.minus(paid));
        cuts.participants?.push(record.id);
      }
      remaining = remaining.minus(paid);
      claim.amount = paid;
    }
  });
}

/**
 * Adds one validated participant record to the ledger.
 *
 * @example
 * for (const record of records) accumulate(plan, ledger, record);
 */
export function accumulate(plan: SettlementPlan, ledger: Ledger, record: OutcomeRecord): void {
  const cohortIndex = plan.cohortIndex.get(record.cohort);
  const cohort = cohortIndex === undefined ? undefined : ledger.cohorts[cohortIndex];
  if (cohort === undefined) return; // validation guarantees the cohort exists
  ledger.participants += 1;
  if (record.enrolledOn > plan.asOf) return; // not yet enrolled at the as-of date: nothing to count
  const resolutions = resolveParticipant(record, plan.outcomes, plan.asOf);
  countOutcomes(cohort.tally, resolutions, record.enrolledOn);
  for (const group of record.groups) countOutcomes(groupTally(cohort, group, resolutions.length), resolutions, record.enrolledOn);
  countRates(plan, cohort, resolutions, record.enrolledOn);
  const claims = participantClaims(plan, record, resolutions);
  if (claims.length === 0) return;
  if (plan.participantCaps.length > 0) applyParticipantCaps(plan, ledger, record, claims);
  for (const claim of claims) {
    if (claim.amount.isZero()) continue;
    addClaim(cohort, claim.rule, claim.date, claim.amount, record.id, plan.keepParticipants);
  }
}
