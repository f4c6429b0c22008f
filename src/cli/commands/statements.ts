/**
 * `outcome-pay statements`: one printable HTML payment statement per payer and tranche of a
 * settlement, written to a directory, in English or French.
 *
 * @module
 */
import type { Command as Definition } from 'commander';
import { LANGS } from '../../format/index.js';
import { settle, type SettleOptions } from '../../settlement/index.js';
import { paymentStatements } from '../../statements/index.js';
import { readJsonFile, readRecordsFile } from '../input.js';
import { EXIT } from '../io.js';
import { once, requiredText, textOption, flagOption } from '../options.js';
import { createOutDirectory, refuseExistingFiles, writeOutFiles } from '../out-dir.js';
import { LANG_HELP, langOption } from '../people-text.js';
import { problemsFound } from '../print-issues.js';
import { printableLines } from '../printable.js';
import { defineRecordsCsvOptions, readRecordsCsvOptions } from '../records-csv-options.js';
import { defineSettlementOptions, readSettlementOptions } from '../settlement-options.js';
import { exclusionNotice } from '../excluded-warning.js';
import { printUpgradeNotice } from '../upgrade-notice.js';
import type { Command } from './command.js';

const NAME = 'statements';

function define(command: Definition): void {
  const one = (flag: string, choices?: readonly string[]): ((value: string, previous: unknown) => string) => once(NAME, flag, choices);
  defineSettlementOptions(
    defineRecordsCsvOptions(
      command
        .usage('--contract <file> --records <file> --as-of <YYYY-MM-DD> --out <dir> [options]')
        .requiredOption('--contract <file>', 'the contract (JSON, docs/contract.md)', one('--contract'))
        .requiredOption('--records <file>', 'the outcome records: .json, .ndjson/.jsonl or .csv (docs/records.md), read whole', one('--records'))
        .requiredOption('--as-of <YYYY-MM-DD>', 'the date of the settlement', one('--as-of'))
        .requiredOption('--out <dir>', 'the directory to write the statements to (created if need be; files of the same names already there are refused unless --overwrite)', one('--out')),
      NAME,
    ),
    NAME,
  )
    .option('--lang <lang>', LANG_HELP, one('--lang', LANGS))
    .option('--detail <level>', '"participants": name the participants behind every audit line; "totals" (default): amounts and counts only', one('--detail', ['participants', 'totals']))
    .option('--overwrite', 'replace the statements of the same names already in --out');
}

const EXAMPLE = ['--contract', 'examples/region-sud/contract.json', '--records', 'examples/region-sud/records.csv', '--as-of', '2025-06-30'];

/** The `statements` command. */
export const statementsCommand: Command = {
  name: NAME,
  summary: 'Write one printable HTML payment statement per payer and tranche.',
  description:
    "Settles as settle does, then writes one payment statement per payer and tranche measured by the as-of date (and any other with an amount for the payer) to --out <dir>: what the payer owes for the tranche (earned, paid before, due now), the contract's identity, every audit line with the outcome and claims it pays for, the cap cuts, the adjustments and the fingerprints of the contract and records, as an HTML page that prints on A4 and loads nothing (docs/statements.md). The files are named statement-<tranche>+<payer>.<lang>.html; their paths are written on stdout, warnings and problems on stderr.",
  define,
  examples: [
    {
      what: 'Write the statements of the Région Sud example as of 30 June 2025 in French into the directory region-sud-statements/ (exit 3: the example holds three invalid records, excluded)',
      argv: [NAME, ...EXAMPLE, '--out', 'region-sud-statements', '--lang', 'fr'],
    },
    {
      what: 'In English, naming the participants behind every audit line, replacing the statements already written (exit 3)',
      argv: [NAME, ...EXAMPLE, '--out', 'region-sud-statements', '--detail', 'participants', '--overwrite'],
    },
  ],
  exitCodes: [
    [EXIT.OK, 'written, every record valid'],
    [EXIT.DATA, 'invalid input, nothing settled or written (every problem is printed on stderr)'],
    [EXIT.USAGE, 'bad command line, or a file that cannot be read or written (for --out, with a code: OUT_DIRECTORY_UNWRITABLE, OUT_FILES_EXIST)'],
    [EXIT.EXCLUDED, 'written, but the settlement excluded invalid records (a warning on stderr and on every statement)'],
    [EXIT.INTERNAL, 'internal error (a bug: OUTCOME_PAY_DEBUG=1 prints its stack trace)'],
  ],
  async run({ options: values }, io) {
    const lang = langOption(values, NAME, true, 'the statements');
    const dir = requiredText(values, 'out');
    const overwrite = flagOption(values, 'overwrite');
    await createOutDirectory(io, NAME, dir, 'statements');
    const contractPath = requiredText(values, 'contract');
    const contract = await readJsonFile(io, contractPath, 'contract');
    const records = await readRecordsFile(io, requiredText(values, 'records'), await readRecordsCsvOptions(io, values));
    const detail = textOption(values, 'detail');
    const options: SettleOptions = { ...(await readSettlementOptions(io, values)), ...(detail === 'participants' || detail === 'totals' ? { detail } : {}) };
    const result = settle(contract, records, options);
    if (!result.ok) {
      io.stderr(problemsFound(NAME, result.issues, 'settled', lang));
      return EXIT.DATA;
    }
    printUpgradeNotice(io, contractPath, contract, lang);
    const statements = paymentStatements(result.value, { lang });
    const files = statements.map((statement) => ({ name: statement.fileName, text: statement.html }));
    await refuseExistingFiles(io, NAME, dir, files.map((file) => file.name), overwrite, 'nothing was written');
    io.stdout(printableLines(await writeOutFiles(io, NAME, dir, files, overwrite)));
    if (result.value.dataQuality.recordsExcluded === 0) return EXIT.OK;
    io.stderr(printableLines([`outcome-pay: ${exclusionNotice(result.value, lang)}`]));
    return EXIT.EXCLUDED;
  },
};
