/**
 * A small contract for the forecast tests: cohort A enrols January to March 2024, cohort B April
 * to June 2024; a placement within 90 days of enrolment paid 1000.00 in tranche t1 (measured
 * 2024-06-30, due 2024-07-15), a 3-month retention (in work on the anniversary of the job start)
 * paid 600.00 in tranche t2 (measured 2024-12-31, due 2025-01-15); two payers 0.6 / 0.4; no caps.
 */
import { tinyContract, type Json } from './tiny-contract.js';

/** The contract: tiny-contract.ts's cohorts, outcomes, rules and payers, without its caps and reinvestment, with two tranches of its own. */
export const forecastContract: Json = (() => {
  const terms: Json = { ...tinyContract };
  delete terms['caps'];
  delete terms['reinvestment'];
  return {
    ...terms,
    id: 'forecast-tiny',
    name: 'Forecast tiny',
    groups: [{ id: 'youth', name: 'Youth' }],
    tranches: [
      { id: 't1', name: 'Placements', rules: ['pay-pl'], cohorts: ['A', 'B'], measuredOn: '2024-06-30', dueOn: '2024-07-15' },
      { id: 't2', name: 'Retentions', rules: ['pay-r3'], cohorts: ['A', 'B'], measuredOn: '2024-12-31', dueOn: '2025-01-15' },
    ],
  };
})();

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
