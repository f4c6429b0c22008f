/**
 * `simulationReport`: a simulation as one self-contained HTML page with charts: what the contract
 * may cost in total and per payer, the distribution of the total cost, the cash-flow schedule with
 * its percentile band, how often each exit clause fires and each cap binds, the tornado of the
 * sensitivities (when given) and the investors' multiples and IRRs (when the contract has some).
 *
 * @module
 */
import type { Contract } from '../contract/index.js';
import { invalidArgument, isObjectValue, readFields } from '../guard.js';
import { summarize, type AmountStatistics, type SimulationSamples, type SimulationSummary, type Tornado } from '../simulation/index.js';
import { VERSION } from '../version.js';
import { band, drawn, histogram, probabilityBars, ranges, tornadoBars } from './charts.js';
import { figure, paragraph, table, word, type Cell } from './html.js';
import { contractArgument, messagesOf } from './inputs.js';
import type { ReportLanguage, ReportMessages } from './messages.js';
import { writePage, type Part } from './page.js';

const WHERE = 'simulationReport';

/** Options of {@link simulationReport}. */
export interface SimulationReportOptions {
  /** The language of the page's text (default `en`): a key of `REPORT_MESSAGES`. */
  readonly language?: ReportLanguage;
  /** A tornado table of the same contract (`tornado` of `outcome-pay/simulation`), shown as a chart and a table. */
  readonly tornado?: Tornado;
}

const nameOf = (items: readonly { readonly id: string; readonly name?: string | undefined }[], id: string): string => items.find((item) => item.id === id)?.name ?? id;

/** The exit clause a simulated payment comes from (`exit:<clause>`), or null for a tranche of the contract. */
const exitClauseOf = (tranche: string): string | null => (tranche.startsWith('exit:') ? tranche.slice('exit:'.length) : null);

/** A tranche's id, or the exit clause's label (`exit clause mid-term`) for what an exit clause pays. */
function paymentLabel(tranche: string, text: ReportMessages): string {
  const clause = exitClauseOf(tranche);
  return clause === null ? tranche : text.simulation.exitPayment(clause);
}

/** A tranche's row label (`t1: Placement`), or the exit clause's (`exit clause mid-term`) for what an exit clause pays. */
function trancheLabel(contract: Contract, tranche: string, text: ReportMessages): string {
  const clause = exitClauseOf(tranche);
  return clause === null ? text.labelled(tranche, nameOf(contract.tranches, tranche)) : text.simulation.exitPayment(clause);
}

function statisticsCells(label: string, statistics: AmountStatistics, money: (text: string) => string): Cell[] {
  return [word(label), ...[statistics.mean, statistics.sd, statistics.p5, statistics.p25, statistics.p50, statistics.p75, statistics.p95].map((value) => figure(money(value)))];
}

function totalsSection(contract: Contract, summary: SimulationSummary, text: ReportMessages): Part[] {
  const words = text.simulation;
  const columns = words.statisticColumns;
  const money = (amount: string): string => text.amount(amount, summary.currency);
  const rows = [
    statisticsCells(words.totalCost, summary.total, money),
    ...summary.payers.map((payer) => statisticsCells(words.payer(nameOf(contract.parties.payers, payer.payer)), payer, money)),
    ...summary.tranches.map((tranche) => statisticsCells(trancheLabel(contract, tranche.tranche, text), tranche.earned, money)),
  ];
  return [table('statistics', [columns.what, columns.mean, columns.sd, columns.p5, columns.p25, columns.p50, columns.p75, columns.p95], rows)];
}

function distributionSection(samples: SimulationSamples, summary: SimulationSummary, text: ReportMessages): Part[] {
  const words = text.simulation;
  return [
    paragraph(words.distributionIntro),
    { name: 'distribution', spec: histogram(samples.total.map((amount) => drawn(amount.toFixed())), text.amountAxis(summary.currency), words.runs), caption: words.distributionChart },
  ];
}

