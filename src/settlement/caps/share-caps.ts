/**
 * Share caps (`kind: "share"`): a rate-card rule pays, in each cohort, at most `share` × the
 * cohort's participants (enrolled by the tranche's measurement date), rounded down, up or to the nearest (a half
 * up). The claims paid are the earliest over the life of the contract: tranche after tranche (a
 * tranche takes the claims dated since the rule's previous tranche), and within a tranche by claim
 * date, then higher price first, then participant id (which only names who was cut: claims of the
 * same day and price are worth the same). The claims cut are consumed like paid ones: a later
 * tranche never pays them.
 *
 * @module
 */
import type { Contract } from '../../contract/index.js';
import { parseAmount, type Amount } from '../../money/index.js';
import { ratioOf, ratioOfInteger, ratioTimes, roundRatio } from '../../money/ratio.js';
import type { ClaimBucket, Ledger } from '../ledger.js';
import type { RunState } from '../rules/rule-module.js';

type ShareCap = Extract<NonNullable<Contract['caps']>[number], { kind: 'share' }>;

/** The share caps on one rule, ready to apply. */
export interface ShareCapPlan {
  /** Cap id. */
  readonly id: string;
  /** The share, exact. */
  readonly share: Amount;
  /** The share as the contract writes it. */
  readonly written: string;
  /** Rounding of the payable count. */
  readonly rounding: ShareCap['rounding'];
}

/**
 * The share caps of the contract on the rule `ruleId`, in contract order.
 *
 * @example
 * shareCapsOf(contract, 'pay-placement'); // [{ id: 'at-most-40', share: 0.4, written: '0.4', rounding: 'down' }]
 */
export function shareCapsOf(contract: Contract, ruleId: string): ShareCapPlan[] {
  const plans: ShareCapPlan[] = [];
  for (const cap of contract.caps ?? []) {
    if (cap.kind === 'share' && cap.rule === ruleId) plans.push({ id: cap.id, share: parseAmount(cap.share), written: cap.share, rounding: cap.rounding });
  }
  return plans;
}

/**
 * The most claims a cap allows in a cohort of `participants`: `share × participants` made whole
 * with the cap's rounding, exactly.
 *
 * @example
 * payableCount({ id: 'cap', share: parseAmount('0.4'), written: '0.4', rounding: 'down' }, 12); // 4
 */
export function payableCount(cap: ShareCapPlan, participants: number): number {
  const mode = cap.rounding === 'nearest' ? 'half-up' : cap.rounding;
  return roundRatio(ratioTimes(ratioOf(cap.share), ratioOfInteger(participants)), 0, mode).toNumber();
}

/** What a share cap did in one cohort in one tranche. */
export interface ShareCapCohort {
  /** The binding cap (the one allowing the fewest claims). */
  readonly cap: ShareCapPlan;
  /** The cohort's participants. */
  readonly participants: number;
  /** Claims payable over the life of the contract. */
  readonly payable: number;
  /** Claims paid by earlier tranches. */
  readonly paidBefore: number;
  /** Claims the tranche took (achieved since the previous tranche), before the cut. */
  readonly achieved: number;
}

/** A share cap's allotment in one tranche: per bucket, the claims kept and the participants cut; per cohort, its figures. */
export interface ShareAllotment {
  /** Claims kept per bucket (a bucket absent keeps all of its claims). */
  readonly kept: Map<ClaimBucket, number>;
  /** Participants cut per bucket, when the ledger keeps participant ids. */
  readonly cutParticipants: Map<ClaimBucket, string[]>;
  /** Per cohort index. */
  readonly cohorts: Map<number, ShareCapCohort>;
}

/** A window of claim dates: after `after`, on or before `upTo`. */
interface Window {
  readonly after: number;
  readonly upTo: number;
}

/**
 * Allots the share caps of rule `rule` to the claims a tranche takes in each of its cohorts: the
 * earliest claims first (same day: higher price first; the same claim amount: participant ids in
 * order), up to what is left of the cohort's payable count. `state.shareUsed` (per `rule|cohort`,
 * the claims paid so far) and `state.shareCuts` (per cap id, the claims cut so far) are updated.
 *
 * @example
 * allotShares(ledger, state, 0, caps, [{ cohort: 0, window: { after: -Infinity, upTo: 19782 } }], buckets);
 */
export function allotShares(
  ledger: Ledger,
  state: RunState,
  rule: number,
  caps: readonly ShareCapPlan[],
  windows: readonly { readonly cohort: number; readonly window: Window }[],
  bucketsIn: (cohort: number, window: Window) => ClaimBucket[],
): ShareAllotment {
  const allotment: ShareAllotment = { kept: new Map(), cutParticipants: new Map(), cohorts: new Map() };
  for (const { cohort, window } of windows) {
    // participants enrolled by the tranche's measurement date: a later enrolment never reopens a tranche already measured
    const participants = ledger.cohorts[cohort]?.tally.enrolled.upTo(window.upTo) ?? 0;
    let binding = caps[0] as ShareCapPlan;
    let payable = payableCount(binding, participants);
    for (let k = 1; k < caps.length; k++) {
      const count = payableCount(caps[k] as ShareCapPlan, participants);
      if (count < payable) [binding, payable] = [caps[k] as ShareCapPlan, count];
    }
    const key = `${rule}|${cohort}`;
    const paidBefore = state.shareUsed.get(key) ?? 0;
    const buckets = bucketsIn(cohort, window);
    buckets.sort((a, b) => a.date - b.date || b.amount.comparedTo(a.amount));
    let used = paidBefore;
    let achieved = 0;
    let cut = 0;
    for (const bucket of buckets) {
      achieved += bucket.count;
      const keep = Math.max(0, Math.min(bucket.count, payable - used));
      used += keep;
      cut += bucket.count - keep;
      allotment.kept.set(bucket, keep);
      if (keep < bucket.count && bucket.participants !== undefined) {
        const ids = [...bucket.participants].sort();
        allotment.cutParticipants.set(bucket, ids.slice(keep));
      }
    }
    state.shareUsed.set(key, used);
    if (cut > 0) state.shareCuts.set(binding.id, (state.shareCuts.get(binding.id) ?? 0) + cut);
    allotment.cohorts.set(cohort, { cap: binding, participants, payable, paidBefore, achieved });
  }
  return allotment;
}
