/**
 * Cohort-level amounts for the reference, from docs/contract.md and docs/settlement.md: a
 * cohort rate (denominator enrolled, placed or completed; pending excluded or counted as not
 * achieved; a baseline from a rate or an indicator; all-or-nothing, tiers or linear, per cohort or
 * per achiever; an empty denominator earning nothing or the maximum) and a bonus (volume or group
 * share), on the figures at a measurement date, rounded once. A linear amount is a ratio of exact
 * decimals rounded exactly (integer arithmetic), whatever decimals precision would give.
 */
import type { ContractInput } from '../../../src/contract/index.js';
import type { WireRecord } from '../arbitraries/index.js';
import { refDay } from './dates.js';
import { D, roundMinor, type Dec } from './decimal.js';
import type { RefStatus } from './outcomes.js';

type Rule = ContractInput['rules'][number];
type CohortRate = Extract<Rule, { kind: 'cohortRate' }>;
type Bonus = Extract<Rule, { kind: 'bonus' }>;

/** A participant as the reference sees it: the record and its outcomes at the as-of date. */
export interface RefParticipant {
  readonly record: WireRecord;
  readonly outcomes: ReadonlyMap<string, RefStatus>;
}

/** The day an outcome was achieved, or undefined. */
export function achievedOn(p: RefParticipant, outcome: string): number | undefined {
  const s = p.outcomes.get(outcome);
  return s?.status === 'achieved' ? s.on : undefined;
}

function decidedOn(p: RefParticipant, outcome: string, status: 'achieved' | 'failed'): number | undefined {
  const s = p.outcomes.get(outcome);
  return s?.status === status ? s.on : undefined;
}

/** value × 10^places = n / m rounded with `mode` (n ≥ 0, m > 0), in exact integer arithmetic. */
function roundRatio(n: Dec, m: Dec, places: number, mode: string): Dec {
  const digits = Math.max(n.decimalPlaces(), m.decimalPlaces());
  const scale = new D(10).pow(digits);
  const num = BigInt(n.times(scale).times(new D(10).pow(places)).toFixed(0));
  const den = BigInt(m.times(scale).toFixed(0));
  const q = num / den;
  const r = num % den;
  let up: boolean;
  switch (mode) {
    case 'up':
    case 'ceiling':
      up = r > 0n;
      break;
    case 'down':
    case 'floor':
      up = false;
      break;
    case 'half-up':
      up = 2n * r >= den;
      break;
    case 'half-down':
      up = 2n * r > den;
      break;
    case 'half-even':
      up = 2n * r > den || (2n * r === den && q % 2n === 1n);
      break;
    default:
      throw new Error(`reference: rounding ${mode}`);
  }
  return new D((q + (up ? 1n : 0n)).toString()).dividedBy(new D(10).pow(places));
}

/** An exact amount as a ratio of decimals (a linear schedule's amount is one; the others are whole). */
interface Ratio {
  readonly n: Dec;
  readonly d: Dec;
}

const whole = (n: Dec): Ratio => ({ n, d: new D(1) });

/** A schedule's exact amount for rate = numerator / denominator (denominator > 0). */
function schedule(rule: CohortRate, numerator: Dec, denominator: number): Ratio {
  const reaches = (x: string): boolean => numerator.greaterThanOrEqualTo(new D(x).times(denominator));
  const s = rule.schedule;
  switch (s.kind) {
    case 'allOrNothing':
      return whole(reaches(s.threshold) ? new D(s.amount) : new D(0));
    case 'tiers':
      return whole(new D(s.tiers.filter((tier) => reaches(tier.from)).at(-1)?.amount ?? 0));
    case 'linear': {
      if (!reaches(s.floor)) return whole(new D(0));
      const span = new D(s.target).minus(s.floor);
      if (span.isZero()) return whole(new D(s.amountAtTarget));
      const atFloor = new D(s.amountAtFloor);
      const rise = new D(s.amountAtTarget).minus(atFloor);
      // atFloor + (n/d − floor) / span × rise = (atFloor × d × span + (n − floor × d) × rise) / (d × span)
      const linear = { n: atFloor.times(denominator).times(span).plus(numerator.minus(new D(s.floor).times(denominator)).times(rise)), d: span.times(denominator) };
      const ceiling = new D(s.ceiling);
      return linear.n.greaterThan(ceiling.times(linear.d)) ? whole(ceiling) : linear;
    }
    default: {
      const never: never = s;
      return never;
    }
  }
}

