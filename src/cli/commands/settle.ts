/**
 * `outcome-pay settle`: the settlement of a contract at a date, as JSON or as a readable summary.
 *
 * @module
 */
import type { Command as Definition } from 'commander';
import type { Issue } from '../../errors.js';
import { ok, type Result } from '../../result.js';
import { settle, settleStream, type Settlement, type SettleOptions } from '../../settlement/index.js';
import { openRecordsStream, readJsonFile, readRecordsFile } from '../input.js';
import { openIssuesFile } from '../issues-file.js';
import { CliUsageError, EXIT } from '../io.js';
import { checkCsvOptions, prepareCsvDirectory, writeCsvFiles } from '../csv-out.js';
import { settlementCsv, type CsvLocale } from '../../spreadsheet/index.js';
import { exclusionNotice } from '../excluded-warning.js';
import { problemsFound } from '../print-issues.js';
import { flagOption, once, requiredText, textOption, type OptionValues } from '../options.js';
import { defineSettlementOptions, readSettlementOptions } from '../settlement-options.js';
import { defineRecordsCsvOptions, readRecordsCsvOptions } from '../records-csv-options.js';
import { printableLines } from '../printable.js';
import { settlementSummary } from '../summary.js';
import { LANGS, type Lang } from '../../format/index.js';
import { LANG_HELP, langOption } from '../people-text.js';
import { printUpgradeNotice } from '../upgrade-notice.js';
import type { Command } from './command.js';

const NAME = 'settle';

function define(command: Definition): void {
  const one = (flag: string, choices?: readonly string[]): ((value: string, previous: unknown) => string) => once(NAME, flag, choices);
  defineSettlementOptions(
    defineRecordsCsvOptions(command
      .usage('--contract <file> --records <file> --as-of <YYYY-MM-DD> [options]')
      .requiredOption('--contract <file>', 'the contract (JSON, docs/contract.md)', one('--contract'))
      .requiredOption('--records <file>', 'the outcome records: .json, .ndjson/.jsonl or .csv (docs/records.md); NDJSON and CSV files are streamed', one('--records'))
      .requiredOption('--as-of <YYYY-MM-DD>', 'the date of the settlement', one('--as-of')), NAME),
    NAME,
  )
    .option('--detail <level>', '"participants": list the participant ids behind every line; "totals" (default): amounts and counts only', one('--detail', ['participants', 'totals']))
    .option('--summary', 'print a readable summary instead of the JSON document')
    .option('--lang <lang>', `with --summary: ${LANG_HELP}`, one('--lang', LANGS))
    .option(
      '--format <format>',
      '"json" (default): the settlement document on stdout; "csv": one CSV file per table (tranches, payer splits, lines, adjustments, participant claims, data issues...) written to --out <dir> for a spreadsheet (docs/spreadsheets.md)',
      one('--format', ['json', 'csv']),
    )
    .option('--out <dir>', 'with --format csv: the directory to write the CSV files to (created if need be; files of the same names already there are refused unless --overwrite)', one('--out'))
    .option('--csv-locale <locale>', 'with --format csv: "en" (default): "," between fields and a decimal point; "fr": ";" and a decimal comma, for a spreadsheet set to French (dates stay YYYY-MM-DD)', one('--csv-locale', ['en', 'fr']))
    .option('--overwrite', 'with --format csv: replace the CSV files of the same names already in --out')
    .option(
      '--issues <file>',
      'write the data-quality issues to this file, one JSON object per line, instead of listing them in the settlement (which gives their number as issuesDelivered): with a streamed file, memory then does not grow with them',
      one('--issues'),
    )
    .option(
      '--evidence-fingerprint',
      'also give fingerprint.recordsEvidence: SHA-256 of every record, sorted and hashed again, a fingerprint to rely on in a dispute (slower: a hash per record)',
    )
    .option(
      '--temp-dir <dir>',
      "where a streamed NDJSON or CSV file keeps its participant id hashes (beyond about a million records) and its invalid records' issue text (beyond 256 KB) until the end (default: the system's temporary directory; the files are removed when done)",
      one('--temp-dir'),
    );
}

