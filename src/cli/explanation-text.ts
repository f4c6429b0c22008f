/**
 * One participant's explanation as text for a person (`outcome-pay explain --format text`): the
 * record, each outcome with the facts it was decided on, each claim from the rule to the tranche;
 * in English or French (the words from the message tables of src/format, amounts and dates in
 * French as a French reader writes them).
 *
 * @module
 */
import type { ExplainedClaim, ExplainedOutcome, ExplainedSpell, ParticipantExplanation } from '../explain/index.js';
import type { Lang } from '../format/index.js';
import { reasonText } from '../wording/index.js';
import { peopleText, type PeopleText } from './people-text.js';
import { issueLines } from './print-issues.js';
import { printableLines } from './printable.js';

function spellText(spell: ExplainedSpell, t: PeopleText): string {
  const m = t.m.explain;
  const terms = [
    spell.hoursPerWeek === null ? '' : m.hoursPerWeek(String(spell.hoursPerWeek)),
    spell.contractType === null || spell.contractType === undefined ? '' : t.contractType(spell.contractType),
    spell.monthlyWage === null ? '' : m.wage(t.amount(spell.monthlyWage)),
    spell.sector === undefined || spell.sector === null ? '' : m.sector(spell.sector),
    spell.employer === undefined || spell.employer === null ? '' : m.employer(spell.employer),
    spell.notCounted === undefined ? '' : m.notCounted(t.engine(spell.notCounted)),
  ].filter((term) => term !== '');
  return m.spell(t.date(spell.start), spell.end === null ? null : t.date(spell.end), terms.join(', '));
}

/** What an earnings observation counts for: an amount, or why it does not count (`not counted (...)`, a pro rata). */
function countedText(counted: string, t: PeopleText): string {
  return /^-?\d+(?:\.\d+)?$/u.test(counted) ? t.amount(counted) : t.engine(counted);
}

/** `label: items` (or `label : items` in French), or `label: none` when there is none. */
function listLine(t: PeopleText, label: string, items: readonly string[]): string {
  return t.m.summary.colon(label, items.length === 0 ? t.m.explain.none : items.join(t.separator));
}

function outcomeLines(outcome: ExplainedOutcome, t: PeopleText): string[] {
  const m = t.m.explain;
  const colon = t.m.summary.colon;
  const when = outcome.on === null ? '' : m.on(t.date(outcome.on));
  const lines = [`  ${colon(`${outcome.outcome} (${outcome.kind})`, `${m.outcomeStatus[outcome.status]}${when}`)} — ${reasonText(outcome.reason, t.lang)} [${outcome.reason}]`, `    ${colon(m.terms, t.engine(outcome.terms))}`];
  if (outcome.anchor !== null && outcome.kind !== 'placement') lines.push(`    ${m.countedFrom(t.date(outcome.anchor))}`);
  if (outcome.period !== null) lines.push(`    ${m.periodExamined(t.date(outcome.period.from), t.date(outcome.period.to))}`);
  if (outcome.kind !== 'cohortIndicator' && outcome.kind !== 'milestone' && outcome.kind !== 'earningsThreshold' && outcome.kind !== 'quarterAfterExit') {
    lines.push(`    ${listLine(t, m.spellsLabel, outcome.spells.map((spell) => spellText(spell, t)))}`);
  }
  if (outcome.gaps !== undefined) {
    lines.push(`    ${listLine(t, m.gaps, outcome.gaps.map((gap) => `${m.period(t.date(gap.from), t.date(gap.to))} (${m.days(gap.days)})`))}`);
  }
  if (outcome.wages !== undefined) lines.push(`    ${listLine(t, m.wages.toLowerCase(), outcome.wages.map((wage) => `${t.date(wage.on)} ${t.amount(wage.monthlyWage)}`))}`);
  if (outcome.earnings !== undefined) {
    lines.push(outcome.earnings.length === 0 ? `    ${listLine(t, m.earnings.toLowerCase(), [])}` : `    ${m.earningsHeading}`);
    for (const e of outcome.earnings) lines.push(`      ${m.earningsLine(t.date(e.from), t.date(e.to), t.amount(e.amount), countedText(e.counted, t), t.amount(e.total))}`);
  }
  if (outcome.events !== undefined) lines.push(`    ${listLine(t, m.events.toLowerCase(), outcome.events.map((event) => m.event(event.kind, t.date(event.on))))}`);
  return lines;
}

/** A tranche's status in words, or as written when the table has no word for it. */
function statusWord(t: PeopleText, status: string): string {
  const words: Readonly<Record<string, string>> = t.m.summary.trancheStatus;
  return Object.hasOwn(words, status) ? (words[status] ?? status) : status;
}

