/**
 * A readable summary of a settlement, for people at a terminal.
 *
 * @module
 */
import type { Lang } from '../format/index.js';
import { formatMoney, parseAmount, sumAmounts, type Amount } from '../money/index.js';
import type { Settlement } from '../settlement/index.js';
import { exclusionWarning } from './excluded-warning.js';
import { indicatorSummary } from './indicator-summary.js';
import { peopleText, type PeopleText } from './people-text.js';
import { printable, printableLines } from './printable.js';

/** The rows of a table, its cells made printable first so that the columns line up as printed. */
function table(cells: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string[] {
  const rows = cells.map((row) => row.map(printable));
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) => (rightAligned.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * What each settled tranche paid per rule (its lines after caps, in the order the rules first
 * appear), where its money went when not all of it went to the provider, and every cap that cut.
 */
function ruleLines(settlement: Settlement, t: PeopleText): string[] {
  const m = t.m.summary;
  const currency = settlement.contract.currency;
  const out: string[] = [];
  for (const tranche of settlement.tranches) {
    if (tranche.lines.length === 0) continue;
    const byRule = new Map<string, Amount[]>();
    for (const line of tranche.lines) byRule.set(line.rule, [...(byRule.get(line.rule) ?? []), parseAmount(line.paid)]);
    const rules = [...byRule].map(([rule, paid]) => m.ruleAmount(rule, t.amount(formatMoney(sumAmounts(paid), currency))));
    const flows = parseAmount(tranche.reinvested).isZero() && parseAmount(tranche.withheld).isZero() ? '' : `${t.separator}${m.trancheFlows(t.amount(tranche.toProvider), t.amount(tranche.reinvested), t.amount(tranche.withheld))}`;
    out.push(`  ${m.colon(tranche.id, rules.join(', '))}${flows}`);
  }
  const cuts = [
    ...settlement.tranches.flatMap((tranche) =>
      tranche.capCuts.map((cut) =>
        cut.kind === 'participant'
          ? m.participantCapTrancheCut(tranche.id, cut.cap, t.amount(cut.limit), cut.claims ?? 0, t.amount(cut.requested), t.amount(cut.cut))
          : m.capCut(tranche.id, cut.kind, cut.cap, t.amount(cut.limit), t.amount(cut.usedBefore), t.amount(cut.requested), t.amount(cut.cut)),
      ),
    ),
    ...settlement.participantCaps.filter((cap) => cap.claimsCut > 0).map((cap) => m.participantCapCut(cap.cap, t.amount(cap.limit), cap.claimsCut, t.amount(cap.amountCut))),
  ];
  return [...(out.length === 0 ? [] : ['', m.byRule, ...out]), ...(cuts.length === 0 ? [] : ['', m.capCuts, ...cuts.map((cut) => `  ${cut}`)])];
}

/**
 * Formats the summary in English (default) or French: a warning first when records were excluded (how many, the first problems,
 * the decisions they could change), then the contract, the tranches with their status and amounts, the payers,
 * adjustments, the exit clauses, the minimum performance levels, the results indicators' periods, claims no tranche pays, hiring guarantees, the data quality and
 * the fingerprint. Every line is made {@link printable}: names and ids from the contract or the
 * records cannot act on the terminal. In French, amounts and dates are written as a French reader
 * writes them (`1 650,00 €`, `30 juin 2025`); texts the engine wrote (explanations, reasons) are in French too (src/wording).
 *
 * @example
 * console.log(settlementSummary(settlement));
 * console.log(settlementSummary(settlement, 'fr'));
 */
export function settlementSummary(settlement: Settlement, lang: Lang = 'en'): string {
  const currency = settlement.contract.currency;
  const t = peopleText(lang, currency);
  const m = t.m.summary;
  const { amount, date } = t;
  const rows: string[][] = [[...m.trancheHeader]];
  for (const tranche of settlement.tranches) {
    rows.push([tranche.id, m.trancheStatus[tranche.status], date(tranche.measuredOn), date(tranche.dueOn), amount(tranche.earned), amount(tranche.previouslyPaid), amount(tranche.due)]);
  }
  rows.push([m.total, '', '', '', amount(settlement.totals.earned), amount(settlement.totals.previouslyPaid), amount(settlement.totals.due)]);
  const payers = table(
    [[...m.payerHeader], ...settlement.payers.map((payer) => [payer.payer, payer.share === null ? m.formerPayer : t.share(payer.share), amount(payer.earned), amount(payer.previouslyPaid), amount(payer.due)])],
    new Set([1, 2, 3, 4]),
  );
  const warning = exclusionWarning(settlement, lang);
  const lines = [
    ...warning,
    ...(warning.length === 0 ? [] : ['']),
    `${settlement.contract.name} (${settlement.contract.id})`,
    m.asOf(date(settlement.asOf), currency),
    '',
    ...table(rows, new Set([4, 5, 6])),
    '',
    ...payers,
  ];
  // nothing to say when both are zero, in any currency ("0.00", "0" in JPY, "0.000" in KWD)
  if (!parseAmount(settlement.totals.reinvested).isZero() || !parseAmount(settlement.totals.withheld).isZero()) {
    lines.push('', m.reinvested(amount(settlement.totals.reinvested), amount(settlement.totals.withheld)));
  }
  lines.push(...ruleLines(settlement, t));
  if (settlement.adjustments.length > 0) {
    lines.push('', m.adjustments);
    for (const adjustment of settlement.adjustments) {
      lines.push(`  ${m.colon(`${adjustment.tranche} / ${adjustment.payer}`, amount(adjustment.amount))} (${t.engine(adjustment.reason)})`);
      for (const cause of adjustment.causes ?? []) {
        const who = cause.participants.length === 0 ? '' : ` ${cause.participants.join(', ')}`;
        const claims = cause.claims === 0 ? '' : `, ${m.claims(cause.claims)}${who}`;
        lines.push(`    ${m.causeLine(`${m.cause[cause.cause]}${cause.rule === null ? '' : ` ${cause.rule}`}`, amount(cause.amount), amount(cause.trancheAmount))}${claims}`);
      }
    }
  }
  if (settlement.exits.length > 0) {
    lines.push('', m.exits);
    for (const exit of settlement.exits) lines.push(`  ${m.exitLine(exit.clause, date(exit.checkOn), m.exitOutcome[exit.outcome])} — ${t.engine(exit.explanation)}`);
  }
  const levels = settlement.minimumPerformance ?? [];
  if (levels.length > 0) {
    lines.push('', m.levels);
    for (const level of levels) {
      const held = level.consequence === 'withhold' ? m.levelHeld(amount(level.withheld), amount(level.released), amount(level.outstanding)) : '';
      const cut = level.consequence === 'priceReduction' ? m.levelCut(amount(level.reduced)) : '';
      lines.push(`  ${level.id} (${level.outcome} ≥ ${t.decimal(level.level)}, ${m.consequence[level.consequence]})${held}${cut}`);
      for (const review of level.reviews) lines.push(`    ${m.colon(date(review.reviewOn), m.reviewOutcome[review.outcome])} — ${t.engine(review.explanation)}`);
      for (const action of level.tranches) {
        lines.push(`    ${m.colon(`${action.tranche} (${date(action.measuredOn)})`, m.levelTranche(action.achieved, action.participants, t.decimal(action.rate), m.levelAction[action.action], amount(action.amount)))}`);
      }
    }
  }
  lines.push(...indicatorSummary(settlement, lang));
  if (settlement.unscheduled.length > 0) {
    lines.push('', m.unscheduled);
    for (const claims of settlement.unscheduled) {
      const where = claims.cohort === null ? '' : ` (${claims.cohort})`;
      lines.push(`  ${m.colon(`${claims.rule}${where}`, m.unscheduledLine(claims.claims, amount(claims.amount), date(claims.from), date(claims.to)))} — ${t.engine(claims.reason)}`);
    }
  }
  if (settlement.hiringGuarantees.length > 0) {
    lines.push('', m.guarantees);
    for (const g of settlement.hiringGuarantees) {
      const owed = g.shortfallAmount === null ? '' : m.owes(g.employer, amount(g.shortfallAmount));
      lines.push(`  ${g.guarantee} ${m.guaranteeLine(g.employer, g.positions, m.guaranteeStatus[g.status], g.hired, g.qualified, g.undecided, g.shortfallPositions)}${owed}`);
    }
  }
  const quality = settlement.dataQuality;
  const issues = quality.issuesDelivered === undefined ? m.problemsListed(quality.issues.length) : m.problemsSeparately(quality.issuesDelivered);
  lines.push('', m.records(quality.recordsRead, quality.recordsSettled, quality.recordsExcluded, issues));
  lines.push(m.fingerprint(settlement.fingerprint.inputs));
  return printableLines(lines);
}
