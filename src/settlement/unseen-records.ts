/**
 * What-if ledgers: the ledger of the settled records plus the excluded ones, counted as if every
 * one of them had achieved every outcome, or none. Built on the tallies after the records (no
 * record is read again): each excluded record counts as a participant enrolled on the first day
 * of its cohort's enrolment window, so that it counts at every measurement date.
 *
 * @module
 */
import { parseDate } from '../calendar/index.js';
import { ZERO, type Amount } from '../money/index.js';
import { addClaims, copyLedger, groupTally, type CohortLedger, type Ledger, type Tally } from './ledger.js';
import type { SettlementPlan } from './plan.js';

/**
 * How the excluded records are counted: `allAchieved` (every outcome achieved, in no group),
 * `allAchievedInGroups` (the same, in every group of the contract) or `noneAchieved` (every
 * outcome failed).
 *
 * @example
 * const scenario: UnseenScenario = 'noneAchieved';
 */
export type UnseenScenario = 'allAchieved' | 'allAchievedInGroups' | 'noneAchieved';

/**
 * A copy of `ledger` (counts only, no participant ids) with `counts[c]` more participants in the
 * cohort of index `c`, counted as `scenario` says. An unseen participant enters every rate's
 * denominator and achieves (or fails) its outcome; achieving, it claims every rate-card outcome
 * at the rule's highest price, every sustainment payment and every per-start fee (under the
 * per-participant caps), and is hired under every hiring guarantee of its cohort; failing, it
 * claims only the per-start fees. The claims are dated on the first enrolment day, so the first
 * tranche that pays the rule for the cohort takes them.
 *
 * @example
 * const ledger = ledgerWithUnseen(plan, settled, [3, 0], 'allAchieved'); // 3 more in cohort 0
 */
export function ledgerWithUnseen(plan: SettlementPlan, ledger: Ledger, counts: readonly number[], scenario: UnseenScenario): Ledger {
  const copy = copyLedger(ledger);
  counts.forEach((count, cohort) => {
    if (count > 0) addUnseen(plan, copy, cohort, count, scenario);
  });
  return copy;
}

function addUnseen(plan: SettlementPlan, ledger: Ledger, index: number, count: number, scenario: UnseenScenario): void {
  const cohort = ledger.cohorts[index];
  const source = plan.contract.cohorts[index];
  if (cohort === undefined || source === undefined) return;
  const day = parseDate(source.enrolmentStart);
  if (day > plan.asOf) return; // enrolled after the as-of date: nothing of theirs counts yet
  const achieved = scenario !== 'noneAchieved';
  ledger.participants += count;
  const tally = (target: Tally): void => {
    target.enrolled.add(day, count);
    for (const outcome of target.outcomes) (achieved ? outcome.achieved : outcome.failed).add(day, count);
  };
  tally(cohort.tally);
  if (scenario === 'allAchievedInGroups') {
    for (const group of plan.contract.groups ?? []) tally(groupTally(cohort, group.id, plan.contract.outcomes.length));
  }
  for (const [r, rate] of cohort.rates.entries()) {
    if (day > (plan.rateSpecs[r]?.enrolledBy ?? Number.MAX_SAFE_INTEGER)) continue; // enrolled after the level's enrolment date
    rate.denominator.add(day, count);
    (achieved ? rate.achieved : rate.failed).add(day, count);
  }
  addUnseenClaims(plan, ledger, cohort, day, count, achieved);
  if (!achieved) return;
  plan.guarantees.forEach((guarantee, g) => {
    const counts = ledger.guarantees[g];
    if (counts === undefined || !guarantee.cohorts.has(index)) return;
    counts.qualified.add(day, count);
    counts.hired.add(day, count);
  });
}

/** One unseen participant's claims (rule order), after the per-participant caps, added `count` times. */
function addUnseenClaims(plan: SettlementPlan, ledger: Ledger, cohort: CohortLedger, day: number, count: number, achieved: boolean): void {
  const claims: { rule: number; amount: Amount }[] = [];
  for (const rule of plan.rules) for (const amount of rule.unseenClaims(achieved, day)) claims.push({ rule: rule.index, amount });
  plan.participantCaps.forEach((cap, c) => {
    let remaining = cap.amount;
    for (const claim of claims) {
      if (claim.amount.lessThanOrEqualTo(remaining)) {
        remaining = remaining.minus(claim.amount);
        continue;
      }
      const paid = cap.partialPayment ? remaining : ZERO;
      const cuts = ledger.participantCaps[c];
      if (cuts !== undefined) {
        cuts.claims += count;
        cuts.amount = cuts.amount.plus(claim.amount.minus(paid).times(count));
      }
      remaining = remaining.minus(paid);
      claim.amount = paid;
    }
  });
  for (const claim of claims) if (!claim.amount.isZero()) addClaims(cohort, claim.rule, day, claim.amount, count);
}
