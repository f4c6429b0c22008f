/**
 * `outcome-pay report`: a settlement (`--records --as-of`) or a simulation (`--assumptions`) as
 * one self-contained HTML file with charts, written to `--out` (docs/report.md).
 *
 * @module
 */
import type { Command as Definition } from 'commander';
import type { CliCode } from '../../codes/index.js';
import { OutcomePayError } from '../../errors.js';
import { settlementReport, simulationReport } from '../../report/index.js';
import { settle } from '../../settlement/index.js';
import { simulate, type Tornado } from '../../simulation/index.js';
import { exclusionNotice } from '../excluded-warning.js';
import { systemErrorCode } from '../file-error.js';
import { readJsonFile, readRecordsFile } from '../input.js';
import { CliUsageError, EXIT, type CliIo } from '../io.js';
import { problemsFound } from '../print-issues.js';
import { flagOption, once, requiredText, textOption, wholeOption, type OptionValues } from '../options.js';
import { printableLines } from '../printable.js';
import { defineRecordsCsvOptions, readRecordsCsvOptions } from '../records-csv-options.js';
import { defineSettlementOptions, readSettlementOptions } from '../settlement-options.js';
import { printUpgradeNotice } from '../upgrade-notice.js';
import type { Command } from './command.js';
import { LANGS } from '../../format/index.js';
import { LANG_HELP, langOption } from '../people-text.js';
import { scenarioRun } from './simulate-scenarios.js';
import { DEFAULT_RUNS, DEFAULT_SEED } from './simulate.js';

const NAME = 'report';

/** A usage error carrying one of the command line's codes: `report: CODE: message`. */
const coded = (code: CliCode | 'REPORT_CHARTS_MISSING', message: string): CliUsageError => new CliUsageError(`${NAME}: ${code}: ${message}`);

function define(command: Definition): void {
  const one = (flag: string, choices?: readonly string[]): ((value: string, previous: unknown) => string) => once(NAME, flag, choices);
  defineSettlementOptions(
    defineRecordsCsvOptions(
      command
        .usage('--contract <file> (--records <file> --as-of <YYYY-MM-DD> | --assumptions <file>) --out <file.html> [options]')
        .requiredOption('--contract <file>', 'the contract (JSON, docs/contract.md)', one('--contract'))
        .requiredOption('--out <file.html>', 'the HTML file to write (refused if it exists, unless --overwrite)', one('--out'))
        .option('--overwrite', 'replace the --out file if it exists')
        .option('--lang <lang>', LANG_HELP, one('--lang', LANGS))
        .option('--records <file>', 'a settlement report: the outcome records, .json, .ndjson/.jsonl or .csv (docs/records.md), read whole', one('--records'))
        .option('--as-of <YYYY-MM-DD>', 'a settlement report: the date of the settlement', one('--as-of')),
      NAME,
    ),
    NAME,
  )
    .option('--assumptions <file>', 'a simulation report: the assumptions (JSON, docs/simulation.md)', one('--assumptions'))
    .option('--runs <n>', `a simulation report: how many runs (default ${DEFAULT_RUNS})`, one('--runs'))
    .option('--seed <s>', `a simulation report: seed of the random numbers, 0 to 4294967295 (default ${DEFAULT_SEED})`, one('--seed'))
    .option('--scenario <name>', 'a simulation report: simulate a scenario of the assumptions (pessimistic, central, optimistic, or a name of --scenarios)', one('--scenario'))
    .option('--scenarios <file>', "a simulation report: the user's own scenarios, for --scenario", one('--scenarios'))
    .option('--tornado', 'a simulation report: add the sensitivity of the mean total cost to each assumption (a tornado chart and table, the same runs and seed)')
    .option('--step <x>', 'a simulation report: how far --tornado and the pessimistic and optimistic scenarios move an assumption (default 0.05)', one('--step'));
}

