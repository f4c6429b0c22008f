/**
 * `outcome-pay validate <contract> [--records <file>] [--json]`: every problem in a contract and,
 * optionally, in a records file checked against it.
 *
 * @module
 */
import { parseContract } from '../../contract/index.js';
import type { Issue } from '../../errors.js';
import { validateRawRecords } from '../../records/index.js';
import { recordContext } from '../../settlement/record-context.js';
import { parseArgs } from '../args.js';
import { readJsonFile, readRecordsFile } from '../input.js';
import { CliUsageError, EXIT } from '../io.js';
import { issueLines } from '../print-issues.js';
import { printableLines } from '../printable.js';
import type { Command } from './command.js';

const USAGE = `Usage: outcome-pay validate <contract.json> [--records <file>] [--json]

Checks a contract and, with --records, an outcome records file (.json, .ndjson, .csv) against it.
Prints every problem found (code, path, message); --json prints { valid, issues } instead.
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
    const contract = parseContract(await readJsonFile(io, contractPath, 'contract'));
    if (!contract.ok) issues.push(...contract.issues);
    const recordsPath = parsed.values.get('records');
    let records = 0;
    if (recordsPath !== undefined) {
      const batch = await readRecordsFile(io, recordsPath);
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
