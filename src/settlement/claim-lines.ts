/**
 * Lines from participant claims (rate card, sustainment, per-start fee) and scheduled fees:
 * the claims a tranche takes are those of its rules and cohorts dated after the previous
 * tranche that took them and on or before its own measurement date.
 *
 * @module
 */
import { formatDate } from '../calendar/index.js';
import { formatDecimal, parseAmount, roundMoney, sumAmounts, type Amount } from '../money/index.js';
import { ratioOf, ratioTimes, roundRatioMoney, type Ratio } from '../money/ratio.js';
import { claimBuckets, type ClaimBucket, type Ledger } from './ledger.js';
import type { Line } from './lines.js';
import type { SettlementPlan } from './plan.js';

/** A price reduction in force from an exit clause. */
export interface PriceReduction {
  /** Clause id. */
  readonly clause: string;
  /** Claims dated after this day are reduced. */
  readonly after: number;
  /** Multiplier. */
  readonly factor: Amount;
  /** Rule indexes affected. */
  readonly rules: ReadonlySet<number>;
}

/** Mutable state of claims across tranches. */
export interface ClaimState {
  /** Per `rule|cohort`: the last measurement date whose tranche took its claims. */
  readonly watermark: Map<string, number>;
  /** Per rule index: claims already paid under an outcome-volume cap. */
  readonly volumeUsed: Map<number, number>;
}

function cohortBuckets(ledger: Ledger, cohort: number): Iterable<ClaimBucket> {
  const cohortLedger = ledger.cohorts[cohort];
  return cohortLedger === undefined ? [] : claimBuckets(cohortLedger);
}

interface Window {
  readonly after: number;
  readonly upTo: number;
}

/**
 * The product of the factors of the price reductions in force for `rule` on `date`, as an exact
 * fraction (factors of 12 decimal places each: their product can outgrow any decimal context), or
 * `undefined` when none applies.
 *
 * @example
 * priceFactor(reductions, 0, measuredOn); // 9/10 after a reduction by 0.9
 */
export function priceFactor(reductions: readonly PriceReduction[], rule: number, date: number): Ratio | undefined {
  let factor: Ratio | undefined;
  for (const reduction of reductions) {
    if (reduction.rules.has(rule) && date > reduction.after) {
      factor = factor === undefined ? ratioOf(reduction.factor) : ratioTimes(factor, ratioOf(reduction.factor));
    }
  }
  return factor;
}

function volumeTarget(plan: SettlementPlan, rule: number): number | undefined {
  const ruleId = plan.contract.rules[rule]?.id;
  let target: number | undefined;
  for (const cap of plan.contract.caps ?? []) {
    if (cap.kind === 'outcomeVolume' && cap.rule === ruleId) target = Math.min(target ?? cap.targetUnits, cap.targetUnits);
  }
  return target;
}

/**
 * Allots an outcome-volume cap's remaining units to the claims of `rule` that a tranche takes,
 * over all its cohorts together: earliest first (same day: larger amount first, then cohort
 * order), so a later claim in one cohort never takes a unit from an earlier claim in another.
 * Returns the units allowed per bucket, or undefined when the rule has no volume cap.
 *
 * @example
 * const allotted = allotVolume(plan, ledger, state, 0, [{ cohort: 0, window }, { cohort: 1, window }]);
 */
export function allotVolume(
  plan: SettlementPlan,
  ledger: Ledger,
  state: ClaimState,
  rule: number,
  windows: readonly { readonly cohort: number; readonly window: Window }[],
): Map<ClaimBucket, number> | undefined {
  const target = volumeTarget(plan, rule);
  if (target === undefined) return undefined;
  const taken: { bucket: ClaimBucket; cohort: number }[] = [];
  for (const { cohort, window } of windows) {
    for (const bucket of cohortBuckets(ledger, cohort)) {
      if (bucket.rule === rule && bucket.date > window.after && bucket.date <= window.upTo) taken.push({ bucket, cohort });
    }
  }
  taken.sort((a, b) => a.bucket.date - b.bucket.date || b.bucket.amount.comparedTo(a.bucket.amount) || a.cohort - b.cohort);
  const allotted = new Map<ClaimBucket, number>();
  let used = state.volumeUsed.get(rule) ?? 0;
  for (const { bucket } of taken) {
    const allowed = Math.max(0, Math.min(bucket.count, target - used));
    allotted.set(bucket, allowed);
    used += allowed;
  }
  state.volumeUsed.set(rule, used);
  return allotted;
}

/**
 * The lines a tranche pays from participant claims of `rule` in `cohort`, within `window`.
 * Buckets are taken earliest first (same day: larger amount first) so that an outcome-volume cap
 * pays the first `targetUnits` claims; `allotted` (from {@link allotVolume}) gives the units
 * allowed per bucket when the tranche's cohorts share the cap. Lines are per unit amount.
 *
 * @example
 * claimLines(plan, ledger, state, 0, 0, { after: -Infinity, upTo: measuredOn }, []);
 */