function cashFlowSection(summary: SimulationSummary, text: ReportMessages): Part[] {
  const words = text.simulation;
  const columns = words.cashFlowColumns;
  const money = (amount: string): string => text.amount(amount, summary.currency);
  const months = summary.cashFlow.months;
  return [
    paragraph(words.cashFlowIntro),
    table(
      'cash-flow',
      [columns.period, columns.tranches, columns.mean, columns.p5, columns.p95],
      months.map((month) => [word(month.period), word(month.tranches.map((tranche) => paymentLabel(tranche, text)).join(', ')), figure(money(month.total.mean)), figure(money(month.total.p5)), figure(money(month.total.p95))]),
    ),
    ...(months.length === 0
      ? []
      : [
          {
            name: 'cash-flow',
            spec: band(
              months.map((month) => ({ period: month.period, mean: drawn(month.total.mean), low: drawn(month.total.p5), high: drawn(month.total.p95) })),
              columns.period,
              text.amountAxis(summary.currency),
            ),
            caption: words.cashFlowChart,
          },
        ]),
  ];
}

function probabilitiesSection(summary: SimulationSummary, text: ReportMessages): Part[] {
  const words = text.simulation;
  const events = [
    ...summary.exitClauses.map((clause) => ({ label: words.exitFires(clause.clause), runs: clause.fired, probability: clause.probability })),
    ...summary.minimumPerformance.map((level) => ({ label: words.levelMissed(level.level), runs: level.missed, probability: level.probability })),
    ...summary.caps.map((cap) => ({ label: words.capBinds(cap.cap, cap.kind), runs: cap.bound, probability: cap.probability })),
  ];
  if (events.length === 0) return [paragraph(words.noProbabilities)];
  const columns = words.probabilityColumns;
  // Bars all at 0 would draw an empty chart: a sentence says that nothing happened instead.
  const happened = events.some((event) => event.runs > 0);
  return [
    paragraph(words.probabilitiesIntro(summary.runs)),
    table(
      'probabilities',
      [columns.what, columns.runs, columns.probability],
      events.map((event) => [word(event.label), figure(`${String(event.runs)} / ${String(summary.runs)}`), figure(text.probability(event.probability))]),
    ),
    happened
      ? { name: 'probabilities', spec: probabilityBars(events.map((event) => ({ label: event.label, value: drawn(event.probability) })), columns.probability), caption: words.probabilitiesChart }
      : paragraph(words.noEventHappened(summary.runs)),
  ];
}

function tornadoSection(tornado: Tornado, text: ReportMessages): Part[] {
  const words = text.simulation;
  const columns = words.tornadoColumns;
  const money = (amount: string): string => text.amount(amount, tornado.currency);
  return [
    paragraph(words.tornadoIntro(tornado.step, tornado.runs)),
    table(
      'tornado',
      [columns.assumption, columns.moved, columns.low, columns.base, columns.high, columns.swing],
      tornado.rows.map((row) => [word(row.assumption), word(row.moved), figure(money(row.low)), figure(money(row.base)), figure(money(row.high)), figure(money(row.swing))]),
    ),
    ...(tornado.rows.length === 0
      ? []
      : [
          {
            name: 'tornado',
            spec: tornadoBars(
              tornado.rows.flatMap((row) => [
                { assumption: row.assumption, direction: words.movedDown, change: drawn(row.down) },
                { assumption: row.assumption, direction: words.movedUp, change: drawn(row.up) },
              ]),
              text.amountAxis(tornado.currency),
              columns.moved,
            ),
            caption: words.tornadoChart,
          },
        ]),
  ];
}