function claimLines(claim: ExplainedClaim, t: PeopleText): string[] {
  const m = t.m.explain;
  const lines = [`  ${m.claimLine(t.date(claim.date), claim.rule, claim.kind, claim.outcome, t.amount(claim.claimed))}`];
  for (const cut of claim.participantCuts) lines.push(`    ${m.participantCut(cut.cap, t.amount(cut.limit), t.amount(cut.before), t.amount(cut.cut), t.amount(cut.after))}`);
  const paid = claim.paid === null || claim.fate === 'paid' ? '' : ` (${m.paid(t.amount(claim.paid))})`;
  lines.push(`    ${claim.fate === 'paid' ? m.paid(claim.paid === null ? '' : t.amount(claim.paid)) : m.fate[claim.fate]}${paid}`);
  const tranche = claim.tranche;
  if (tranche !== null) {
    lines.push(`    ${m.trancheLine(tranche.tranche, t.engine(tranche.name), statusWord(t, tranche.status), t.date(tranche.measuredOn), t.date(tranche.dueOn))}`);
    if (tranche.line !== null) {
      const earned = tranche.lineEarned === null ? '' : t.amount(tranche.lineEarned);
      const linePaid = tranche.linePaid === null ? '' : t.amount(tranche.linePaid);
      lines.push(`    ${m.lineLine(String(tranche.line), t.engine(tranche.formula ?? ''), earned, linePaid)}`);
    }
    for (const cut of tranche.capCuts) lines.push(`    ${m.capCut(cut.kind, cut.cap, t.amount(cut.limit), t.amount(cut.usedBefore), t.amount(cut.requested), t.amount(cut.cut))}`);
  }
  if (claim.unscheduled !== undefined) lines.push(`    ${t.engine(claim.unscheduled)}`);
  return lines;
}

/**
 * The explanation in words, in English (default) or French, every line made printable (ids and
 * names from the inputs cannot act on the terminal). Texts the engine wrote (why an outcome was
 * decided, the terms, the formulas) are in the language too (src/wording); the problems of an
 * excluded record stay in English, with their codes.
 *
 * @example
 * io.stdout(explanationText(explanation));
 * io.stdout(explanationText(explanation, 'fr'));
 */
export function explanationText(explanation: ParticipantExplanation, lang: Lang = 'en'): string {
  const e = explanation;
  const t = peopleText(lang, e.contract.currency);
  const m = t.m.explain;
  const colon = t.m.summary.colon;
  const lines = [m.heading(e.participant, `${e.contract.name} (${e.contract.id})`, t.date(e.asOf), e.contract.currency)];
  const quality = e.dataQuality;
  if (quality.recordsExcluded > 0) lines.push(m.excludedWarning(quality.recordsExcluded, quality.recordsRead));
  if (e.status === 'excluded') {
    lines.push('', m.participantExcluded, m.problems);
    lines.push(...issueLines(e.issues).trimEnd().split('\n').map((line) => `  ${line}`));
    return printableLines(lines);
  }
  const record = e.record;
  if (record !== null) {
    const groups = record.groups.length === 0 ? m.noGroup : m.groups(record.groups);
    const exit = record.exitedOn === null ? m.noExit : m.exited(t.date(record.exitedOn));
    const baseline = record.baselineWage === null ? '' : m.baseline(t.amount(record.baselineWage));
    lines.push('', m.record(record.cohort, groups, t.date(record.enrolledOn), exit, baseline));
    lines.push(record.spells.length === 0 ? m.spellsNone : m.spells, ...record.spells.map((spell) => `  ${spellText(spell, t)}`));
    if (record.wages.length > 0) lines.push(colon(m.wages, record.wages.map((wage) => `${t.date(wage.on)} ${t.amount(wage.monthlyWage)}`).join(t.separator)));
    if (record.earnings !== undefined) lines.push(colon(m.earnings, record.earnings.map((x) => `${m.period(t.date(x.from), t.date(x.to))} ${t.amount(x.amount)}`).join(t.separator)));
    if (record.events.length > 0) lines.push(colon(m.events, record.events.map((event) => m.event(event.kind, t.date(event.on))).join(t.separator)));
  }
  if (e.status === 'notYetEnrolled') {
    lines.push('', m.notYetEnrolled);
    return printableLines(lines);
  }
  lines.push('', m.outcomes, ...e.outcomes.flatMap((outcome) => outcomeLines(outcome, t)));
  lines.push('', e.claims.length === 0 ? m.claimsNone : m.claims, ...e.claims.flatMap((claim) => claimLines(claim, t)));
  const unattributed = e.totals.claimsNotAttributed === 0 ? '' : m.notAttributed(e.totals.claimsNotAttributed);
  lines.push('', `${m.total(t.amount(e.totals.claimed), t.amount(e.totals.participantCapCuts), t.amount(e.totals.paid))}${unattributed}`);
  lines.push(m.fingerprints(e.fingerprint.contract, e.fingerprint.records));
  return printableLines(lines);
}
