/**
 * Found while checking the outcome-volume cap against docs/settlement.md ("earliest first"): the
 * engine used to allot the cap's units cohort by cohort, so a later claim in the first cohort took
 * the unit of an earlier claim in the second.
 */
import { describe, expect, it } from 'vitest';
import { settle } from '../../../src/index.js';

describe('outcome-volume cap across cohorts', () => {
it('takes the earliest claims over all the tranche cohorts', () => {
  const contract = {
    schemaVersion: '1.0', id: 'v', name: 'v', currency: 'EUR', rounding: 'half-even',
    period: { start: '2024-01-01', end: '2025-12-31' },
    parties: { payers: [{ id: 'r', name: 'R', share: '1' }], provider: { id: 'p', name: 'P' } },
    cohorts: [{ id: 'A', enrolmentStart: '2024-01-01', enrolmentEnd: '2024-01-31' }, { id: 'B', enrolmentStart: '2024-01-01', enrolmentEnd: '2024-01-31' }],
    groups: [{ id: 'rsa', name: 'RSA' }],
    outcomes: [{ kind: 'placement', id: 'placement', name: 'P', window: { from: 'enrolment', days: 90 }, contractTypes: 'any' }],
    rules: [{ kind: 'rateCard', id: 'pay', name: 'Pay', outcome: 'placement', price: '100.00', groupPricing: { mode: 'prices', prices: [{ group: 'rsa', price: '500.00' }], severalGroups: 'highest' }, prerequisites: [] }],
    caps: [{ kind: 'outcomeVolume', id: 'vol', rule: 'pay', targetUnits: 1 }],
    tranches: [{ id: 'T1', name: 'T1', rules: ['pay'], cohorts: ['A', 'B'], measuredOn: '2024-06-30', dueOn: '2024-07-31' }],
  };
  const records = [
    { id: 'a1', cohort: 'A', enrolledOn: '2024-01-02', spells: [{ start: '2024-03-01' }] },
    { id: 'b1', cohort: 'B', groups: ['rsa'], enrolledOn: '2024-01-02', spells: [{ start: '2024-02-01' }] },
  ];
  // b1 (cohort B, group price 500.00) is placed on 2024-02-01, before a1 (cohort A, 100.00) on
  // 2024-03-01: the one unit of the cap goes to b1.
  const r = settle(contract, records, { asOf: '2024-12-31' });
  expect(r.ok).toBe(true);
  if (r.ok) expect(r.value.totals.earned).toBe('500.00');
});
});
