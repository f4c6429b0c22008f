/**
 * `outcome-pay version`.
 *
 * @module
 */
import { VERSION } from '../../version.js';
import { EXIT } from '../io.js';
import type { Command } from './command.js';

/**
 * Prints the library version (same as `outcome-pay --version`).
 *
 * @example
 * await versionCommand.run({ args: [], options: {} }, io); // io.stdout('0.1.0\n')
 */
export const versionCommand: Command = {
  name: 'version',
  summary: 'Print the version of outcome-pay.',
  description: 'Prints the version of outcome-pay (the same as outcome-pay --version).',
  examples: [{ what: 'The version', argv: ['version'] }],
  exitCodes: [
    [EXIT.OK, 'printed'],
    [EXIT.USAGE, 'bad command line'],
  ],
  run(_, io) {
    io.stdout(`${VERSION}\n`);
    return Promise.resolve(EXIT.OK);
  },
};
