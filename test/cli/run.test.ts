import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import type { Command } from '../../src/cli/commands/command.js';
import { CliUsageError, EXIT, run, usageText } from '../../src/cli/run.js';
import { VERSION } from '../../src/version.js';
import { fakeIo } from './helpers.js';

describe('outcome-pay --version', () => {
  it.each([['--version'], ['-V'], ['version']])('%s prints the version and exits 0', async (flag) => {
    const io = fakeIo();
    expect(await run([flag], io)).toBe(0);
    expect(io.stdoutText()).toBe(`${VERSION}\n`);
    expect(io.stderrText()).toBe('');
  });

  it('rejects extra arguments after --version', async () => {
    const io = fakeIo();
    expect(await run(['--version', 'x'], io)).toBe(2);
    expect(io.stdoutText()).toBe('');
    expect(io.stderrText()).toContain('unexpected argument "x"');
  });
});

describe('outcome-pay --help', () => {
  it.each([[[]], [['--help']], [['-h']], [['help']]])('%j prints usage to stdout and exits 0', async (argv) => {
    const io = fakeIo();
    expect(await run(argv, io)).toBe(0);
    const text = io.stdoutText();
    expect(text).toBe(usageText());
    expect(text).toContain('Usage:');
    expect(text).toContain(VERSION);
    expect(io.stderrText()).toBe('');
  });

  it('lists every registered command with its summary, and help', () => {
    const text = usageText();
    expect(COMMANDS.length).toBeGreaterThan(0);
    for (const command of COMMANDS) {
      expect(text).toMatch(new RegExp(`^  ${command.name} +${command.summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    }
    expect(text).toMatch(/^ {2}help +\S/m);
  });

  it('help <command> and <command> --help print that command usage', async () => {
    for (const command of COMMANDS) {
      const a = fakeIo();
      expect(await run(['help', command.name], a)).toBe(0);
      expect(a.stdoutText()).toBe(`${command.usage}\n`);
      const b = fakeIo();
      expect(await run([command.name, '--help'], b)).toBe(0);
      expect(b.stdoutText()).toBe(`${command.usage}\n`);
    }
  });

  it('help <unknown> exits 2 with a message on stderr', async () => {
    const io = fakeIo();
    expect(await run(['help', 'nope'], io)).toBe(2);
    expect(io.stdoutText()).toBe('');
    expect(io.stderrText()).toContain('unknown command "nope"');
  });
});

describe('unknown commands and options', () => {
  it('an unknown command prints a clear message to stderr and exits 2', async () => {
    const io = fakeIo();
    expect(await run(['frobnicate', '--x'], io)).toBe(EXIT.USAGE);
    expect(io.stdoutText()).toBe('');
    expect(io.stderrText()).toBe(
      'outcome-pay: unknown command "frobnicate".\nRun \'outcome-pay --help\' for usage.\n',
    );
  });

  it('suggests a close command name', async () => {
    const io = fakeIo();
    expect(await run(['versoin'], io)).toBe(2);
    expect(io.stderrText()).toContain('Did you mean "version"?');
  });

  it('an unknown option exits 2', async () => {
    const io = fakeIo();
    expect(await run(['--frob'], io)).toBe(2);
    expect(io.stderrText()).toContain('unknown option "--frob"');
    expect(io.stderrText()).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('a command argument error (CliUsageError) exits 2 without a stack', async () => {
    const io = fakeIo();
    expect(await run(['version', 'extra'], io)).toBe(2);
    expect(io.stderrText()).toBe(
      'outcome-pay: version: unexpected argument "extra"\nRun \'outcome-pay --help\' for usage.\n',
    );
  });
});

describe('internal errors', () => {
  const registry = COMMANDS as Command[];
  const boom: Command = {
    name: 'boom-test',
    summary: 'Throws.',
    usage: 'Usage: outcome-pay boom-test',
    run: () => Promise.reject(new TypeError('cannot read "x" of undefined\nsecond line')),
  };
  const usage: Command = {
    name: 'usage-test',
    summary: 'Throws a usage error.',
    usage: 'Usage: outcome-pay usage-test',
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
    const io = fakeIo();
    expect(await run(['boom-test'], io)).toBe(70);
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
    const io = fakeIo();
    expect(await run(['boom-test'], io)).toBe(70);
    expect(io.stderrText()).toBe('outcome-pay: internal error: plain string\n');
  });

  it('a synchronous CliUsageError from a command exits 2', async () => {
    registry.push(usage);
    const io = fakeIo();
    expect(await run(['usage-test'], io)).toBe(2);
    expect(io.stderrText()).toContain('usage-test: missing <file>');
  });

  it('newly registered commands appear in --help', async () => {
    registry.push(boom);
    const io = fakeIo();
    await run(['--help'], io);
    expect(io.stdoutText()).toMatch(/^ {2}boom-test +Throws\.$/m);
  });
});
