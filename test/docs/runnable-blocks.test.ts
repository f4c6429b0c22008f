/**
 * Every code block of README.md and docs/ marked runnable runs, and ends with the status it states
 * (docs/testing.md, "Runnable examples in the docs"; the runner is test/docs/runnable.ts). The
 * README's tour and the key examples of the docs are marked, so a command, an option or an import
 * that changes breaks here rather than in a newcomer's hands.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { makeSandbox, realNpx, runBlocks, runnableBlocks, typeCheckPages, type BlockRun, type RunnableBlock } from './runnable.js';

const ROOT = process.cwd();

/** README.md and every Markdown page under docs/ (the generated reference aside). */
function pages(): string[] {
  const found: string[] = ['README.md'];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path !== join('docs', 'reference')) walk(path);
      } else if (entry.name.endsWith('.md')) found.push(path);
    }
  };
  walk('docs');
  return found.sort();
}

function describeFailure(page: string, run: BlockRun): string {
  return [
    `${page}:${run.block.line}: a ${run.block.lang} runnable block ended with status ${String(run.status)}, not ${run.block.exit}`,
    run.block.code,
    `--- stdout\n${run.stdout.slice(0, 2000)}`,
    `--- stderr\n${run.stderr.slice(0, 2000)}`,
  ].join('\n');
}

const marked = pages()
  .map((page) => ({ page, blocks: runnableBlocks(readFileSync(page, 'utf8')) }))
  .filter((entry) => entry.blocks.length > 0);

/** The pages with TypeScript blocks. */
const typed = marked.filter((entry) => entry.blocks.some((block) => block.lang === 'ts'));

/** A block that does not type-check, for the runner's own test (checked in the same run). */
const NOT_TYPED = { page: '(the runner: a block that does not type-check)', blocks: runnableBlocks("```ts runnable\nimport { settle } from 'outcome-pay';\nconst n: number = settle;\n```\n") };

/**
 * The compiler's messages for each page with TypeScript blocks, and for the runner's failing
 * block: one run of the compiler for them all (seconds each), started as the file loads so that
 * it works while the blocks run (the tests below wait for it).
 */
const checking = typeCheckPages(ROOT, [...typed, NOT_TYPED]);
// a failure is reported by the tests that wait for it, not as an unhandled rejection first
checking.catch(() => undefined);

describe('runnable blocks of the docs', () => {
  it('the README tour, the command line, the concepts and the versions pages have runnable blocks', () => {
    const counts = new Map(marked.map((entry) => [entry.page, entry.blocks.length]));
    for (const page of ['README.md', join('docs', 'cli.md'), join('docs', 'concepts.md'), join('docs', 'versions.md')]) {
      expect(counts.get(page) ?? 0, page).toBeGreaterThan(0);
    }
    expect(marked.flatMap((entry) => entry.blocks.map((block) => block.lang))).toEqual(expect.arrayContaining(['sh', 'ts']));
  });

  it.each(marked.map((entry) => [entry.page, entry.blocks] as const))('%s: every runnable block runs', (page, blocks) => {
    const failures = runBlocks(ROOT, blocks).filter((run) => !run.ok).map((run) => describeFailure(page, run));
    expect(failures).toEqual([]);
  }, 600_000);

  it.each(typed.map((entry) => [entry.page, entry.blocks] as const))(
    '%s: every runnable TypeScript block type-checks against the built declarations',
    async (page) => {
      expect((await checking).get(page), page).toBe('');
    },
    120_000,
  );
});

