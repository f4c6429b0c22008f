/**
 * The per-participant pass: resolve each outcome once, then add the participant to the tallies,
 * the rate counts and the claims of the ledger. Integer day arithmetic only, except the amounts
 * of the participant's own claims (and only when a per-participant cap needs them).
 *
 * @module
 */
import type { OutcomeRecord } from '../records/index.js';
import { resolveRecord, type Resolution } from '../outcomes/index.js';
import { addClaim, addCountedClaims, groupTally, type CohortLedger, type Ledger, type Tally } from './ledger.js';
import { applyParticipantCaps } from './caps/participant-caps.js';
import type { SettlementPlan } from './plan.js';
import type { Claim, ParticipantClaims } from './rules/rule-module.js';

function countOutcomes(tally: Tally, resolutions: readonly Resolution[], enrolledOn: number, count: number): void {
  tally.enrolled.add(enrolledOn, count);
  for (let index = 0; index < resolutions.length; index++) {
    const resolution = resolutions[index];
    if (resolution?.on === undefined) continue;
    const counts = tally.outcomes[index];
    if (counts === undefined) continue;
    if (resolution.status === 'achieved') counts.achieved.add(resolution.on, count);
    else if (resolution.status === 'failed') counts.failed.add(resolution.on, count);
  }
}

function achievedOn(resolutions: readonly Resolution[], outcome: number): number | undefined {
  const resolution = resolutions[outcome];
  return resolution?.status === 'achieved' ? resolution.on : undefined;
}

function countRates(plan: SettlementPlan, cohort: CohortLedger, resolutions: readonly Resolution[], enrolledOn: number, count: number): void {
  const specs = plan.rateSpecs;
  for (let index = 0; index < specs.length; index++) {
    const spec = specs[index];
    const counts = cohort.rates[index];
    if (spec === undefined || counts === undefined || enrolledOn > spec.enrolledBy) continue;
    const entry = spec.entryOutcome < 0 ? enrolledOn : achievedOn(resolutions, spec.entryOutcome);
    if (entry === undefined) continue;
    counts.denominator.add(entry, count);
    const resolution = resolutions[spec.outcome];
    if (resolution?.on === undefined) continue;
    if (resolution.status === 'achieved') counts.achieved.add(Math.max(entry, resolution.on), count);
    else if (resolution.status === 'failed') counts.failed.add(Math.max(entry, resolution.on), count);
  }
}

function participantClaims(plan: SettlementPlan, record: OutcomeRecord, resolutions: readonly Resolution[]): Claim[] {
  const claims: Claim[] = [];
  const rules = plan.claimRules;
  for (let index = 0; index < rules.length; index++) (rules[index] as ParticipantClaims)(record, resolutions, claims);
  return claims;
}

function countGuarantees(plan: SettlementPlan, ledger: Ledger, record: OutcomeRecord, cohort: number, resolutions: readonly Resolution[]): void {
  for (let index = 0; index < plan.guarantees.length; index++) {
    const guarantee = plan.guarantees[index];
    const counts = ledger.guarantees[index];
    if (guarantee === undefined || counts === undefined || !guarantee.cohorts.has(cohort)) continue;
    const qualifying = resolutions[guarantee.qualifying];
    if (qualifying?.status === 'failed') continue;
    if (qualifying?.status !== 'achieved') {
      counts.undecided += 1;
      continue;
    }
    counts.qualified.add(qualifying.on);
    const exit = record.exitedOn !== undefined && record.exitedOn <= plan.asOf ? record.exitedOn : undefined;
    if (exit === undefined) {
      counts.undecided += 1;
      continue;
    }
    const deadline = exit + guarantee.withinDays;
    const placement = resolutions[guarantee.placement];
    if (placement?.status === 'achieved' && placement.anchor !== undefined) {
      if (placement.anchor <= deadline) counts.hired.add(Math.max(qualifying.on, placement.on));
      continue;
    }
    if (placement?.status !== 'failed' && plan.asOf <= deadline) counts.undecided += 1;
  }
}

/**
 * Adds one validated participant record to the ledger.
 *
 * @example
 * for (const record of records) accumulate(plan, ledger, record);
 */
export function accumulate(plan: SettlementPlan, ledger: Ledger, record: OutcomeRecord): void {
  const cohortIndex = plan.cohortIndex.get(record.cohort) ?? -1;
  const cohort = ledger.cohorts[cohortIndex];
  if (cohort === undefined) return; // validation guarantees the cohort exists
  ledger.participants += 1;
  if (record.enrolledOn > plan.asOf) return; // not yet enrolled at the as-of date: nothing to count
  const resolutions = resolveRecord(record, plan.outcomes, plan.asOf);
  countOutcomes(cohort.tally, resolutions, record.enrolledOn, 1);
  const groups = record.groups;
  for (let k = 0; k < groups.length; k++) countOutcomes(groupTally(cohort, groups[k] as string, resolutions.length), resolutions, record.enrolledOn, 1);
  countRates(plan, cohort, resolutions, record.enrolledOn, 1);
  if (plan.guarantees.length > 0) countGuarantees(plan, ledger, record, cohortIndex, resolutions);
  const claims = participantClaims(plan, record, resolutions);
  if (claims.length === 0) return;
  if (plan.participantCaps.length > 0) applyParticipantCaps(plan, ledger, record, claims, cohortIndex);
  for (let k = 0; k < claims.length; k++) {
    const claim = claims[k] as Claim;
    if (claim.amount.isZero()) continue;
    addClaim(cohort, claim.rule, claim.date, claim.amount, record.id, plan.keepParticipants, claim.version, claim.cut);
  }
}

/**
 * Adds `count` participants alike to the ledger, their outcomes already resolved: the same
 * tallies, rate counts and claims as {@link accumulate} adding `count` copies of `record` whose
 * resolutions are `resolutions` (the count path of a simulation). Refuses a plan that needs each
 * participant on their own: per-participant caps, hiring guarantees, participant ids kept.
 *
 * @example
 * accumulateResolved(plan, ledger, record, resolveRecord(record, plan.outcomes, plan.asOf), 250);
 */
export function accumulateResolved(plan: SettlementPlan, ledger: Ledger, record: OutcomeRecord, resolutions: readonly Resolution[], count: number): void {
  if (plan.participantCaps.length > 0 || plan.guarantees.length > 0 || plan.keepParticipants) {
    throw new Error('outcome-pay internal error: accumulateResolved on a plan that needs each participant on their own');
  }
  const cohort = ledger.cohorts[plan.cohortIndex.get(record.cohort) ?? -1];
  if (cohort === undefined || count <= 0) return;
  ledger.participants += count;
  if (record.enrolledOn > plan.asOf) return;
  countOutcomes(cohort.tally, resolutions, record.enrolledOn, count);
  const groups = record.groups;
  for (let k = 0; k < groups.length; k++) countOutcomes(groupTally(cohort, groups[k] as string, resolutions.length), resolutions, record.enrolledOn, count);
  countRates(plan, cohort, resolutions, record.enrolledOn, count);
  const claims = participantClaims(plan, record, resolutions);
  for (let k = 0; k < claims.length; k++) {
    const claim = claims[k] as Claim;
    if (!claim.amount.isZero()) addCountedClaims(cohort, claim.rule, claim.date, claim.amount, count, claim.version);
  }
}
