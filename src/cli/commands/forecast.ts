/**
 * `outcome-pay forecast`: what is still to be paid under a contract, from the records known at an
 * as-of date and assumptions for what is pending (docs/simulation.md, "Forecast from actual
 * records"), as JSON or as a readable summary.
 *
 * @module
 */
import { forecast, summarizeForecast, type AmountStatistics, type CashFlowPeriod, type ForecastSummary } from '../../simulation/index.js';
import { readJsonFile, readRecordsFile } from '../input.js';
import { EXIT } from '../io.js';
import { problemsFound } from '../print-issues.js';
import { flagOption, once, requiredText, textOption, wholeOption } from '../options.js';
import { printableLines } from '../printable.js';
import { progressBar } from '../progress-bar.js';
import { defineRecordsCsvOptions, readRecordsCsvOptions } from '../records-csv-options.js';
import type { Command } from './command.js';
import { forecastOnWorkers } from '../workers.js';
import { DEFAULT_RUNS, DEFAULT_SEED, MAX_WORKERS } from './simulate.js';

const NAME = 'forecast';

const EXAMPLE = ['--contract', 'examples/region-sud/contract.json', '--records', 'examples/region-sud/records.csv', '--as-of', '2024-06-30', '--assumptions', 'examples/region-sud/assumptions.json'];

const band = (statistics: AmountStatistics): string => `${statistics.mean} (${statistics.p5} to ${statistics.p95})`;

function statisticsLine(label: string, statistics: AmountStatistics): string {
  const { mean, sd, p5, p50, p95 } = statistics;
  return `${label}: mean ${mean}, sd ${sd}, 5 % ${p5}, median ${p50}, 95 % ${p95}`;
}

/** A period of the cash flow still to pay: the expected amount and its 5 % to 95 % band, in total and per payer. */
function periodLine(period: CashFlowPeriod): string {
  return `  ${period.period}: ${band(period.total)}${period.payers.map((payer) => `; ${payer.payer} ${band(payer)}`).join('')} [${period.tranches.join(', ')}]`;
}

/**
 * The readable summary of a forecast: the records read, what a settlement at the as-of date
 * settles, what is still to pay in total, per payer and per tranche, and the cash flow still to
 * pay by month and by quarter.
 *
 * @example
 * forecastSummary(summarizeForecast(samples)).split('\n')[0]; // 'Forecast as of 2024-06-30: 1000 runs, seed 1, amounts in EUR'
 */
export function forecastSummary(summary: ForecastSummary): string {
  const { records } = summary;
  const excluded = records.recordsExcluded === 0 ? '' : `, ${records.recordsExcluded} excluded as invalid (records.issues)`;
  return printableLines([
    `Forecast as of ${summary.asOf}: ${summary.runs} runs, seed ${summary.seed}, amounts in ${summary.currency}`,
    `Records: ${records.recordsRead} read${excluded}, ${records.recordsKnown} known at ${summary.asOf}, ${records.recordsAfterAsOf} enrolled after it (left out); participants still to enrol, drawn: ${summary.participants.enrolling}`,
    `Settled at ${summary.asOf}: ${summary.dueAtAsOf.total}${summary.dueAtAsOf.payers.map((payer) => `; ${payer.payer} ${payer.amount}`).join('')}`,
    statisticsLine(`Still to pay after ${summary.asOf} (settled on ${summary.settledOn})`, summary.stillToPay.total),
    ...summary.stillToPay.payers.map((payer) => statisticsLine(`  payer ${payer.payer}`, payer)),
    ...summary.stillToPay.tranches.map((tranche) => `${statisticsLine(`Tranche ${tranche.tranche} (due ${tranche.dueOn})`, tranche.amount)}; settled at ${summary.asOf}: ${summary.dueAtAsOf.tranches.find((due) => due.tranche === tranche.tranche)?.amount ?? '0'}`),
    statisticsLine('Contract total (settled + still to pay)', summary.contractTotal),
    'Still to pay by month, when tranches fall due: expected (5 % to 95 %), in total then per payer [tranches]',
    ...summary.cashFlow.months.map(periodLine),
    'By quarter:',
    ...summary.cashFlow.quarters.map(periodLine),
    `Percentiles: ${summary.percentiles}`,
  ]);
}

