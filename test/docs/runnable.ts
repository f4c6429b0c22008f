/**
 * Runs the code blocks of a Markdown page marked runnable (docs/testing.md, "Runnable examples in
 * the docs"): a fence whose info string is `sh runnable`, `ts runnable` or `js runnable`, with
 * `exit=N` after it when the block is meant to end with status N (a settlement with records
 * excluded exits 3).
 *
 * The blocks of one page run in order in one sandbox, a temporary directory holding links to the
 * clone's `dist/`, `examples/`, `test/` (its fixtures), `node_modules/` and `package.json`, so a block reads the examples
 * as a reader in the clone's root would and writes where it likes without touching the clone.
 * Shell blocks run with `bash -e -o pipefail` (the first failing command ends the block), with
 * `outcome-pay` on the PATH (the built `dist/cli.js`, as installed) and `npx outcome-pay` working
 * as in a clone. `npx outcome-pay ...` runs that same `outcome-pay` directly: npm's own npx costs
 * about 3 s of processor a call (it installs the clone's package in its cache first), and the docs
 * call it dozens of times; that the real npx runs the clone's command is checked once, by the
 * runner's own test (`realNpx`). Any other `npx` command goes to npm's npx. TypeScript and
 * JavaScript blocks are turned into ES modules by esbuild (types stripped, nothing bundled) and run by Node in the sandbox, where `import ... from 'outcome-pay'`
 * (and every subpath of package.json exports) is the built package, as a user imports it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { transformSync } from 'esbuild';

/** A runnable block: where it starts, its language, the status it must end with, and its code. */
export interface RunnableBlock {
  /** The line of its opening fence (1-based). */
  readonly line: number;
  readonly lang: 'sh' | 'ts' | 'js';
  readonly exit: number;
  readonly code: string;
}

/** The outcome of one block. */
export interface BlockRun {
  readonly block: RunnableBlock;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** True when it ended with the status it states (0 by default). */
  readonly ok: boolean;
}

/** An opening fence: three backticks or more, then the info string. */
const OPENING = /^(`{3,})(.*)$/;

/**
 * The runnable blocks of a Markdown text, in order. A fence marked `runnable` with a language
 * other than sh, ts or js, or with words other than `exit=N`, throws: a typo in a marker must not
 * silently turn an example into one that is never run.
 */
export function runnableBlocks(markdown: string): RunnableBlock[] {
  const lines = markdown.split('\n');
  const blocks: RunnableBlock[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const opening = OPENING.exec(lines[i] ?? '');
    if (opening === null) continue;
    // The block ends at a fence at least as long; what is inside (a ````md block showing ```
    // blocks, as docs/testing.md does) is its text, not blocks of the page.
    const fence = opening[1] ?? '```';
    const [lang = '', ...words] = (opening[2] ?? '').trim().split(/\s+/).filter((word) => word !== '');
    let end = i + 1;
    while (end < lines.length && !new RegExp(`^${fence}\`*\\s*$`).test(lines[end] ?? '')) end += 1;
    if (end >= lines.length) throw new Error(`line ${i + 1}: a code block that is never closed`);
    if (words[0] === 'runnable') {
      if (lang !== 'sh' && lang !== 'ts' && lang !== 'js') throw new Error(`line ${i + 1}: a runnable block must be sh, ts or js, not ${lang}`);
      let exit = 0;
      for (const word of words.slice(1)) {
        const status = /^exit=(\d+)$/.exec(word);
        if (status === null) throw new Error(`line ${i + 1}: unknown word ${JSON.stringify(word)} after runnable (only exit=N)`);
        exit = Number(status[1]);
      }
      blocks.push({ line: i + 1, lang, exit, code: lines.slice(i + 1, end).join('\n') + '\n' });
    } else if (words.includes('runnable')) {
      throw new Error(`line ${i + 1}: write the marker right after the language: \`\`\`${lang} runnable`);
    }
    i = end;
  }
  return blocks;
}

/** npm's npx, as found on the PATH (the first executable file named npx), for the shim to hand other commands to. */
export function realNpx(): string {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(dir, 'npx');
    if (dir !== '' && existsSync(candidate)) return candidate;
  }
  throw new Error('npx is not on the PATH');
}

