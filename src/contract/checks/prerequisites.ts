/**
 * Prerequisite cycle check: rate-card prerequisites form a graph between outcomes that must
 * have no cycle (A requires B requires A could never be paid).
 *
 * @module
 */
import type { Issue } from '../../errors.js';
import type { Contract } from '../schema.js';
import { issueAt } from './issue.js';

/**
 * Reports each rate-card rule whose prerequisites lead back to its own outcome.
 * Edges: for every rate-card rule, `outcome -> prerequisite`.
 *
 * @example
 * checkPrerequisiteCycles(contract); // [] when no outcome requires itself
 */
export function checkPrerequisiteCycles(c: Contract): Issue[] {
  const edges = new Map<string, Set<string>>();
  for (const rule of c.rules) {
    if (rule.kind !== 'rateCard') continue;
    const set = edges.get(rule.outcome) ?? new Set<string>();
    for (const p of rule.prerequisites) set.add(p);
    edges.set(rule.outcome, set);
  }
  const reaches = (from: string, target: string): boolean => {
    const seen = new Set<string>();
    const stack = [...(edges.get(from) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop();
      if (next === undefined || seen.has(next)) continue;
      if (next === target) return true;
      seen.add(next);
      stack.push(...(edges.get(next) ?? []));
    }
    return false;
  };
  const issues: Issue[] = [];
  for (const [i, rule] of c.rules.entries()) {
    if (rule.kind === 'rateCard' && reaches(rule.outcome, rule.outcome)) {
      issues.push(issueAt('PREREQUISITE_CYCLE', ['rules', i, 'prerequisites'], `outcome "${rule.outcome}" requires itself through its prerequisites`));
    }
  }
  return issues;
}
