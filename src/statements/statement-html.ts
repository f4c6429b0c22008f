/**
 * The HTML page of one payment statement: one payer, one tranche.
 *
 * @module
 */
import { dateText, MESSAGES, moneyText, shareText, type Lang } from '../format/index.js';
import { formatMoney, parseAmount, sumAmounts } from '../money/index.js';
import type { PayerAmounts, Settlement, SettlementBudgetYearEntry, SettlementLine, SettlementTranche } from '../settlement/index.js';
import { escapeHtml } from '../text/index.js';
import { STATEMENT_CSS } from './html.js';
import { engineText } from '../wording/index.js';

/** What a statement page is made of: the settlement, the tranche and the payer's part of it. */
export interface StatementInput {
  readonly settlement: Settlement;
  readonly tranche: SettlementTranche;
  readonly payer: PayerAmounts;
  readonly lang: Lang;
}

/** Writes in one language: escaped text, amounts, dates. */
interface Writer {
  readonly lang: Lang;
  readonly m: (typeof MESSAGES)[Lang]['statement'];
  readonly money: (amount: string) => string;
  readonly date: (date: string) => string;
  /** A sentence the engine wrote (a formula, the reason of an adjustment), in the language. */
  readonly engine: (sentence: string) => string;
}

const text = (value: string): string => escapeHtml(value);

function amountCell(w: Writer, amount: string, figure?: string): string {
  const data = figure === undefined ? '' : ` data-figure="${figure}"`;
  return `<td class="amount"${data}>${text(w.money(amount))}</td>`;
}

function row(label: string, cell: string, className?: string): string {
  return `<tr${className === undefined ? '' : ` class="${className}"`}><th scope="row">${text(label)}</th>${cell}</tr>`;
}

function identity(w: Writer, input: StatementInput): string {
  const { settlement, tranche, payer } = input;
  const m = w.m;
  const statuses = MESSAGES[input.lang].summary.trancheStatus;
  const items: [string, string][] = [
    [m.contract, settlement.contract.name],
    [m.contractId, settlement.contract.id],
    [m.currency, settlement.contract.currency],
    [m.asOf, w.date(settlement.asOf)],
    [m.payer, payer.payer],
    [m.share, payer.share === null ? MESSAGES[input.lang].summary.formerPayer : shareText(payer.share, input.lang)],
    [m.tranche, `${tranche.id} — ${w.engine(tranche.name)}`],
    [m.status, statuses[tranche.status]],
    [m.measuredOn, w.date(tranche.measuredOn)],
    [m.dueOn, w.date(tranche.dueOn)],
  ];
  return `<dl class="identity">${items.map(([label, value]) => `<dt>${text(label)}</dt><dd>${text(value)}</dd>`).join('')}</dl>`;
}

function payerAmounts(w: Writer, payer: PayerAmounts): string {
  const m = w.m;
  return `<section><h2>${text(m.amountsTitle)}</h2><table class="payer-amounts"><tbody>${[
    row(m.earned, amountCell(w, payer.earned, 'earned')),
    row(m.previouslyPaid, amountCell(w, payer.previouslyPaid, 'previouslyPaid')),
    row(m.due, amountCell(w, payer.due, 'due'), 'due'),
  ].join('')}</tbody></table></section>`;
}

function trancheAmounts(w: Writer, tranche: SettlementTranche): string {
  const m = w.m;
  return `<section><h2>${text(m.trancheTitle)}</h2><table class="tranche-amounts"><tbody>${[
    row(m.trancheEarned, amountCell(w, tranche.earned, 'trancheEarned')),
    row(m.reinvested, amountCell(w, tranche.reinvested, 'reinvested')),
    row(m.toProvider, amountCell(w, tranche.toProvider, 'toProvider')),
    row(m.withheld, amountCell(w, tranche.withheld, 'withheld')),
  ].join('')}</tbody></table></section>`;
}

function lineRow(w: Writer, line: SettlementLine, payer: string): string {
  const notes: string[] = [];
  const funding = line.payers?.find((part) => part.payer === payer);
  if (funding !== undefined) notes.push(w.m.fraction(shareText(funding.fraction, w.lang)));
  if (line.participants !== undefined && line.participants.length > 0) notes.push(w.m.participants(line.participants.join(', ')));
  const how = `<span class="formula">${text(w.engine(line.formula))}</span>${notes.map((note) => `<p class="note">${text(note)}</p>`).join('')}`;
  const dash = '—';
  return `<tr class="line"><td>${text(line.rule)}<p class="note">${text(line.kind)}</p></td><td>${text(line.outcome ?? dash)}</td><td>${text(line.cohort ?? dash)}</td><td class="amount">${
    line.claims === null ? dash : String(line.claims)
  }</td><td>${how}</td>${amountCell(w, line.earned, 'lineEarned')}${amountCell(w, line.paid, 'linePaid')}</tr>`;
}

