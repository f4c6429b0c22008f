/**
 * The `outcome-pay` command line as a commander program: one commander command per entry of
 * {@link COMMANDS}, each with its examples and exit codes appended to its `--help`, writing
 * through a {@link CliIo} and throwing instead of exiting. A new program is built for every run
 * (commander keeps what it parsed on the command objects).
 *
 * @module
 */
import { Command as Definition, Help } from 'commander';
import { VERSION } from '../version.js';
import { COMMANDS, type Command, type Example } from './commands/index.js';
import { EXIT, type CliIo } from './io.js';

/** The program's name, as typed. */
export const PROGRAM = 'outcome-pay';

/** The width help text is wrapped to, whatever the terminal (the same text everywhere). */
const HELP_WIDTH = 80;

/**
 * Every exit code of the command line and what it means, for `outcome-pay --help` and
 * docs/cli.md (a test keeps the two in step).
 *
 * @example
 * for (const [code, meaning] of EXIT_CODES) console.log(code, meaning);
 */
export const EXIT_CODES: readonly (readonly [number, string])[] = [
  [EXIT.OK, 'success (settle: every record valid)'],
  [EXIT.DATA, 'a problem in the input data: nothing settled, every problem printed'],
  [EXIT.USAGE, 'bad command line, or a file that cannot be read or written (named, with the reason)'],
  [EXIT.EXCLUDED, 'settle: settled with data problems, invalid records excluded (a warning says how many and which decisions they could change); explain: the settlement explained excluded invalid records; statements: written from a settlement that excluded invalid records; report: the settlement reported did'],
  [EXIT.INTERNAL, 'internal error, a bug in outcome-pay: please report it (OUTCOME_PAY_DEBUG=1 prints its stack trace)'],
];

/** The examples of `outcome-pay --help`. */
export const PROGRAM_EXAMPLES: readonly Example[] = [
  {
    what: 'Settle the Région Sud example as of 30 June 2025, as a readable summary (exit 3: three records are invalid on purpose)',
    argv: ['settle', '--contract', 'examples/region-sud/contract.json', '--records', 'examples/region-sud/records.csv', '--as-of', '2025-06-30', '--summary'],
  },
  { what: 'Check a contract and its records, every problem listed (exit 1: the same three records)', argv: ['validate', '--contract', 'examples/region-sud/contract.json', '--records', 'examples/region-sud/records.csv'] },
  { what: 'The options of one command, with examples', argv: ['settle', '--help'] },
];

const HELP_EXAMPLES: readonly Example[] = [
  { what: 'The list of commands', argv: ['help'] },
  { what: 'The options of settle, with examples', argv: ['help', 'settle'] },
];

/** A list of terms and their descriptions, aligned and wrapped as commander lists options. */
function itemList(heading: string, items: readonly (readonly [string, string])[]): string {
  const helper = new Help();
  helper.helpWidth = HELP_WIDTH;
  const width = Math.max(...items.map(([term]) => term.length));
  return [heading, ...items.map(([term, description]) => helper.formatItem(term, width, description, helper))].join('\n');
}

/**
 * The help text after commander's: examples (each runs from the root of a clone), exit codes
 * and where the reference is.
 *
 * @example
 * helpAfter([{ what: 'Print the version', argv: ['version'] }], [[0, 'printed']]);
 */
export function helpAfter(examples: readonly Example[], exitCodes: readonly (readonly [number, string])[]): string {
  const helper = new Help();
  const shown = examples.flatMap((example) => [
    ...helper.boxWrap(`${example.what}:`, HELP_WIDTH - 2).split('\n').map((line) => `  ${line}`),
    `    $ ${PROGRAM} ${example.argv.join(' ')}`,
  ]);
  return ['', 'Examples:', ...shown, '', itemList('Exit codes:', exitCodes.map(([code, meaning]) => [String(code), meaning])), '', 'Reference: docs/cli.md'].join('\n');
}

