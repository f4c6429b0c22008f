/**
 * `outcome-pay validate <contract> [--records <file>] [--json]`: every problem in a contract and,
 * optionally, in a records file checked against it.
 *
 * @module
 */
import { parseContract } from '../../contract/index.js';
import type { Issue } from '../../errors.js';
import { validateRawRecords, type RawRecords } from '../../records/index.js';
import { recordContext } from '../../settlement/record-context.js';
import { parseArgs } from '../args.js';
import { FileUnreadableError, InputError, readJsonFile, readRecordsFile } from '../input.js';
import { CliUsageError, EXIT, type CliIo } from '../io.js';
import { issueLines } from '../print-issues.js';
import { printableLines } from '../printable.js';
import type { Command } from './command.js';

const USAGE = `Usage: outcome-pay validate <contract.json> [--records <file>] [--json]

Checks a contract and, with --records, an outcome records file (.json, .ndjson, .csv) against it.
Prints every problem found (code, path, message); --json prints { valid, issues } instead, also
when a file cannot be read (its problems, or FILE_UNREADABLE).
Exit codes: 0 valid, 1 invalid, 2 bad command line or unreadable file.`;

/** The `validate` command. */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check a contract (and a records file) and list every problem.',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArgs('validate', args, { values: ['records'], flags: ['json'], maxPositionals: 1 });
    const contractPath = parsed.positionals[0];
    if (contractPath === undefined) throw new CliUsageError('validate: missing the contract file');
    const issues: Issue[] = [];
    const recordsPath = parsed.values.get('records');
    let files: [unknown, RawRecords | undefined];
    try {
      files = [await readJsonFile(io, contractPath, 'contract'), recordsPath === undefined ? undefined : await readRecordsFile(io, recordsPath)];
    } catch (error) {
      if (!parsed.flags.has('json')) throw error;
      return unreadableAnswer(io, error);
    }
    const [contractJson, batch] = files;
    const contract = parseContract(contractJson);
    if (!contract.ok) issues.push(...contract.issues);
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
    if (parsed.flags.has('json')) {
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
