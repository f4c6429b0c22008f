/**
 * The simulation counts the runs in which a review misses a minimum performance level
 * (`minimumPerformance` of the summary), and its amounts are the settlement's, consequence
 * applied. On the tiny contract (no caps) with a level of 50 % of cohort A retained 3 months by
 * 2024-06-30, withholding the placements: with certain outcomes (probabilities 0 and 1) every run
 * is the same, so the probability is 0 or 1 and the amounts are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { simulationSummary } from '../../src/cli/commands/simulate.js';
import { simulate, summarize } from '../../src/simulation/index.js';
import { tinyContract, type Json } from './tiny-contract.js';

const contract: Json = {
  ...tinyContract,
  caps: [],
  reinvestment: [],
  minimumPerformance: [
    { id: 'mpl', name: 'Half placed', outcome: 'ret3', cohorts: ['A'], level: '0.5', reviewOn: ['2024-06-30'], consequence: { kind: 'withhold', rules: ['pay-pl'] } },
  ],
};

function summaryWith(retained: number): ReturnType<typeof summarize> {
  const assumptions: Json = {
    schemaVersion: '1.0',
    cohorts: { A: { size: 2, enrolment: { from: '2024-01-10', to: '2024-01-10' } }, B: { size: 2, enrolment: { from: '2024-04-10', to: '2024-04-10' } } },
    daysToExit: 30,
    outcomes: { placement: { probability: 1, days: 10 }, ret3: { probability: retained } },
  };
  const result = simulate(contract, assumptions, { runs: 4, seed: 3 });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return summarize(result.value);
}

describe('the simulation and minimum performance levels', () => {
  it('nobody retained: the review misses the level in every run (probability 1); the placements after it are withheld', () => {
    const summary = summaryWith(0);
    expect(summary.minimumPerformance).toEqual([{ level: 'mpl', missed: 4, probability: '1.000000' }]);
    // placed on 2024-01-20 (A) and 2024-04-20 (B). t1 (2024-06-30, before the review that day): A's 2 × 1000.00 = 2000.00.
    // Review 2024-06-30: 0 of A's 2 retained < 0.5. t2 (2024-08-31): still 0 of 2, B's 2000.00 withheld; t3: still below, nothing to
    // release. Paid 2000.00 in every run.
    expect(summary.total.min).toBe('2000.00');
    expect(summary.total.max).toBe('2000.00');
    expect(simulationSummary(summary)).toContain('Minimum performance mpl: a review missed in 4 of 4 runs (1.000000)');
  });

  it('everybody retained: the level is met in every run (probability 0); every placement and retention is paid', () => {
    const summary = summaryWith(1);
    expect(summary.minimumPerformance).toEqual([{ level: 'mpl', missed: 0, probability: '0.000000' }]);
    // A retained on 2024-04-20 (2 of 2 by the review). t1 2000.00, t2 2000.00, t3 4 × 600.00 = 2400.00: 6400.00
    expect(summary.total.min).toBe('6400.00');
    expect(summary.total.max).toBe('6400.00');
  });
});