/**
 * A command's term in the list of commands: its name and its described arguments (an argument
 * without a description, validate's older positional spelling of --contract, is not shown).
 */
function subcommandTerm(command: Definition): string {
  const args = command.registeredArguments
    .filter((argument) => argument.description !== '')
    .map((argument) => (argument.required ? `<${argument.name()}>` : `[${argument.name()}]`));
  return [command.name(), ...args].join(' ');
}

/** A program being run: the commander program, and what its run decided. */
export interface Program {
  /** The commander program, to parse the arguments with (`parseAsync(argv, { from: 'user' })`). */
  readonly program: Definition;
  /** The exit code of the command that ran (0 until one has run). */
  readonly exitCode: () => number;
  /** The command being parsed or run, once commander has chosen it (for error messages). */
  readonly current: () => string | undefined;
}

function defineCommand(program: Definition, command: Command, io: CliIo, done: (code: number) => void): void {
  const definition = program
    .command(command.name)
    .summary(command.summary)
    .description(command.description ?? command.summary)
    .helpOption('-h, --help', 'show this help');
  command.define?.(definition);
  definition.addHelpText('after', helpAfter(command.examples, command.exitCodes));
  definition.action(async () => {
    const args = definition.processedArgs.filter((arg): arg is string => typeof arg === 'string');
    done(await command.run({ args, options: definition.opts() }, io));
  });
}

/**
 * `outcome-pay help [command]`, instead of commander's implicit help command, which shows the
 * whole help on stderr for an unknown command instead of saying so.
 */
function defineHelp(program: Definition): void {
  const help = program
    .command('help')
    .summary('Show this help, or the help of a command.')
    .description('Shows the list of commands, or the help of one command (the same as `outcome-pay <command> --help`).')
    .argument('[command]', 'the command to describe')
    .helpOption('-h, --help', 'show this help');
  help.addHelpText('after', helpAfter(HELP_EXAMPLES, [[EXIT.OK, 'help shown'], [EXIT.USAGE, 'no such command']]));
  help.action((name: string | undefined) => {
    const target = name === undefined ? program : program.commands.find((command) => command.name() === name);
    if (target === undefined) {
      const names = program.commands.map((command) => command.name()).join(', ');
      help.error(`error: unknown command ${JSON.stringify(name)} (the commands are ${names})`, { exitCode: EXIT.USAGE, code: 'commander.unknownCommand' });
    } else {
      target.outputHelp();
    }
  });
}

/**
 * Builds the commander program of the given commands, writing to `io`: help on stdout, nothing
 * written by commander itself for an error (the caller words it), commander errors thrown (never
 * `process.exit`), no colours, help wrapped at 80 columns.
 *
 * @example
 * const { program, exitCode } = buildProgram(io);
 * await program.parseAsync(['version'], { from: 'user' });
 * exitCode(); // 0
 */
export function buildProgram(io: CliIo, commands: readonly Command[] = COMMANDS): Program {
  let code: number = EXIT.OK;
  let current: string | undefined;
  const program = new Definition(PROGRAM)
    .description(`${PROGRAM} ${VERSION}: exact, explained payments for outcome-based workforce contracts.`)
    .configureOutput({
      writeOut: (text) => {
        io.stdout(text);
      },
      writeErr: (text) => {
        io.stderr(text);
      },
      outputError: () => undefined,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .configureHelp({ helpWidth: HELP_WIDTH, subcommandTerm })
    .exitOverride()
    .enablePositionalOptions()
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .helpCommand(false)
    .hook('preSubcommand', (_, sub) => {
      current = sub.name();
    });
  for (const command of commands) {
    defineCommand(program, command, io, (exit) => {
      code = exit;
    });
  }
  defineHelp(program);
  program.addHelpText('after', helpAfter(PROGRAM_EXAMPLES, EXIT_CODES));
  return { program, exitCode: () => code, current: () => current };
}
