/**
 * A results indicator in the simulation (docs/mechanics/results-indicators.md): simulated through
 * its rule module, on the indicator values of the assumptions. Its bounds: at most every allocation
 * (the bound scenario puts each indicator a period reads at its rule's highest target), at least 0.
 * With fixed indicator values every run pays what a settlement on the same values pays.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contractBounds, simulate, summarize } from '../../src/simulation.js';
import { settleWith } from '../settlement/settle-helper.js';

const contract = { ...(JSON.parse(readFileSync('examples/contracts/world-bank-results.json', 'utf8')) as Record<string, unknown>) };
contract['cohorts'] = [{ id: 'programme', enrolmentStart: '2024-01-01', enrolmentEnd: '2027-12-31', targetSize: 10 }];
const values = { 'dli1-2025': '637', 'dli1-2026': '1900', 'dli1-2027': '3100', 'dli2-2025': '1150', 'dli2-2026': '2700.5' };

describe('a results indicator in the simulation', () => {
  it('is bounded by the sum of its allocations and by 0', () => {
    const bounds = contractBounds(contract);
    if (!bounds.ok) expect.fail(JSON.stringify(bounds.issues));
    // DLI 1: 4,000,000 + 6,000,000 + 6,000,000; DLI 2: 1,500,000 + 2,000,000
    expect(bounds.value.most.total).toBe('19500000.00');
    expect(bounds.value.least.total).toBe('0.00');
  });

  it('pays in every run what a settlement on the same fixed indicator values pays', () => {
    const indicators = Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { '*': value }]));
    const assumptions = { schemaVersion: '1.0', cohorts: { programme: { size: 10 } }, daysToExit: 100, outcomes: {}, indicators };
    const simulated = simulate(contract, assumptions, { runs: 5, seed: 1 });
    if (!simulated.ok) expect.fail(JSON.stringify(simulated.issues));
    const summary = summarize(simulated.value);
    const settled = settleWith(contract, [], { asOf: '2028-12-31', indicators });
    if (!settled.ok) expect.fail(JSON.stringify(settled.issues));
    expect(summary.total.min).toBe(settled.value.totals.earned);
    expect(summary.total.max).toBe(settled.value.totals.earned);
  });
});
