/**
 * `outcome-pay simulate --scenario / --scenarios / --tornado / --step`: a scenario simulates its
 * fixed rates, the tornado table is sorted by swing and the same bytes in any time zone, and bad
 * options are usage errors (exit 2), bad scenarios coded problems (exit 1).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/dispatch.js';
import type { SimulationSummary } from '../../src/simulation/index.js';
import type { Tornado } from '../../src/simulation/sensitivity.js';
import { fakeIo } from './helpers.js';

const files = {
  'contract.json': readFileSync('examples/region-sud/contract.json', 'utf8'),
  'assumptions.json': readFileSync('examples/region-sud/assumptions.json', 'utf8'),
  'pe-contract.json': readFileSync('examples/profession-emploi/contract.json', 'utf8'),
  'pe-assumptions.json': readFileSync('examples/profession-emploi/assumptions.json', 'utf8'),
  'scenarios.json': JSON.stringify({ 'weak-market': { outcomes: { placement: { probability: 0.4 } } } }),
};
const args = ['simulate', '--contract', 'contract.json', '--assumptions', 'assumptions.json', '--runs', '10', '--seed', '4'];
/**
 * The tornado's: 3 runs a variant. Each of its 33 variants (16 assumptions up and down, and the
 * base) is a simulation of region-sud's 4,000 participants; with 3 runs the swings are still
 * distinct and non-zero where an assumption matters (12 of 16 rows, as with 10 runs), which is what
 * the order and the time zones are checked on.
 */
const tornadoArgs = ['simulate', '--contract', 'contract.json', '--assumptions', 'assumptions.json', '--runs', '3', '--seed', '4', '--tornado'];

async function output(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = fakeIo(files);
  const code = await run(argv, io);
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

describe('outcome-pay simulate, scenarios and sensitivity', () => {
  it('--tornado prints the rows sorted by swing, the same bytes in another time zone', async () => {
    const first = await output(tornadoArgs);
    expect(first.code).toBe(0);
    const table = JSON.parse(first.stdout) as Tornado;
    expect(table.step).toBe(0.05);
    const swings = table.rows.map((row) => Number(row.swing));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(new Set(swings.filter((swing) => swing > 0)).size).toBeGreaterThan(8);
    expect(table.rows.map((row) => row.assumption)).toContain('outcomes.placement.probability');
    const zone = process.env['TZ'];
    process.env['TZ'] = 'Pacific/Kiritimati';
    try {
      expect((await output(tornadoArgs)).stdout).toBe(first.stdout);
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
    const summary = await output([...tornadoArgs, '--step', '0.1', '--summary']);
    expect(summary.stdout).toMatch(/^Sensitivity of the mean total cost: 3 runs a variant, seed 4, step 0.1, amounts in EUR \(common random numbers\)\n/);
  }, 120_000);

  it('--scenario runs a named or an own scenario; a wrong name is a coded problem, a wrong step or --scenarios alone a usage error', async () => {
    const central = await output([...args, '--scenario', 'central']);
    expect(central.code).toBe(0);
    expect((JSON.parse(central.stdout) as SimulationSummary).runs).toBe(10);
    const own = await output([...args, '--scenario', 'weak-market', '--scenarios', 'scenarios.json', '--summary']);
    expect(own.code).toBe(0);
    const unknown = await output([...args, '--scenario', 'rosy']);
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('SIMULATION_OPTIONS')]);
    expect((await output([...args, '--tornado', '--step', '0.7'])).code).toBe(2);
    expect((await output([...args, '--scenarios', 'scenarios.json'])).code).toBe(2);
  }, 120_000);

  it('--expected prints the same bytes for any seed and time zone; a contract that needs the participant path is refused', async () => {
    const expected = ['simulate', '--contract', 'pe-contract.json', '--assumptions', 'pe-assumptions.json', '--expected'];
    const first = await output([...expected, '--seed', '1']);
    expect(first.code).toBe(0);
    expect((JSON.parse(first.stdout) as SimulationSummary).total.sd).toBe('0.00');
    const zone = process.env['TZ'];
    process.env['TZ'] = 'America/St_Johns';
    try {
      expect((await output([...expected, '--seed', '123456', '--runs', '7'])).stdout).toBe(first.stdout);
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
    const summary = await output([...expected, '--scenario', 'pessimistic', '--summary']);
    expect(summary.stdout).toMatch(/^Expected counts, nothing drawn \(the same for any seed\): the schedule at n × p, amounts in EUR\nDrawn as counts/);
    expect(summary.stdout).not.toContain('runs, seed');
    const refused = await output([...args, '--expected']);
    expect([refused.code, refused.stderr]).toEqual([1, expect.stringContaining('needs the count path')]);
  });
});
