/**
 * A small contract for the forecast tests: cohort A enrols January to March 2024, cohort B in
 * April 2024; a placement within 90 days of enrolment paid 1000.00 in tranche t1 (measured
 * 2024-06-30, due 2024-07-15), a 3-month retention (in work on the anniversary of the job start)
 * paid 600.00 in tranche t2 (measured 2024-12-31, due 2025-01-15); two payers 0.6 / 0.4; no caps.
 */
import type { Json } from './tiny-contract.js';

/** The contract. */
export const forecastContract: Json = {
  schemaVersion: '2.0',
  id: 'forecast-tiny',
  name: 'Forecast tiny',
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
  groups: [{ id: 'youth', name: 'Youth' }],
  cohorts: [
    { id: 'A', enrolmentStart: '2024-01-01', enrolmentEnd: '2024-03-31' },
    { id: 'B', enrolmentStart: '2024-04-01', enrolmentEnd: '2024-04-30' },
  ],
  outcomes: [
    { kind: 'placement', id: 'placement', name: 'Job within 90 days of enrolment', window: { from: 'enrolment', days: 90 }, contractTypes: 'any' },
    { kind: 'retention', id: 'ret3', name: 'In work on the 3-month anniversary', placementOutcome: 'placement', months: 3, measure: { kind: 'anniversary' }, endBoundary: 'inclusive' },
  ],
  rules: [
    { kind: 'rateCard', id: 'pay-pl', name: 'Placement', outcome: 'placement', price: '1000.00', groupPricing: { kind: 'flat' }, prerequisites: [] },
    { kind: 'rateCard', id: 'pay-r3', name: 'Retention', outcome: 'ret3', price: '600.00', groupPricing: { kind: 'flat' }, prerequisites: [] },
  ],
  tranches: [
    { id: 't1', name: 'Placements', rules: ['pay-pl'], cohorts: ['A', 'B'], measuredOn: '2024-06-30', dueOn: '2024-07-15' },
    { id: 't2', name: 'Retentions', rules: ['pay-r3'], cohorts: ['A', 'B'], measuredOn: '2024-12-31', dueOn: '2025-01-15' },
  ],
};

/** A record of cohort A or B: enrolment, exit and spells (`[start, end?]`), 35 hours a week. */
export function record(id: string, cohort: string, enrolledOn: string, exitedOn: string | undefined, spells: readonly (readonly [string, string?])[], groups: readonly string[] = []): Json {
  return {
    id,
    cohort,
    groups,
    enrolledOn,
    ...(exitedOn === undefined ? {} : { exitedOn }),
    spells: spells.map(([start, end]) => ({ start, ...(end === undefined ? {} : { end }), hoursPerWeek: 35 })),
  };
}

/** Assumptions with fixed probabilities: placement `placed` (days from enrolment `days`), retention `retained`, cohort B of `sizeB` enrolling on `enrolB`. */
export function fixedAssumptions(placed: number, retained: number, days: number | { uniform: { min: number; max: number } }, sizeB = 0, enrolB = '2024-04-10'): Json {
  return {
    schemaVersion: '1.0',
    cohorts: { A: { size: 0 }, B: { size: sizeB, enrolment: { from: enrolB, to: enrolB } } },
    daysToExit: 30,
    outcomes: { placement: { probability: placed, days }, ret3: { probability: retained } },
  };
}
