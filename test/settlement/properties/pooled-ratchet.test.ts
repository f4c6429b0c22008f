/**
 * A pooled cohort rate paid by tranches that list different cohorts of its pool: the ratchet is
 * the rule's pool, so a lump sum is never paid twice.
 */
import { describe, expect, it } from 'vitest';
import { settle } from '../../../src/index.js';

const contract = {
  schemaVersion: '1.0',
  id: 'pooled',
  name: 'Pooled rate over two cohorts',
  currency: 'EUR',
  rounding: 'half-even',
  period: { start: '2024-01-01', end: '2025-12-31' },
  parties: { payers: [{ id: 'region', name: 'Region', share: '1' }], provider: { id: 'provider', name: 'Provider' } },
  cohorts: [
    { id: 'A', enrolmentStart: '2024-01-01', enrolmentEnd: '2024-01-31' },
    { id: 'B', enrolmentStart: '2024-01-01', enrolmentEnd: '2024-01-31' },
  ],
  outcomes: [{ kind: 'placement', id: 'placement', name: 'Placement', window: { from: 'enrolment', days: 90 }, contractTypes: 'any' }],
  rules: [
    {
      kind: 'cohortRate', id: 'rate', name: 'Placement rate', outcome: 'placement', cohorts: ['A', 'B'], pooling: 'pooled',
      denominator: { basis: 'enrolled' }, pending: 'countAsNotAchieved', emptyCohort: 'nothing', amountBasis: 'perCohort',
      schedule: { mode: 'allOrNothing', threshold: '0.5', amount: '10000.00' },
    },
  ],
  tranches: [
    { id: 'T1', name: 'Cohort A', rules: ['rate'], cohorts: ['A'], measuredOn: '2024-06-30', dueOn: '2024-07-31' },
    { id: 'T2', name: 'Both cohorts', rules: ['rate'], cohorts: ['A', 'B'], measuredOn: '2024-12-31', dueOn: '2025-01-31' },
  ],
};

// A: 1 of 1 placed (rate 1); B: 1 of 1 placed. The pool A+B has rate 1 at both dates.
const records = [
  { id: 'a1', cohort: 'A', enrolledOn: '2024-01-02', spells: [{ start: '2024-02-01' }] },
  { id: 'b1', cohort: 'B', enrolledOn: '2024-01-02', spells: [{ start: '2024-02-01' }] },
];

describe('pooled cohort rate across tranches listing different cohorts', () => {
  it('pays the 10000.00 lump sum once over the contract, not once per cohort subset', () => {
    const result = settle(contract, records, { asOf: '2025-06-30' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // T1 sees cohort A alone: rate 1/1 ≥ 0.5, pays 10000.00; T2 sees the pool: rate 2/2, worth
    // 10000.00, of which 10000.00 was paid: nothing more.
    expect(result.value.tranches.map((t) => [t.id, t.earned])).toEqual([['T1', '10000.00'], ['T2', '0.00']]);
    expect(result.value.totals.earned).toBe('10000.00');
  });
});
