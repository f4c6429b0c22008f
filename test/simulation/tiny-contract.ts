/**
 * A tiny contract for the summary figures: two cohorts, a placement paid 1000.00 and a 3-month
 * retention paid 600.00, two payers 0.6 / 0.4, a per-participant cap of 900.00, a contract cap
 * of 3500.00 and two caps too large to bind, three tranches falling due in July and September
 * 2024 and January 2025, and a reinvestment of 0.1 of the payments above 1000.00.
 */
/** A JSON document. */
export type Json = Record<string, unknown>;

/** The contract. */
export const tinyContract: Json = {
  schemaVersion: '2.0',
  id: 'tiny',
  name: 'Tiny',
  currency: 'EUR',
  rounding: 'half-even',
  period: { start: '2024-01-01', end: '2024-12-31' },
  parties: {
    payers: [
      { id: 'state', name: 'State', share: '0.6' },
      { id: 'city', name: 'City', share: '0.4' },
    ],
    provider: { id: 'provider', name: 'Provider' },
  },
  cohorts: [
    { id: 'A', enrolmentStart: '2024-01-01', enrolmentEnd: '2024-03-31' },
    { id: 'B', enrolmentStart: '2024-04-01', enrolmentEnd: '2024-06-30' },
  ],
  outcomes: [
    { kind: 'placement', id: 'placement', name: 'Job within 90 days of enrolment', window: { from: 'enrolment', days: 90 }, contractTypes: 'any' },
    { kind: 'retention', id: 'ret3', name: 'In work on the 3-month anniversary', placementOutcome: 'placement', months: 3, measure: { kind: 'anniversary' }, endBoundary: 'inclusive' },
  ],
  rules: [
    { kind: 'rateCard', id: 'pay-pl', name: 'Placement', outcome: 'placement', price: '1000.00', groupPricing: { kind: 'flat' }, prerequisites: [] },
    { kind: 'rateCard', id: 'pay-r3', name: 'Retention', outcome: 'ret3', price: '600.00', groupPricing: { kind: 'flat' }, prerequisites: [] },
  ],
  caps: [
    { kind: 'participant', id: 'per-person', amount: '900.00', partialPayment: true, claimOrder: 'achievementDate' },
    { kind: 'tranche', id: 'cap-t3', tranche: 't3', amount: '100000.00', partialPayment: true },
    { kind: 'payer', id: 'cap-city', payer: 'city', amount: '100000.00', partialPayment: true },
    { kind: 'contract', id: 'cap-total', amount: '3500.00', partialPayment: true },
  ],
  tranches: [
    { id: 't1', name: 'Cohort A', rules: ['pay-pl'], cohorts: ['A'], measuredOn: '2024-06-30', dueOn: '2024-07-15' },
    { id: 't2', name: 'Cohort B', rules: ['pay-pl'], cohorts: ['B'], measuredOn: '2024-08-31', dueOn: '2024-09-10' },
    { id: 't3', name: 'Retention', rules: ['pay-pl', 'pay-r3'], cohorts: ['A', 'B'], measuredOn: '2024-12-31', dueOn: '2025-01-15' },
  ],
  reinvestment: [
    { id: 'fund', name: 'Follow-on fund', trigger: { kind: 'paymentsAboveThreshold', threshold: '1000.00' }, share: '0.1', destination: { kind: 'external', name: 'Fund' }, cap: '10000.00' },
  ],
};

