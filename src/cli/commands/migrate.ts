/**
 * `outcome-pay migrate --contract <file> [--out <file>]`: a contract rewritten in the current
 * version of the format.
 *
 * @module
 */
import { CONTRACT_SCHEMA_VERSION, migrateContractText } from '../../contract/index.js';
import { fileError } from '../file-error.js';
import { readBytes } from '../input.js';
import { CliUsageError, EXIT, type CliFile } from '../io.js';
import { once, requiredText, textOption } from '../options.js';
import { problemsFound } from '../print-issues.js';
import { printableLines } from '../printable.js';
import type { Command } from './command.js';

const NAME = 'migrate';

const VERSION_1 = ['--contract', 'test/fixtures/v1/examples/region-sud/contract.json'];

/** The `migrate` command. */
export const migrateCommand: Command = {
  name: NAME,
  summary: `Rewrite a contract in the current version of the format (${CONTRACT_SCHEMA_VERSION}).`,
  description: `Rewrites a contract written in an earlier version of the format (schemaVersion "1.0") in the current one ("${CONTRACT_SCHEMA_VERSION}"): schemaVersion and the keys that were renamed (the "mode" and "basis" of 1.0 are "kind") change where they are written, and every other character of the file stays as it is. The contract must be valid: any problem is printed and nothing is written. Prints the contract on stdout, or writes it to --out (which may be the contract file itself). A contract already in the current version is given back unchanged.`,
  define(command) {
    command
      .usage('--contract <file> [--out <file>]')
      .requiredOption('--contract <file>', 'the contract (JSON, docs/contract.md)', once(NAME, '--contract'))
      .option('--out <file>', 'write the contract to this file instead of stdout (it may be the contract file itself)', once(NAME, '--out'));
  },
  examples: [
    { what: `A version 1.0 contract, printed in version ${CONTRACT_SCHEMA_VERSION}`, argv: [NAME, ...VERSION_1] },
    { what: 'The same, written to a file', argv: [NAME, ...VERSION_1, '--out', 'region-sud.json'] },
  ],
  exitCodes: [
    [EXIT.OK, `the contract is in version ${CONTRACT_SCHEMA_VERSION} (rewritten, or already so)`],
    [EXIT.DATA, 'the contract is not valid: every problem printed on stderr, nothing written'],
    [EXIT.USAGE, 'bad command line, or a file that cannot be read or written'],
  ],
  async run({ options }, io) {
    const contractPath = requiredText(options, 'contract');
    const outPath = textOption(options, 'out');
    const result = migrateContractText(await readBytes(io, contractPath, 'contract'));
    if (!result.ok) {
      io.stderr(problemsFound(NAME, result.issues, 'written'));
      return EXIT.DATA;
    }
    const notice = result.issues?.find((issue) => issue.code === 'CONTRACT_UPGRADED');
    const said = notice === undefined ? `already schemaVersion "${CONTRACT_SCHEMA_VERSION}": nothing to change` : notice.message;
    if (outPath === undefined) {
      io.stdout(result.value);
      io.stderr(printableLines([`${contractPath}: ${said}`]));
      return EXIT.OK;
    }
    if (io.createFile === undefined) throw new CliUsageError(`${NAME}: --out needs a file system to write to`);
    let file: CliFile;
    try {
      file = await io.createFile(outPath);
      file.write(result.value);
      await file.close();
    } catch (error) {
      throw fileError('write', 'contract', outPath, error);
    }
    io.stdout(printableLines([`${contractPath}: ${said}; written to ${outPath}`]));
    return EXIT.OK;
  },
};
