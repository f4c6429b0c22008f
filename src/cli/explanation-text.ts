/**
 * One participant's explanation as text for a person (`outcome-pay explain --format text`): the
 * record, each outcome with the facts it was decided on, each claim from the rule to the tranche.
 *
 * @module
 */
import type { ExplainedClaim, ExplainedOutcome, ExplainedSpell, ParticipantExplanation } from '../explain/index.js';
import { issueLines } from './print-issues.js';
import { printableLines } from './printable.js';

function spellText(spell: ExplainedSpell): string {
  const terms = [
    spell.hoursPerWeek === null ? '' : `${spell.hoursPerWeek} h/week`,
    spell.contractType ?? '',
    spell.monthlyWage === null ? '' : `wage ${spell.monthlyWage}`,
    spell.sector === undefined || spell.sector === null ? '' : `sector ${spell.sector}`,
    spell.employer === undefined || spell.employer === null ? '' : `employer ${spell.employer}`,
    spell.notCounted === undefined ? '' : `not counted: ${spell.notCounted}`,
  ].filter((term) => term !== '');
  return `${spell.start} to ${spell.end ?? 'ongoing'}${terms.length === 0 ? '' : ` (${terms.join(', ')})`}`;
}

function outcomeLines(outcome: ExplainedOutcome): string[] {
  const when = outcome.on === null ? '' : ` on ${outcome.on}`;
  const lines = [`  ${outcome.outcome} (${outcome.kind}): ${outcome.status}${when} — ${outcome.because} [${outcome.reason}]`, `    terms: ${outcome.terms}`];
  if (outcome.anchor !== null && outcome.kind !== 'placement') lines.push(`    counted from the placement on ${outcome.anchor}`);
  if (outcome.period !== null) lines.push(`    period examined: ${outcome.period.from} to ${outcome.period.to}`);
  if (outcome.kind !== 'cohortIndicator' && outcome.kind !== 'milestone' && outcome.kind !== 'earningsThreshold' && outcome.kind !== 'quarterAfterExit') {
    lines.push(outcome.spells.length === 0 ? '    spells: none' : `    spells: ${outcome.spells.map(spellText).join('; ')}`);
  }
  if (outcome.gaps !== undefined) {
    lines.push(outcome.gaps.length === 0 ? '    gaps: none' : `    gaps: ${outcome.gaps.map((gap) => `${gap.from} to ${gap.to} (${gap.days} day${gap.days === 1 ? '' : 's'})`).join('; ')}`);
  }
  if (outcome.wages !== undefined) lines.push(outcome.wages.length === 0 ? '    wages: none' : `    wages: ${outcome.wages.map((wage) => `${wage.on} ${wage.monthlyWage}`).join('; ')}`);
  if (outcome.earnings !== undefined) {
    lines.push(outcome.earnings.length === 0 ? '    earnings: none' : '    earnings (period: amount, counted, total):');
    for (const e of outcome.earnings) lines.push(`      ${e.from} to ${e.to}: ${e.amount}, counted ${e.counted}, total ${e.total}`);
  }
  if (outcome.events !== undefined) lines.push(outcome.events.length === 0 ? '    events: none' : `    events: ${outcome.events.map((event) => `${event.kind} on ${event.on}`).join('; ')}`);
  return lines;
}

const FATE: Readonly<Record<ExplainedClaim['fate'], string>> = {
  paid: 'paid',
  cutInLine: 'in a line cut by a cap as a whole (the cut is not shared out per participant)',
  cutByShareCap: 'cut by a share cap',
  withheld: 'withheld: the tranche is suspended',
  cutToZero: 'cut to nothing by a per-participant cap: no tranche takes it',
  awaitingTranche: 'not paid yet: a tranche still to be measured will take it',
  unscheduled: 'paid by no tranche',
};