const EXAMPLE = ['--contract', 'examples/region-sud/contract.json', '--records', 'examples/region-sud/records.csv'];

/** The `settle` command. */
export const settleCommand: Command = {
  name: NAME,
  summary: 'Compute what is owed at a date, per tranche and payer, with the audit trail.',
  description:
    'Computes what is owed under the contract as of the date: every tranche, split among payers, each amount explained (docs/settlement.md). Prints the settlement as JSON on stdout, or a readable summary, or writes it as CSV files for a spreadsheet (--format csv --out <dir>: the paths written on stdout); warnings and problems go to stderr.',
  define,
  examples: [
    { what: 'Settle as of 30 June 2025 and print the settlement as JSON (exit 3: the example holds three invalid records, excluded)', argv: [NAME, ...EXAMPLE, '--as-of', '2025-06-30'] },
    { what: 'The same as a readable summary, the warning first (exit 3)', argv: [NAME, ...EXAMPLE, '--as-of', '2025-06-30', '--summary'] },
    { what: 'The summary in French: 1 650,00 €, 30 juin 2025 (exit 3)', argv: [NAME, ...EXAMPLE, '--as-of', '2025-06-30', '--summary', '--lang', 'fr'] },
    {
      what: 'Settle at the end of 2025 and pay only what changed since the settlement of 30 June (give every settlement made so far; exit 3)',
      argv: [NAME, ...EXAMPLE, '--as-of', '2025-12-31', '--previous', 'examples/region-sud/expected-settlement.json'],
    },
    {
      what: 'Tolerate up to 5 invalid records (or a share: 2%), write the data problems to a file and name the participants behind every line (exit 3)',
      argv: [NAME, ...EXAMPLE, '--as-of', '2025-06-30', '--max-excluded', '5', '--issues', 'issues.ndjson', '--detail', 'participants'],
    },
    {
      what: 'Write the settlement as CSV files for a spreadsheet set to French (";" and decimal commas) into the directory out/, one per table (exit 3)',
      argv: [NAME, ...EXAMPLE, '--as-of', '2025-06-30', '--detail', 'participants', '--format', 'csv', '--csv-locale', 'fr', '--out', 'out'],
    },
    {
      what: 'Settle a records file exported from a French spreadsheet (";", 1 650,00, DD/MM/YYYY, French headers): examples/records/sample-fr.csv settles as sample.csv (exit 0)',
      argv: [NAME, '--contract', 'examples/contracts/region-agency-convention.json', '--records', 'examples/records/sample-fr.csv', '--csv-preset', 'fr', '--as-of', '2025-06-30'],
    },
    {
      what: 'With indicator values from outside the records, and a SHA-256 fingerprint of the records to rely on in a dispute (exit 3: three invalid records)',
      argv: [
        NAME,
        '--contract',
        'examples/ppp-impact/contract.json',
        '--records',
        'examples/ppp-impact/records.ndjson',
        '--indicators',
        'examples/ppp-impact/indicators.json',
        '--as-of',
        '2025-09-30',
        '--evidence-fingerprint',
      ],
    },
  ],
  exitCodes: [
    [EXIT.OK, 'settled, every record valid'],
    [EXIT.DATA, 'invalid input, nothing settled (every problem is printed on stderr)'],
    [EXIT.USAGE, 'bad command line, or a file that cannot be read or written (named, with the reason; for --out, with a code: OUT_DIRECTORY_MISSING, OUT_DIRECTORY_UNWRITABLE, OUT_FILES_EXIST)'],
    [EXIT.EXCLUDED, 'settled with data problems: invalid records were excluded (a warning on stderr, or at the top of --summary, with the decisions they could change)'],
    [EXIT.INTERNAL, 'internal error (a bug: OUTCOME_PAY_DEBUG=1 prints its stack trace)'],
  ],
  async run({ options: values }, io) {
    const contractPath = requiredText(values, 'contract');
    const recordsPath = requiredText(values, 'records');
    const detail = textOption(values, 'detail');
    const csv = csvOutput(values);
    const lang = langOption(values, NAME, flagOption(values, 'summary'), '--summary');
    if (csv !== undefined) await prepareCsvDirectory(io, csv.dir, csv.overwrite);
    const contract = await readJsonFile(io, contractPath, 'contract');
    // NDJSON and CSV files are streamed: memory stays flat however many records they hold.
    const recordsCsv = await readRecordsCsvOptions(io, values);
    const stream = await openRecordsStream(io, recordsPath, recordsCsv);
    const records = stream === undefined ? await readRecordsFile(io, recordsPath, recordsCsv) : undefined;
    const options: SettleOptions = {
      ...(await readSettlementOptions(io, values)),
      ...(detail === 'participants' || detail === 'totals' ? { detail } : {}),
      ...(flagOption(values, 'evidenceFingerprint') ? { evidenceFingerprint: true } : {}),
    };
    const storage = io.spillStorage?.(textOption(values, 'tempDir'));
    const issuesPath = textOption(values, 'issues');
    const issuesFile = issuesPath === undefined ? undefined : await openIssuesFile(io, issuesPath);
    let result: Result<Settlement>;
    try {
      if (stream !== undefined) {
        const settings = { ...(storage === undefined ? {} : { storage }), ...(issuesFile === undefined ? {} : { onIssue: issuesFile.onIssue }) };
        result = await settleStream(contract, stream, options, settings);
      } else {
        const whole = settle(contract, records ?? [], options);
        result = whole.ok && issuesFile !== undefined ? ok(issuesFile.moveFrom(whole.value)) : whole;
      }
    } catch (error) {
      await issuesFile?.discard();
      throw error;
    }
    if (!result.ok) {
      await issuesFile?.discard(); // issues already written belong to no settlement
      io.stderr(printProblems(result.issues, lang));
      return EXIT.DATA;
    }
    await issuesFile?.close();
    printUpgradeNotice(io, contractPath, contract, lang);
    const summary = flagOption(values, 'summary');
    if (csv !== undefined) {
      const paths = await writeCsvFiles(io, csv.dir, settlementCsv(result.value, { locale: csv.locale }), csv.overwrite);
      io.stdout(printableLines(paths));
    } else io.stdout(summary ? settlementSummary(result.value, lang) : `${JSON.stringify(result.value, null, 2)}\n`);
    if (result.value.dataQuality.recordsExcluded === 0) return EXIT.OK;
    if (!summary) io.stderr(printableLines([`outcome-pay: ${exclusionNotice(result.value, lang)}`]));
    return EXIT.EXCLUDED;
  },
};