/** A temporary directory in which blocks run as in the clone's root (see the module comment). */
export function makeSandbox(root: string): { dir: string; env: NodeJS.ProcessEnv; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'outcome-pay-runnable-'));
  for (const entry of ['dist', 'examples', 'node_modules', 'package.json', 'test']) {
    symlinkSync(resolve(root, entry), join(dir, entry));
  }
  const bin = join(dir, '.bin');
  mkdirSync(bin);
  const cli = join(bin, 'outcome-pay');
  writeFileSync(cli, `#!/bin/sh\nexec "${process.execPath}" "${resolve(root, 'dist/cli.js')}" "$@"\n`);
  chmodSync(cli, 0o755);
  const npx = join(bin, 'npx');
  writeFileSync(npx, `#!/bin/sh\nif [ "$1" = outcome-pay ]; then shift; exec "${cli}" "$@"; fi\nexec "${realNpx()}" "$@"\n`);
  chmodSync(npx, 0o755);
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}`, NO_COLOR: '1', FORCE_COLOR: '0' };
  delete env['NODE_OPTIONS'];
  delete env['VITEST'];
  delete env['VITEST_WORKER_ID'];
  delete env['VITEST_POOL_ID'];
  delete env['OUTCOME_PAY_DEBUG'];
  return {
    dir,
    env,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Type-checks the TypeScript blocks of several pages with the project's compiler against the built
 * declarations (`dist/*.d.ts`, as a user's editor sees them), strict, each block a module of its
 * own, in one run of the compiler (each run loads TypeScript, the libraries and the built
 * declarations afresh: seconds each): the compiler's messages for each page, empty when its
 * blocks type-check. Each block is a
 * file of its own, named after its page's position and its line (`page-2-block-17.ts`), and a
 * message goes to the page whose file it names; a message that names no block's file (a broken
 * configuration) goes to every page, so it fails them all. The compiler runs in a process of its
 * own without blocking this one: started first, it works while the blocks run.
 */
export async function typeCheckPages(root: string, pages: readonly { readonly page: string; readonly blocks: readonly RunnableBlock[] }[]): Promise<Map<string, string>> {
  const sandbox = makeSandbox(root);
  try {
    const owners = new Map<string, string>();
    pages.forEach(({ page, blocks }, index) => {
      for (const block of blocks.filter((b) => b.lang === 'ts')) {
        const name = `page-${index}-block-${block.line}.ts`;
        writeFileSync(join(sandbox.dir, name), block.code);
        owners.set(name, page);
      }
    });
    const messages = new Map(pages.map(({ page }) => [page, '']));
    if (owners.size === 0) return messages;
    const compilerOptions = {
      target: 'ES2022', lib: ['ES2023'], module: 'NodeNext', moduleResolution: 'NodeNext', types: ['node'],
      // every block a module of its own, as Node runs it, whatever it imports: blocks of different
      // pages checked together never see each other's declarations
      moduleDetection: 'force',
      strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, skipLibCheck: true, noEmit: true,
    };
    writeFileSync(join(sandbox.dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: [...owners.keys()] }));
    const run = await spawned(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--pretty', 'false'], { cwd: sandbox.dir, env: sandbox.env, timeout: 120_000 });
    if (run.status === 0) return messages;
    const output = `${run.stdout}${run.stderr}` || `tsc ended with status ${String(run.status)}\n`;
    // A message starts at a line that does not start with a space; its continuation lines follow.
    let owner: string | undefined;
    for (const line of output.split('\n')) {
      if (line === '') continue;
      if (!/^\s/.test(line)) owner = owners.get(/^([^(:]+\.ts)\(/.exec(line)?.[1] ?? '');
      for (const page of owner === undefined ? pages.map((p) => p.page) : [owner]) messages.set(page, `${messages.get(page) ?? ''}${line}\n`);
    }
    return messages;
  } finally {
    sandbox.remove();
  }
}

/** A command run to its end without blocking: its status (null when killed), stdout and stderr, as spawnSync gives them. */
function spawned(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeout: number }): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, failed) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', failed);
    child.once('close', (status) => {
      done({ status, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

/** Runs the blocks in order in one fresh sandbox; each block's run, whatever became of the others. */
export function runBlocks(root: string, blocks: readonly RunnableBlock[]): BlockRun[] {
  if (!existsSync(resolve(root, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  const sandbox = makeSandbox(root);
  try {
    return blocks.map((block) => {
      let run;
      if (block.lang === 'sh') {
        run = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', block.code], { cwd: sandbox.dir, env: sandbox.env, encoding: 'utf8', timeout: 120_000 });
      } else {
        const file = join(sandbox.dir, `block-${block.line}.mjs`);
        writeFileSync(file, transformSync(block.code, { loader: block.lang, format: 'esm', target: 'node20' }).code);
        run = spawnSync(process.execPath, [file], { cwd: sandbox.dir, env: sandbox.env, encoding: 'utf8', timeout: 120_000 });
      }
      return { block, status: run.status, stdout: run.stdout, stderr: run.stderr, ok: run.status === block.exit };
    });
  } finally {
    sandbox.remove();
  }
}
