/**
 * The help of every command and docs/cli.md say the same thing: the same options for every command
 * (both ways), the same exit codes, the same examples; and every example runs, on the bundled
 * examples, without a usage error, with the exit code its text announces (a simulation's runs cut
 * to 2: `quick` below; the command line as written, with its own --runs, is checked to parse).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS, type Example } from '../../src/cli/commands/index.js';
import type { CliFile } from '../../src/cli/io.js';
import { nodeIo } from '../../src/cli/node-io.js';
import { PROGRAM_EXAMPLES } from '../../src/cli/program.js';
import { EXIT, EXIT_CODES, run } from '../../src/cli/dispatch.js';
import { fakeIo } from './helpers.js';

const doc = readFileSync('docs/cli.md', 'utf8');

/** The sections of docs/cli.md by title (`## title`). */
const sections = new Map(
  doc
    .split(/^## /m)
    .slice(1)
    .map((section) => [section.slice(0, section.indexOf('\n')), section] as const),
);

/** The section of a command (`outcome-pay settle`), or of the program's global options. */
function sectionOf(command: string | undefined): string {
  const section = sections.get(command === undefined ? 'Global options' : `\`outcome-pay ${command}\``);
  if (section === undefined) throw new Error(`docs/cli.md has no section for ${command ?? 'the global options'}`);
  return section;
}

/** The long options of a table in the section: the rows whose first cell starts with an option. */
function documentedOptions(section: string): string[] {
  return [...section.matchAll(/^\| `(-.*?)` \|/gm)].flatMap((row) => [...(row[1] ?? '').matchAll(/--[a-z][a-z-]*/g)].map((match) => match[0])).sort();
}

/** The codes of the exit-code tables of a section. */
function documentedCodes(section: string): number[] {
  return [...section.matchAll(/^\| (\d+) \|/gm)].map((row) => Number(row[1])).sort((a, b) => a - b);
}

/** The command lines of the section's sh blocks (`outcome-pay ...`, comments left out). */
function documentedExamples(section: string): string[] {
  return [...section.matchAll(/^```sh\n([\s\S]*?)^```/gm)].flatMap((block) => (block[1] ?? '').split('\n').filter((line) => line.startsWith('outcome-pay ')));
}

async function helpOf(command: string | undefined): Promise<string> {
  const io = fakeIo();
  expect(await run(command === undefined ? ['--help'] : [command, '--help'], io)).toBe(EXIT.OK);
  return io.stdoutText();
}

/** The long options listed under Options: in a help text. */
function helpOptions(help: string): string[] {
  const block = /\nOptions:\n([\s\S]*?)\n\n/.exec(help)?.[1] ?? '';
  return [...block.matchAll(/^ {2}(?:-\w, )?(--[a-z][a-z-]*)/gm)].map((match) => match[1] ?? '').sort();
}

/** The codes listed under Exit codes: in a help text. */
function helpCodes(help: string): number[] {
  const block = /\nExit codes:\n([\s\S]*?)\n\n/.exec(help)?.[1] ?? '';
  return [...block.matchAll(/^ {2}(\d+) /gm)].map((match) => Number(match[1])).sort((a, b) => a - b);
}

/** The example command lines of a help text. */
function helpExamples(help: string): string[] {
  return [...help.matchAll(/^ {4}\$ (outcome-pay .*)$/gm)].map((match) => match[1] ?? '');
}

const commands: (string | undefined)[] = [undefined, ...COMMANDS.map((command) => command.name), 'help'];
const label = (command: string | undefined): string => command ?? '(global)';

describe('docs/cli.md and --help agree', () => {
  it('every command has a section, and every section of a command is a command', () => {
    const documented = [...sections.keys()].flatMap((title) => /^`outcome-pay (\S+)`$/.exec(title)?.[1] ?? []);
    expect(documented.sort()).toEqual([...COMMANDS.map((command) => command.name), 'help'].sort());
  });

  it.each(commands.map((command) => [label(command), command]))('%s: the options of --help are those documented, and only those', async (_, command) => {
    const listed = helpOptions(await helpOf(command));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed).toEqual(documentedOptions(sectionOf(command)));
  });

  it.each(commands.map((command) => [label(command), command]))('%s: the exit codes of --help are those documented', async (_, command) => {
    const section = command === undefined ? (sections.get('Exit codes') ?? '') : sectionOf(command);
    expect(helpCodes(await helpOf(command))).toEqual(documentedCodes(section));
  });

  it('the exit codes documented are every code of EXIT, and 3 is the one for a settlement made with data problems', () => {
    expect(documentedCodes(sections.get('Exit codes') ?? '')).toEqual(Object.values(EXIT).sort((a, b) => a - b));
    expect(EXIT_CODES.map(([code]) => code).sort((a, b) => a - b)).toEqual(Object.values(EXIT).sort((a, b) => a - b));
    expect(sections.get('Exit codes')).toMatch(/^\| 3 \| `settle`: settled with data problems/m);
  });

  it.each(commands.map((command) => [label(command), command]))('%s: the examples of --help are those documented', async (_, command) => {
    expect(helpExamples(await helpOf(command))).toEqual(documentedExamples(sectionOf(command)));
  });
});

