/**
 * Fixtures of the simulation tests: the region-sud example (contract and assumptions, read fresh
 * for each test to change in as few places as possible), `samplesOf` (simulate or throw), and
 * region-sud under certain assumptions, and the records they stand for: every participant is an
 * RSA beneficiary enrolled on the cohort's first day, exits 120 days later, completes training
 * 100 days after enrolment, is placed 10 days after exit, keeps the job exactly to its 6-month end
 * (retention-6m achieved, retention-12m failed) and has the 10 % rise at 12 months
 * (1300.00 × 1.10 = 1430.00). A simulation under them must pay exactly what settling the records
 * pays, per tranche and payer (`expectSettlementOf`).
 *
 * 2023-03-01 + 120 = 2023-06-29 (exit), + 100 = 2023-06-09 (training), exit + 10 = 2023-07-09 (job),
 * + 6 months = 2024-01-09 (its last day, inclusive), + 12 months = 2024-07-09 (wage observed);
 * 2023-09-01 + 120 = 2023-12-30, + 100 = 2023-12-10, 2024-01-09, 2024-07-09, 2025-01-09.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Settlement } from '../../src/settlement/index.js';
import { mergeSamples } from '../../src/simulation/simulate.js';
import { simulate, summarize, type SimulateOptions, type SimulationSamples, type SimulationSummary } from '../../src/simulation/index.js';

/** A JSON document. */
export type Json = Record<string, unknown>;

/** A contract as JSON, with the lists the tests change. */
export interface ContractJson extends Json {
  cohorts: Json[];
  outcomes: Json[];
  rules: Json[];
  tranches: Json[];
  caps: Json[];
}

/** The region-sud example contract. */
export const regionSud = (): ContractJson => JSON.parse(readFileSync('examples/region-sud/contract.json', 'utf8')) as ContractJson;
/** The region-sud example assumptions. */
export const regionSudAssumptions = (): Json => JSON.parse(readFileSync('examples/region-sud/assumptions.json', 'utf8')) as Json;

/** The samples of a simulation that must succeed. */
export function samplesOf(contract: unknown, assumptions: unknown, options: SimulateOptions): SimulationSamples {
  const result = simulate(contract, assumptions, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

/** The certain assumptions, with `a` participants in 2023-A and `b` in 2023-B. */
export function certainAssumptions(a: number, b: number): Json {
  return {
    schemaVersion: '1.0',
    cohorts: { '2023-A': { size: a, enrolment: { from: '2023-03-01', to: '2023-03-01' } }, '2023-B': { size: b, enrolment: { from: '2023-09-01', to: '2023-09-01' } } },
    daysToExit: 120,
    baselineWage: '1300.00',
    outcomes: {
      training: { probability: 1, days: 100 },
      placement: { probability: 1, days: 10 },
      'retention-6m': { probability: 1 },
      'retention-12m': { probability: 0 },
      'wage-10pc': { probability: 1 },
    },
    mix: [{ groups: ['rsa'], share: 1 }],
  };
}

const person = (id: string, cohort: string, enrolled: string, exited: string, trained: string, start: string, end: string, measured: string): Json => ({
  id,
  cohort,
  groups: ['rsa'],
  enrolledOn: enrolled,
  exitedOn: exited,
  baselineWage: '1300.00',
  spells: [{ start, end, hoursPerWeek: 35, contractType: 'permanent', monthlyWage: '1300.00' }],
  wages: [{ on: measured, monthlyWage: '1430.00' }],
  events: [{ kind: 'training-completed', on: trained }],
});

/** The records the certain assumptions stand for: A1..Aa in 2023-A, B1..Bb in 2023-B. */
export function certainRecords(a: number, b: number): Json[] {
  return [
    ...Array.from({ length: a }, (_, k) => person(`A${k + 1}`, '2023-A', '2023-03-01', '2023-06-29', '2023-06-09', '2023-07-09', '2024-01-09', '2024-07-09')),
    ...Array.from({ length: b }, (_, k) => person(`B${k + 1}`, '2023-B', '2023-09-01', '2023-12-30', '2023-12-10', '2024-01-09', '2024-07-09', '2025-01-09')),
  ];
}

/** Every run of `summary` pays exactly what `settled` pays, per tranche and payer, and in total. */
export function expectSettlementOf(summary: SimulationSummary, settled: Settlement): void {
  const simulated = summary.tranches.filter((tranche) => tranche.earned.max !== '0.00' || settled.tranches.some((t) => t.id === tranche.tranche));
  expect(simulated.map((tranche) => [tranche.tranche, tranche.earned.min, tranche.earned.max, ...tranche.payers.map((payer) => `${payer.payer} ${payer.min} ${payer.max}`)])).toEqual(
    settled.tranches.map((tranche) => [tranche.id, tranche.earned, tranche.earned, ...tranche.payers.map((payer) => `${payer.payer} ${payer.earned} ${payer.earned}`)]),
  );
  expect([summary.total.min, summary.total.max, summary.total.sd]).toEqual([settled.totals.earned, settled.totals.earned, '0.00']);
}

/**
 * Runs 0 to 29 of a seed-4 simulation, at once and in three chunks (7, 16, 7) merged: the same
 * bytes, samples and summary. Returns the whole, for its figures to be checked to vary.
 */
export function expectChunksMerge(contract: unknown, assumptions: unknown): SimulationSamples {
  const whole = samplesOf(contract, assumptions, { runs: 30, seed: 4 });
  const merged = mergeSamples([
    samplesOf(contract, assumptions, { runs: 7, seed: 4 }),
    samplesOf(contract, assumptions, { runs: 16, seed: 4, firstRun: 7 }),
    samplesOf(contract, assumptions, { runs: 7, seed: 4, firstRun: 23 }),
  ]);
  expect(JSON.stringify({ samples: merged, summary: summarize(merged) })).toBe(JSON.stringify({ samples: whole, summary: summarize(whole) }));
  return whole;
}

/** How many distinct values a list holds. */
export const distinct = (values: readonly unknown[]): number => new Set(values.map(String)).size;

/**
 * The rate card of issue #17: region-sud cut down to one cohort of 1,000 participants, its
 * placement paid 1000.00 flat, no cap, no exit clause, one tranche; with `rateCardAssumptions`
 * each run pays 1000.00 × Binomial(1000, 0.6).
 */
export function rateCardContract(): ContractJson {
  const contract = regionSud();
  contract.cohorts = [{ ...contract.cohorts[0], targetSize: 1000 }];
  contract.outcomes = contract.outcomes.filter((outcome) => outcome['id'] === 'placement');
  contract.rules = [{ ...contract.rules[0], price: '1000.00', groupPricing: { kind: 'flat' }, prerequisites: [] }];
  delete (contract as Json)['caps'];
  delete contract['exitClauses'];
  contract.tranches = [{ ...contract.tranches[2], rules: ['pay-placement'], cohorts: ['2023-A'] }];
  return contract;
}

/** Placement with probability 0.6, 30 days to exit. */
export const rateCardAssumptions = (): Json => ({ schemaVersion: '1.0', daysToExit: 30, outcomes: { placement: { probability: 0.6 } } });
