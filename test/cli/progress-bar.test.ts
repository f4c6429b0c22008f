/**
 * The progress bar of `outcome-pay simulate`: drawn on stderr only when it is a terminal, redrawn
 * in place, wiped at the end; the data on stdout the same bytes with or without it. With workers
 * (the built dist/simulation.js, `npm run build` first as CI does), the progress of every chunk is
 * added up.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/dispatch.js';
import { progressLine } from '../../src/cli/progress-bar.js';
import { simulateOnWorkers } from '../../src/cli/workers.js';
import { fakeIo } from './helpers.js';

const files = {
  'contract.json': readFileSync('examples/region-sud/contract.json', 'utf8'),
  'assumptions.json': readFileSync('examples/region-sud/assumptions.json', 'utf8'),
};
const args = ['simulate', '--contract', 'contract.json', '--assumptions', 'assumptions.json', '--runs', '40', '--seed', '3'];

describe('progress bar', () => {
  it('a line: # for each thirtieth done, the whole percentage, the count', () => {
    // 250 of 1000: 250 × 30 / 1000 = 7.5 → 7 marks, 23 dashes, 25 %.
    expect(progressLine('simulate', 250, 1000, 'runs')).toBe(`simulate [${'#'.repeat(7)}${'-'.repeat(23)}]  25 % (250 of 1000 runs)`);
    expect(progressLine('simulate', 1000, 1000, 'runs')).toBe(`simulate [${'#'.repeat(30)}] 100 % (1000 of 1000 runs)`);
    expect(progressLine('x', 0, 3, 'runs')).toBe(`x [${'-'.repeat(30)}]   0 % (0 of 3 runs)`);
  });

  it('simulate on a terminal draws it on stderr and wipes it; stdout is the same bytes as without', async () => {
    const plain = fakeIo(files);
    expect(await run(args, plain)).toBe(0);
    expect(plain.stderrText()).toBe('');
    const terminal = { ...fakeIo(files), stderrIsTerminal: true };
    expect(await run(args, terminal)).toBe(0);
    expect(terminal.stdoutText()).toBe(plain.stdoutText());
    const drawn = terminal.stderrText().split('\r').filter((part) => part.length > 0);
    // 40 runs: each run is a new whole percentage (2.5 % a run), so 40 lines, then the wipe.
    expect(drawn).toHaveLength(41);
    expect(drawn[0]).toBe(progressLine('simulate', 1, 40, 'runs'));
    expect(drawn[39]).toBe(progressLine('simulate', 40, 40, 'runs'));
    expect(drawn[40]).toBe(' '.repeat(progressLine('simulate', 40, 40, 'runs').length));
    expect(terminal.stderrText().endsWith('\r')).toBe(true);
  });

  it('at most one line per whole percentage', async () => {
    const terminal = { ...fakeIo(files), stderrIsTerminal: true };
    expect(await run(['simulate', '--contract', 'contract.json', '--assumptions', 'assumptions.json', '--runs', '250', '--seed', '3'], terminal)).toBe(0);
    const drawn = terminal.stderrText().split('\r').filter((part) => part.length > 0);
    // 250 runs cover the percentages 0 (run 1: 0.4 %) to 100: 101 lines, then the wipe.
    expect(drawn).toHaveLength(102);
  });

  it('with workers, the runs done in every chunk are added up to the total', async () => {
    const built = join(process.cwd(), 'dist', 'simulation.js');
    if (!existsSync(built)) throw new Error('dist/simulation.js is not built: run npm run build first');
    const contract = JSON.parse(files['contract.json']) as unknown;
    const assumptions = JSON.parse(files['assumptions.json']) as unknown;
    const heard: number[] = [];
    const result = await simulateOnWorkers(pathToFileURL(built), contract, assumptions, { runs: 30, seed: 3, onProgress: (done, runs) => heard.push(done * 1000 + runs) }, 2);
    expect(result.ok).toBe(true);
    const done = heard.map((value) => Math.floor(value / 1000));
    expect(heard.every((value) => value % 1000 === 30)).toBe(true);
    // two chunks of 15 runs, a message every run: 30 messages, rising to 30
    expect(done).toHaveLength(30);
    expect(done.at(-1)).toBe(30);
    expect(done.every((value, i) => i === 0 || value > (done[i - 1] as number))).toBe(true);
  });
});
