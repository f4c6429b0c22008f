/**
 * The shape of one CLI subcommand.
 *
 * @module
 */
import type { CliIo } from '../io.js';

/**
 * One `outcome-pay <name>` subcommand. Each lives in its own module under `src/cli/commands/`
 * and is listed in `COMMANDS` (src/cli/commands/index.ts).
 *
 * @example
 * export const echo: Command = {
 *   name: 'echo',
 *   summary: 'Print the arguments.',
 *   usage: 'outcome-pay echo [words...]',
 *   run: async (args, io) => {
 *     io.stdout(`${args.join(' ')}\n`);
 *     return 0;
 *   },
 * };
 */
export interface Command {
  /** The word typed after `outcome-pay`. */
  readonly name: string;
  /** One line for the command list in `--help`. */
  readonly summary: string;
  /** Full usage text for `outcome-pay help <name>` and `outcome-pay <name> --help`. */
  readonly usage: string;
  /**
   * Runs the command with the arguments after its name and returns the exit code. Throw
   * `CliUsageError` for a bad command line; anything else thrown is reported as an internal error.
   */
  run(args: readonly string[], io: CliIo): Promise<number>;
}