const SETTLEMENT_ONLY = ['records', 'asOf', 'previous', 'amendedFrom', 'allowFullRecovery', 'indicators', 'strict', 'maxExcluded', 'allowEmpty', 'csvPreset', 'csvDelimiter', 'csvDecimal', 'csvThousands', 'csvDateFormat', 'csvColumns'];
const SIMULATION_ONLY = ['assumptions', 'runs', 'seed', 'scenario', 'scenarios', 'tornado', 'step'];
const flag = (name: string): string => `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

/** Which report the options ask for, refusing a mix of the two. */
function kindOf(values: OptionValues): 'settlement' | 'simulation' {
  const given = (names: readonly string[]): string[] => names.filter((name) => values[name] !== undefined);
  const settlement = given(SETTLEMENT_ONLY);
  const simulation = given(SIMULATION_ONLY);
  if (settlement.length > 0 && simulation.length > 0) {
    throw new CliUsageError(`${NAME}: ${flag(settlement[0] ?? '')} is for a settlement report and ${flag(simulation[0] ?? '')} for a simulation report; give the options of one`);
  }
  if (values['assumptions'] !== undefined) return 'simulation';
  if (values['records'] === undefined || values['asOf'] === undefined) {
    throw new CliUsageError(`${NAME}: give --records <file> and --as-of <YYYY-MM-DD> for a settlement report, or --assumptions <file> for a simulation report`);
  }
  if (simulation.length > 0) throw new CliUsageError(`${NAME}: ${flag(simulation[0] ?? '')} is for a simulation report (--assumptions)`);
  return 'settlement';
}

/** Refuses an --out file that exists (without --overwrite) before anything is computed. */
async function checkOut(io: CliIo, path: string, overwrite: boolean): Promise<void> {
  if (io.writeTextFile === undefined || io.pathExists === undefined) throw new CliUsageError(`${NAME}: --out needs a file system to write to`);
  if (!overwrite && (await io.pathExists(path))) throw coded('OUT_FILE_EXISTS', `${JSON.stringify(path)} already exists; nothing was made. Give another file, or --overwrite to replace it`);
}

async function writeOut(io: CliIo, path: string, html: string, overwrite: boolean): Promise<void> {
  try {
    await io.writeTextFile?.(path, html, overwrite);
  } catch (error) {
    const code = systemErrorCode(error);
    if (code === 'EEXIST') throw coded('OUT_FILE_EXISTS', `${JSON.stringify(path)} appeared while the report was made; it was not replaced. Give another file, or --overwrite`);
    throw coded('OUT_FILE_UNWRITABLE', `cannot write ${JSON.stringify(path)} (${code ?? (error instanceof Error ? error.message.split('\n')[0] ?? '' : 'unknown reason')})`);
  }
}

/** The report's HTML, a missing chart library turned into a usage error with its code. */
async function drawn(make: () => Promise<string>): Promise<string> {
  try {
    return await make();
  } catch (error) {
    if (error instanceof OutcomePayError && error.code === 'REPORT_CHARTS_MISSING') throw coded('REPORT_CHARTS_MISSING', error.message);
    throw error;
  }
}


async function settlementRun(io: CliIo, values: OptionValues, contractPath: string, out: string, overwrite: boolean): Promise<number> {
  const language = langOption(values, NAME, true, 'the report');
  const contract = await readJsonFile(io, contractPath, 'contract');
  const records = await readRecordsFile(io, requiredText(values, 'records'), await readRecordsCsvOptions(io, values));
  const options = await readSettlementOptions(io, values);
  const result = settle(contract, records, options);
  if (!result.ok) {
    io.stderr(problemsFound(NAME, result.issues, 'settled', language));
    return EXIT.DATA;
  }
  printUpgradeNotice(io, contractPath, contract, language);
  const html = await drawn(() => settlementReport(contract, result.value, records, { language, ...(options.indicators === undefined ? {} : { indicators: options.indicators }) }));
  await writeOut(io, out, html, overwrite);
  io.stdout(printableLines([out]));
  if (result.value.dataQuality.recordsExcluded === 0) return EXIT.OK;
  io.stderr(printableLines([`outcome-pay: ${exclusionNotice(result.value, language)}`]));
  return EXIT.EXCLUDED;
}

async function simulationRun(io: CliIo, values: OptionValues, out: string, overwrite: boolean): Promise<number> {
  const language = langOption(values, NAME, true, 'the report');
  const runs = wholeOption(NAME, textOption(values, 'runs'), '--runs', DEFAULT_RUNS, 1, 10_000_000);
  const seed = wholeOption(NAME, textOption(values, 'seed'), '--seed', DEFAULT_SEED, 0, 0xffff_ffff);
  const contract = await readJsonFile(io, requiredText(values, 'contract'), 'contract');
  const assumed = await readJsonFile(io, requiredText(values, 'assumptions'), 'assumptions');
  const scenarioFile = textOption(values, 'scenarios');
  const own = scenarioFile === undefined ? undefined : await readJsonFile(io, scenarioFile, 'scenarios');
  const step = textOption(values, 'step');
  const chosen = scenarioRun(NAME, contract, assumed, { name: textOption(values, 'scenario'), own, step, tornado: false, runs, seed });
  if (chosen.kind === 'problems') {
    io.stderr(problemsFound(NAME, chosen.issues, 'simulated', language));
    return EXIT.DATA;
  }
  if (chosen.kind !== 'simulate') throw new Error('outcome-pay internal error: a scenario run without --tornado gave a tornado');
  const result = simulate(contract, chosen.assumptions, { runs, seed });
  if (!result.ok) {
    io.stderr(problemsFound(NAME, result.issues, 'simulated', language));
    return EXIT.DATA;
  }
  let sensitivity: Tornado | undefined;
  if (flagOption(values, 'tornado')) {
    const table = scenarioRun(NAME, contract, chosen.assumptions, { name: undefined, own: undefined, step, tornado: true, runs, seed });
    if (table.kind === 'problems') {
      io.stderr(problemsFound(NAME, table.issues, 'simulated', language));
      return EXIT.DATA;
    }
    if (table.kind === 'tornado') sensitivity = table.tornado;
  }
  const html = await drawn(() => simulationReport(contract, result.value, { language, ...(sensitivity === undefined ? {} : { tornado: sensitivity }) }));
  await writeOut(io, out, html, overwrite);
  io.stdout(printableLines([out]));
  return EXIT.OK;
}

const SETTLEMENT_EXAMPLE = ['--contract', 'examples/region-sud/contract.json', '--records', 'examples/region-sud/records.csv', '--as-of', '2025-06-30'];
const SIMULATION_EXAMPLE = ['--contract', 'examples/region-sud/contract.json', '--assumptions', 'examples/region-sud/assumptions.json'];

/** The `report` command. */
export const reportCommand: Command = {
  name: NAME,
  summary: 'Write a settlement or a simulation as one self-contained HTML report with charts.',
  description:
    'Writes one HTML file that opens offline (style and charts inline, nothing loaded from anywhere; docs/report.md). With --records and --as-of: the settlement, as settle makes it (the same options), with its tranches and payers, exit clauses and the programme dashboard (each outcome\'s rate per cohort and group, cohort indicators such as satisfaction, the wages observed, each priority group\'s share against its minimum). With --assumptions: the simulation, as simulate makes it, with the distribution of the total cost, the cash flow by month with its 5 % to 95 % band, exit and cap probabilities, the investors\' multiples and IRRs, and a tornado with --tornado. The charts need vega and vega-lite 6.4 (optional peer dependencies). The path written is printed on stdout; warnings and problems go to stderr.',
  define,
  examples: [
    { what: 'The settlement of the Région Sud example as of 30 June 2025 as a report (exit 3: the example holds three invalid records, excluded, and the report says so)', argv: [NAME, ...SETTLEMENT_EXAMPLE, '--out', 'region-sud-report.html', '--overwrite'] },
    { what: 'The same in French: amounts and dates as a French reader writes them (1 650,00 €, 30 juin 2025; exit 3)', argv: [NAME, ...SETTLEMENT_EXAMPLE, '--lang', 'fr', '--out', 'region-sud-rapport.html', '--overwrite'] },
    { what: 'A report of 50 simulation runs of the same contract, with a tornado of the sensitivities (50 runs a variant)', argv: [NAME, ...SIMULATION_EXAMPLE, '--runs', '50', '--tornado', '--out', 'region-sud-simulation.html', '--overwrite'] },
    {
      what: 'With the cohort indicator values the settlement reads (employer satisfaction is shown per cohort; exit 3: three invalid records)',
      argv: [NAME, '--contract', 'examples/ppp-impact/contract.json', '--records', 'examples/ppp-impact/records.ndjson', '--indicators', 'examples/ppp-impact/indicators.json', '--as-of', '2025-09-30', '--out', 'ppp-impact-report.html', '--overwrite'],
    },
  ],
  exitCodes: [
    [EXIT.OK, 'report written (a settlement: every record valid)'],
    [EXIT.DATA, 'invalid input, nothing settled or simulated, no file written (every problem is printed on stderr)'],
    [EXIT.USAGE, 'bad command line, or a file that cannot be read or written (named, with the reason; for --out with a code: OUT_FILE_EXISTS, OUT_FILE_UNWRITABLE), or vega and vega-lite not installed (REPORT_CHARTS_MISSING)'],
    [EXIT.EXCLUDED, 'report of a settlement written, with invalid records excluded (a warning on stderr and at the top of the report)'],
    [EXIT.INTERNAL, 'internal error (a bug: OUTCOME_PAY_DEBUG=1 prints its stack trace)'],
  ],
  async run({ options: values }, io) {
    const kind = kindOf(values);
    const out = requiredText(values, 'out');
    const overwrite = flagOption(values, 'overwrite');
    await checkOut(io, out, overwrite);
    return kind === 'settlement' ? settlementRun(io, values, requiredText(values, 'contract'), out, overwrite) : simulationRun(io, values, out, overwrite);
  },
};
