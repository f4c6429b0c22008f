/**
 * Per-participant caps: the most one participant can be paid over the contract. Applied to each
 * participant's claims as they are accumulated, in the cap's claim order (achievement date or rule
 * order): a claim that crosses the cap is paid what is left of it with `partialPayment`, nothing
 * otherwise (and a later claim that still fits in what is left is paid in full, as money caps do);
 * each cut is counted for the audit trail.
 *
 * @module
 */
import { ZERO, type Amount } from '../../money/index.js';
import { ownValue } from '../../own-data.js';
import type { OutcomeRecord } from '../../records/index.js';
import { amountOfUnits, type ClaimUnits } from '../claim-units.js';
import { addCutClaim, type Ledger, type ParticipantCapCuts } from '../ledger.js';
import type { ParticipantCapPlan, SettlementPlan } from '../plan.js';
import type { Claim } from '../rules/rule-module.js';

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

/** Where a participant's cut claims are recorded: the cap's cuts in the ledger (none when explaining one participant), and the participant's cohort. */
interface CutTarget {
  readonly cuts: ParticipantCapCuts | undefined;
  readonly cohort: number;
  readonly record: OutcomeRecord;
}

/**
 * Cuts `claim` to `paid` under `cap`, its participant having been paid `usedBefore` under the cap
 * before it: the claim keeps its amount before the caps and the caps that cut it (for its line's
 * audit text), and the cut is recorded, known on `knownOn` (the latest day of the claims taken so
 * far).
 */
function cutClaim(target: CutTarget, cap: ParticipantCapPlan, claim: Claim, paid: Amount, usedBefore: Amount, knownOn: number): void {
  const cuts = target.cuts;
  if (cuts !== undefined) {
    cuts.dates.add(knownOn);
    addCutClaim(cuts, claim.rule, target.cohort, claim.date, usedBefore, claim.amount, paid, target.record.id);
  }
  const before = ownValue(claim, 'cut'); // an earlier cap's cut of it, its own property only
  claim.cut = { caps: before === undefined ? [cap.id] : [...before.caps, cap.id], listed: before?.listed ?? claim.amount };
  claim.amount = paid;
}

/**
 * One cap over claims in its order, in integer units; false (having changed nothing) when a
 * claim amount has no exact integer value (an amount cut by an earlier cap, say).
 */
function capInUnits(units: ClaimUnits, cap: ParticipantCapPlan, ordered: readonly Claim[], target: CutTarget): boolean {
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
    const used = capUnits - remaining;
    cutClaim(target, cap, claim, paid, used === 0 ? ZERO : amountOfUnits(units, used), knownOn);
    remaining -= paidUnits;
  }
  return true;
}

function capInDecimals(cap: ParticipantCapPlan, ordered: readonly Claim[], target: CutTarget): void {
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
    cutClaim(target, cap, claim, paid, cap.amount.minus(remaining), knownOn);
    remaining = remaining.minus(paid);
  }
}

/**
 * Applies each per-participant cap to the participant's claims, in the cap's claim order. Integer
 * arithmetic when the amounts allow it (they almost always do: prices in minor units), decimals
 * otherwise; both give the same amounts. A claim cut keeps its amount before the caps and their
 * ids (`claim.cut`), and the cut is recorded in the ledger, by the participant's cohort
 * (`cohortIndex`), rule and claim date.
 *
 * @example
 * if (plan.participantCaps.length > 0) applyParticipantCaps(plan, ledger, record, claims, cohortIndex);
 */
export function applyParticipantCaps(plan: SettlementPlan, ledger: Ledger, record: OutcomeRecord, claims: Claim[], cohortIndex: number): void {
  const caps = plan.participantCaps;
  for (let capIndex = 0; capIndex < caps.length; capIndex++) {
    const cap = caps[capIndex] as ParticipantCapPlan;
    if (claims.length > 1) sortClaims(claims, cap.claimOrder === 'achievementDate' ? byAchievementDate : byRuleOrder);
    const target: CutTarget = { cuts: ledger.participantCaps[capIndex], cohort: cohortIndex, record };
    const units = plan.participantCapUnits;
    if (units === undefined || !capInUnits(units, cap, claims, target)) capInDecimals(cap, claims, target);
  }
}
