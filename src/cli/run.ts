/**
 * The `outcome-pay` command dispatcher, independent of the process so it can be tested directly.
 *
 * @module
 */
import { VERSION } from '../version.js';
import { COMMANDS, findCommand } from './commands/index.js';
import { InputError } from './input.js';
import { CliUsageError, EXIT, type CliIo } from './io.js';
import { issueLines } from './print-issues.js';
import { printable } from './printable.js';

export type { CliIo } from './io.js';
export { CliUsageError, EXIT } from './io.js';

const PROGRAM = 'outcome-pay';

/**
 * The top-level usage text printed by `outcome-pay --help` (and with no arguments).
 *
 * @example
 * console.log(usageText()); // 'outcome-pay 0.1.0 - exact, explained payments ...'
 */
export function usageText(): string {
  const names = [...COMMANDS.map((c) => c.name), 'help'];
  const width = Math.max(...names.map((n) => n.length)) + 2;
  const lines = [
    `${PROGRAM} ${VERSION} - exact, explained payments for outcome-based workforce contracts`,
    '',
    'Usage:',
    `  ${PROGRAM} <command> [arguments...]`,
    `  ${PROGRAM} help <command>`,
    `  ${PROGRAM} --help | -h`,
    `  ${PROGRAM} --version | -V`,
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    `  ${'help'.padEnd(width)}Show this text, or the usage of one command.`,
    '',
    'Exit codes: 0 success, 1 problem found in the input data, 2 bad command line,',
    '3 settled but invalid records were excluded (settle), 70 internal error (set',
    'OUTCOME_PAY_DEBUG=1 to see the stack trace).',
  ];
  return `${lines.join('\n')}\n`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function suggestion(name: string): string {
  const candidates = [...COMMANDS.map((c) => c.name), 'help'];
  const close = candidates.filter((c) => editDistance(name, c) <= 2);
  return close.length > 0 ? ` Did you mean "${close[0] ?? ''}"?` : '';
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`${PROGRAM}: ${printable(message)}\nRun '${PROGRAM} --help' for usage.\n`);
  return EXIT.USAGE;
}

function quoted(value: string): string {
  return JSON.stringify(value);
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    if (first !== undefined && rest.length > 0) {
      return usageError(io, `unexpected argument ${quoted(rest[0] ?? '')} after ${first}`);
    }
    io.stdout(usageText());
    return EXIT.OK;
  }
  if (first === '--version' || first === '-V') {
    if (rest.length > 0) {
      return usageError(io, `unexpected argument ${quoted(rest[0] ?? '')} after ${first}`);
    }
    io.stdout(`${VERSION}\n`);
    return EXIT.OK;
  }
  if (first === 'help') {
    const [topic, ...extra] = rest;
    if (topic === undefined) {
      io.stdout(usageText());
      return EXIT.OK;
    }
    if (extra.length > 0) return usageError(io, `help: unexpected argument ${quoted(extra[0] ?? '')}`);
    if (topic === 'help') {
      io.stdout(`Usage: ${PROGRAM} help [command]\n\nShows the list of commands, or the usage of one command.\n`);
      return EXIT.OK;
    }
    const command = findCommand(topic);
    if (command === undefined) {
      return usageError(io, `help: unknown command ${quoted(topic)}.${suggestion(topic)}`);
    }
    io.stdout(`${command.usage}\n`);
    return EXIT.OK;
  }
  if (first.startsWith('-')) {
    return usageError(io, `unknown option ${quoted(first)}.`);
  }
  const command = findCommand(first);
  if (command === undefined) {
    return usageError(io, `unknown command ${quoted(first)}.${suggestion(first)}`);
  }
  const separator = rest.indexOf('--');
  const beforeSeparator = separator === -1 ? rest : rest.slice(0, separator);
  if (beforeSeparator.includes('--help') || beforeSeparator.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return EXIT.OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliUsageError) return usageError(io, error.message);
    if (error instanceof InputError) {
      io.stderr(`${PROGRAM}: ${printable(error.message)}\n${issueLines(error.issues)}`);
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
 * stderr (plus the stack when `io.env.OUTCOME_PAY_DEBUG` is `1`) and exit code 70.
 *
 * @param argv - the arguments after the program name (`process.argv.slice(2)`)
 * @param io - where to write output and how to read files
 * @returns the exit code: 0 success, 1 bad input data, 2 bad command line, 3 settled with records
 *   excluded, 70 internal error
 *
 * @example
 * const out: string[] = [];
 * const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t), readFile: async () => new Uint8Array() };
 * const code = await run(['--version'], io); // 0, out = ['0.1.0\n']
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    try {
      io.stderr(`${PROGRAM}: internal error: ${printable(describe(error))}\n`);
      if (io.env?.['OUTCOME_PAY_DEBUG'] === '1' && error instanceof Error && error.stack !== undefined) {
        io.stderr(`${error.stack}\n`);
      }
    } catch {
      // stderr itself failed; nothing more can be reported.
    }
    return EXIT.INTERNAL;
  }
}