/** What a rate is counted on: its outcome, denominator and how pending participants count. */
export type RateTerms = Pick<CohortRate, 'outcome' | 'denominator' | 'pending'>;

/**
 * A rate's figures at date `m` over the participants of `cohorts`: those who entered the
 * denominator by `m` (enrolled, placed or completed), of them those achieved or failed by `m`
 * (never before they entered), and the denominator (pending participants left out, or counted
 * as not achieved).
 *
 * @example
 * rateFigures(rule, participants, ['2023-A'], refDay('2024-06-30')); // { achieved: 3, failed: 1, denominator: 4 }
 */
export function rateFigures(rule: RateTerms, participants: readonly RefParticipant[], cohorts: readonly string[], m: number): { achieved: number; failed: number; denominator: number } {
  let inDenominator = 0;
  let achieved = 0;
  let failed = 0;
  for (const p of participants) {
    if (!cohorts.includes(p.record.cohort)) continue;
    const entry = rule.denominator.kind === 'enrolled' ? refDay(p.record.enrolledOn) : achievedOn(p, rule.denominator.outcome);
    if (entry === undefined || entry > m) continue;
    inDenominator += 1;
    const yes = decidedOn(p, rule.outcome, 'achieved');
    const no = decidedOn(p, rule.outcome, 'failed');
    if (yes !== undefined && Math.max(yes, entry) <= m) achieved += 1;
    if (no !== undefined && Math.max(no, entry) <= m) failed += 1;
  }
  return { achieved, failed, denominator: rule.pending === 'exclude' ? achieved + failed : inDenominator };
}

/**
 * A cohort rate's amount, rounded, for the participants of `cohorts` at measurement date `m`.
 *
 * @example
 * cohortRateValue(rule, participants, ['2023-A'], refDay('2024-06-30'), 2, 'half-even', indicators, '2023-A');
 */
export function cohortRateValue(
  rule: CohortRate,
  participants: readonly RefParticipant[],
  cohorts: readonly string[],
  m: number,
  places: number,
  rounding: string,
  indicators: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined,
  key: string,
): Dec {
  const { achieved, denominator } = rateFigures(rule, participants, cohorts, m);
  // an amount per achiever is multiplied before the one rounding
  const rounded = (r: Ratio): Dec => roundRatio(rule.amountBasis === 'perAchiever' ? r.n.times(achieved) : r.n, r.d, places, rounding);
  if (denominator === 0) return rule.emptyCohort === 'nothing' ? new D(0) : rounded(schedule(rule, new D(1), 1));
  let numerator = new D(achieved);
  if (rule.baseline !== undefined) {
    const source = rule.baseline.source;
    const text = source.kind === 'rate' ? source.rate : indicators?.[source.indicator]?.[key];
    if (text === undefined) throw new Error(`reference: indicator ${JSON.stringify(source)} for ${key}`);
    const excess = numerator.minus(new D(text).times(denominator));
    if (excess.lessThan(new D(rule.baseline.minimumDifference).times(denominator))) return new D(0);
    if (rule.baseline.scheduleAppliesTo === 'excessOverBaseline') numerator = excess;
  }
  return rounded(schedule(rule, numerator, denominator));
}

/**
 * A bonus's amount, rounded, for the participants of `cohorts` at measurement date `m`.
 *
 * @example
 * bonusValue(rule, participants, ['2023-A', '2023-B'], refDay('2024-06-30'), 2, 'half-even');
 */
export function bonusValue(rule: Bonus, participants: readonly RefParticipant[], cohorts: readonly string[], m: number, places: number, rounding: string): Dec {
  const trigger = rule.trigger;
  const counted = participants.filter((p) => cohorts.includes(p.record.cohort) && (achievedOn(p, trigger.outcome) ?? Infinity) <= m);
  const amount = new D(rule.payment.amount);
  if (trigger.kind === 'volume') {
    const beyond = Math.max(0, counted.length - trigger.afterUnits);
    if (rule.payment.kind === 'perUnitUplift') return roundMinor(amount.times(beyond), places, rounding);
    return beyond > 0 ? roundMinor(amount, places, rounding) : new D(0);
  }
  const inGroup = counted.filter((p) => (p.record.groups ?? []).includes(trigger.group)).length;
  const reached = counted.length > 0 && new D(inGroup).greaterThanOrEqualTo(new D(trigger.minimumShare).times(counted.length));
  if (!reached) return new D(0);
  return roundMinor(rule.payment.kind === 'fixed' ? amount : amount.times(inGroup), places, rounding);
}
