/**
 * `outcome-pay simulate --workers N` and `outcome-pay forecast --workers N`: the built command
 * (dist/cli.js, whose workers load the built dist/simulation.js; `npm run build` first, as CI does)
 * prints the same bytes with 1 and 2 workers (a simulation on the participant path), with 1 and 3
 * (one on the count path, and a forecast: three chunks of unequal sizes); the runs are split into
 * consecutive chunks that cover them once. Each run of the built command takes seconds (a process,
 * and a thread per worker, each loading the library), so the combinations are not all tried: the
 * participant path with 3 workers was dropped for the suite's time (issue #14), as 2 and 3 workers
 * both split 41 runs into chunks of unequal sizes, and `chunksOf` is checked for both below.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chunksOf } from '../../src/cli/workers.js';

const cli = join(process.cwd(), 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'outcome-pay-workers-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function simulateBuilt(contract: string, workers: number): string {
  if (!existsSync(cli) || !existsSync(join(process.cwd(), 'dist', 'simulation.js'))) throw new Error('dist/cli.js is not built: run npm run build first');
  return execFileSync(process.execPath, [cli, 'simulate', '--contract', contract, '--assumptions', 'examples/region-sud/assumptions.json', '--runs', '41', '--seed', '5', '--workers', String(workers)], { encoding: 'utf8' });
}

function forecastBuilt(workers: number): { stdout: string; status: number | null } {
  const result = spawnSync(
    process.execPath,
    [cli, 'forecast', '--contract', 'examples/region-sud/contract.json', '--records', 'examples/region-sud/records.csv', '--as-of', '2024-06-30', '--assumptions', 'examples/region-sud/assumptions.json', '--runs', '23', '--seed', '9', '--workers', String(workers)],
    { encoding: 'utf8' },
  );
  return { stdout: result.stdout, status: result.status };
}

describe('outcome-pay simulate --workers', () => {
  it('splits the runs into consecutive chunks covering each run once', () => {
    expect(chunksOf(41, 2)).toEqual([{ firstRun: 0, runs: 21 }, { firstRun: 21, runs: 20 }]);
    expect(chunksOf(41, 3)).toEqual([{ firstRun: 0, runs: 14 }, { firstRun: 14, runs: 14 }, { firstRun: 28, runs: 13 }]);
    expect(chunksOf(2, 4)).toEqual([{ firstRun: 0, runs: 1 }, { firstRun: 1, runs: 1 }]);
  });

  it('prints the same bytes with 1 and 2 workers on the participant path, with 1 and 3 on the count path', () => {
    const contract = JSON.parse(readFileSync('examples/region-sud/contract.json', 'utf8')) as { caps: { kind: string }[] };
    contract.caps = contract.caps.filter((cap) => cap.kind !== 'participant');
    const countable = join(dir, 'countable.json');
    writeFileSync(countable, JSON.stringify(contract));
    const cases = [['examples/region-sud/contract.json', 'participants', [2]], [countable, 'count', [3]]] as const;
    for (const [file, path, workers] of cases) {
      const one = simulateBuilt(file, 1);
      expect((JSON.parse(one) as { path: string; runs: number }).path).toBe(path);
      expect((JSON.parse(one) as { runs: number }).runs).toBe(41);
      for (const n of workers) expect(simulateBuilt(file, n), `${path}, ${n} workers`).toBe(one);
    }
  }, 120_000);
});

describe('outcome-pay forecast --workers', () => {
  it('prints the same bytes with 1 and 3 workers, and the runs differ', () => {
    const one = forecastBuilt(1);
    expect(one.status).toBe(3); // the example's three invalid records, excluded
    const summary = JSON.parse(one.stdout) as { runs: number; stillToPay: { total: { min: string; max: string } } };
    expect(summary.runs).toBe(23);
    expect(summary.stillToPay.total.min).not.toBe(summary.stillToPay.total.max);
    expect(forecastBuilt(3)).toEqual(one);
  }, 120_000);
});
