/**
 * What every payment rule kind of the contract format has: the fields common to all rules, and
 * the facts the contract checks need from a rule (the ids it refers to, its decimal fields, the
 * outcomes its payments wait for), given by each kind's module.
 *
 * @module
 */
import type { PathSegment } from '../../errors.js';
import * as z from 'zod/mini';
import type { OutcomeSchema } from '../outcome-definitions.js';
import { IdSchema, TextSchema } from '../primitives.js';

/** The kind of an outcome. */
type OutcomeKind = z.infer<typeof OutcomeSchema>['kind'];

/** The fields every rule has: id, name, description. */
export const ruleCommon = {
  id: IdSchema,
  name: TextSchema,
  description: z.optional(TextSchema),
};

/** An id a rule refers to: an outcome (of the kinds listed, or any), a group or a cohort. */
export interface RuleReference {
  /** What the id names. */
  readonly target: 'outcome' | 'group' | 'cohort';
  /** The id. */
  readonly id: string;
  /** Where the rule holds it. */
  readonly path: readonly PathSegment[];
  /** Allowed outcome kinds; absent = any. */
  readonly kinds?: readonly OutcomeKind[];
  /** The list this reference is one entry of (its path, joined), when it is one: a list names each id once. */
  readonly list?: string;
}

/** A decimal field of a rule: an amount of money or a rate (a fraction in [0, 1]). */
export interface RuleNumber {
  /** The decimal text. */
  readonly value: string;
  /** Where the rule holds it. */
  readonly path: readonly PathSegment[];
  /** Money (checked against the currency's minor unit) or a rate. */
  readonly class: 'money' | 'rate';
  /** True for money that is a rounding increment, not an amount paid (a calibration scales prices, not increments). */
  readonly increment?: true;
}

/** The outcomes a rule's payments wait for, and the days after the last of them a claim can still need. */
export interface RuleTiming {
  /** Outcome ids. */
  readonly ids: readonly string[];
  /** Days after the outcomes (a sustainment period). */
  readonly extraDays: number;
}

/**
 * What the contract checks need to know of a rule kind.
 *
 * @example
 * const fee: RuleFacts<FeeRule> = { references: () => [], numbers: (rule, at) => [...], timing: () => ({ ids: [], extraDays: 0 }) };
 */
export interface RuleFacts<R> {
  /** The ids the rule refers to; `at` prefixes a path inside the rule with the rule's own path. */
  readonly references: (rule: R, at: (...path: PathSegment[]) => PathSegment[]) => readonly RuleReference[];
  /** Its decimal fields. */
  readonly numbers: (rule: R, at: (...path: PathSegment[]) => PathSegment[]) => readonly RuleNumber[];
  /** The outcomes its payments wait for. */
  readonly timing: (rule: R) => RuleTiming;
  /**
   * The cohort and outcome each line of the rule can show in a tranche paying it for `cohorts`
   * (contract order): what payer funding is checked against (every such line funded in full).
   */
  readonly lineShapes: (rule: R, cohorts: readonly string[]) => readonly LineShape[];
}

/** The cohort and outcome a line shows (null: a contract-level line, or no outcome). */
export interface LineShape {
  /** Cohort id, or null. */
  readonly cohort: string | null;
  /** Outcome id, or null. */
  readonly outcome: string | null;
}

/**
 * The references of a list of ids at `base` (or of a list of objects, each naming its target under
 * `key`): one per entry, all marked as entries of the same list.
 *
 * @example
 * listedIds('outcome', ['placement', 'retention-6m'], ['rules', 0, 'prerequisites']);
 */
export function listedIds(
  target: RuleReference['target'],
  ids: readonly string[],
  base: readonly PathSegment[],
  kinds?: readonly OutcomeKind[],
  key?: string,
): RuleReference[] {
  const list = base.join('/');
  return ids.map((id, j) => {
    const path = key === undefined ? [...base, j] : [...base, j, key];
    return kinds === undefined ? { target, id, path, list } : { target, id, path, kinds, list };
  });
}

/** The outcome kinds decided per participant (what rate cards, rates and bonuses pay for). */
export const PER_PARTICIPANT: readonly OutcomeKind[] = ['placement', 'retention', 'wageProgression', 'milestone', 'earningsThreshold', 'quarterAfterExit'];
