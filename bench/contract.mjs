/**
 * The benchmark contract: the region/agency convention example (rate card with group price
 * multipliers, placement, 6- and 12-month retention, wage progression) widened to four cohorts.
 */
import { readFileSync } from 'node:fs';

/** Cohorts of the benchmark contract, with their enrolment windows. */
export const COHORTS = [
  { id: '2023-A', name: 'First half 2023', enrolmentStart: '2023-01-02', enrolmentEnd: '2023-06-30', targetSize: 150 },
  { id: '2023-B', name: 'Second half 2023', enrolmentStart: '2023-07-01', enrolmentEnd: '2023-12-31', targetSize: 150 },
  { id: '2024-A', name: 'First half 2024', enrolmentStart: '2024-01-01', enrolmentEnd: '2024-06-30', targetSize: 150 },
  { id: '2024-B', name: 'Second half 2024', enrolmentStart: '2024-07-01', enrolmentEnd: '2024-12-31', targetSize: 150 },
];

/** Groups of the contract (ltu has a 1.1 price multiplier, rsa 1.25). */
export const GROUPS = ['rsa', 'ltu', 'youth'];

/** The as-of date every benchmark settles at. */
export const AS_OF = '2025-06-30';

/** Returns the benchmark contract JSON. */
export function benchContract() {
  const url = new URL('../examples/contracts/region-agency-convention.json', import.meta.url);
  const contract = JSON.parse(readFileSync(url, 'utf8'));
  contract.cohorts = COHORTS;
  // The last tranche (mid 2026) pays every cohort; earlier ones keep the 2023 cohorts.
  const last = contract.tranches.at(-1);
  last.cohorts = COHORTS.map((c) => c.id);
  return contract;
}
