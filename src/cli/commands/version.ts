/**
 * `outcome-pay version`.
 *
 * @module
 */
import { VERSION } from '../../version.js';
import { CliUsageError, EXIT } from '../io.js';
import type { Command } from './command.js';

/**
 * Prints the library version (same as `outcome-pay --version`).
 *
 * @example
 * await versionCommand.run([], io); // io.stdout('0.1.0\n')
 */
export const versionCommand: Command = {
  name: 'version',
  summary: 'Print the version of outcome-pay.',
  usage: 'Usage: outcome-pay version\n\nPrints the version of outcome-pay (same as --version).',
  run(args, io) {
    if (args.length > 0) {
      return Promise.reject(new CliUsageError(`version: unexpected argument "${args[0] ?? ''}"`));
    }
    io.stdout(`${VERSION}\n`);
    return Promise.resolve(EXIT.OK);
  },
};
