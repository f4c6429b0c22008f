/**
 * Per-participant caps: the most one participant can be paid over the contract. Applied to each
 * participant's claims as they are accumulated, in the cap's claim order (achievement date or rule
 * order), cutting the claim that crosses the cap (in part or whole) and the claims after it; each
 * cut is counted for the audit trail.
 *
 * @module
 */
import { ZERO, type Amount } from '../../money/index.js';
import type { OutcomeRecord } from '../../records/index.js';
import { ownText } from '../../text/index.js';
import { amountOfUnits, type ClaimUnits } from '../claim-units.js';
import type { Ledger, ParticipantCapCuts } from '../ledger.js';
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
 *
 * @example
 * if (plan.participantCaps.length > 0) applyParticipantCaps(plan, ledger, record, claims);
 */
export function applyParticipantCaps(plan: SettlementPlan, ledger: Ledger, record: OutcomeRecord, claims: Claim[]): void {
  const caps = plan.participantCaps;
  for (let capIndex = 0; capIndex < caps.length; capIndex++) {
    const cap = caps[capIndex] as ParticipantCapPlan;
    if (claims.length > 1) sortClaims(claims, cap.claimOrder === 'achievementDate' ? byAchievementDate : byRuleOrder);
    const cuts = ledger.participantCaps[capIndex];
    const units = plan.participantCapUnits;
    if (units === undefined || !capInUnits(units, cap, claims, cuts, record)) capInDecimals(cap, claims, cuts, record);
  }
}
