/**
 * The command line as commander parses it: help, version, unknown and missing things, options
 * given twice, and errors escaping a command. Every usage error is a message on stderr (never a
 * stack), nothing on stdout, exit 2.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import type { Command } from '../../src/cli/commands/command.js';
import { CliUsageError, EXIT, EXIT_CODES, run } from '../../src/cli/dispatch.js';
import { fakeIo, type FakeIo } from './helpers.js';

const packageVersion = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

async function ran(argv: readonly string[], files: Readonly<Record<string, string>> = {}): Promise<{ code: number; io: FakeIo }> {
  const io = fakeIo(files);
  return { code: await run(argv, io), io };
}

/** A usage error: exit 2, nothing on stdout, the message and where to find the usage on stderr, no stack. */
async function usageError(argv: readonly string[], message: string, help = 'outcome-pay'): Promise<string> {
  const { code, io } = await ran(argv);
  expect(code, argv.join(' ')).toBe(EXIT.USAGE);
  expect(io.stdoutText()).toBe('');
  expect(io.stderrText()).toContain(message);
  expect(io.stderrText()).toMatch(new RegExp(`^outcome-pay: .*\\nRun '${help} --help' for usage\\.\\n$`, 's'));
  expect(io.stderrText()).not.toMatch(/\n\s+at /);
  return io.stderrText();
}

describe('outcome-pay --version', () => {
  it.each([['--version'], ['-V'], ['version']])('%s prints the version of package.json and exits 0', async (flag) => {
    const { code, io } = await ran([flag]);
    expect(code).toBe(0);
    expect(io.stdoutText()).toBe(`${packageVersion}\n`);
    expect(io.stderrText()).toBe('');
  });

  it('refuses an argument after --version, and one after the version command', async () => {
    await usageError(['--version', 'x'], 'unexpected argument "x" after --version');
    await usageError(['version', 'extra'], "version: too many arguments for 'version'. Expected 0 arguments but got 1.", 'outcome-pay version');
  });
});

describe('outcome-pay --help', () => {
  it('no arguments, --help, -h and help print the same help on stdout and exit 0', async () => {
    const texts: string[] = [];
    for (const argv of [[], ['--help'], ['-h'], ['help']]) {
      const { code, io } = await ran(argv);
      expect(code).toBe(0);
      expect(io.stderrText()).toBe('');
      texts.push(io.stdoutText());
    }
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toMatch(/^Usage: outcome-pay \[options\] \[command\]\n/);
    expect(texts[0]).toContain(packageVersion);
  });

  it('lists every command with its summary, help included, and every exit code', async () => {
    const { io } = await ran(['--help']);
    const text = io.stdoutText().replace(/\n {3,}/g, ' '); // summaries wrapped on two lines joined
    for (const [name, summary] of [...COMMANDS.map((c) => [c.name, c.summary]), ['help', 'Show this help, or the help of a command.']]) {
      expect(text.split('\n').some((line) => line.startsWith(`  ${name ?? ''} `) && line.endsWith(`  ${summary ?? ''}`)), name).toBe(true);
    }
    for (const [code] of EXIT_CODES) expect(io.stdoutText()).toMatch(new RegExp(`^ {2}${code} +\\S`, 'm'));
  });

  it('help <command>, <command> --help and <command> -h print the same help, with examples and exit codes', async () => {
    for (const command of [...COMMANDS.map((c) => c.name), 'help']) {
      const texts: string[] = [];
      for (const argv of [['help', command], [command, '--help'], [command, '-h']]) {
        const { code, io } = await ran(argv);
        expect(code).toBe(0);
        expect(io.stderrText()).toBe('');
        texts.push(io.stdoutText());
      }
      expect(new Set(texts).size, command).toBe(1);
      expect(texts[0]).toMatch(new RegExp(`^Usage: outcome-pay ${command}\\b`));
      expect(texts[0]).toMatch(/\nExamples:\n(?: {2}\S.*\n)+ {4}\$ outcome-pay /);
      expect(texts[0]).toMatch(/\nExit codes:\n {2}0 +\S/);
    }
  });

  it('help <unknown> is a usage error naming the commands', async () => {
    await usageError(['help', 'nope'], 'help: unknown command "nope" (the commands are settle, explain, statements, report, validate, simulate, forecast, calibrate, migrate, schema, version, help)', 'outcome-pay help');
  });
});

