/**
 * The per-participant pass: resolve each outcome once, then add the participant to the tallies,
 * the rate counts and the claims of the ledger. Integer day arithmetic only, except the amounts
 * of the participant's own claims (and only when a per-participant cap needs them).
 *
 * @module
 */
import { ownValue } from '../own-data.js';
import type { OutcomeRecord } from '../records/index.js';
import { resolveRecord, type Resolution } from '../outcomes/index.js';
import { addClaim, addCountedClaims, groupTally, type CohortLedger, type Ledger, type Tally } from './ledger.js';
import { applyParticipantCaps } from './caps/participant-caps.js';
import { DateCounts } from './date-counts.js';
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
  const caps = plan.participantCaps.length > 0;
  if (caps) applyParticipantCaps(plan, ledger, record, claims, cohortIndex);
  for (let k = 0; k < claims.length; k++) {
    const claim = claims[k] as Claim;
    if (claim.amount.isZero()) continue;
    // a claim a per-participant cap cut holds `cut` (its own property: never one of Object.prototype's)
    addClaim(cohort, claim.rule, claim.date, claim.amount, record.id, plan.keepParticipants, claim.version, caps ? ownValue(claim, 'cut') : undefined);
  }
}

/** A histogram standing in for another while a participant is compiled: it notes each day added to the other, and adds nothing. */
class NotedCounts extends DateCounts {
  constructor(
    private readonly target: DateCounts,
    private readonly noted: ResolvedCount[],
  ) {
    super();
  }

  override add(day: number): void {
    this.noted.push({ counts: this.target, day });
  }
}

function notedTally(tally: Tally, noted: ResolvedCount[]): Tally {
  return {
    enrolled: new NotedCounts(tally.enrolled, noted),
    outcomes: tally.outcomes.map((counts) => ({ achieved: new NotedCounts(counts.achieved, noted), failed: new NotedCounts(counts.failed, noted) })),
  };
}

/** One histogram of a ledger and the day a participant adds to it. */
export interface ResolvedCount {
  readonly counts: DateCounts;
  readonly day: number;
}

/**
 * What one participant, their outcomes resolved, adds to a ledger, worked out once and added many
 * times with a count ({@link addResolved}): the histograms and days of its tallies and rate counts,
 * and its claims (amounts not zero). The histograms are the ledger's own objects: {@link clearLedger}
 * keeps them, so what is worked out for a ledger holds for it after every clear.
 */
export interface ResolvedIncrements {
  /** Index of the participant's cohort (−1: none). */
  readonly cohort: number;
  /** The histograms and the days added. */
  readonly counts: readonly ResolvedCount[];
  /** The claims, as the rules made them. */
  readonly claims: readonly Claim[];
}

/**
 * Works out what {@link accumulateResolved} adds for `record` with `resolutions`: the same tallies,
 * rate counts and claims, through the same functions, noted instead of added (group tallies are
 * created on the ledger as `accumulate` would). Refuses a plan that needs each participant on
 * their own.
 *
 * @example
 * const increments = resolvedIncrements(plan, ledger, record, resolveRecord(record, plan.outcomes, plan.asOf));
 * addResolved(ledger, increments, 250);
 */
export function resolvedIncrements(plan: SettlementPlan, ledger: Ledger, record: OutcomeRecord, resolutions: readonly Resolution[]): ResolvedIncrements {
  if (plan.participantCaps.length > 0 || plan.guarantees.length > 0 || plan.keepParticipants) {
    throw new Error('outcome-pay internal error: accumulateResolved on a plan that needs each participant on their own');
  }
  const index = plan.cohortIndex.get(record.cohort) ?? -1;
  const cohort = ledger.cohorts[index];
  const counts: ResolvedCount[] = [];
  if (cohort === undefined || record.enrolledOn > plan.asOf) return { cohort: cohort === undefined ? -1 : index, counts, claims: [] };
  countOutcomes(notedTally(cohort.tally, counts), resolutions, record.enrolledOn, 1);
  const groups = record.groups;
  for (let k = 0; k < groups.length; k++) countOutcomes(notedTally(groupTally(cohort, groups[k] as string, resolutions.length), counts), resolutions, record.enrolledOn, 1);
  const rates = cohort.rates.map((rate) => ({ denominator: new NotedCounts(rate.denominator, counts), achieved: new NotedCounts(rate.achieved, counts), failed: new NotedCounts(rate.failed, counts) }));
  countRates(plan, { ...cohort, rates }, resolutions, record.enrolledOn, 1);
  return { cohort: index, counts, claims: participantClaims(plan, record, resolutions).filter((claim) => !claim.amount.isZero()) };
}

/**
 * Adds `count` participants alike, worked out by {@link resolvedIncrements}, to the ledger they were
 * worked out for.
 *
 * @example
 * addResolved(ledger, increments, 250);
 */
export function addResolved(ledger: Ledger, increments: ResolvedIncrements, count: number): void {
  const cohort = ledger.cohorts[increments.cohort];
  if (cohort === undefined || count <= 0) return;
  ledger.participants += count;
  for (const { counts, day } of increments.counts) counts.add(day, count);
  for (const claim of increments.claims) addCountedClaims(cohort, claim.rule, claim.date, claim.amount, count, claim.version);
}

/**
 * Adds `count` participants alike to the ledger, their outcomes already resolved: the same
 * tallies, rate counts and claims as {@link accumulate} adding `count` copies of `record` whose
 * resolutions are `resolutions`. Refuses a plan that needs each participant on their own:
 * per-participant caps, hiring guarantees, participant ids kept.
 *
 * @example
 * accumulateResolved(plan, ledger, record, resolveRecord(record, plan.outcomes, plan.asOf), 250);
 */
export function accumulateResolved(plan: SettlementPlan, ledger: Ledger, record: OutcomeRecord, resolutions: readonly Resolution[], count: number): void {
  if (count <= 0) return;
  addResolved(ledger, resolvedIncrements(plan, ledger, record, resolutions), count);
}