/** Where and how `--format csv` writes, checked against the other options; undefined for JSON or a summary on stdout. */
function csvOutput(values: OptionValues): { dir: string; locale: CsvLocale; overwrite: boolean } | undefined {
  const format = textOption(values, 'format');
  const dir = textOption(values, 'out');
  checkCsvOptions(format, dir);
  const locale = textOption(values, 'csvLocale');
  const overwrite = flagOption(values, 'overwrite');
  if (format !== 'csv' || dir === undefined) {
    if (locale !== undefined) throw new CliUsageError(`${NAME}: --csv-locale is for --format csv`);
    if (overwrite) throw new CliUsageError(`${NAME}: --overwrite is for --format csv`);
    return undefined;
  }
  if (flagOption(values, 'summary')) throw new CliUsageError(`${NAME}: --summary and --format csv are two outputs; give one`);
  return { dir, locale: locale === 'fr' ? 'fr' : 'en', overwrite };
}

/** Every problem, one per line; the one about the records as a whole last, where it is seen. */
function printProblems(issues: readonly Issue[], lang: Lang): string {
  const whole = issues.filter((issue) => issue.code === 'RECORDS_EXCLUDED_LIMIT');
  return problemsFound(NAME, [...issues.filter((issue) => !whole.includes(issue)), ...whole], 'settled', lang);
}
