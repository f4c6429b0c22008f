/**
 * `settlementReport`: a settlement as one self-contained HTML page with charts: the totals, the
 * tranches and the payers, the exit clauses, and the programme's dashboard (each outcome's rate
 * per cohort and group, satisfaction and the other cohort indicators, the wages observed, the
 * equity of access).
 *
 * @module
 */
import type { Contract } from '../contract/index.js';
import { OutcomePayError } from '../errors.js';
import { invalidArgument, isObjectValue, readFields } from '../guard.js';
import { contractFingerprint, settlementArgument, type Settlement } from '../settlement/index.js';
import { bars, drawn, sharesWithMinimum } from './charts.js';
import { equityRows, indicatorRows, outcomeRows, wageRows } from './dashboard.js';
import { figure, paragraph, table, word } from './html.js';
import { contractArgument, messagesOf } from './inputs.js';
import type { ReportLanguage, ReportMessages } from './messages.js';
import { writePage, type Part } from './page.js';

const WHERE = 'settlementReport';

/** Options of {@link settlementReport}. */
export interface SettlementReportOptions {
  /** The language of the page's text (default `en`): a key of `REPORT_MESSAGES`. */
  readonly language?: ReportLanguage;
  /**
   * The cohort indicator values the settlement was made with (`{ "<indicator id>": { "<cohort
   * id>": "<value>" } }`, as `settle`'s `indicators` option): employer and learner satisfaction
   * and the other cohort indicators are shown from them.
   */
  readonly indicators?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

const nameOf = (items: readonly { readonly id: string; readonly name?: string | undefined }[], id: string): string => items.find((item) => item.id === id)?.name ?? id;

function totalsSection(settlement: Settlement, text: ReportMessages): Part[] {
  const money = (amount: string): string => text.amount(amount, settlement.contract.currency);
  const quality = settlement.dataQuality;
  return [
    ...(quality.recordsExcluded > 0 ? [paragraph(text.settlement.excluded(quality.recordsExcluded, quality.recordsRead), 'warning')] : []),
    paragraph(text.settlement.totalsLine(money(settlement.totals.earned), money(settlement.totals.due), money(settlement.totals.previouslyPaid))),
  ];
}

function tranchesSection(contract: Contract, settlement: Settlement, text: ReportMessages): Part[] {
  const words = text.settlement;
  const columns = words.trancheColumns;
  const money = (amount: string): string => text.amount(amount, settlement.contract.currency);
  const rows = settlement.tranches.map((tranche) => [
    word(text.labelled(tranche.id, text.engine(tranche.name))),
    word(words.trancheStatus[tranche.status]),
    word(text.date(tranche.measuredOn)),
    word(text.date(tranche.dueOn)),
    figure(money(tranche.earned)),
    figure(money(tranche.previouslyPaid)),
    figure(money(tranche.due)),
    figure(money(tranche.withheld)),
    figure(money(tranche.reinvested)),
    figure(money(tranche.toProvider)),
  ]);
  const headers = [columns.tranche, columns.status, columns.measuredOn, columns.dueOn, columns.earned, columns.previouslyPaid, columns.due, columns.withheld, columns.reinvested, columns.toProvider];
  const payers = contract.parties.payers;
  const points = settlement.tranches.flatMap((tranche) => tranche.payers.map((payer) => ({ category: tranche.id, series: nameOf(payers, payer.payer), value: drawn(payer.earned) })));
  return [
    table('tranches', headers, rows),
    ...(points.length === 0 ? [] : [{ name: 'tranches', spec: bars(points, { category: columns.tranche, value: text.amountAxis(settlement.contract.currency), series: words.payerColumns.payer }, 'stacked'), caption: words.tranchesChart }]),
  ];
}

function payersSection(contract: Contract, settlement: Settlement, text: ReportMessages): Part[] {
  const columns = text.settlement.payerColumns;
  const money = (amount: string): string => text.amount(amount, settlement.contract.currency);
  const payers = contract.parties.payers;
  const rows = settlement.payers.map((payer) => [
    word(nameOf(payers, payer.payer)),
    figure(payer.share === null || payer.share === undefined ? text.none : text.share(payer.share)),
    figure(money(payer.earned)),
    figure(money(payer.previouslyPaid)),
    figure(money(payer.due)),
  ]);
  const points = settlement.payers.flatMap((payer) => [
    { category: nameOf(payers, payer.payer), series: columns.previouslyPaid, value: drawn(payer.previouslyPaid) },
    { category: nameOf(payers, payer.payer), series: columns.due, value: drawn(payer.due) },
  ]);
  return [
    table('payers', [columns.payer, columns.share, columns.earned, columns.previouslyPaid, columns.due], rows),
    ...(points.length === 0 ? [] : [{ name: 'payers', spec: bars(points, { category: columns.payer, value: text.amountAxis(settlement.contract.currency), series: columns.earned }, 'stacked'), caption: text.settlement.payersChart }]),
  ];
}

function exitsSection(settlement: Settlement, text: ReportMessages): Part[] {
  const words = text.settlement;
  if (settlement.exits.length === 0) return [paragraph(words.noExits)];
  const columns = words.exitColumns;
  const rows = settlement.exits.map((exit) => [word(exit.clause), word(text.date(exit.checkOn)), word(words.exitOutcome[exit.outcome]), word(text.engine(exit.explanation))]);
  return [table('exits', [columns.clause, columns.checkOn, columns.outcome, columns.explanation], rows)];
}

function dashboardSection(contract: Contract, settlement: Settlement, text: ReportMessages): Part[] {
  const words = text.settlement;
  const columns = words.outcomeColumns;
  const rows = outcomeRows(contract, settlement);
  const cohortName = (cohort: string | null): string => (cohort === null ? words.allCohorts : nameOf(contract.cohorts, cohort));
  const groupName = (group: string | null): string => (group === null ? words.wholeCohort : nameOf(contract.groups ?? [], group));
  const outcomeName = (id: string): string => nameOf(contract.outcomes, id);
  const cells = rows.map((row) => [
    word(text.labelled(words.outcomeKinds[row.kind], outcomeName(row.outcome))),
    word(cohortName(row.cohort)),
    word(groupName(row.group)),
    figure(String(row.enrolled)),
    figure(String(row.achieved)),
    figure(String(row.failed)),
    figure(String(row.pending)),
    figure(row.rate === null ? text.none : text.percent(row.rate)),
  ]);
  const points = rows
    .filter((row) => row.group === null && row.rate !== null)
    .map((row) => ({ category: row.outcome, series: cohortName(row.cohort), value: drawn(row.rate ?? '0') }));
  return [
    paragraph(words.dashboardIntro),
    table('outcomes', [columns.outcome, columns.cohort, columns.group, columns.enrolled, columns.achieved, columns.failed, columns.pending, columns.rate], cells),
    ...(points.length === 0 ? [] : [{ name: 'rates', spec: bars(points, { category: columns.outcome, value: `${columns.rate} (%)`, series: columns.cohort }, 'percentages'), caption: words.ratesChart }]),
  ];
}

function indicatorsSection(contract: Contract, indicators: SettlementReportOptions['indicators'], text: ReportMessages): Part[] {
  const words = text.settlement;
  const rows = indicatorRows(contract, indicators);
  if (rows.length === 0) return [paragraph(words.noIndicators)];
  const columns = words.indicatorColumns;
  return [
    paragraph(words.indicatorsIntro),
    table(
      'indicators',
      [columns.indicator, columns.cohort, columns.value],
      rows.map((row) => [word(nameOf(contract.outcomes, row.indicator)), word(nameOf(contract.cohorts, row.cohort)), figure(row.value === null ? words.notGiven : text.decimal(row.value))]),
    ),
  ];
}

function wagesSection(contract: Contract, settlement: Settlement, records: unknown, text: ReportMessages): Part[] {
  const words = text.settlement;
  if (records === undefined) return [paragraph(words.wagesWithoutRecords)];
  const rows = wageRows(contract, records, settlement.asOf);
  if (rows.length === 0) return [paragraph(words.noWages)];
  const columns = words.wageColumns;
  const money = (amount: string): string => text.amount(amount, settlement.contract.currency);
  return [
    paragraph(words.wagesIntro),
    table(
      'wages',
      [columns.cohort, columns.group, columns.participants, columns.baseline, columns.latest, columns.change],
      rows.map((row) => [
        word(row.cohort === null ? words.allCohorts : nameOf(contract.cohorts, row.cohort)),
        word(row.group === null ? words.wholeCohort : nameOf(contract.groups ?? [], row.group)),
        figure(String(row.participants)),
        figure(money(row.baseline)),
        figure(money(row.latest)),
        figure(row.change === null ? text.none : text.percent(row.change)),
      ]),
    ),
  ];
}

function equitySection(contract: Contract, settlement: Settlement, text: ReportMessages): Part[] {
  const words = text.settlement;
  const rows = equityRows(contract, settlement);
  if (rows.length === 0) return [paragraph(words.noGroups)];
  const columns = words.equityColumns;
  const cohortName = (cohort: string | null): string => (cohort === null ? words.allCohorts : nameOf(contract.cohorts, cohort));
  const points = rows
    .filter((row) => row.share !== null)
    .map((row) => ({ category: row.group, series: cohortName(row.cohort), value: drawn(row.share ?? '0'), minimum: row.minimum === null ? null : drawn(row.minimum) }));
  return [
    paragraph(words.equityIntro),
    table(
      'equity',
      [columns.group, columns.cohort, columns.inGroup, columns.enrolled, columns.share, columns.minimum, columns.met],
      rows.map((row) => [
        word(nameOf(contract.groups ?? [], row.group)),
        word(cohortName(row.cohort)),
        figure(String(row.inGroup)),
        figure(String(row.enrolled)),
        figure(row.share === null ? text.none : text.percent(row.share)),
        figure(row.minimum === null ? words.noMinimum : text.percent(row.minimum)),
        word(words.equityMet(row.met)),
      ]),
    ),
    ...(points.length === 0 ? [] : [{ name: 'equity', spec: sharesWithMinimum(points, columns.group, `${columns.share} (%)`, columns.cohort), caption: words.equityChart }]),
  ];
}

function readIndicators(value: unknown): SettlementReportOptions['indicators'] {
  if (value === undefined) return undefined;
  if (!isObjectValue(value) || Array.isArray(value)) throw invalidArgument(WHERE, 'options.indicators', 'an object { "<indicator id>": { "<cohort id>": "<value>" } }', value);
  return value as SettlementReportOptions['indicators'];
}

/**
 * A settlement as one self-contained HTML page (inline style, charts as inline SVG, nothing
 * loaded from anywhere, so it opens offline): the totals, the tranches and the payers (tables
 * and charts), the exit clauses, and the programme's dashboard: each outcome's rate per cohort
 * and priority group (placement, retention, wage progression...), the cohort indicators
 * (employer and learner satisfaction, from `options.indicators`), the wages observed (from the
 * records, when given) and each group's share of the enrolments against its minimum. Amounts are
 * the settlement's exact text; the charts draw them.
 *
 * The charts are drawn with vega and vega-lite, optional peer dependencies: without them it
 * rejects with an `OutcomePayError` `REPORT_CHARTS_MISSING`. A contract that is not valid, a
 * settlement that is not a settlement document or was not made with this contract, or bad
 * options reject with `ARGUMENT_INVALID`.
 *
 * @param contract - the contract the settlement was made with (JSON, as `settle` takes it)
 * @param settlement - what `settle` returned (its `value` when ok), or a settlement document read back from JSON
 * @param records - the records it was made with (as `settle` takes them), for the wages observed; optional
 * @param options - the language, and the cohort indicator values the settlement was made with
 * @returns the HTML text of the page
 * @example
 * const result = settle(contract, records, { asOf: '2025-06-30' });
 * if (result.ok) writeFileSync('report.html', await settlementReport(contract, result.value, records));
 */
export async function settlementReport(contract: unknown, settlement: Settlement, records?: unknown, options?: SettlementReportOptions): Promise<string> {
  const fields = readFields(WHERE, 'options', options, ['language', 'indicators']);
  const text = messagesOf(WHERE, fields.language);
  const indicators = readIndicators(fields.indicators);
  const checked = settlementArgument(WHERE, settlement);
  const parsed = contractArgument(WHERE, contract);
  if (contractFingerprint(parsed) !== checked.fingerprint.contract) {
    throw new OutcomePayError('ARGUMENT_INVALID', `${WHERE}: the settlement was not made with this contract (its fingerprint.contract differs from the contract's)`, ['settlement', 'fingerprint', 'contract']);
  }
  const words = text.settlement;
  return writePage(
    text,
    words.title(checked.contract.name, text.date(checked.asOf)),
    words.identity(checked.contract.id, checked.contract.currency, checked.fingerprint.inputs),
    [
      ['totals', words.totals, totalsSection(checked, text)],
      ['tranches', words.tranches, tranchesSection(parsed, checked, text)],
      ['payers', words.payers, payersSection(parsed, checked, text)],
      ['exits', words.exits, exitsSection(checked, text)],
      ['dashboard', words.dashboard, dashboardSection(parsed, checked, text)],
      ['indicators', words.indicators, indicatorsSection(parsed, indicators, text)],
      ['wages', words.wages, wagesSection(parsed, checked, records, text)],
      ['equity', words.equity, equitySection(parsed, checked, text)],
    ],
    checked.library.version,
  );
}
