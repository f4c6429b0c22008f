/**
 * Rate specifications: the (outcome, denominator) pairs whose rates settlement needs, shared by
 * cohort-rate rules and exit clauses, so each is tallied once per participant.
 *
 * @module
 */
import type { Contract } from '../contract/index.js';

/** An outcome counted over a denominator. */
export interface RateSpec {
  /** Stable key, e.g. `retention-6m/placed:placement`. */
  readonly key: string;
  /** Outcome index (numerator). */
  readonly outcome: number;
  /** Denominator basis. */
  readonly basis: 'enrolled' | 'placed' | 'completed';
  /** Outcome index defining entry into the denominator (placed / completed), or -1 for enrolled. */
  readonly entryOutcome: number;
}

type Denominator = Extract<Contract['rules'][number], { kind: 'cohortRate' }>['denominator'];

/** A rate something reads: an outcome over a denominator. */
export interface RateUse {
  /** The outcome counted (numerator). */
  readonly outcome: string;
  /** Who is counted in the denominator. */
  readonly denominator: Denominator;
}

/**
 * The key of a rate specification.
 *
 * @example
 * rateSpecKey('placement', { basis: 'enrolled' }); // 'placement/enrolled'
 */
export function rateSpecKey(outcome: string, denominator: Denominator): string {
  return denominator.basis === 'enrolled' ? `${outcome}/enrolled` : `${outcome}/${denominator.basis}:${denominator.outcome}`;
}

/**
 * The rate specifications of `uses` (the rates the rules and the exit clauses read),
 * deduplicated, in first-use order.
 *
 * @example
 * collectRateSpecs([{ outcome: 'placement', denominator: { basis: 'enrolled' } }], outcomeIndex).map((spec) => spec.key);
 */
export function collectRateSpecs(uses: readonly RateUse[], outcomeIndex: ReadonlyMap<string, number>): RateSpec[] {
  const specs = new Map<string, RateSpec>();
  for (const { outcome, denominator } of uses) {
    const key = rateSpecKey(outcome, denominator);
    if (specs.has(key)) continue;
    specs.set(key, {
      key,
      outcome: outcomeIndex.get(outcome) ?? -1,
      basis: denominator.basis,
      entryOutcome: denominator.basis === 'enrolled' ? -1 : (outcomeIndex.get(denominator.outcome) ?? -1),
    });
  }
  return [...specs.values()];
}

/**
 * The index in `specs` of the rate of `use`.
 *
 * @example
 * rateSpecIndex(plan.rateSpecs, { outcome: 'placement', denominator: { basis: 'enrolled' } }); // 0
 */
export function rateSpecIndex(specs: readonly RateSpec[], use: RateUse): number {
  const key = rateSpecKey(use.outcome, use.denominator);
  return specs.findIndex((spec) => spec.key === key);
}
