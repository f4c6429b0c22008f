/**
 * `outcome-pay simulate`: JSON by default and byte-identical for the same seed, a readable summary,
 * coded problems for bad assumptions (exit 1), usage errors for bad numbers (exit 2).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/dispatch.js';
import type { ContractBounds, SimulationSummary } from '../../src/simulation/index.js';
import { fakeIo } from './helpers.js';

const assumptions = readFileSync('examples/region-sud/assumptions.json', 'utf8');
const files = {
  'contract.json': readFileSync('examples/region-sud/contract.json', 'utf8'),
  'assumptions.json': assumptions,
  'typo.json': assumptions.replace('"daysToExit"', '"daysToExitt"'),
};
const args = ['simulate', '--contract', 'contract.json', '--assumptions', 'assumptions.json', '--runs', '20', '--seed', '9'];

describe('outcome-pay simulate', () => {
  it('prints the results as JSON, the same bytes for the same seed', async () => {
    const first = fakeIo(files);
    expect(await run(args, first)).toBe(0);
    const summary = JSON.parse(first.stdoutText()) as SimulationSummary;
    expect([summary.runs, summary.seed, summary.currency, summary.payers.map((payer) => payer.payer)]).toEqual([20, 9, 'EUR', ['region', 'agency']]);
    expect(summary.exitClauses.map((clause) => clause.clause)).toEqual(['mid-term-review']);
    // the bounds from the terms: the contract cap 1000000.00 sets the most (rules alone: far more)
    const bounds = (JSON.parse(first.stdoutText()) as { bounds: ContractBounds }).bounds;
    expect([bounds.most.total, bounds.most.limitedBy, bounds.most.reached, bounds.least.total]).toEqual(['1000000.00', ['contract cap'], true, '0.00']);
    const second = fakeIo(files);
    expect(await run(args, second)).toBe(0);
    expect(second.stdoutText()).toBe(first.stdoutText());
  });

  it('prints a readable summary with --summary', async () => {
    const io = fakeIo(files);
    expect(await run([...args, '--summary'], io)).toBe(0);
    expect(io.stdoutText()).toMatch(/^Simulation: 20 runs, seed 9, amounts in EUR\nTotal earned: mean \d+\.\d\d, sd/);
    expect(io.stdoutText()).toContain('Exit clause mid-term-review: fired in ');
    expect(io.stdoutText()).toContain('\nWorst case, the most the terms can ever pay: 1000000.00 (contract cap), reached by its scenario\n  payer region: 600000.00\n');
    expect(io.stdoutText()).toContain('\nBest case, the least the terms are sure to pay: 0.00 (rules), reached by its scenario\n');
  });

  it('refuses bad assumptions with their code (exit 1) and bad numbers as usage errors (exit 2)', async () => {
    const typo = fakeIo(files);
    expect(await run(['simulate', '--contract', 'contract.json', '--assumptions', 'typo.json'], typo)).toBe(1);
    expect(typo.stderrText()).toContain('ASSUMPTIONS_UNKNOWN_KEY');
    for (const bad of [['--runs', '0'], ['--runs', '1e3'], ['--seed', '-1'], ['--seed', '4294967296']]) {
      const io = fakeIo(files);
      expect(await run([...args.slice(0, 5), ...bad], io), bad.join(' ')).toBe(2);
    }
  });
});
