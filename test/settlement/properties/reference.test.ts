/**
 * The engine agrees exactly with the independent reference (test/settlement/reference) on random
 * contracts of every term but exit clauses: every tranche's status, earned amount and payer parts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../../runs.js';
import { scenarioArbitrary } from '../arbitraries/index.js';
import { referenceSettle } from '../reference/settle.js';
import { settleOk } from '../settle-helper.js';

describe('settlement against the reference implementation', () => {
  it('tranche earned amounts and payer parts agree to the minor unit', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ reference: true, maxRecords: 16 }), (scenario) => {
        const engine = settleOk(scenario);
        const reference = referenceSettle(scenario.contract, scenario.records, scenario.asOf, scenario.indicators);
        const shown = engine.tranches.map((t) => ({ id: t.id, status: t.status, earned: t.earned, payers: t.payers.map((p) => p.earned) }));
        expect(shown).toEqual(reference);
      }),
      { numRuns: runs(200) },
    );
  });
});