describe('unknown commands and options', () => {
  it('an unknown command: a clear message on stderr, exit 2', async () => {
    const stderr = await usageError(['frobnicate', '--x'], "unknown command 'frobnicate'");
    expect(stderr).toBe("outcome-pay: unknown command 'frobnicate'\nRun 'outcome-pay --help' for usage.\n");
  });

  it('suggests a close command name', async () => {
    await usageError(['versoin'], "unknown command 'versoin'\n(Did you mean version?)");
  });

  it('an unknown option, before a command or in one: exit 2, the option named, a close one suggested', async () => {
    await usageError(['--frob'], "unknown option '--frob'");
    await usageError(['settle', '--contract', 'c.json', '--records', 'r.csv', '--as-of', 'x', '--asof', '2025-06-30'], "settle: unknown option '--asof'\n(Did you mean --as-of?)", 'outcome-pay settle');
    await usageError(['validate', '--contract', 'c.json', '--sumary'], "validate: unknown option '--sumary'", 'outcome-pay validate');
    // program options go before the command (commander's positional options): after it, --version is unknown
    await usageError(['settle', '--contract', 'c.json', '--records', 'r.csv', '--as-of', 'x', '--version'], "settle: unknown option '--version'", 'outcome-pay settle');
    await usageError(['validate', '--json=yes', 'c.json'], "validate: unknown option '--json=yes'", 'outcome-pay validate');
  });

  it('an unknown option that would act on the terminal is printed escaped', async () => {
    const stderr = await usageError(['--\u001b[2J'], "unknown option '--\\u001b[2J'");
    expect(stderr).not.toContain('\u001b');
  });
});

describe('missing and repeated options', () => {
  const settle = ['settle', '--contract', 'c.json', '--records', 'r.csv', '--as-of', '2025-06-30'];
  const without = (flag: string): string[] => settle.filter((arg, k) => arg !== flag && settle[k - 1] !== flag);

  it.each([
    ['--contract', '--contract <file>'],
    ['--records', '--records <file>'],
    ['--as-of', '--as-of <YYYY-MM-DD>'],
  ])('settle without %s: exit 2, the option named', async (flag, shown) => {
    await usageError(without(flag), `settle: required option '${shown}' not specified`, 'outcome-pay settle');
  });

  it('validate without a contract, or with it twice: exit 2', async () => {
    await usageError(['validate', '--records', 'r.csv'], "validate: required option '--contract <file>' not specified", 'outcome-pay validate');
    await usageError(['validate', 'a.json', '--contract', 'b.json'], 'validate: the contract given twice (--contract "b.json" and "a.json")', 'outcome-pay validate');
    await usageError(['validate', 'a.json', 'b.json'], "validate: too many arguments for 'validate'", 'outcome-pay validate');
  });

  it('schema without its argument, or with another one: exit 2', async () => {
    await usageError(['schema'], "schema: missing required argument 'which'", 'outcome-pay schema');
    await usageError(['schema', 'settlement'], "schema: command-argument value 'settlement' is invalid for argument 'which'. Allowed choices are contract, records, assumptions.", 'outcome-pay schema');
  });

  it('an option without its value, or with an empty one: exit 2', async () => {
    await usageError(['settle', '--contract', 'c.json', '--records', 'r.csv', '--as-of'], "settle: option '--as-of <YYYY-MM-DD>' argument missing", 'outcome-pay settle');
    await usageError([...without('--as-of'), '--as-of='], 'settle: --as-of needs a value', 'outcome-pay settle');
    await usageError([...settle, '--previous', ''], 'settle: --previous needs a value', 'outcome-pay settle');
  });

  it('--detail takes participants or totals', async () => {
    await usageError([...settle, '--detail', 'everything'], `settle: option '--detail <level>' argument 'everything' is invalid. It takes "participants" or "totals".`, 'outcome-pay settle');
  });

  it.each([
    ['--as-of', '2025-06-30', '2024-06-30'],
    ['--records', 'a.csv', 'b.csv'],
    ['--contract', 'a.json', 'b.json'],
    ['--max-excluded', '2', '2'],
  ])('%s twice is a usage error (exit 2), whatever the values and the spelling', async (flag, first, second) => {
    const message = `settle: ${flag} given twice (${JSON.stringify(first)} and ${JSON.stringify(second)}); give it once`;
    await usageError([...without(flag), flag, first, flag, second], message, 'outcome-pay settle');
    await usageError([...without(flag), `${flag}=${first}`, flag, second], message, 'outcome-pay settle');
  });

  it('--previous may be repeated: every file given is read', async () => {
    const files = { 'contract.json': readFileSync('examples/region-sud/contract.json', 'utf8'), 'records.csv': readFileSync('examples/region-sud/records.csv', 'utf8') };
    const first = await ran(['settle', '--contract', 'contract.json', '--records', 'records.csv', '--as-of', '2025-06-30'], files);
    expect(first.code).toBe(EXIT.EXCLUDED);
    // the same settlement twice is refused as data (PREVIOUS_DUPLICATE, exit 1): both were read
    const twice = await ran([...settle.slice(0, 5), '--as-of', '2025-06-30', '--previous', 'p.json', '--previous=p.json'], {
      ...files,
      'c.json': files['contract.json'],
      'r.csv': files['records.csv'],
      'p.json': first.io.stdoutText(),
    });
    expect(twice.code).toBe(EXIT.DATA);
    expect(twice.io.stderrText()).toContain('PREVIOUS_DUPLICATE');
    expect(twice.io.stdoutText()).toBe('');
  });
});

