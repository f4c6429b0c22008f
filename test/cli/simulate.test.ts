/**
 * `outcome-pay simulate`: JSON by default and byte-identical for the same seed, a readable summary,
 * coded problems for bad assumptions (exit 1), usage errors for bad numbers (exit 2).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/dispatch.js';
import type { ContractBounds, SimulationSummary } from '../../src/simulation/index.js';
import { tinyContract } from '../simulation/tiny-contract.js';
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
    // the new figures: tranches due in July 2024, 2025 and 2026 and the review's check in January 2025; every cap; every outcome
    expect(summary.cashFlow.months.map((month) => [month.period, month.tranches])).toEqual([
      ['2024-07', ['t1']],
      ['2025-01', ['exit:mid-term-review']],
      ['2025-07', ['t2']],
      ['2026-07', ['t3']],
    ]);
    expect(summary.cashFlow.quarters.map((quarter) => quarter.period)).toEqual(['2024-Q3', '2025-Q1', '2025-Q3', '2026-Q3']);
    expect(summary.caps.map((cap) => [cap.cap, cap.kind])).toEqual([['cap-participant', 'participant'], ['cap-region', 'payer'], ['cap-contract', 'contract']]);
    expect([summary.reinvestment, summary.costPerOutcome.map((cost) => cost.outcome)]).toEqual([[], ['training', 'placement', 'retention-6m', 'retention-12m', 'wage-10pc']]);
    const second = fakeIo(files);
    expect(await run(args, second)).toBe(0);
    expect(second.stdoutText()).toBe(first.stdoutText());
  });

  it('prints a readable summary with --summary', async () => {
    const io = fakeIo(files);
    expect(await run([...args, '--summary'], io)).toBe(0);
    expect(io.stdoutText()).toMatch(/^Simulation: 20 runs, seed 9, amounts in EUR\nDrawn participant by participant \(the participant path: cap cap-participant \(participant\) limits what each participant is paid\)\nTotal earned: mean \d+\.\d\d, sd/);
    expect(io.stdoutText()).toContain('Exit clause mid-term-review: fired in ');
    expect(io.stdoutText()).toMatch(/\nCap cap-participant \(participant\): binds in \d+ of 20 runs \(\d\.\d{6}\)\n/);
    expect(io.stdoutText()).toMatch(/\nCost per placement: mean \d+\.\d\d, 5 % \d+\.\d\d, median \d+\.\d\d, 95 % \d+\.\d\d\n/);
    expect(io.stdoutText()).toMatch(/\nCash flow by month, [^\n]*\n {2}2024-07: \d+\.\d\d \(\d+\.\d\d to \d+\.\d\d\); region [^\n]*; agency [^\n]* \[t1\]\n/);
    expect(io.stdoutText()).toMatch(/\nCash flow by quarter:\n {2}2024-Q3: /);
    expect(io.stdoutText()).toContain('\nWorst case, the most the terms can ever pay: 1000000.00 (contract cap), reached by its scenario\n  payer region: 600000.00\n');
    expect(io.stdoutText()).toContain('\nBest case, the least the terms are sure to pay: 0.00 (rules), reached by its scenario\n');
  });

  it('draws counts where the contract allows it and says so; --participants draws each participant', async () => {
    const contract = JSON.parse(files['contract.json']) as { caps: { kind: string }[] };
    contract.caps = contract.caps.filter((cap) => cap.kind !== 'participant');
    const countable = { ...files, 'countable.json': JSON.stringify(contract) };
    const countArgs = ['simulate', '--contract', 'countable.json', '--assumptions', 'assumptions.json', '--runs', '5', '--seed', '9', '--summary'];
    const counted = fakeIo(countable);
    expect(await run(countArgs, counted)).toBe(0);
    expect(counted.stdoutText().split('\n')[1]).toBe('Drawn as counts of participants alike (the count path)');
    const drawn = fakeIo(countable);
    expect(await run([...countArgs, '--participants'], drawn)).toBe(0);
    expect(drawn.stdoutText().split('\n')[1]).toBe('Drawn participant by participant (the participant path: asked for (path: "participants"))');
    const json = fakeIo(countable);
    expect(await run(countArgs.filter((arg) => arg !== '--summary'), json)).toBe(0);
    const summary = JSON.parse(json.stdoutText()) as SimulationSummary;
    expect([summary.path, summary.pathReason]).toEqual(['count', '']);
  });

  it('--summary on a contract that reinvests, with an outcome nobody achieves: every new line, worked by hand', async () => {
    // test/simulation/summary-figures.test.ts works these figures out
    const tiny = {
      'tiny.json': JSON.stringify(tinyContract),
      'certain.json': JSON.stringify({
        schemaVersion: '1.0',
        cohorts: { A: { size: 2, enrolment: { from: '2024-01-10', to: '2024-01-10' } }, B: { size: 2, enrolment: { from: '2024-04-10', to: '2024-04-10' } } },
        daysToExit: 30,
        outcomes: { placement: { probability: 1, days: 10 }, ret3: { probability: 0 } },
      }),
    };
    const io = fakeIo(tiny);
    expect(await run(['simulate', '--contract', 'tiny.json', '--assumptions', 'certain.json', '--runs', '4', '--summary'], io)).toBe(0);
    expect(io.stdoutText()).toContain(
      [
        'Cap per-person (participant): binds in 4 of 4 runs (1.000000)',
        'Cap cap-t3 (tranche): binds in 0 of 4 runs (0.000000)',
        'Cap cap-city (payer): binds in 0 of 4 runs (0.000000)',
        'Cap cap-total (contract): binds in 4 of 4 runs (1.000000)',
        'Reinvestment fund: mean 250.00, sd 0.00, 5 % 250.00, median 250.00, 95 % 250.00',
        'Cost per placement: mean 875.00, 5 % 875.00, median 875.00, 95 % 875.00',
        'Cost per ret3: none (nobody achieved it in any of 4 runs)',
        'Cash flow by month, when tranches fall due: expected (5 % to 95 %), in total then per payer [tranches]',
        '  2024-07: 1800.00 (1800.00 to 1800.00); state 1080.00 (1080.00 to 1080.00); city 720.00 (720.00 to 720.00) [t1]',
        '  2024-09: 1700.00 (1700.00 to 1700.00); state 1020.00 (1020.00 to 1020.00); city 680.00 (680.00 to 680.00) [t2]',
        '  2025-01: 0.00 (0.00 to 0.00); state 0.00 (0.00 to 0.00); city 0.00 (0.00 to 0.00) [t3]',
        'Cash flow by quarter:',
        '  2024-Q3: 3500.00 (3500.00 to 3500.00); state 2100.00 (2100.00 to 2100.00); city 1400.00 (1400.00 to 1400.00) [t1, t2]',
        '  2025-Q1: 0.00 (0.00 to 0.00); state 0.00 (0.00 to 0.00); city 0.00 (0.00 to 0.00) [t3]',
      ].join('\n'),
    );
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