describe('every example runs', () => {
  /** The real files, an issues file kept in memory, output captured. */
  function exampleIo(): ReturnType<typeof fakeIo> & { written: string[] } {
    const real = nodeIo();
    const written: string[] = [];
    const file: CliFile = { write: (text) => void written.push(text), close: () => Promise.resolve(), discard: () => Promise.resolve() };
    return Object.assign(fakeIo(), {
      readFile: (path: string) => real.readFile(path),
      streamFile: (path: string) => real.streamFile(path),
      spillStorage: (dir: string | undefined) => real.spillStorage(dir),
      written,
      createFile: () => Promise.resolve(file),
      // settle --format csv --out: the files kept in memory too
      createDirectory: () => Promise.resolve(),
      pathExists: () => Promise.resolve(false),
      writeTextFile: (_path: string, text: string) => {
        written.push(text);
        return Promise.resolve();
      },
    });
  }
  const examples: [string, Example, readonly number[]][] = [
    ...PROGRAM_EXAMPLES.map((example): [string, Example, readonly number[]] => ['(global)', example, [EXIT.OK, EXIT.DATA, EXIT.EXCLUDED]]),
    ...COMMANDS.flatMap((command) => command.examples.map((example): [string, Example, readonly number[]] => [command.name, example, command.exitCodes.map(([code]) => code)])),
  ];

  /** The runs an example is run with at most. */
  const QUICK_RUNS = 2;

  /**
   * The example's arguments with at most QUICK_RUNS runs: how many runs a simulation, a
   * calibration or a report draws changes how long it takes (the documented calibrate, report and
   * simulate --tornado examples took 34 s of this file's 42 s at their own runs, about 9 s at 10,
   * about 3.5 s at 2), not whether its options parse nor the exit code it announces, which is what
   * this test checks. Two runs, not one: a spread, a standard deviation and percentiles still have
   * more than one value to work on. The documented --runs itself is checked to parse by the test
   * after (a cut value was not checked before it: `--runs 100` with a maximum of 99 passed).
   */
  function quick(argv: readonly string[]): string[] {
    return argv.map((arg, at) => (argv[at - 1] === '--runs' && Number(arg) > QUICK_RUNS ? String(QUICK_RUNS) : arg));
  }

  /** The arguments with the value of --runs replaced. */
  function withRuns(argv: readonly string[], runs: string): string[] {
    return argv.map((arg, at) => (argv[at - 1] === '--runs' ? runs : arg));
  }

  /**
   * Runs the command line until it reads its first file, which fails: the paths it tried to read
   * (at most that one), the exit code and stderr. Options are parsed, and --runs and --seed
   * checked, before any file is read (the second half of the test below shows it for --runs).
   */
  async function untilFirstRead(argv: readonly string[]): Promise<{ reads: string[]; code: number; stderr: string }> {
    const reads: string[] = [];
    const refuse = (path: string): Promise<never> => {
      reads.push(path);
      return Promise.reject(Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' }));
    };
    const io = Object.assign(exampleIo(), { readFile: refuse, streamFile: refuse });
    const code = await run(argv, io);
    return { reads, code, stderr: io.stderrText() };
  }

  const cut = examples.filter(([, example]) => quick(example.argv).join(' ') !== example.argv.join(' '));

  it('some examples are run with fewer runs than they show: calibrate, forecast, report and simulate', () => {
    expect(new Set(cut.map(([command]) => command))).toEqual(new Set(['calibrate', 'forecast', 'report', 'simulate']));
  });

  it.each(cut.map(([command, example]) => [command, example.argv.join(' '), example] as const))(
    '%s: outcome-pay %s parses as written, its own --runs included',
    async (_, __, example) => {
      // as written: parsed, --runs and --seed accepted, up to reading the contract (refused here)
      const written = await untilFirstRead(example.argv);
      expect(written.reads).toHaveLength(1);
      expect(written.code).toBe(EXIT.USAGE);
      expect(written.stderr).toContain(`cannot read contract file ${JSON.stringify(written.reads[0] ?? '')} (EACCES)`);
      expect(written.stderr).not.toMatch(/--runs|--seed|internal error/);
      // and a --runs it refuses is refused before that read: the check above is not vacuous
      for (const bad of ['0', '1.5', '10000001']) {
        const refused = await untilFirstRead(withRuns(example.argv, bad));
        expect([refused.reads, refused.code], bad).toEqual([[], EXIT.USAGE]);
        expect(refused.stderr, bad).toMatch(/--runs/);
      }
    },
  );

  it.each(examples.map(([command, example, codes]) => [command, example.argv.join(' '), example, codes] as const))('%s: outcome-pay %s', async (_, __, example, codes) => {
    const io = exampleIo();
    const code = await run(quick(example.argv), io);
    expect(io.stderrText()).not.toMatch(/internal error|for usage/);
    expect([EXIT.USAGE, EXIT.INTERNAL]).not.toContain(code);
    expect(codes).toContain(code);
    expect(io.stdoutText()).not.toBe('');
    const announced = /\bexit (\d+)/.exec(example.what)?.[1];
    expect(code).toBe(announced === undefined ? EXIT.OK : Number(announced));
  });
});