function claimLines(claim: ExplainedClaim): string[] {
  const what = claim.outcome === null ? '' : ` for ${claim.outcome}`;
  const lines = [`  ${claim.date} rule ${claim.rule} (${claim.kind})${what}: claimed ${claim.claimed}`];
  for (const cut of claim.participantCuts) lines.push(`    participant cap ${cut.cap} (limit ${cut.limit}): ${cut.before} before, ${cut.cut} cut, ${cut.after} after`);
  const paid = claim.paid === null || claim.fate === 'paid' ? '' : ` (paid ${claim.paid})`;
  lines.push(`    ${claim.fate === 'paid' ? `paid ${claim.paid ?? ''}` : FATE[claim.fate]}${paid}`);
  const tranche = claim.tranche;
  if (tranche !== null) {
    lines.push(`    tranche ${tranche.tranche} "${tranche.name}" (${tranche.status}, measured on ${tranche.measuredOn}, due on ${tranche.dueOn})`);
    if (tranche.line !== null) lines.push(`    line ${tranche.line}: ${tranche.formula ?? ''}; earned ${tranche.lineEarned ?? ''}, paid ${tranche.linePaid ?? ''}`);
    for (const cut of tranche.capCuts) lines.push(`    ${cut.kind} cap ${cut.cap} (limit ${cut.limit}): ${cut.usedBefore} used before, ${cut.requested} asked, ${cut.cut} cut`);
  }
  if (claim.unscheduled !== undefined) lines.push(`    ${claim.unscheduled}`);
  return lines;
}

/**
 * The explanation in words, every line made printable (ids and names from the inputs cannot act
 * on the terminal).
 *
 * @example
 * io.stdout(explanationText(explanation));
 */
export function explanationText(explanation: ParticipantExplanation): string {
  const e = explanation;
  const lines = [`Participant ${e.participant} — ${e.contract.name} (${e.contract.id}), as of ${e.asOf}, amounts in ${e.contract.currency}`];
  const quality = e.dataQuality;
  if (quality.recordsExcluded > 0) {
    lines.push(`WARNING: ${quality.recordsExcluded} of ${quality.recordsRead} records were excluded as invalid from this settlement (exit status 3); cohort figures may change with them.`);
  }
  if (e.status === 'excluded') {
    lines.push('', 'This participant\'s record is invalid and was excluded from the settlement: nothing is counted or paid for it.', 'Problems:');
    lines.push(...issueLines(e.issues).trimEnd().split('\n').map((line) => `  ${line}`));
    return printableLines(lines);
  }
  const record = e.record;
  if (record !== null) {
    const groups = record.groups.length === 0 ? 'no group' : `group${record.groups.length === 1 ? '' : 's'} ${record.groups.join(', ')}`;
    const exit = record.exitedOn === null ? 'no exit recorded' : `exited ${record.exitedOn}`;
    const baseline = record.baselineWage === null ? '' : `; baseline wage ${record.baselineWage}`;
    lines.push('', `Record: cohort ${record.cohort}, ${groups}; enrolled ${record.enrolledOn}, ${exit}${baseline}`);
    lines.push(record.spells.length === 0 ? 'Spells: none' : 'Spells:', ...record.spells.map((spell) => `  ${spellText(spell)}`));
    if (record.wages.length > 0) lines.push(`Wages: ${record.wages.map((wage) => `${wage.on} ${wage.monthlyWage}`).join('; ')}`);
    if (record.earnings !== undefined) lines.push(`Earnings: ${record.earnings.map((e) => `${e.from} to ${e.to} ${e.amount}`).join('; ')}`);
    if (record.events.length > 0) lines.push(`Events: ${record.events.map((event) => `${event.kind} on ${event.on}`).join('; ')}`);
  }
  if (e.status === 'notYetEnrolled') {
    lines.push('', 'Enrolled after the as-of date: nothing is counted for this participant yet.');
    return printableLines(lines);
  }
  lines.push('', 'Outcomes:', ...e.outcomes.flatMap(outcomeLines));
  lines.push('', e.claims.length === 0 ? 'Claims: none (no rule pays this participant for what is achieved)' : 'Claims:', ...e.claims.flatMap(claimLines));
  const unattributed = e.totals.claimsNotAttributed === 0 ? '' : `; ${e.totals.claimsNotAttributed} claim${e.totals.claimsNotAttributed === 1 ? '' : 's'} in lines cut as a whole, not counted`;
  lines.push('', `Total: claimed ${e.totals.claimed}, cut by participant caps ${e.totals.participantCapCuts}, paid ${e.totals.paid}${unattributed}`);
  lines.push(`Fingerprints: contract ${e.fingerprint.contract}, records ${e.fingerprint.records}`);
  return printableLines(lines);
}