/** The `forecast` command. */
export const forecastCommand: Command = {
  name: NAME,
  summary: 'Forecast what is still to be paid from the records known at a date, through the real settlement rules.',
  description:
    'Keeps every fact of the records dated on or before --as-of, draws what is still pending from the assumptions conditionally on it (docs/simulation.md, "Forecast from actual records"), draws the participants still to enrol, settles each run with the real rules at the end of the contract and subtracts what a settlement at --as-of already settles. Prints what is settled at that date, and per payer, per tranche and in total the mean, standard deviation and percentiles of what is still to pay (exact decimals), with the cash flow still to pay by month and by quarter. Invalid records are excluded and reported, as settle does (exit status 3). The same inputs, runs and seed print the same bytes.',
  define(command) {
    const one = (flag: string): ((value: string, previous: unknown) => string) => once(NAME, flag);
    defineRecordsCsvOptions(
      command
        .usage('--contract <file> --records <file> --as-of <YYYY-MM-DD> --assumptions <file> [options]')
        .requiredOption('--contract <file>', 'the contract (JSON, docs/contract.md)', one('--contract'))
        .requiredOption('--records <file>', 'the outcome records, .json, .ndjson/.jsonl or .csv (docs/records.md)', one('--records'))
        .requiredOption('--as-of <YYYY-MM-DD>', 'the date the records are known at: facts dated on or before it are kept, the rest is drawn', one('--as-of'))
        .requiredOption('--assumptions <file>', 'the assumptions for what is pending (JSON, docs/simulation.md)', one('--assumptions'))
        .option('--runs <n>', `how many runs (default ${DEFAULT_RUNS})`, one('--runs'))
        .option('--seed <s>', `seed of the random numbers, a whole number from 0 to 4294967295 (default ${DEFAULT_SEED})`, one('--seed'))
        .option('--workers <n>', 'spread the runs over this many worker threads (default 1: none); the output is the same bytes', one('--workers'))
        .option('--summary', 'print a readable summary instead of the JSON results'),
      NAME,
    );
  },
  examples: [
    { what: 'What the Région Sud example still has to pay after 30 June 2024, 200 runs, as a readable summary (exit 3: three invalid records, excluded)', argv: [NAME, ...EXAMPLE, '--runs', '200', '--summary'] },
    { what: 'The same as JSON, another seed (exit 3 too)', argv: [NAME, ...EXAMPLE, '--runs', '200', '--seed', '7'] },
  ],
  exitCodes: [
    [EXIT.OK, 'forecast'],
    [EXIT.EXCLUDED, 'forecast, with invalid records excluded (a warning on stderr; their problems in records.issues)'],
    [EXIT.DATA, 'invalid contract, assumptions, as-of date, or a record in a group the assumptions do not name: nothing forecast (every problem is printed on stderr)'],
    [EXIT.USAGE, 'bad command line, or a file that cannot be read'],
    [EXIT.INTERNAL, 'internal error (a bug: OUTCOME_PAY_DEBUG=1 prints its stack trace)'],
  ],
  async run({ options }, io) {
    const runs = wholeOption(NAME, textOption(options, 'runs'), '--runs', DEFAULT_RUNS, 1, 10_000_000);
    const seed = wholeOption(NAME, textOption(options, 'seed'), '--seed', DEFAULT_SEED, 0, 0xffff_ffff);
    const contract = await readJsonFile(io, requiredText(options, 'contract'), 'contract');
    const records = await readRecordsFile(io, requiredText(options, 'records'), await readRecordsCsvOptions(io, options));
    const assumptions = await readJsonFile(io, requiredText(options, 'assumptions'), 'assumptions');
    const workers = wholeOption(NAME, textOption(options, 'workers'), '--workers', 1, 1, MAX_WORKERS);
    const bar = progressBar(io, NAME, 'runs');
    const forecastOptions = { asOf: requiredText(options, 'asOf'), runs, seed, ...(bar === undefined ? {} : { onProgress: bar.update }) };
    // the built CLI (dist/cli.js) sits beside the built simulation entry its workers load
    const result =
      workers === 1 ? forecast(contract, records, assumptions, forecastOptions) : await forecastOnWorkers(new URL('./simulation.js', import.meta.url), contract, records, assumptions, forecastOptions, workers);
    bar?.finish();
    if (!result.ok) {
      io.stderr(problemsFound(NAME, result.issues, 'forecast'));
      return EXIT.DATA;
    }
    const summary = summarizeForecast(result.value);
    io.stdout(flagOption(options, 'summary') ? forecastSummary(summary) : `${JSON.stringify(summary, null, 2)}\n`);
    const { recordsExcluded, recordsRead } = summary.records;
    if (recordsExcluded === 0) return EXIT.OK;
    io.stderr(printableLines([`outcome-pay: warning: ${String(recordsExcluded)} of ${String(recordsRead)} records ${recordsExcluded === 1 ? 'was' : 'were'} excluded as invalid (records.issues); the forecast is of the others; exit status 3`]));
    return EXIT.EXCLUDED;
  },
};
