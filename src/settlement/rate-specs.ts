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
 * Every rate specification the contract's cohort-rate rules and exit clauses use, deduplicated,
 * in first-use order.
 *
 * @example
 * collectRateSpecs(contract, outcomeIndex).map((spec) => spec.key);
 */
export function collectRateSpecs(contract: Contract, outcomeIndex: ReadonlyMap<string, number>): RateSpec[] {
  const specs = new Map<string, RateSpec>();
  const add = (outcome: string, denominator: Denominator): void => {
    const key = rateSpecKey(outcome, denominator);
    if (specs.has(key)) return;
    specs.set(key, {
      key,
      outcome: outcomeIndex.get(outcome) ?? -1,
      basis: denominator.basis,
      entryOutcome: denominator.basis === 'enrolled' ? -1 : (outcomeIndex.get(denominator.outcome) ?? -1),
    });
  };
  for (const rule of contract.rules) if (rule.kind === 'cohortRate') add(rule.outcome, rule.denominator);
  for (const clause of contract.exitClauses ?? []) {
    if (clause.condition.kind === 'outcomeRateBelow') add(clause.condition.outcome, clause.condition.denominator);
  }
  return [...specs.values()];
}
