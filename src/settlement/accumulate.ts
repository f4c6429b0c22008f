/**
 * The per-participant pass: resolve each outcome once, then add the participant to the tallies,
 * the rate counts and the claims of the ledger. Integer day arithmetic only, except the amounts
 * of the participant's own claims (and only when a per-participant cap needs them).
 *
 * @module
 */
import type { OutcomeRecord } from '../records/index.js';
import { ownText } from '../records/own-text.js';
import type { Resolution } from '../outcomes/index.js';
import { resolveRecord } from '../outcomes/resolve.js';
import { ZERO, type Amount } from '../money/index.js';
import { amountOfUnits, type ClaimUnits } from './claim-units.js';
import { addClaim, groupTally, type CohortLedger, type Ledger, type ParticipantCapCuts, type Tally } from './ledger.js';
import type { ParticipantCapPlan, SettlementPlan } from './plan.js';
import type { Claim, ParticipantClaims } from './rules/rule-module.js';

function countOutcomes(tally: Tally, resolutions: readonly Resolution[], enrolledOn: number): void {
  tally.enrolled.add(enrolledOn);
  for (let index = 0; index < resolutions.length; index++) {
    const resolution = resolutions[index];
    if (resolution?.on === undefined) continue;
    const counts = tally.outcomes[index];
    if (counts === undefined) continue;
    if (resolution.status === 'achieved') counts.achieved.add(resolution.on);
    else if (resolution.status === 'failed') counts.failed.add(resolution.on);
  }
}

function achievedOn(resolutions: readonly Resolution[], outcome: number): number | undefined {
  const resolution = resolutions[outcome];
  return resolution?.status === 'achieved' ? resolution.on : undefined;
}

function countRates(plan: SettlementPlan, cohort: CohortLedger, resolutions: readonly Resolution[], enrolledOn: number): void {
  const specs = plan.rateSpecs;
  for (let index = 0; index < specs.length; index++) {
    const spec = specs[index];
    const counts = cohort.rates[index];
    if (spec === undefined || counts === undefined) continue;
    const entry = spec.entryOutcome < 0 ? enrolledOn : achievedOn(resolutions, spec.entryOutcome);
    if (entry === undefined) continue;
    counts.denominator.add(entry);
    const resolution = resolutions[spec.outcome];
    if (resolution?.on === undefined) continue;
    if (resolution.status === 'achieved') counts.achieved.add(Math.max(entry, resolution.on));
    else if (resolution.status === 'failed') counts.failed.add(Math.max(entry, resolution.on));
  }
}

function participantClaims(plan: SettlementPlan, record: OutcomeRecord, resolutions: readonly Resolution[]): Claim[] {
  const claims: Claim[] = [];
  const rules = plan.claimRules;
  for (let index = 0; index < rules.length; index++) (rules[index] as ParticipantClaims)(record, resolutions, claims);
  return claims;
}

const byAchievementDate = (a: Claim, b: Claim): number => a.date - b.date || a.rule - b.rule;
const byRuleOrder = (a: Claim, b: Claim): number => a.rule - b.rule || a.date - b.date;

/**
 * Sorts a participant's few claims in place (insertion sort: no allocation, stable). The order of
 * `claims` matters to nothing but the caps, each of which sorts it again.
 */
function sortClaims(claims: Claim[], order: (a: Claim, b: Claim) => number): void {
  for (let i = 1; i < claims.length; i++) {
    const claim = claims[i] as Claim;
    let j = i - 1;
    while (j >= 0 && order(claims[j] as Claim, claim) > 0) {
      claims[j + 1] = claims[j] as Claim;
      j--;
    }
    claims[j + 1] = claim;
  }
}

/** Records that a cap cut `claim` to `paid`, a cut known on `knownOn` (the latest day of the claims taken so far). */
function recordCut(cuts: ParticipantCapCuts | undefined, record: OutcomeRecord, claim: Claim, paid: Amount, knownOn: number): void {
  if (cuts === undefined) return;
  cuts.claims += 1;
  cuts.dates.add(knownOn);
  cuts.amount = cuts.amount.plus(claim.amount.minus(paid));
  cuts.participants?.push(ownText(record.id)); // kept for long: a copy that holds no file text
}

