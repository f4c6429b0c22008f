/**
 * A readable summary of a settlement, for people at a terminal.
 *
 * @module
 */
import type { Settlement } from '../settlement/index.js';
import { exclusionWarning } from './excluded-warning.js';
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

function percent(share: string): string {
  const [whole = '0', fraction = ''] = share.split('.');
  const digits = `${whole}${fraction.padEnd(2, '0')}`;
  const integer = digits.slice(0, whole.length + 2).replace(/^0+(?=\d)/, '');
  const rest = fraction.slice(2);
  return `${integer}${rest === '' ? '' : `.${rest}`}%`;
}

/**
 * Formats the summary: a warning first when records were excluded (how many, the first problems,
 * the decisions they could change), then the contract, the tranches with their status and amounts, the payers,
 * adjustments, the exit clauses, the minimum performance levels, claims no tranche pays, hiring guarantees, the data quality and
 * the fingerprint. Every line is made {@link printable}: names and ids from the contract or the
 * records cannot act on the terminal.
 *
 * @example
 * console.log(settlementSummary(settlement));
 */
export function settlementSummary(settlement: Settlement): string {
  const currency = settlement.contract.currency;
  const rows: string[][] = [['Tranche', 'Status', 'Measured', 'Due on', 'Earned', 'Paid before', 'Due now']];
  for (const tranche of settlement.tranches) {
    rows.push([tranche.id, tranche.status, tranche.measuredOn, tranche.dueOn, tranche.earned, tranche.previouslyPaid, tranche.due]);
  }
  rows.push(['Total', '', '', '', settlement.totals.earned, settlement.totals.previouslyPaid, settlement.totals.due]);
  const payers = table(
    [['Payer', 'Share', 'Earned', 'Paid before', 'Due now'], ...settlement.payers.map((payer) => [payer.payer, payer.share === null ? 'former' : percent(payer.share), payer.earned, payer.previouslyPaid, payer.due])],
    new Set([1, 2, 3, 4]),
  );
  const warning = exclusionWarning(settlement);
  const lines = [
    ...warning,
    ...(warning.length === 0 ? [] : ['']),
    `${settlement.contract.name} (${settlement.contract.id})`,
    `Settlement as of ${settlement.asOf}, amounts in ${currency}`,
    '',
    ...table(rows, new Set([4, 5, 6])),
    '',
    ...payers,
  ];
  if (settlement.totals.reinvested !== settlement.totals.withheld || settlement.totals.reinvested !== (0).toFixed(2)) {
    lines.push('', `Reinvested: ${settlement.totals.reinvested}; withheld (suspensions, minimum performance): ${settlement.totals.withheld}`);
  }
  if (settlement.adjustments.length > 0) {
    lines.push('', 'Adjustments to amounts already paid:');
    for (const adjustment of settlement.adjustments) {
      lines.push(`  ${adjustment.tranche} / ${adjustment.payer}: ${adjustment.amount} (${adjustment.reason})`);
    }
  }
  if (settlement.exits.length > 0) {
    lines.push('', 'Exit clauses:');
    for (const exit of settlement.exits) lines.push(`  ${exit.clause} on ${exit.checkOn}: ${exit.outcome} — ${exit.explanation}`);
  }
  const levels = settlement.minimumPerformance ?? [];
  if (levels.length > 0) {
    lines.push('', 'Minimum performance levels:');
    for (const level of levels) {
      const held = level.consequence === 'withhold' ? `; withheld ${level.withheld}, released ${level.released}, still withheld ${level.outstanding}` : '';
      const cut = level.consequence === 'priceReduction' ? `; cut ${level.reduced}` : '';
      lines.push(`  ${level.id} (${level.outcome} ≥ ${level.level}, ${level.consequence})${held}${cut}`);
      for (const review of level.reviews) lines.push(`    ${review.reviewOn}: ${review.outcome} — ${review.explanation}`);
      for (const action of level.tranches) lines.push(`    ${action.tranche} (${action.measuredOn}): ${action.achieved} of ${action.participants} (${action.rate}), ${action.action} ${action.amount}`);
    }
  }
  if (settlement.unscheduled.length > 0) {
    lines.push('', 'Earned but paid by no tranche:');
    for (const claims of settlement.unscheduled) {
      const where = claims.cohort === null ? '' : ` (${claims.cohort})`;
      lines.push(`  ${claims.rule}${where}: ${claims.claims} claims, ${claims.amount} from ${claims.from} to ${claims.to} — ${claims.reason}`);
    }
  }
  if (settlement.hiringGuarantees.length > 0) {
    lines.push('', 'Hiring guarantees:');
    for (const g of settlement.hiringGuarantees) {
      const owed = g.shortfallAmount === null ? '' : `, ${g.employer} owes ${g.shortfallAmount}`;
      lines.push(
        `  ${g.guarantee} (${g.employer}, ${g.positions} positions): ${g.status} — ${g.hired} hired of ${g.qualified} qualified, ${g.undecided} undecided, ${g.shortfallPositions} positions short${owed}`,
      );
    }
  }
  const quality = settlement.dataQuality;
  lines.push('', `Records: ${quality.recordsRead} read, ${quality.recordsSettled} settled, ${quality.recordsExcluded} excluded (${quality.issuesDelivered === undefined ? `${problems(quality.issues.length)} listed in dataQuality` : `${problems(quality.issuesDelivered)} reported separately`})`);
  lines.push(`Fingerprint: ${settlement.fingerprint.inputs}`);
  return printableLines(lines);
}

/** "1 problem", "3 problems". */
function problems(count: number): string {
  return count === 1 ? '1 problem' : `${count} problems`;
}
