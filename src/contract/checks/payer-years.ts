/**
 * Yearly payer caps (docs/mechanics/payer-funding.md): a cap with `per` says `overflow` and one
 * without does not; a payer has at most one yearly cap; overflows taken by other payers form no
 * cycle (the chain of takers ends at a payer that pays, defers or leaves unpaid).
 *
 * @module
 */
import type { Issue } from '../../errors.js';
import type { Contract } from '../schema.js';
import { issueAt } from './issue.js';

/**
 * The yearly-cap issues of a structurally valid contract.
 *
 * @example
 * checkPayerYears(contract); // [{ code: 'PAYER_CAP_TAKEN_BY_CYCLE', ... }] when region's overflow goes to state and state's to region
 */
export function checkPayerYears(c: Contract): Issue[] {
  const issues: Issue[] = [];
  const takers = new Map<string, { taker: string; index: number }>();
  const yearly = new Map<string, number>();
  for (const [i, cap] of (c.caps ?? []).entries()) {
    if (cap.kind !== 'payer') continue;
    const hasPer = cap.per !== undefined;
    const hasOverflow = cap.overflow !== undefined;
    if (hasPer !== hasOverflow) {
      const missing = hasPer ? 'overflow' : 'per';
      issues.push(issueAt('PAYER_YEAR_CAP_INCOMPLETE', ['caps', i, missing], `payer cap "${cap.id}" has ${hasPer ? 'per' : 'overflow'} but no ${missing}: a yearly cap says both its budget year (per) and what happens above it (overflow)`));
      continue;
    }
    if (!hasPer) continue;
    const first = yearly.get(cap.payer);
    if (first !== undefined) {
      issues.push(issueAt('PAYER_YEAR_CAP_TWICE', ['caps', i, 'per'], `payer "${cap.payer}" already has a yearly cap (caps[${first}]): one yearly commitment per payer`));
      continue;
    }
    yearly.set(cap.payer, i);
    if (typeof cap.overflow === 'object') takers.set(cap.payer, { taker: cap.overflow.takenBy, index: i });
  }
  const reported = new Set<string>();
  for (const start of takers.keys()) {
    const chain = [start];
    let at = takers.get(start);
    while (at !== undefined && !chain.includes(at.taker)) {
      chain.push(at.taker);
      at = takers.get(at.taker);
    }
    if (at === undefined) continue;
    const cycle = chain.slice(chain.indexOf(at.taker));
    const key = [...cycle].sort().join('\u0000');
    if (reported.has(key)) continue;
    reported.add(key);
    const index = takers.get(cycle[0] ?? '')?.index ?? 0;
    const path = [...cycle, cycle[0]].join(' → ');
    issues.push(issueAt('PAYER_CAP_TAKEN_BY_CYCLE', ['caps', index, 'overflow', 'takenBy'], `the overflows of yearly payer caps are taken in a cycle (${path}): the chain of takers must end at a payer whose overflow is notPaid or deferred, or that has no yearly cap`));
  }
  return issues;
}
