/**
 * The registry of CLI subcommands. To add a command, write a module in this folder exporting a
 * {@link Command} and append it to {@link COMMANDS}; `--help` picks it up automatically.
 *
 * @module
 */
import { calibrateCommand } from './calibrate.js';
import type { Command } from './command.js';
import { explainCommand } from './explain.js';
import { forecastCommand } from './forecast.js';
import { migrateCommand } from './migrate.js';
import { reportCommand } from './report.js';
import { schemaCommand } from './schema.js';
import { settleCommand } from './settle.js';
import { simulateCommand } from './simulate.js';
import { statementsCommand } from './statements.js';
import { validateCommand } from './validate.js';
import { versionCommand } from './version.js';

export type { Command, Example, ParsedCommand } from './command.js';

/**
 * Every subcommand, in the order `--help` lists them. (`help` itself is defined with
 * the program, in src/cli/program.ts.)
 *
 * @example
 * const names = COMMANDS.map((c) => c.name); // ['settle', 'explain', 'statements', 'report', 'validate', 'simulate', 'forecast', 'calibrate', 'migrate', 'schema', 'version']
 */
export const COMMANDS: readonly Command[] = [settleCommand, explainCommand, statementsCommand, reportCommand, validateCommand, simulateCommand, forecastCommand, calibrateCommand, migrateCommand, schemaCommand, versionCommand];

/**
 * Finds a subcommand by name.
 *
 * @example
 * findCommand('version')?.summary; // 'Print the version of outcome-pay.'
 * findCommand('nope'); // undefined
 */
export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
