/**
 * A settlement written by hand for the spreadsheet tests, its figures worked out in the comment.
 */
import type { Settlement } from '../../src/index.js';

/** A fingerprint of one repeated hex digit. */
export const HEX = (digit: string): string => digit.repeat(64);

/**
 * One tranche of a contract in EUR paid by two payers, 60 % and 40 % (the second one's id starts
 * with `=`, as a formula would). Two lines: 2 placements × 500 = 1000.00, and a bonus of 250.00;
 * a tranche cap of 1200.00 cuts 1250.00 − 1200.00 = 50.00 from the bonus (paid 200.00). Paid
 * before: 1300.00, so due now 1200.00 − 1300.00 = −100.00: region 0.6 × 1200.00 = 720.00 earned,
 * 0.6 × 1300.00 = 780.00 paid, −60.00 due; the other 480.00, 520.00, −40.00 (−60.00 − 40.00 =
 * −100.00). One record excluded.
 */
export const SETTLEMENT: Settlement = {
  format: 'outcome-pay/settlement',
  formatVersion: 2,
  library: { name: 'outcome-pay', version: '0.1.0' },
  contract: { id: 'c-1', name: 'Sud, "pilot"', currency: 'EUR', rounding: 'half-even' },
  asOf: '2025-06-30',
  fingerprint: { inputs: HEX('a'), contract: HEX('b'), records: HEX('c'), options: HEX('d'), recordsEvidence: null },
  previous: { settlements: [{ inputs: HEX('e'), asOf: '2024-12-31', contract: HEX('b') }], amendedFrom: [] },
  totals: { earned: '1200.00', previouslyPaid: '1300.00', due: '-100.00', reinvested: '0.00', withheld: '0.00' },
  payers: [
    { payer: 'region', share: '0.6', earned: '720.00', previouslyPaid: '780.00', due: '-60.00' },
    { payer: '=agency', share: '0.4', earned: '480.00', previouslyPaid: '520.00', due: '-40.00' },
  ],
  tranches: [
    {
      id: 't1',
      name: 'Mid-term',
      status: 'settled',
      byClause: null,
      measuredOn: '2025-06-30',
      dueOn: '2025-07-31',
      earned: '1200.00',
      previouslyPaid: '1300.00',
      due: '-100.00',
      withheld: '0.00',
      reinvested: '0.00',
      toProvider: '1200.00',
      payers: [
        { payer: 'region', share: '0.6', earned: '720.00', previouslyPaid: '780.00', due: '-60.00' },
        { payer: '=agency', share: '0.4', earned: '480.00', previouslyPaid: '520.00', due: '-40.00' },
      ],
      lines: [
        {
          rule: 'pay-placement', kind: 'rateCard', cohort: 'A', outcome: 'placement', claims: 2, unit: '500',
          inputs: { claims: 2, unit: '500' }, formula: '2 participants × 500', exact: '1000', rounding: 'half-even', earned: '1000.00', paid: '1000.00',
          participants: ['P1', '+P2'],
        },
        {
          rule: 'bonus', kind: 'bonus', cohort: 'A', outcome: null, claims: null, unit: null,
          inputs: {}, formula: 'fixed 250', exact: '250', rounding: 'half-even', earned: '250.00', paid: '200.00',
          participants: [],
        },
      ],
      capCuts: [
        // a per-participant cap of 600.00: P3 had 500.00 under it, a 500.00 claim paid 100.00, 400.00 cut
        { cap: 'cap-p', kind: 'participant', limit: '600.00', usedBefore: '500.00', requested: '500.00', cut: '400.00', claims: 1, participants: ['P3'] },
        { cap: 'cap-t', kind: 'tranche', limit: '1200.00', usedBefore: '0.00', requested: '1250.00', cut: '50.00' },
      ],
      reinvestment: [],
    },
  ],
  adjustments: [{ tranche: 't1', payer: 'region', previouslyPaid: '780.00', earned: '720.00', amount: '-60.00', reason: 'records corrected; "late" exit' }],
  exits: [],
  participantCaps: [],
  unscheduled: [],
  hiringGuarantees: [],
  tallies: [{ cohort: 'A', group: null, outcome: 'placement', enrolled: 3, achieved: 2, failed: 1, pending: 0 }],
  dataQuality: {
    recordsRead: 4,
    recordsSettled: 3,
    recordsExcluded: 1,
    decisionsAtRisk: [],
    issues: [{ code: 'DATE_FORMAT', path: [3, 'exitedOn'], message: 'exitedOn "2025-13-01", not a date', recordIndex: 3, participantId: '-P7', line: 5, action: 'excluded' } as Settlement['dataQuality']['issues'][number]],
  },
};

