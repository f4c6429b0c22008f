import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseContract, settle, validateRecords } from '../../../src/index.js';
import { scenarioArbitrary, type ScenarioOptions } from '../arbitraries.js';
import { RUNS } from './helpers.js';

// Property runs are CPU-bound; leave room for slow CI machines and parallel files.
vi.setConfig({ testTimeout: 30_000 });

const variants: [string, ScenarioOptions][] = [
  ['all terms', {}],
  ['monotone subset', { monotone: true }],
  ['reference subset', { reference: true }],
];

describe('settlement generators', () => {
  for (const [name, options] of variants) {
    it(`${name}: every contract parses, every record is valid, settlement succeeds`, () => {
      fc.assert(
        fc.property(scenarioArbitrary(options), (scenario) => {
          const parsed = parseContract(scenario.contract);
          expect(parsed.ok ? [] : parsed.issues).toEqual([]);
          if (!parsed.ok) return;
          const context = { cohortIds: new Set(parsed.value.cohorts.map((c) => c.id)), groupIds: new Set((parsed.value.groups ?? []).map((g) => g.id)) };
          const validated = validateRecords(scenario.records, context, { mode: 'strict' });
          expect(validated.ok ? [] : validated.issues).toEqual([]);
          const result = settle(scenario.contract, scenario.records, { asOf: scenario.asOf, records: 'strict', allowEmpty: true });
          expect(result.ok ? [] : result.issues).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    });
  }
});
