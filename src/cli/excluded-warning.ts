/**
 * The warning a settlement with excluded records gets on the command line: it must never look
 * like a clean success.
 *
 * @module
 */
import type { Settlement, SettlementDecisionAtRisk } from '../settlement/index.js';
import { issueLines } from './print-issues.js';

/** How many of the excluded records' problems the summary shows. */
const SHOWN_PROBLEMS = 3;

const KINDS: Readonly<Record<SettlementDecisionAtRisk['kind'], string>> = {
  exitClause: 'exit clause',
  cohortRate: 'cohort rate',
  bonus: 'bonus',
  cap: 'cap',
  hiringGuarantee: 'hiring guarantee',
};

/**
 * A decision at risk in words: `exit clause mid-review: notFired; if they all achieved: notFired;
 * if none did: fired`.
 *
 * @example
 * decisionLine({ kind: 'cap', id: 'budget', tranche: 'T1', cohort: null, decided: 'binds', ifAllAchieved: 'binds', ifNoneAchieved: 'does not bind' });
 * // 'cap budget (tranche T1): binds; if they all achieved: binds; if none did: does not bind'
 */
export function decisionLine(decision: SettlementDecisionAtRisk): string {
  const where = [decision.tranche === null ? '' : `tranche ${decision.tranche}`, decision.cohort === null ? '' : `cohort ${decision.cohort}`].filter(Boolean);
  const place = where.length === 0 ? '' : ` (${where.join(', ')})`;
  return `${KINDS[decision.kind]} ${decision.id}${place}: ${decision.decided}; if they all achieved: ${decision.ifAllAchieved}; if none did: ${decision.ifNoneAchieved}`;
}

/**
 * The lines of the warning at the top of `--summary` when records were excluded (none when not):
 * how many of how many, the first problems, and every decision they could change.
 *
 * @example
 * exclusionWarning(settlement); // ['WARNING: 3 of 94 records were excluded ...', ...]
 */
export function exclusionWarning(settlement: Settlement): string[] {
  const quality = settlement.dataQuality;
  if (quality.recordsExcluded === 0) return [];
  const lines = [
    `WARNING: ${quality.recordsExcluded} of ${quality.recordsRead} records were excluded as invalid and are not in this settlement (exit status 3).`,
  ];
  if (quality.issuesDelivered === undefined) {
    const shown = quality.issues.slice(0, SHOWN_PROBLEMS);
    lines.push('First problems:', ...issueLines(shown).trimEnd().split('\n').map((line) => `  ${line}`));
    const more = quality.issues.length - shown.length;
    if (more > 0) lines.push(`  ... and ${more} more in dataQuality.issues`);
  } else {
    lines.push(`Their ${quality.issuesDelivered} problems were reported separately (--issues).`);
  }
  const atRisk = quality.decisionsAtRisk ?? [];
  if (atRisk.length === 0) {
    lines.push('No decision made on counts (exit clause, threshold, tier, bonus, cap, guarantee) would change with them counted.');
  } else {
    lines.push(`Decisions that would change if the excluded records were counted (${atRisk.length}):`, ...atRisk.map((decision) => `  ${decisionLine(decision)}`));
  }
  return lines;
}

/**
 * One line for stderr when the settlement is printed as JSON: the counts and where to look.
 *
 * @example
 * exclusionNotice(settlement); // 'warning: 3 of 94 records were excluded (dataQuality.issues); ...'
 */
export function exclusionNotice(settlement: Settlement): string {
  const quality = settlement.dataQuality;
  const atRisk = quality.decisionsAtRisk?.length ?? 0;
  const decisions = atRisk === 0 ? 'no decision would change with them counted' : `${atRisk} decision${atRisk === 1 ? '' : 's'} would change with them counted (dataQuality.decisionsAtRisk)`;
  return `warning: ${quality.recordsExcluded} of ${quality.recordsRead} records were excluded as invalid (dataQuality.issues); ${decisions}; exit status 3`;
}
