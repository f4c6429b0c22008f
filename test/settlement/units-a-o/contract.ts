/**
 * Small contracts for the unit tests of test/settlement/units-a-o: two cohorts (A, B) enrolling
 * in the first quarter of 2024, one payer, and the outcomes, rules and tranches each test gives.
 */
import { parseContract, type Contract } from '../../../src/contract/index.js';

/** A placement within 90 days of enrolment, any contract type. */
export const PLACEMENT = { kind: 'placement', id: 'placement', name: 'Job', window: { from: 'enrolment', days: 90 }, contractTypes: 'any' };
/** A rate card paying 1500.00 per placement. */
export const PAY = { kind: 'rateCard', id: 'pay', name: 'pay', outcome: 'placement', price: '1500.00', groupPricing: { kind: 'flat' }, prerequisites: [] };

/** The contract as written: a placement paid 1500.00 in one tranche (2024-06-30), EUR, half-even, unless `changes` says otherwise. */
export function contractJson(changes: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return {
    schemaVersion: '2.0',
    id: 'unit',
    name: 'unit',
    currency: 'EUR',
    rounding: 'half-even',
    period: { start: '2024-01-01', end: '2026-12-31' },
    parties: { payers: [{ id: 'region', name: 'Region', share: '1' }], provider: { id: 'provider', name: 'Provider' } },
    cohorts: [
      { id: 'A', enrolmentStart: '2024-01-01', enrolmentEnd: '2024-03-31' },
      { id: 'B', enrolmentStart: '2024-01-01', enrolmentEnd: '2024-03-31' },
    ],
    outcomes: [PLACEMENT],
    rules: [PAY],
    tranches: [{ id: 'T1', name: 'T1', rules: ['pay'], cohorts: ['A', 'B'], measuredOn: '2024-06-30', dueOn: '2024-06-30' }],
    ...changes,
  };
}

/** {@link contractJson}, parsed (a test fails at once if it does not parse). */
export function unitContract(changes: Readonly<Record<string, unknown>> = {}): Contract {
  const parsed = parseContract(contractJson(changes));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}