function investorsSection(contract: Contract, summary: SimulationSummary, text: ReportMessages): Part[] {
  const view = summary.investors;
  if (view === null) return [];
  const words = text.simulation;
  const columns = words.investorColumns;
  const statistics = words.statisticColumns;
  const investors = contract.parties.investors ?? [];
  const rate = (value: string | null): string => (value === null ? text.none : text.rate(value));
  const rows = view.investors.flatMap((investor) => {
    const name = word(nameOf(investors, investor.investor));
    const capital = figure(text.amount(investor.principal, summary.currency));
    const { multiple, irr } = investor;
    return [
      [name, capital, word(words.multiple), ...[multiple.mean, multiple.p5, multiple.p50, multiple.p95].map((value) => figure(text.multiple(value)))],
      [name, capital, word(irr.runsWithout === 0 ? words.irr : `${words.irr} (${words.noIrr(irr.runsWithout)})`), ...[irr.mean, irr.p5, irr.p50, irr.p95].map((value) => figure(rate(value)))],
      [name, capital, word(words.capitalLost), figure(text.probability(investor.capitalLost.probability)), figure(text.none), figure(text.none), figure(text.none)],
    ];
  });
  return [
    paragraph(words.investorsIntro(view.waterfall.map((id) => nameOf(investors, id)).join(', '))),
    table('investors', [columns.investor, columns.principal, columns.what, statistics.mean, statistics.p5, statistics.p50, statistics.p95], rows),
    {
      name: 'investors',
      spec: ranges(
        view.investors.map((investor) => ({ label: nameOf(investors, investor.investor), low: drawn(investor.multiple.p5), median: drawn(investor.multiple.p50), high: drawn(investor.multiple.p95) })),
        words.multiple,
      ),
      caption: words.investorsChart,
    },
  ];
}

function readTornado(value: unknown): Tornado | undefined {
  if (value === undefined) return undefined;
  if (!isObjectValue(value) || !Array.isArray(value['rows']) || typeof value['currency'] !== 'string') throw invalidArgument(WHERE, 'options.tornado', 'a tornado table (the value of tornado when ok)', value);
  return value as unknown as Tornado;
}

/**
 * A simulation as one self-contained HTML page (inline style, charts as inline SVG, nothing
 * loaded from anywhere, so it opens offline): what the contract may cost in total, per payer and
 * per tranche (mean, standard deviation, percentiles), the distribution of the total cost over
 * the runs, the cash-flow schedule by month with its 5 % to 95 % band, how often each exit clause
 * fires, each minimum performance level is missed and each cap binds, the tornado table when
 * `options.tornado` is given, and each investor's multiple and IRR when the contract has
 * investors. Amounts are the simulation's exact text; the charts draw them.
 *
 * The charts are drawn with vega and vega-lite, optional peer dependencies: without them it
 * rejects with an `OutcomePayError` `REPORT_CHARTS_MISSING`. A contract that is not valid, samples
 * that are not a simulation's, or bad options reject with `ARGUMENT_INVALID`.
 *
 * @param contract - the contract simulated (JSON, as `simulate` takes it)
 * @param simulation - what `simulate` (or `expectedSchedule`) returned, its `value` when ok
 * @param options - the language, and a tornado table to show
 * @returns the HTML text of the page
 * @example
 * const result = simulate(contract, assumptions, { runs: 1000, seed: 1 });
 * if (result.ok) writeFileSync('simulation.html', await simulationReport(contract, result.value));
 */
export async function simulationReport(contract: unknown, simulation: SimulationSamples, options?: SimulationReportOptions): Promise<string> {
  const fields = readFields(WHERE, 'options', options, ['language', 'tornado']);
  const text = messagesOf(WHERE, fields.language);
  const tornado = readTornado(fields.tornado);
  const parsed = contractArgument(WHERE, contract);
  const summary = summarize(simulation);
  const words = text.simulation;
  return writePage(
    text,
    words.title(parsed.name),
    words.identity(parsed.id, summary.runs, summary.seed, summary.currency),
    [
      ['totals', words.totals, totalsSection(parsed, summary, text)],
      ['distribution', words.distribution, distributionSection(simulation, summary, text)],
      ['cash-flow', words.cashFlow, cashFlowSection(summary, text)],
      ['probabilities', words.probabilities, probabilitiesSection(summary, text)],
      ...(tornado === undefined ? [] : [['tornado', words.tornado, tornadoSection(tornado, text)] as const]),
      ...(summary.investors === null ? [] : [['investors', words.investors, investorsSection(parsed, summary, text)] as const]),
    ],
    VERSION,
  );
}
