/**
 * Outcomes in quarters after exit in the simulation (docs/simulation.md): drawn on the participant
 * path, each achieved one written as a wage record covering its quarter (of its minimum earnings),
 * so the real resolver decides it when the quarter's data is due. Figures by hand on the contract of
 * docs/mechanics/quarters-after-exit.md with 10 participants who exit on their enrolment day in 2023:
 * the 4th quarter after any 2023 quarter ends by 2024-12-31, its data due by 2025-03-31, before the
 * tranche's measurement on 2025-06-30.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate, summarize } from '../../src/simulation.js';

const contract = JSON.parse(readFileSync('examples/contracts/wioa-quarters.json', 'utf8')) as Record<string, unknown>;

function run(p: Record<string, number>) {
  const outcomes = Object.fromEntries(Object.entries(p).map(([id, probability]) => [id, { probability }]));
  const assumptions = { schemaVersion: '1.0', cohorts: { A: { size: 10 } }, daysToExit: 0, outcomes };
  const simulated = simulate(contract, assumptions, { runs: 3, seed: 7 });
  if (!simulated.ok) expect.fail(JSON.stringify(simulated.issues));
  return summarize(simulated.value);
}

describe('quarter-after-exit outcomes in the simulation', () => {
  it('are drawn participant by participant, each achieved one paid when its data is due', () => {
    const all = run({ 'employed-q2': 1, 'employed-q4': 1, 'q2-earnings-9000': 1, credential: 1 });
    expect(all.path).toBe('participants');
    expect(all.pathReason).toMatch(/quarter after exit/);
    // 10 × 1000.00 + 10 × 1500.00 + 10 × 500.00 + the median target (10 of 10 employed reach 9000.00) 5000.00
    expect(all.total.min).toBe('35000.00');
    expect(all.total.max).toBe('35000.00');
  });

  it('pay nothing when nobody is employed, and no median target when nobody reaches it', () => {
    const none = run({ 'employed-q2': 0, 'employed-q4': 0, 'q2-earnings-9000': 0, credential: 0 });
    // the median target's denominator is empty: emptyCohort "nothing"
    expect(none.total.max).toBe('0.00');
    const employedOnly = run({ 'employed-q2': 1, 'employed-q4': 1, 'q2-earnings-9000': 0, credential: 0 });
    // employed in Q2 and Q4 with 1.00 each (no minimum): 10 × 1000.00 + 10 × 1500.00; 0 of 10 reach 9000.00
    expect(employedOnly.total.max).toBe('25000.00');
    expect(employedOnly.total.min).toBe('25000.00');
  });

  it('a minimum of 0.00 is drawn as earnings above zero: the outcome asks for earnings above zero and at least the minimum', () => {
    // employed-q4 with minimumEarnings 0.00, probability 1: all 10 achieve it, 10 × 1500.00 = 15000.00
    // (a wage record of 0.00 would fail it: NOT_EMPLOYED_IN_QUARTER, nothing paid)
    const outcomes = (contract['outcomes'] as Record<string, unknown>[]).map((outcome) => (outcome['id'] === 'employed-q4' ? { ...outcome, minimumEarnings: '0.00' } : outcome));
    const assumptions = { schemaVersion: '1.0', cohorts: { A: { size: 10 } }, daysToExit: 0, outcomes: { 'employed-q2': { probability: 0 }, 'employed-q4': { probability: 1 }, 'q2-earnings-9000': { probability: 0 }, credential: { probability: 0 } } };
    const simulated = simulate({ ...contract, outcomes }, assumptions, { runs: 2, seed: 7 });
    if (!simulated.ok) expect.fail(JSON.stringify(simulated.issues));
    expect(summarize(simulated.value).total.max).toBe('15000.00');
    expect(summarize(simulated.value).total.min).toBe('15000.00');
  });

  it('refuses days for a quarter outcome: it is timed by the exit', () => {
    const assumptions = { schemaVersion: '1.0', cohorts: { A: { size: 10 } }, daysToExit: 0, outcomes: { 'employed-q2': { probability: 1, days: 10 }, 'employed-q4': { probability: 1 }, 'q2-earnings-9000': { probability: 1 }, credential: { probability: 1 } } };
    const simulated = simulate(contract, assumptions, { runs: 1, seed: 7 });
    expect(simulated.ok).toBe(false);
    if (simulated.ok) return;
    expect(simulated.issues.map((issue) => [issue.code, issue.path])).toEqual([['ASSUMPTIONS_OUTCOME_KIND', ['assumptions', 'outcomes', 'employed-q2', 'days']]]);
  });
});