export function claimLines(
  plan: SettlementPlan,
  ledger: Ledger,
  state: ClaimState,
  rule: number,
  cohort: number,
  window: Window,
  reductions: readonly PriceReduction[],
  allotted?: ReadonlyMap<ClaimBucket, number>,
): Line[] {
  const source = plan.contract.rules[rule];
  const cohortLedger = ledger.cohorts[cohort];
  if (source === undefined || cohortLedger === undefined) return [];
  const buckets: ClaimBucket[] = [];
  for (const bucket of claimBuckets(cohortLedger)) {
    if (bucket.rule === rule && bucket.date > window.after && bucket.date <= window.upTo) buckets.push(bucket);
  }
  buckets.sort((a, b) => a.date - b.date || b.amount.comparedTo(a.amount));
  const target = volumeTarget(plan, rule);
  const byUnit = new Map<string, { unit: Amount; claims: number; reducedBy: string[]; base: Amount; participants: string[] | undefined; volumeCut: number }>();
  for (const bucket of buckets) {
    let count = bucket.count;
    let cut = 0;
    if (allotted !== undefined) {
      const allowed = allotted.get(bucket) ?? 0;
      cut = count - allowed;
      count = allowed;
    } else if (target !== undefined) {
      const used = state.volumeUsed.get(rule) ?? 0;
      const allowed = Math.max(0, Math.min(count, target - used));
      cut = count - allowed;
      count = allowed;
      state.volumeUsed.set(rule, used + allowed);
    }
    const factor = priceFactor(reductions, rule, bucket.date);
    const unit = factor === undefined ? bucket.amount : roundRatioMoney(ratioTimes(ratioOf(bucket.amount), factor), plan.currency, plan.rounding);
    const key = `${bucket.amount.toFixed()}|${unit.toFixed()}`;
    let entry = byUnit.get(key);
    if (entry === undefined) {
      entry = { unit, claims: 0, reducedBy: factor === undefined ? [] : reductions.filter((r) => r.rules.has(rule) && bucket.date > r.after).map((r) => r.clause), base: bucket.amount, participants: bucket.participants === undefined ? undefined : [], volumeCut: 0 };
      byUnit.set(key, entry);
    }
    entry.claims += count;
    entry.volumeCut += cut;
    if (bucket.participants !== undefined) entry.participants?.push(...bucket.participants);
  }
  const cohortId = plan.contract.cohorts[cohort]?.id ?? null;
  const outcome = source.kind === 'rateCard' ? source.outcome : source.kind === 'sustainment' ? source.placementOutcome : null;
  const what = (count: number): string => {
    const one = count === 1;
    if (source.kind === 'fee') return one ? 'start' : 'starts';
    if (source.kind === 'sustainment') return one ? 'sustainment period' : 'sustainment periods';
    return `${one ? 'participant' : 'participants'} who achieved ${outcome ?? '?'}`;
  };
  const lines: Line[] = [];
  for (const entry of byUnit.values()) {
    if (entry.claims === 0 && entry.volumeCut === 0) continue;
    const exact = entry.unit.times(entry.claims);
    const inputs: Record<string, string | number> = {
      claims: entry.claims,
      unit: formatDecimal(entry.unit),
      claimedAfter: Number.isFinite(window.after) ? formatDate(window.after as never) : 'start',
      claimedUpTo: formatDate(window.upTo as never),
    };
    if (entry.volumeCut > 0) inputs['cutByVolumeCap'] = entry.volumeCut;
    if (entry.reducedBy.length > 0) {
      inputs['basePrice'] = formatDecimal(entry.base);
      inputs['reducedBy'] = entry.reducedBy.join(',');
    }
    lines.push({
      rule: source.id,
      kind: source.kind,
      cohort: cohortId,
      outcome,
      claims: entry.claims,
      unit: entry.unit,
      inputs,
      formula: `${entry.claims} ${what(entry.claims)} × ${formatDecimal(entry.unit)}`,
      exact,
      amount: roundMoney(exact, plan.currency, plan.rounding),
      paid: roundMoney(exact, plan.currency, plan.rounding),
      participants: entry.participants?.slice().sort(),
    });
  }
  return lines;
}

/**
 * The line of a fee rule's scheduled payments dated within `window` (contract level, no cohort).
 *
 * @example
 * scheduledFeeLine(plan, 2, { after: -Infinity, upTo: measuredOn });
 */
export function scheduledFeeLine(plan: SettlementPlan, rule: number, window: Window): Line | undefined {
  const source = plan.contract.rules[rule];
  if (source?.kind !== 'fee' || source.charge.basis !== 'schedule') return undefined;
  const due = source.charge.payments.filter((payment) => {
    const day = plan.scheduledFeeDates[rule]?.get(payment.date) ?? Number.NaN;
    return day > window.after && day <= window.upTo;
  });
  if (due.length === 0) return undefined;
  const exact = sumAmounts(due.map((payment) => parseAmount(payment.amount)));
  const amount = roundMoney(exact, plan.currency, plan.rounding);
  return {
    rule: source.id,
    kind: 'fee',
    cohort: null,
    outcome: null,
    claims: null,
    unit: null,
    inputs: { payments: due.map((payment) => `${payment.date}: ${payment.amount}`).join('; ') },
    formula: `scheduled fee payments dated in the tranche: ${due.map((payment) => payment.amount).join(' + ')}`,
    exact,
    amount,
    paid: amount,
    participants: undefined,
  };
}
