/**
 * The engine agrees exactly with the independent reference (test/settlement/reference) on random
 * contracts of the subset it covers: every tranche's status, earned amount and payer parts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from '../arbitraries.js';
import { referenceSettle } from '../reference/settle.js';
import { RUNS, settleOk } from './helpers.js';

describe('settlement against the reference implementation', () => {
  it('tranche earned amounts and payer parts agree to the cent', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ reference: true, maxRecords: 20 }), (scenario) => {
        const engine = settleOk(scenario);
        const reference = referenceSettle(scenario.contract, scenario.records, scenario.asOf);
        const shown = engine.tranches.map((t) => ({ id: t.id, status: t.status, earned: t.earned, payers: t.payers.map((p) => p.earned) }));
        expect(shown).toEqual(reference);
      }),
      { numRuns: RUNS * 2, endOnFailure: process.env['SETTLEMENT_RUNS'] !== undefined },
    );
  }, 60_000);
});
