/**
 * Claims that no tranche will ever pay: earned by participants, but dated after the last
 * tranche that pays their rule for their cohort (or the contract ended before a tranche could).
 * They are listed so that nothing earned disappears silently.
 *
 * @module
 */
import { formatDate, type CalendarDate } from '../calendar/index.js';
import { sumAmounts, type Amount } from '../money/index.js';
import { claimBuckets, type Ledger } from './ledger.js';
import type { SettlementPlan } from './plan.js';

/** Claims of one rule and cohort that no tranche will pay. */
export interface UnscheduledClaims {
  /** Rule id. */
  readonly rule: string;
  /** Cohort id, or null for a contract-level scheduled fee. */
  readonly cohort: string | null;
  /** Number of claims. */
  readonly claims: number;
  /** Their total amount. */
  readonly amount: Amount;
  /** Earliest claim date. */
  readonly from: string;
  /** Latest claim date. */
  readonly to: string;
  /** Why no tranche pays them. */
  readonly reason: string;
}

/** A tranche that will still be measured after the as-of date. */
export interface FutureTranche {
  /** Rule indexes. */
  readonly rules: readonly number[];
  /** Cohort indexes. */
  readonly cohorts: readonly number[];
  /** Measurement date. */
  readonly measuredOn: number;
}

/**
 * Lists the claims left after the schedule ran: dated after the watermark of their rule and
 * cohort, and not awaiting a tranche still to be measured.
 *
 * @example
 * findUnscheduled(plan, ledger, watermark, futureTranches, null);
 */
export function findUnscheduled(
  plan: SettlementPlan,
  ledger: Ledger,
  watermark: ReadonlyMap<string, number>,
  future: readonly FutureTranche[],
  endedBy: { clause: string; on: number } | null,
): UnscheduledClaims[] {
  const groups = new Map<string, { rule: number; cohort: number; claims: number; amounts: Amount[]; from: number; to: number }>();
  plan.contract.cohorts.forEach((_, cohort) => {
    const cohortLedger = ledger.cohorts[cohort];
    if (cohortLedger === undefined) return;
    for (const bucket of claimBuckets(cohortLedger)) {
      const key = `${bucket.rule}|${cohort}`;
      if (bucket.date <= (watermark.get(key) ?? -Infinity)) continue;
      const awaited = future.some((tranche) => tranche.measuredOn >= bucket.date && tranche.rules.includes(bucket.rule) && tranche.cohorts.includes(cohort));
      if (awaited) continue;
      const group = groups.get(key) ?? { rule: bucket.rule, cohort, claims: 0, amounts: [], from: bucket.date, to: bucket.date };
      group.claims += bucket.count;
      group.amounts.push(bucket.amount.times(bucket.count));
      group.from = Math.min(group.from, bucket.date);
      group.to = Math.max(group.to, bucket.date);
      groups.set(key, group);
    }
  });
  const fees: UnscheduledClaims[] = [];
  for (const { rule, index, scheduled } of plan.rules) {
    const after = watermark.get(`${index}|*`) ?? -Infinity;
    const left = scheduled.filter(({ day }) => day > after && day <= plan.asOf && !future.some((tranche) => tranche.measuredOn >= day && tranche.rules.includes(index)));
    if (left.length === 0) continue;
    fees.push({
      rule: rule.id,
      cohort: null,
      claims: left.length,
      amount: sumAmounts(left.map((payment) => payment.amount)),
      from: left[0]?.date ?? '',
      to: left[left.length - 1]?.date ?? '',
      reason: endedBy !== null ? `the contract ended under exit clause ${endedBy.clause} on ${formatDate(endedBy.on as CalendarDate)}` : `no tranche pays fee ${rule.id} on or after ${left[0]?.date ?? ''}`,
    });
  }
  const claims = [...groups.values()]
    .sort((a, b) => a.rule - b.rule || a.cohort - b.cohort)
    .map((group): UnscheduledClaims => {
      const rule = plan.contract.rules[group.rule]?.id ?? '?';
      const cohort = plan.contract.cohorts[group.cohort]?.id ?? '?';
      const reason =
        endedBy !== null
          ? `the contract ended under exit clause ${endedBy.clause} on ${formatDate(endedBy.on as CalendarDate)}`
          : `no tranche pays rule ${rule} for cohort ${cohort} on or after ${formatDate(group.from as CalendarDate)}`;
      return {
        rule,
        cohort,
        claims: group.claims,
        amount: sumAmounts(group.amounts),
        from: formatDate(group.from as CalendarDate),
        to: formatDate(group.to as CalendarDate),
        reason,
      };
    });
  return [...claims, ...fees];
}
