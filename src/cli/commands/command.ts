/**
 * The shape of one CLI subcommand.
 *
 * @module
 */
import type { Command as Definition } from 'commander';
import type { CliIo } from '../io.js';
import type { OptionValues } from '../options.js';

/**
 * An example shown in the command's `--help` and in docs/cli.md: what it does, and the
 * arguments after `outcome-pay`. Every example runs from the root of a clone (test/cli/help.test.ts
 * runs them all).
 */
export interface Example {
  /** What the example does, in words. */
  readonly what: string;
  /** The arguments after `outcome-pay`, as typed (no shell quoting needed). */
  readonly argv: readonly string[];
}

/** What commander parsed for a command: its positional arguments and its options. */
export interface ParsedCommand {
  /** The positional arguments, in order. */
  readonly args: readonly string[];
  /** The options by attribute name (`asOf` for `--as-of`), as their parsers returned them. */
  readonly options: OptionValues;
}

/**
 * One `outcome-pay <name>` subcommand. Each lives in its own module under `src/cli/commands/`
 * and is listed in `COMMANDS` (src/cli/commands/index.ts); src/cli/program.ts builds the
 * commander command from it, with its examples and exit codes in `--help`.
 *
 * @example
 * export const echo: Command = {
 *   name: 'echo',
 *   summary: 'Print the arguments.',
 *   define: (command) => command.argument('[words...]'),
 *   examples: [{ what: 'Say hello', argv: ['echo', 'hello'] }],
 *   exitCodes: [[0, 'printed']],
 *   run: async ({ args }, io) => {
 *     io.stdout(`${args.join(' ')}\n`);
 *     return 0;
 *   },
 * };
 */
export interface Command {
  /** The word typed after `outcome-pay`. */
  readonly name: string;
  /** One line for the command list in `outcome-pay --help`. */
  readonly summary: string;
  /** What the command does, at the top of its own `--help` (the summary when absent). */
  readonly description?: string;
  /**
   * Declares the command's arguments and options on commander's command (already named and
   * described). Absent for a command that takes none.
   */
  readonly define?: (command: Definition) => void;
  /** Examples for `--help`. */
  readonly examples: readonly Example[];
  /** The exit codes the command can give, each with what it means for this command. */
  readonly exitCodes: readonly (readonly [number, string])[];
  /**
   * Runs the command once commander has parsed its command line, and returns the exit code.
   * Throw `CliUsageError` for a bad command line; anything else thrown is reported as an
   * internal error.
   */
  run(parsed: ParsedCommand, io: CliIo): Promise<number>;
}
