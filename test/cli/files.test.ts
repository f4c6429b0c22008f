/**
 * Files the command line cannot read or write, for any reason the system gives: a usage error
 * (exit 2) naming the file, never an internal error (exit 70). The real process is tested too:
 * src/cli/main.ts bundled once and run on real directories and FIFOs.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/dispatch.js';
import { fakeIo } from './helpers.js';

const contract = readFileSync('examples/region-sud/contract.json', 'utf8');
const recordsCsv = readFileSync('examples/region-sud/records.csv', 'utf8');
const args = ['settle', '--contract', 'contract.json', '--as-of', '2025-06-30'];

function systemError(code: string): Error {
  return Object.assign(new Error(`${code}: failed`), { code });
}

describe('files the CLI cannot read, with a fake file system', () => {
  it('a records file that fails while being streamed (EIO after some chunks) is a usage error naming it', async () => {
    const io = Object.assign(fakeIo({ 'contract.json': contract }), {
      streamFile: () =>
        Promise.resolve(async function* chunks(): AsyncGenerator<string> {
          yield recordsCsv.slice(0, 500);
          await Promise.resolve();
          throw systemError('EIO');
        }),
    });
    expect(await run([...args, '--records', 'records.csv'], io)).toBe(2);
    expect(io.stderrText()).toContain('cannot read records file "records.csv" (EIO): input/output error');
    expect(io.stderrText()).not.toContain('internal error');
  });

  it.each([
    ['contract', ['settle', '--contract', 'x.json', '--records', 'records.csv', '--as-of', '2025-06-30'], 'cannot read contract file "x.json" (EACCES): permission denied'],
    ['previous', [...args, '--records', 'records.csv', '--previous', 'x.json'], 'cannot read previous settlement file "x.json" (EISDIR): it is a directory'],
    ['indicators', [...args, '--records', 'records.csv', '--indicators', 'x.json'], 'cannot read indicators file "x.json" (ENOENT): no such file or directory'],
  ])('an unreadable %s file is a usage error naming it and what the system said', async (_, argv, message) => {
    const code = /\((E[A-Z]+)\)/.exec(message)?.[1] ?? '';
    const io = fakeIo({ 'contract.json': contract, 'records.csv': recordsCsv });
    const files: Readonly<Record<string, string>> = { 'contract.json': contract, 'records.csv': recordsCsv };
    const failing = Object.assign(io, {
      readFile: (path: string) => (path === 'x.json' ? Promise.reject(systemError(code)) : Promise.resolve(files[path] ?? '')),
    });
    expect(await run(argv, failing)).toBe(2);
    expect(failing.stderrText()).toContain(message);
  });
});

describe('files the CLI cannot read, in a real process', () => {
  let dir = '';
  let cli = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'outcome-pay-cli-files-'));
    cli = join(dir, 'cli.mjs');
    // commander is CommonJS: bundled into an ES module, its require of node's modules needs a require
    const banner = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";
    await build({ entryPoints: ['src/cli/main.ts'], bundle: true, platform: 'node', format: 'esm', outfile: cli, logLevel: 'silent', banner: { js: banner } });
    writeFileSync(join(dir, 'contract.json'), contract);
    writeFileSync(join(dir, 'records.csv'), recordsCsv);
    for (const name of ['dir.csv', 'dir.ndjson', 'dir.json']) mkdirSync(join(dir, name));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function cliRun(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(process.execPath, [cli, ...argv], { cwd: dir, timeout: 20_000 }, (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      });
    });
  }

  const settle = ['settle', '--contract', 'contract.json', '--as-of', '2025-06-30'];

  it.each([
    ['records', 'dir.csv', [...settle, '--records', 'dir.csv'], 'cannot read records file "dir.csv" (EISDIR): it is a directory'],
    ['records', 'dir.ndjson', [...settle, '--records', 'dir.ndjson'], 'cannot read records file "dir.ndjson" (EISDIR): it is a directory'],
    ['records', 'dir.json', [...settle, '--records', 'dir.json'], 'cannot read records file "dir.json" (EISDIR): it is a directory'],
    ['contract', 'dir.json', ['settle', '--contract', 'dir.json', '--records', 'records.csv', '--as-of', '2025-06-30'], 'cannot read contract file "dir.json" (EISDIR)'],
    ['previous', 'dir.json', [...settle, '--records', 'records.csv', '--previous', 'dir.json'], 'cannot read previous settlement file "dir.json" (EISDIR)'],
    ['issues', 'dir.json', [...settle, '--records', 'records.csv', '--issues', 'dir.json'], 'cannot write issues file "dir.json" (EISDIR)'],
    ['records', 'missing.ndjson', [...settle, '--records', 'missing.ndjson'], 'cannot read records file "missing.ndjson" (ENOENT): no such file or directory'],
  ])('%s file %s: exit 2 naming the file', async (_, __, argv, message) => {
    const result = await cliRun(argv);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });

  it('a FIFO of records is read whole, once, even when a repeated id would need a second read', async () => {
    const fifo = join(dir, 'pipe.csv');
    await new Promise<void>((resolve, reject) => {
      execFile('mkfifo', [fifo], (error) => {
        if (error === null) resolve();
        else reject(new Error(`mkfifo failed: ${error.message}`));
      });
    });
    const lines = recordsCsv.trimEnd().split('\n');
    const writer = spawn('sh', ['-c', 'cat > "$1"', 'sh', fifo], { stdio: ['pipe', 'ignore', 'ignore'] });
    writer.stdin.end(`${[...lines, lines[1]].join('\n')}\n`); // the first record's id twice
    const result = await cliRun([...settle, '--records', 'pipe.csv', '--max-excluded', '10%']); // 5 of 95 excluded
    expect(result.stderr).not.toContain('internal error');
    const settlement = JSON.parse(result.stdout) as { dataQuality: { recordsRead: number; issues: { code: string }[] } };
    expect(settlement.dataQuality.recordsRead).toBe(lines.length); // 94 records + the repeat
    expect(settlement.dataQuality.issues.filter((issue) => issue.code === 'DUPLICATE_ID')).toHaveLength(2);
  });
});
