/**
 * The simulation reads its assumptions as own properties only (as settlement reads contracts and
 * records: test/reliability/inherited-properties.test.ts). Found in review: a cohort or outcome id
 * set on Object.prototype was read as an assumption, so contractBounds' most fell from 1000000.00
 * to 620000.00 on region-sud (a cohort of 5 instead of its target size of 150) and the simulated
 * mean fell by half.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contractBounds, simulate } from '../../src/simulation.js';

const contract: unknown = JSON.parse(readFileSync('examples/region-sud/contract.json', 'utf8'));
const central = JSON.parse(readFileSync('examples/region-sud/assumptions.json', 'utf8')) as { cohorts: Record<string, unknown>; outcomes: Record<string, unknown> };
/** The assumptions without cohort 2023-B's size: the contract's target size (150) applies. */
const assumptions = { ...central, cohorts: { '2023-A': central.cohorts['2023-A'] } };

function figures(): unknown {
  const bounds = contractBounds(contract, assumptions);
  const runs = simulate(contract, assumptions, { runs: 3, seed: 1 });
  if (!bounds.ok || !runs.ok) throw new Error('region-sud does not simulate');
  return [bounds.value.most.total, JSON.stringify(runs.value)];
}

describe('assumptions are read as own properties', () => {
  it('a cohort id and an outcome id on Object.prototype change neither the bounds nor the runs', () => {
    const clean = figures();
    const names = ['2023-B', 'placement'];
    try {
      for (const name of names) Object.defineProperty(Object.prototype, name, { value: { size: 5, probability: 0 }, configurable: true, writable: true });
      expect(figures()).toEqual(clean);
    } finally {
      for (const name of names) Reflect.deleteProperty(Object.prototype, name);
    }
  });
});
