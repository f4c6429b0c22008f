/**
 * Every example programme under examples/ comes with an assumptions.json that simulates (issue #17:
 * "each example gains an assumptions.json"): the simulation succeeds, pays something, and no run
 * pays more than the most the contract can pay (contractBounds). And the participants the simulator
 * draws are records the library itself accepts: with every outcome certain and any timing, a
 * contract with two placements (an apprenticeship, then a job after it) never gets overlapping jobs.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateRecords } from '../../src/records/index.js';
import { contractBounds } from '../../src/simulation/bounds.js';
import { simulate } from '../../src/simulation/simulate.js';
import { runs } from '../runs.js';
import { scenarioRecords, type Json } from './bounds-fixtures.js';

const read = (path: string): Json => JSON.parse(readFileSync(path, 'utf8')) as Json;
/** Programmes the simulation cannot model yet: uk-earnings pays for earnings, which simulated participants do not have (CHANGELOG, issue #16 item 3). */
const NOT_SIMULATED: ReadonlySet<string> = new Set(['uk-earnings']);
const PROGRAMMES = readdirSync('examples', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`examples/${entry.name}/generate.ts`) && !NOT_SIMULATED.has(entry.name))
  .map((entry) => entry.name)
  .sort();

describe('the example programmes simulate', () => {
  it('every programme has an assumptions.json', () => {
    expect(PROGRAMMES.length).toBeGreaterThanOrEqual(5);
    expect(PROGRAMMES.filter((name) => !existsSync(`examples/${name}/assumptions.json`))).toEqual([]);
  });

  it.each(PROGRAMMES)('examples/%s: 40 runs pay something, none above the most the contract can pay', (name) => {
    const contract = read(`examples/${name}/contract.json`);
    const assumptions = read(`examples/${name}/assumptions.json`);
    const simulated = simulate(contract, assumptions, { runs: 40, seed: 11 });
    if (!simulated.ok) throw new Error(JSON.stringify(simulated.issues));
    const bounds = contractBounds(contract, assumptions);
    if (!bounds.ok) throw new Error(JSON.stringify(bounds.issues));
    const totals = simulated.value.total;
    expect(totals).toHaveLength(40);
    expect(totals.filter((total) => total.isZero())).toEqual([]);
    expect(totals.filter((total) => total.greaterThan(bounds.value.most.total)).map(String)).toEqual([]);
  });
});

describe('simulated participants are valid records', () => {
  const certain = { probability: 1 };
  it.each(['idf-apprenticeship', 'profession-emploi', 'uk-rate-card'])('examples/%s with every outcome certain and any timing: no overlapping jobs, no record refused', (name) => {
    const contract = read(`examples/${name}/contract.json`) as Json & { cohorts: { id: string }[]; groups?: { id: string }[]; outcomes: { kind: string; id: string }[] };
    const context = { cohortIds: new Set(contract.cohorts.map((c) => c.id)), groupIds: new Set((contract.groups ?? []).map((g) => g.id)) };
    const perParticipant = contract.outcomes.filter((o) => o.kind !== 'cohortIndicator');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.option(fc.integer({ min: 1, max: 900 }), { nil: undefined }), fc.array(fc.integer({ min: 0, max: 400 }), { minLength: perParticipant.length, maxLength: perParticipant.length }), (exit, jobDays, timings) => {
        const assumptions = {
          schemaVersion: '1.0',
          cohorts: Object.fromEntries(contract.cohorts.map((c) => [c.id, { size: 3 }])),
          daysToExit: exit,
          ...(jobDays === undefined ? {} : { jobDays }),
          outcomes: Object.fromEntries(perParticipant.map((o, k) => [o.id, o.kind === 'placement' || o.kind === 'milestone' ? { ...certain, days: timings[k] ?? 0 } : certain])),
        };
        const records = scenarioRecords(contract, assumptions);
        const validated = validateRecords(records, context);
        expect(validated.ok).toBe(true);
        expect(validated.issues.map((issue) => `${issue.code} ${issue.message}`)).toEqual([]);
      }),
      { numRuns: runs(60) },
    );
  });
});
