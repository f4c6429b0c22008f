/**
 * The `outcome-pay` command dispatcher, independent of the process so it can be tested directly.
 * The command line is parsed by commander (src/cli/program.ts); this module turns what happened
 * into output and an exit code.
 *
 * @module
 */
import { CommanderError } from 'commander';
import { InputError } from './input.js';
import { CliUsageError, EXIT, type CliIo } from './io.js';
import { issueLines } from './print-issues.js';
import { printable, printableLines } from './printable.js';
import { buildProgram, PROGRAM } from './program.js';
import { STDERR_MESSAGES, stderrLang } from './stderr-messages.js';
import type { Lang } from '../format/index.js';

export type { CliIo } from './io.js';
export { CliUsageError, EXIT } from './io.js';
export { EXIT_CODES, PROGRAM } from './program.js';

/**
 * The usage error: what is wrong on stderr (a suggestion on the lines after), then where to find
 * the usage, framed in the language of the messages (the sentence itself is the command line's,
 * in English); exit 2.
 */
function usageError(io: CliIo, lang: Lang, command: string | undefined, message: string, ...more: readonly string[]): number {
  const help = command === undefined ? PROGRAM : `${PROGRAM} ${command}`;
  const m = STDERR_MESSAGES[lang];
  io.stderr(printableLines([`${PROGRAM}: ${m.usage(message)}`, ...more, m.seeHelp(help)]));
  return EXIT.USAGE;
}

/**
 * A commander error in words: commander's message without its `error: ` prefix, prefixed with the
 * command it concerns, on as many lines as commander gave (a suggestion comes on a second line).
 */
function commanderMessage(error: CommanderError, command: string | undefined): string[] {
  const [first = '', ...rest] = error.message.replace(/^error: /, '').split('\n');
  return [command === undefined ? first : `${command}: ${first}`, ...rest];
}

async function dispatch(argv: readonly string[], io: CliIo, lang: Lang): Promise<number> {
  const { program, exitCode, current } = buildProgram(io);
  const [first, ...rest] = argv;
  if (first === undefined) {
    program.outputHelp();
    return EXIT.OK;
  }
  if ((first === '--version' || first === '-V') && rest.length > 0) {
    // commander prints the version whatever follows; a stray argument is more likely a mistake
    return usageError(io, lang, undefined, `unexpected argument ${JSON.stringify(rest[0] ?? '')} after ${first}`);
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode();
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.OK; // help or version shown
      if (error.code === 'commander.help') return EXIT.USAGE; // commander showed the help on stderr: no command given
      const [line = '', ...more] = commanderMessage(error, current());
      return usageError(io, lang, current(), line, ...more);
    }
    if (error instanceof CliUsageError) return usageError(io, lang, current(), error.message);
    if (error instanceof InputError) {
      io.stderr(`${PROGRAM}: ${printable(STDERR_MESSAGES[lang].input(error.message))}\n${issueLines(error.issues, lang)}`);
      return EXIT.DATA;
    }
    throw error;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? '';
  try {
    return String(error);
  } catch {
    return 'unknown error';
  }
}

/**
 * Runs the `outcome-pay` command line and returns the process exit code. Never throws: an
 * unexpected exception is reported as one line `outcome-pay: internal error: <message>` on
 * stderr (plus the stack when `io.env.OUTCOME_PAY_DEBUG` is `1`) and exit code 70. Data goes to
 * stdout (a settlement, a summary, a schema, help asked for), messages to stderr (warnings,
 * problems that stopped a command, usage errors).
 *
 * @param argv - the arguments after the program name (`process.argv.slice(2)`)
 * @param io - where to write output and how to read files
 * @returns the exit code: 0 success, 1 bad input data, 2 bad command line, 3 settled with records
 *   excluded, 70 internal error (docs/cli.md)
 *
 * @example
 * const out: string[] = [];
 * const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t), readFile: async () => new Uint8Array() };
 * const code = await run(['--version'], io); // 0, out = ['0.1.0\n']
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = stderrLang(argv);
  try {
    return await dispatch(argv, io, lang);
  } catch (error) {
    try {
      io.stderr(`${PROGRAM}: ${printable(STDERR_MESSAGES[lang].internal(describe(error)))}\n`);
      if (io.env?.['OUTCOME_PAY_DEBUG'] === '1' && error instanceof Error && error.stack !== undefined) {
        io.stderr(`${error.stack}\n`);
      }
    } catch {
      // stderr itself failed; nothing more can be reported.
    }
    return EXIT.INTERNAL;
  }
}