describe('where the commands of the docs write', () => {
  // The blocks run in a sandbox holding only dist, examples, node_modules, package.json and test;
  // a reader runs them in the clone's root, where `--out statements` would write into the
  // package's own statements/ entry point (published with it). So no command shown in the docs
  // writes to a path that is already in the clone.
  it('no --out of a command in README.md or docs/ names a file or directory of the clone', () => {
    const outs = pages().flatMap((page) =>
      [...readFileSync(page, 'utf8').matchAll(/outcome-pay [^\n`]*?--out (\S+)/g)].map((match) => ({ page, out: match[1] ?? '' })),
    );
    expect(outs.length).toBeGreaterThan(5);
    expect(outs.map(({ out }) => out)).toContain('region-sud-statements');
    expect(outs.filter(({ out }) => !out.startsWith('<') && existsSync(join(ROOT, out.split('/')[0] ?? out)))).toEqual([]);
  });
});

describe('the runner', () => {
  it('fails a block that fails, and one that succeeds where a status was stated', () => {
    const markdown = [
      '```sh runnable',
      'outcome-pay --version',
      '```',
      '```sh runnable',
      'outcome-pay settle --contract missing.json --records missing.csv --as-of 2025-06-30',
      'echo never reached',
      '```',
      '```sh runnable exit=3',
      'true',
      '```',
      '```ts runnable',
      "import { isErrorCode } from 'outcome-pay';",
      "const code: string = 'ARGUMENT_INVALID';",
      "if (!isErrorCode(code)) throw new Error('not a code');",
      '```',
      '```js runnable',
      "import { VERSION } from 'outcome-pay';",
      "if (VERSION !== 'no such version') throw new Error(`version ${VERSION}`);",
      '```',
    ].join('\n');
    const runs = runBlocks(ROOT, runnableBlocks(markdown));
    expect(runs.map((run) => [run.status, run.ok])).toEqual([
      [0, true],
      [2, false],
      [0, false],
      [0, true],
      [1, false],
    ]);
    expect(runs[1]?.stdout).not.toContain('never reached');
    expect(runs[4]?.stderr).toContain('version 0.');
  }, 120_000);

  it("runs the docs' `npx outcome-pay` as the built command, and npm's npx runs that command in a clone", () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    // npm's own npx, once: in a clone, `npx outcome-pay` is the clone's package (the README says so)
    const sandbox = makeSandbox(ROOT);
    try {
      const real = spawnSync(realNpx(), ['outcome-pay', '--version'], { cwd: sandbox.dir, env: sandbox.env, encoding: 'utf8', timeout: 120_000 });
      expect([real.status, real.stdout.trim()]).toEqual([0, version]);
    } finally {
      sandbox.remove();
    }
    // in a block, the shim: outcome-pay's own version, and any other npx command to npm's npx
    const runs = runBlocks(ROOT, runnableBlocks('```sh runnable\nnpx outcome-pay --version\n```\n```sh runnable\nnpx --version\n```\n'));
    expect(runs.map((run) => [run.status, run.stdout.trim()])).toEqual([
      [0, version],
      [0, expect.stringMatching(/^\d+\.\d+\.\d+$/)],
    ]);
    expect(runs[1]?.stdout.trim()).not.toBe(version);
  }, 120_000);

  it('reports a TypeScript block that does not type-check, on its page only', async () => {
    expect(NOT_TYPED.blocks.map((block: RunnableBlock) => block.lang)).toEqual(['ts']);
    const checked = await checking;
    expect(checked.get(NOT_TYPED.page)).toMatch(/block-1\.ts.*TS2322/);
    // checked with the pages' blocks, its message is not theirs
    for (const { page } of typed) expect(checked.get(page), page).not.toMatch(/TS2322/);
  }, 120_000);

  it('refuses a marker it does not understand rather than skip the block', () => {
    expect(() => runnableBlocks('```python runnable\nprint(1)\n```\n')).toThrow(/sh, ts or js/);
    expect(() => runnableBlocks('```sh runnable status=3\ntrue\n```\n')).toThrow(/exit=N/);
    expect(() => runnableBlocks('```sh no runnable\ntrue\n```\n')).toThrow(/right after the language/);
    expect(runnableBlocks('```sh\nfalse\n```\n```sh runnable exit=3\nexit 3\n```\n')).toEqual([{ line: 4, lang: 'sh', exit: 3, code: 'exit 3\n' }]);
    // A block shown inside a longer fence is text, not a block of the page.
    expect(runnableBlocks('````md\n```sh runnable\nfalse\n```\n````\n```js runnable\n1;\n```\n')).toEqual([{ line: 6, lang: 'js', exit: 0, code: '1;\n' }]);
  });
});
