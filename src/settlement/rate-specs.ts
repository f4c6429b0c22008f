/**
 * Rate specifications: the (outcome, denominator) pairs whose rates settlement needs, shared by
 * cohort-rate rules and exit clauses, so each is tallied once per participant.
 *
 * @module
 */
import { parseDate } from '../calendar/index.js';
import type { Contract } from '../contract/index.js';

/** An outcome counted over a denominator. */
export interface RateSpec {
  /** Stable key, e.g. `retention-6m/placed:placement`. */
  readonly key: string;
  /** Outcome index (numerator). */
  readonly outcome: number;
  /** Denominator basis. */
  readonly basis: 'enrolled' | 'placed' | 'completed' | 'achieved';
  /** Outcome index defining entry into the denominator (placed / completed / achieved), or -1 for enrolled. */
  readonly entryOutcome: number;
  /** Only participants enrolled on or before this day are counted (a minimum performance level's `enrolledBy`); no limit: `Number.MAX_SAFE_INTEGER`. */
  readonly enrolledBy: number;
}

type Denominator = Extract<Contract['rules'][number], { kind: 'cohortRate' }>['denominator'];

/** A rate something reads: an outcome over a denominator. */
export interface RateUse {
  /** The outcome counted (numerator). */
  readonly outcome: string;
  /** Who is counted in the denominator. */
  readonly denominator: Denominator;
  /** Only participants enrolled on or before this date (`YYYY-MM-DD`) are counted; absent: every participant. */
  readonly enrolledBy?: string | undefined;
}

/** A use's `enrolledBy`, read as an own property (a rule or an exit condition has none). */
function ownEnrolledBy(use: RateUse): string | undefined {
  return Object.hasOwn(use, 'enrolledBy') ? use.enrolledBy : undefined;
}

/**
 * The key of a rate specification.
 *
 * @example
 * rateSpecKey('placement', { kind: 'enrolled' }); // 'placement/enrolled'
 */
export function rateSpecKey(outcome: string, denominator: Denominator, enrolledBy?: string): string {
  const key = denominator.kind === 'enrolled' ? `${outcome}/enrolled` : `${outcome}/${denominator.kind}:${denominator.outcome}`;
  return enrolledBy === undefined ? key : `${key}@${enrolledBy}`;
}

/**
 * The rate specifications of `uses` (the rates the rules and the exit clauses read),
 * deduplicated, in first-use order.
 *
 * @example
 * collectRateSpecs([{ outcome: 'placement', denominator: { kind: 'enrolled' } }], outcomeIndex).map((spec) => spec.key);
 */
export function collectRateSpecs(uses: readonly RateUse[], outcomeIndex: ReadonlyMap<string, number>): RateSpec[] {
  const specs = new Map<string, RateSpec>();
  for (const use of uses) {
    const { outcome, denominator } = use;
    const enrolledBy = ownEnrolledBy(use);
    const key = rateSpecKey(outcome, denominator, enrolledBy);
    if (specs.has(key)) continue;
    specs.set(key, {
      key,
      outcome: outcomeIndex.get(outcome) ?? -1,
      basis: denominator.kind,
      entryOutcome: denominator.kind === 'enrolled' ? -1 : (outcomeIndex.get(denominator.outcome) ?? -1),
      enrolledBy: enrolledBy === undefined ? Number.MAX_SAFE_INTEGER : parseDate(enrolledBy),
    });
  }
  return [...specs.values()];
}

/**
 * The index in `specs` of the rate of `use`.
 *
 * @example
 * rateSpecIndex(plan.rateSpecs, { outcome: 'placement', denominator: { kind: 'enrolled' } }); // 0
 */
export function rateSpecIndex(specs: readonly RateSpec[], use: RateUse): number {
  const key = rateSpecKey(use.outcome, use.denominator, ownEnrolledBy(use));
  return specs.findIndex((spec) => spec.key === key);
}
