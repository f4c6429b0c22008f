/**
 * `outcome-pay validate <contract> [--records <file>] [--json]`: every problem in a contract and,
 * optionally, in a records file checked against it.
 *
 * @module
 */
import { parseContract } from '../../contract/index.js';
import type { Issue } from '../../errors.js';
import { validateRawRecords, type RawRecords } from '../../records/index.js';
import { recordContext } from '../../settlement/index.js';
import { FileUnreadableError, InputError, readJsonFile, readRecordsFile } from '../input.js';
import { defineRecordsCsvOptions, readRecordsCsvOptions } from '../records-csv-options.js';
import { CliUsageError, EXIT, type CliIo } from '../io.js';
import { issueLines } from '../print-issues.js';
import { flagOption, once, textOption } from '../options.js';
import { printableLines } from '../printable.js';
import { printUpgradeNotice } from '../upgrade-notice.js';
import type { Command } from './command.js';

const NAME = 'validate';

const REGION_SUD = ['--contract', 'examples/region-sud/contract.json'];

/** The `validate` command. */
export const validateCommand: Command = {
  name: NAME,
  summary: 'Check a contract (and a records file) and list every problem.',
  description:
    'Checks a contract and, with --records, an outcome records file (.json, .ndjson, .csv) against it, strictly (every invalid record is a problem). Prints every problem found (code, path, message) on stdout; --json prints { valid, issues } instead, also when a file cannot be read (its problems, or FILE_UNREADABLE).',
  define(command) {
    command
      .option('--contract <file>', 'the contract (JSON, docs/contract.md)', once(NAME, '--contract'))
      .option('--records <file>', 'an outcome records file to check against the contract: .json, .ndjson/.jsonl or .csv', once(NAME, '--records'))
      .option('--json', 'print { valid, issues } as JSON instead of one line per problem')
      // `validate <contract.json>`: the older spelling of --contract, kept for scripts (not in the usage line)
      .argument('[contract]')
      .usage('--contract <file> [options]');
    defineRecordsCsvOptions(command, NAME);
  },
  examples: [
    { what: 'Check a contract', argv: [NAME, ...REGION_SUD] },
    { what: 'Check it and a records file against it (this one holds three invalid records: exit 1)', argv: [NAME, ...REGION_SUD, '--records', 'examples/region-sud/records.ndjson'] },
    { what: 'The same for the CSV file, as JSON for a program to read (exit 1)', argv: [NAME, ...REGION_SUD, '--records', 'examples/region-sud/records.csv', '--json'] },
  ],
  exitCodes: [
    [EXIT.OK, 'valid'],
    [EXIT.DATA, 'invalid: every problem printed'],
    [EXIT.USAGE, 'bad command line, or a file that cannot be read (with --json, also FILE_UNREADABLE on stdout)'],
  ],
  async run({ args, options }, io) {
    const [positional] = args;
    const named = textOption(options, 'contract');
    if (named !== undefined && positional !== undefined) {
      throw new CliUsageError(`validate: the contract given twice (--contract ${JSON.stringify(named)} and ${JSON.stringify(positional)}); give it once`);
    }
    const contractPath = named ?? positional;
    if (contractPath === undefined) throw new CliUsageError("validate: required option '--contract <file>' not specified");
    const json = flagOption(options, 'json');
    const issues: Issue[] = [];
    const recordsPath = textOption(options, 'records');
    let files: [unknown, RawRecords | undefined];
    try {
      files = [await readJsonFile(io, contractPath, 'contract'), recordsPath === undefined ? undefined : await readRecordsFile(io, recordsPath, await readRecordsCsvOptions(io, options))];
    } catch (error) {
      if (!json) throw error;
      return unreadableAnswer(io, error);
    }
    const [contractJson, batch] = files;
    const contract = parseContract(contractJson);
    if (!contract.ok) issues.push(...contract.issues);
    else printUpgradeNotice(io, contractPath, contractJson);
    let records = 0;
    if (batch !== undefined) {
      records = batch.records.length;
      if (contract.ok) {
        const result = validateRawRecords(batch, recordContext(contract.value), { mode: 'strict' });
        issues.push(...result.issues);
      } else {
        issues.push(...batch.issues);
      }
    }
    if (json) {
      io.stdout(`${JSON.stringify({ valid: issues.length === 0, issues }, null, 2)}\n`);
    } else if (issues.length === 0) {
      io.stdout(printableLines([`${contractPath}: valid contract${recordsPath === undefined ? '' : `; ${recordsPath}: ${records} valid records`}`]));
    } else {
      io.stdout(issueLines(issues));
      io.stdout(`${issues.length} problem${issues.length === 1 ? '' : 's'} found\n`);
    }
    return issues.length === 0 ? EXIT.OK : EXIT.DATA;
  },
};

/**
 * `--json` when a file cannot be read: the answer is still `{ valid: false, issues }` on stdout,
 * with the file's problems (exit 1) or FILE_UNREADABLE (exit 2, the message also on stderr).
 */
function unreadableAnswer(io: CliIo, error: unknown): number {
  if (!(error instanceof InputError || error instanceof FileUnreadableError)) throw error;
  const issues = error instanceof InputError ? error.issues : [error.issue];
  io.stdout(`${JSON.stringify({ valid: false, issues }, null, 2)}\n`);
  if (error instanceof InputError) return EXIT.DATA;
  io.stderr(`outcome-pay: ${error.message}\n`);
  return EXIT.USAGE;
}
