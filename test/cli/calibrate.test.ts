/**
 * `outcome-pay calibrate`: the answer as JSON and as a summary written out here, coded problems
 * for bad calibration options (exit 1), usage errors for a bad percentile (exit 2).
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/dispatch.js';
import type { Calibration } from '../../src/simulation/index.js';
import { tinyContract } from '../simulation/tiny-contract.js';
import { fakeIo } from './helpers.js';

// The tiny contract without caps or reinvestment; four participants, all placed, none retained.
const contract = Object.fromEntries(Object.entries(tinyContract).filter(([key]) => key !== 'reinvestment'));
const files = {
  'contract.json': JSON.stringify({ ...contract, caps: [] }),
  'assumptions.json': JSON.stringify({
    schemaVersion: '1.0',
    cohorts: { A: { size: 2, enrolment: { from: '2024-01-10', to: '2024-01-10' } }, B: { size: 2, enrolment: { from: '2024-04-10', to: '2024-04-10' } } },
    daysToExit: 30,
    outcomes: { placement: { probability: 1, days: 10 }, ret3: { probability: 0 } },
  }),
};
const args = ['calibrate', '--contract', 'contract.json', '--assumptions', 'assumptions.json', '--runs', '2'];

describe('outcome-pay calibrate', () => {
  it('prints the answer as JSON', async () => {
    const io = fakeIo(files);
    expect(await run([...args, '--budget', '3111.00'], io)).toBe(0);
    const answer = JSON.parse(io.stdoutText()) as Calibration;
    // 4 placements × round(1000.00 × s) ≤ 3111.00: s = 0.7777 (3110.80), 0.7778 gives 3111.20.
    expect([answer.result, answer.value, answer.cost, answer.above, answer.precision]).toEqual(['found', '0.7777', '3110.80', '0.7778', '0.0001']);
  });

  it('prints a readable summary', async () => {
    const io = fakeIo(files);
    expect(await run([...args, '--budget', '2000.00', '--percentile', '50', '--precision', '0.25', '--summary'], io)).toBe(0);
    // Scales tried: 0 (0.00), 1 (4000.00, above), then multiples of 0.25: 0.5 (2000.00, within), 0.75 (3000.00, above).
    expect(io.stdoutText()).toBe(
      [
        'Calibration of the price scale (every price of the payment rules multiplied by it; fees and caps as written): the largest within a budget of 2000.00 EUR at percentile 50 of the total cost (2 runs a step, seed 1, the same runs at every step)',
        'Found: a price scale of 0.5, percentile 50 of the cost 2000.00 (between 2000.00 and 2000.00 at about 95 % confidence over 2 runs); a price scale of 0.75 costs more than the budget; precision 0.25',
        'Steps, in the order tried (value: cost at the percentile):',
        '  0: 0.00 within',
        '  1: 4000.00 above',
        '  0.5: 2000.00 within',
        '  0.75: 3000.00 above',
        '',
      ].join('\n'),
    );
  });

  it('a budget that is not an amount: CALIBRATION_OPTIONS on stderr, exit 1', async () => {
    const io = fakeIo(files);
    expect(await run([...args, '--budget', '12,5'], io)).toBe(1);
    expect(io.stderrText()).toContain('CALIBRATION_OPTIONS');
    expect(io.stderrText()).toContain('options.budget');
    expect(io.stdoutText()).toBe('');
  });

  it('a percentile outside (0, 100]: a usage error, exit 2', async () => {
    const io = fakeIo(files);
    expect(await run([...args, '--budget', '100.00', '--percentile', '0'], io)).toBe(2);
    expect(io.stderrText()).toContain('--percentile takes a number above 0 and at most 100');
  });

  // docs/cli.md, calibrate: options read against the contract exit 1 with CALIBRATION_OPTIONS;
  // options the command line checks alone are usage errors (exit 2), as for every command.
  it.each([
    [['--percentile', '100.5'], 2, '--percentile takes a number above 0 and at most 100'],
    [['--runs', '0'], 2, '--runs takes a whole number from 1 to'],
    [['--seed', '-1'], 2, '--seed takes a whole number from 0 to 4294967295'],
    [['--precision', '0'], 1, 'options.precision'],
    [['--cap', 'no-such-cap'], 1, 'options.cap'],
  ])('calibrate %j exits %i, as docs/cli.md says', async (extra, code, message) => {
    const io = fakeIo(files);
    const base = extra.includes('--runs') ? args.slice(0, -2) : args; // --runs once only
    expect(await run([...base, '--budget', '100.00', ...extra], io)).toBe(code);
    expect(io.stderrText()).toContain(message);
    if (code === 1) expect(io.stderrText()).toContain('CALIBRATION_OPTIONS');
    expect(io.stdoutText()).toBe('');
  });
});