/**
 * One cap over claims in its order, in integer units; false (having changed nothing) when a
 * claim amount has no exact integer value (an amount cut by an earlier cap, say).
 */
function capInUnits(units: ClaimUnits, cap: ParticipantCapPlan, ordered: readonly Claim[], cuts: ParticipantCapCuts | undefined, record: OutcomeRecord): boolean {
  const capUnits = units.of.get(cap.amount);
  if (capUnits === undefined) return false;
  for (let k = 0; k < ordered.length; k++) if (!units.of.has((ordered[k] as Claim).amount)) return false;
  let remaining = capUnits;
  let knownOn = -Infinity;
  for (let k = 0; k < ordered.length; k++) {
    const claim = ordered[k] as Claim;
    if (claim.date > knownOn) knownOn = claim.date;
    const claimed = units.of.get(claim.amount) as number;
    if (claimed <= remaining) {
      remaining -= claimed;
      continue;
    }
    const paidUnits = cap.partialPayment ? remaining : 0;
    const paid = paidUnits === 0 ? ZERO : amountOfUnits(units, paidUnits);
    recordCut(cuts, record, claim, paid, knownOn);
    remaining -= paidUnits;
    claim.amount = paid;
  }
  return true;
}

function capInDecimals(cap: ParticipantCapPlan, ordered: readonly Claim[], cuts: ParticipantCapCuts | undefined, record: OutcomeRecord): void {
  let remaining = cap.amount;
  let knownOn = -Infinity;
  for (let k = 0; k < ordered.length; k++) {
    const claim = ordered[k] as Claim;
    if (claim.date > knownOn) knownOn = claim.date;
    if (claim.amount.lessThanOrEqualTo(remaining)) {
      remaining = remaining.minus(claim.amount);
      continue;
    }
    const paid = cap.partialPayment ? remaining : ZERO;
    recordCut(cuts, record, claim, paid, knownOn);
    remaining = remaining.minus(paid);
    claim.amount = paid;
  }
}

/**
 * Applies each per-participant cap to the participant's claims, in the cap's claim order. Integer
 * arithmetic when the amounts allow it (they almost always do: prices in minor units), decimals
 * otherwise; both give the same amounts.
 */
function applyParticipantCaps(plan: SettlementPlan, ledger: Ledger, record: OutcomeRecord, claims: Claim[]): void {
  const caps = plan.participantCaps;
  for (let capIndex = 0; capIndex < caps.length; capIndex++) {
    const cap = caps[capIndex] as ParticipantCapPlan;
    if (claims.length > 1) sortClaims(claims, cap.claimOrder === 'achievementDate' ? byAchievementDate : byRuleOrder);
    const cuts = ledger.participantCaps[capIndex];
    const units = plan.participantCapUnits;
    if (units === undefined || !capInUnits(units, cap, claims, cuts, record)) capInDecimals(cap, claims, cuts, record);
  }
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
  countOutcomes(cohort.tally, resolutions, record.enrolledOn);
  const groups = record.groups;
  for (let k = 0; k < groups.length; k++) countOutcomes(groupTally(cohort, groups[k] as string, resolutions.length), resolutions, record.enrolledOn);
  countRates(plan, cohort, resolutions, record.enrolledOn);
  if (plan.guarantees.length > 0) countGuarantees(plan, ledger, record, cohortIndex, resolutions);
  const claims = participantClaims(plan, record, resolutions);
  if (claims.length === 0) return;
  if (plan.participantCaps.length > 0) applyParticipantCaps(plan, ledger, record, claims);
  for (let k = 0; k < claims.length; k++) {
    const claim = claims[k] as Claim;
    if (claim.amount.isZero()) continue;
    addClaim(cohort, claim.rule, claim.date, claim.amount, record.id, plan.keepParticipants);
  }
}