function lines(w: Writer, input: StatementInput): string {
  const { tranche, settlement } = input;
  const m = w.m;
  const header = m.linesHeader.map((label, column) => `<th scope="col"${column >= 5 ? ' class="amount"' : ''}>${text(label)}</th>`).join('');
  const currency = settlement.contract.currency;
  const total = (pick: (line: SettlementLine) => string): string => formatMoney(sumAmounts(tranche.lines.map((line) => parseAmount(pick(line)))), currency);
  const foot = `<tr><th scope="row" colspan="5">${text(m.linesTotal)}</th>${amountCell(w, total((line) => line.earned), 'linesEarned')}${amountCell(w, total((line) => line.paid), 'linesPaid')}</tr>`;
  return `<section><h2>${text(m.linesTitle)}</h2><table class="lines"><thead><tr>${header}</tr></thead><tbody>${tranche.lines
    .map((line) => lineRow(w, line, input.payer.payer))
    .join('')}</tbody><tfoot>${foot}</tfoot></table></section>`;
}

function capCuts(w: Writer, tranche: SettlementTranche): string {
  if (tranche.capCuts.length === 0) return '';
  const m = w.m;
  const header = m.capCutsHeader.map((label, column) => `<th scope="col"${column >= 2 ? ' class="amount"' : ''}>${text(label)}</th>`).join('');
  const rows = tranche.capCuts.map(
    (cut) =>
      `<tr class="cap-cut" data-kind="${text(cut.kind)}"><td>${text(cut.cap)}</td><td>${text(m.capKind(cut.kind))}</td>${amountCell(w, cut.limit)}${amountCell(w, cut.usedBefore)}${amountCell(w, cut.requested)}${amountCell(w, cut.cut, 'capCut')}</tr>`,
  );
  return `<section><h2>${text(m.capCutsTitle)}</h2><table class="cap-cuts"><thead><tr>${header}</tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/** What became of the part above a yearly commitment. */
function overflowText(w: Writer, entry: SettlementBudgetYearEntry): string {
  switch (entry.overflow) {
    case 'deferred':
      return entry.to === null ? w.m.overDeferredLapses : w.m.overDeferredTo(entry.to);
    case 'takenBy':
      return entry.to === null ? w.m.overNotPaid : w.m.overTakenBy(entry.to);
    default:
      return w.m.overNotPaid;
  }
}

/** Whether the part above the commitment leaves the tranche for a later one (deferred, paid later or lapsed). */
const deferred = (entry: SettlementBudgetYearEntry): boolean => entry.overflow === 'deferred' && parseAmount(entry.over).isPositive() && !parseAmount(entry.over).isZero();

function budgetYearRow(w: Writer, entry: SettlementBudgetYearEntry): string {
  const span = (year: SettlementBudgetYearEntry['year']): string => w.m.yearSpan(w.date(year.from), w.date(year.to));
  const note = (label: string, amount: string, figure?: string): string =>
    `<p class="note">${text(label)} <span${figure === undefined ? '' : ` data-figure="${figure}"`}>${text(w.money(amount))}</span></p>`;
  const asked = [
    note(w.m.partOfSplit, entry.part),
    ...entry.takenFrom.map((taken) => note(w.m.takenFromPayer(taken.payer), taken.amount)),
    ...entry.carriedFrom.map((carry) => note(w.m.carriedInFrom(carry.tranche, span(carry.year)), carry.amount, 'carriedIn')),
  ].join('');
  const over = parseAmount(entry.over).isZero() ? '—' : overflowText(w, entry);
  return `<tr class="budget-year" data-overflow="${text(entry.overflow)}"><td>${text(entry.cap)}</td><td>${text(entry.payer)}</td><td>${text(span(entry.year))}</td>${amountCell(w, entry.limit)}${amountCell(w, entry.usedBefore)}<td class="amount">${text(
    w.money(entry.requested),
  )}${asked}</td>${amountCell(w, entry.paid)}${amountCell(w, entry.over, deferred(entry) ? 'deferred' : undefined)}<td>${text(over)}</td></tr>`;
}

/**
 * The yearly commitments of the payers in the tranche (budget years), and how the lines become
 * the tranche's earnings: lines − payer caps' cuts − deferred + carried in = earned (a part taken
 * by another payer leaves one payer and reaches the other in the same tranche).
 */
function budgetYears(w: Writer, input: StatementInput): string {
  const { tranche, settlement } = input;
  const entries = tranche.budgetYears ?? [];
  if (entries.length === 0) return '';
  const m = w.m;
  const currency = settlement.contract.currency;
  const sum = (amounts: readonly string[]): string => formatMoney(sumAmounts(amounts.map((amount) => parseAmount(amount))), currency);
  const header = m.budgetYearsHeader.map((label, column) => `<th scope="col"${column >= 3 && column <= 7 ? ' class="amount"' : ''}>${text(label)}</th>`).join('');
  const table = `<table class="budget-years"><thead><tr>${header}</tr></thead><tbody>${entries.map((entry) => budgetYearRow(w, entry)).join('')}</tbody></table>`;
  const reconciliation = `<table class="reconciliation"><tbody>${[
    row(m.reconciliationLines, amountCell(w, sum(tranche.lines.map((line) => line.paid)), 'reconLines')),
    row(m.reconciliationCuts, amountCell(w, sum(tranche.capCuts.filter((cut) => cut.kind === 'payer').map((cut) => cut.cut)), 'reconCuts')),
    row(m.reconciliationDeferred, amountCell(w, sum(entries.filter(deferred).map((entry) => entry.over)), 'reconDeferred')),
    row(m.reconciliationCarried, amountCell(w, sum(entries.flatMap((entry) => entry.carriedFrom.map((carry) => carry.amount))), 'reconCarried')),
    row(m.reconciliationEarned, amountCell(w, tranche.earned, 'reconEarned'), 'due'),
  ].join('')}</tbody></table>`;
  return `<section><h2>${text(m.budgetYearsTitle)}</h2>${table}<h2>${text(m.reconciliationTitle)}</h2>${reconciliation}</section>`;
}

function adjustments(w: Writer, input: StatementInput): string {
  const own = input.settlement.adjustments.filter((adjustment) => adjustment.tranche === input.tranche.id && adjustment.payer === input.payer.payer);
  if (own.length === 0) return '';
  const m = w.m;
  const header = m.adjustmentsHeader.map((label, column) => `<th scope="col"${column < 3 ? ' class="amount"' : ''}>${text(label)}</th>`).join('');
  const rows = own.map(
    (adjustment) => `<tr>${amountCell(w, adjustment.previouslyPaid)}${amountCell(w, adjustment.earned)}${amountCell(w, adjustment.amount, 'adjustment')}<td>${text(w.engine(adjustment.reason))}</td></tr>`,
  );
  return `<section><h2>${text(m.adjustmentsTitle)}</h2><table class="adjustments"><thead><tr>${header}</tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function fingerprints(w: Writer, settlement: Settlement): string {
  const m = w.m;
  const items: [string, string][] = [
    [m.contractFingerprint, settlement.fingerprint.contract],
    [m.inputsFingerprint, settlement.fingerprint.inputs],
    [m.recordsFingerprint, settlement.fingerprint.records],
  ];
  return `<section><h2>${text(m.fingerprintsTitle)}</h2><dl class="identity">${items
    .map(([label, value]) => `<dt>${text(label)}</dt><dd class="fingerprint">${text(value)}</dd>`)
    .join('')}</dl></section>`;
}

/**
 * The page: a complete HTML document with its style inline, loading nothing (no script, image,
 * font or style sheet from elsewhere), every name and id escaped.
 *
 * @example
 * statementHtml({ settlement, tranche, payer, lang: 'fr' }); // '<!DOCTYPE html>\n<html lang="fr">...'
 */
export function statementHtml(input: StatementInput): string {
  const { settlement, tranche, payer, lang } = input;
  const currency = settlement.contract.currency;
  const m = MESSAGES[lang].statement;
  const w: Writer = { lang, m, money: (amount) => moneyText(amount, currency, lang), date: (date) => dateText(date, lang), engine: (sentence) => engineText(sentence, lang) };
  const quality = settlement.dataQuality;
  const warning = quality.recordsExcluded === 0 ? '' : `<p class="warning">${text(m.excludedWarning(quality.recordsExcluded, quality.recordsRead))}</p>`;
  const title = `${m.title} — ${m.heading(tranche.id, payer.payer)} — ${settlement.contract.name}`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${text(title)}</title>`,
    `<style>${STATEMENT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<header><h1>${text(m.title)}</h1><p class="subtitle">${text(m.heading(tranche.id, payer.payer))}</p></header>`,
    warning,
    identity(w, input),
    payerAmounts(w, payer),
    trancheAmounts(w, tranche),
    lines(w, input),
    capCuts(w, tranche),
    budgetYears(w, input),
    adjustments(w, input),
    fingerprints(w, settlement),
    `<footer>${text(m.footer(settlement.library.name, settlement.library.version))}</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((part) => part !== '')
    .join('\n')
    .concat('\n');
}
