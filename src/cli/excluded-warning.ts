/**
 * The warning a settlement with excluded records gets on the command line: it must never look
 * like a clean success.
 *
 * @module
 */
import { MESSAGES, type Lang } from '../format/index.js';
import { engineText } from '../wording/index.js';
import type { Settlement, SettlementDecisionAtRisk } from '../settlement/index.js';
import { issueLines } from './print-issues.js';
import { STDERR_MESSAGES } from './stderr-messages.js';

/** How many of the excluded records' problems the summary shows. */
const SHOWN_PROBLEMS = 3;

/**
 * A decision at risk in words: `exit clause mid-review: notFired; if they all achieved: notFired;
 * if none did: fired`.
 *
 * @example
 * decisionLine({ kind: 'cap', id: 'budget', tranche: 'T1', cohort: null, decided: 'binds', ifAllAchieved: 'binds', ifNoneAchieved: 'does not bind' });
 * // 'cap budget (tranche T1): binds; if they all achieved: binds; if none did: does not bind'
 */
export function decisionLine(decision: SettlementDecisionAtRisk, lang: Lang = 'en'): string {
  const m = MESSAGES[lang].summary;
  const where = [decision.tranche === null ? '' : m.tranche(decision.tranche), decision.cohort === null ? '' : m.cohort(decision.cohort)].filter(Boolean);
  const place = where.length === 0 ? '' : ` (${where.join(', ')})`;
  return m.colon(`${m.decisionKind[decision.kind]} ${decision.id}${place}`, m.decision(engineText(decision.decided, lang), engineText(decision.ifAllAchieved, lang), engineText(decision.ifNoneAchieved, lang)));
}

/**
 * The lines of the warning at the top of `--summary` when records were excluded (none when not):
 * how many of how many, the first problems, and every decision they could change; in English or
 * French (the problems' messages stay in English, with their codes).
 *
 * @example
 * exclusionWarning(settlement); // ['WARNING: 3 of 94 records were excluded ...', ...]
 */
export function exclusionWarning(settlement: Settlement, lang: Lang = 'en'): string[] {
  const m = MESSAGES[lang].summary;
  const quality = settlement.dataQuality;
  if (quality.recordsExcluded === 0) return [];
  const lines = [m.excluded(quality.recordsExcluded, quality.recordsRead)];
  if (quality.issuesDelivered === undefined) {
    const shown = quality.issues.slice(0, SHOWN_PROBLEMS);
    lines.push(m.firstProblems, ...issueLines(shown, lang).trimEnd().split('\n').map((line) => `  ${line}`));
    const more = quality.issues.length - shown.length;
    if (more > 0) lines.push(m.moreProblems(more));
  } else {
    lines.push(m.problemsReported(quality.issuesDelivered));
  }
  const atRisk = quality.decisionsAtRisk ?? [];
  if (atRisk.length === 0) {
    lines.push(m.noDecisionAtRisk);
  } else {
    lines.push(m.decisionsAtRisk(atRisk.length), ...atRisk.map((decision) => `  ${decisionLine(decision, lang)}`));
  }
  return lines;
}

/**
 * One line for stderr when the settlement is printed as JSON (or written as statements, a report):
 * the counts and where to look, in English or French.
 *
 * @example
 * exclusionNotice(settlement); // 'warning: 3 of 94 records were excluded (dataQuality.issues); ...'
 * exclusionNotice(settlement, 'fr'); // 'attention : 3 enregistrements sur 94 ont été exclus ...'
 */
export function exclusionNotice(settlement: Settlement, lang: Lang = 'en'): string {
  const quality = settlement.dataQuality;
  return STDERR_MESSAGES[lang].excludedNotice(quality.recordsExcluded, quality.recordsRead, quality.decisionsAtRisk?.length ?? 0);
}
