/**
 * contractBounds against settlements of generated contracts of any terms (every rule kind, every
 * cap kind, exit clauses, several payers; test/settlement/arbitraries): whatever records are
 * settled, at whatever as-of date, the settlement never pays more than the most of the contract
 * with cohorts of as many participants as the records hold, in total or per payer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount, sumAmounts } from '../../src/money/index.js';
import { contractBounds } from '../../src/simulation/bounds.js';
import { runs } from '../runs.js';
import { scenarioArbitrary } from '../settlement/arbitraries/scenario.js';
import { settleOk } from '../settlement/settle-helper.js';

interface Shape {
  readonly cohorts: readonly { readonly id: string }[];
  readonly outcomes: readonly { readonly kind: string; readonly id: string }[];
}

describe('contractBounds of generated contracts', () => {
  it('no settlement of any records pays more than the most, in total or per payer', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ maxRecords: 10 }), (scenario) => {
        const shape = scenario.contract as unknown as Shape;
        const sizes = new Map<string, number>();
        for (const record of scenario.records) sizes.set(record.cohort, (sizes.get(record.cohort) ?? 0) + 1);
        const assumptions = {
          schemaVersion: '1.0',
          daysToExit: 0,
          cohorts: Object.fromEntries(shape.cohorts.map((cohort) => [cohort.id, { size: sizes.get(cohort.id) ?? 0 }])),
          outcomes: Object.fromEntries(shape.outcomes.filter((outcome) => outcome.kind !== 'cohortIndicator').map((outcome) => [outcome.id, { probability: 0.5 }])),
        };
        const bounds = contractBounds(scenario.contract, assumptions);
        if (!bounds.ok) throw new Error(JSON.stringify(bounds.issues));
        const settled = settleOk(scenario);
        const { most } = bounds.value;
        expect(parseAmount(settled.totals.earned).lessThanOrEqualTo(most.total), `${settled.totals.earned} above ${most.total}`).toBe(true);
        for (const payer of most.payers) {
          const paid = sumAmounts(settled.tranches.map((tranche) => parseAmount(tranche.payers.find((part) => part.payer === payer.payer)?.earned ?? '0')));
          expect(paid.lessThanOrEqualTo(payer.amount), `payer ${payer.payer} ${paid.toFixed()} above ${payer.amount}`).toBe(true);
        }
      }),
      { numRuns: runs(60) },
    );
  });
});