describe('internal errors', () => {
  const registry = COMMANDS as Command[];
  const boom: Command = {
    name: 'boom-test',
    summary: 'Throws.',
    examples: [],
    exitCodes: [],
    run: () => Promise.reject(new TypeError('cannot read "x" of undefined\nsecond line')),
  };
  const usage: Command = {
    ...boom,
    name: 'usage-test',
    summary: 'Throws a usage error.',
    run: () => {
      throw new CliUsageError('usage-test: missing <file>');
    },
  };

  afterEach(() => {
    for (const name of [boom.name, usage.name]) {
      const index = registry.findIndex((c) => c.name === name);
      if (index !== -1) registry.splice(index, 1);
    }
  });

  it('prints exactly one line and exits 70, with no stack', async () => {
    registry.push(boom);
    const { code, io } = await ran(['boom-test']);
    expect(code).toBe(70);
    expect(io.stderrText()).toBe('outcome-pay: internal error: cannot read "x" of undefined\n');
    expect(io.stdoutText()).toBe('');
  });

  it('prints the stack when OUTCOME_PAY_DEBUG=1', async () => {
    registry.push(boom);
    const io = fakeIo({}, { OUTCOME_PAY_DEBUG: '1' });
    expect(await run(['boom-test'], io)).toBe(70);
    const lines = io.stderrText().split('\n');
    expect(lines[0]).toBe('outcome-pay: internal error: cannot read "x" of undefined');
    expect(io.stderrText()).toMatch(/TypeError: cannot read/);
    expect(io.stderrText()).toMatch(/\n\s+at /);
  });

  it('handles non-Error throwables', async () => {
    registry.push({
      ...boom,
      run: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the point of the test
        throw 'plain string';
      },
    });
    const { code, io } = await ran(['boom-test']);
    expect(code).toBe(70);
    expect(io.stderrText()).toBe('outcome-pay: internal error: plain string\n');
  });

  it('a synchronous CliUsageError from a command exits 2, pointing at the command help', async () => {
    registry.push(usage);
    await usageError(['usage-test'], 'usage-test: missing <file>', 'outcome-pay usage-test');
  });

  it('newly registered commands appear in --help', async () => {
    registry.push(boom);
    const { io } = await ran(['--help']);
    expect(io.stdoutText()).toMatch(/^ {2}boom-test +Throws\.$/m);
  });
});
