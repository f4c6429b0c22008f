/**
 * The benchmark contract: the region/agency convention example (rate card with group price
 * multipliers, placement, 6- and 12-month retention, wage progression, a per-participant cap, a
 * mid-term review on the placement rate of a cohort) widened to four cohorts, with terms set so
 * that what it owes grows with the number of records (docs/performance.md, "The benchmark
 * contract"):
 * - the contract cap and the region's payer cap are far above what 10M records earn (about
 *   4.5 billion at 10M): they are checked on every tranche and never cut;
 * - the per-participant cap (4000.00, paid in part) stays: it cuts the last claim of every `rsa`
 *   participant paid all four outcomes (4250.00), so its cut grows with the records too;
 * - the mid-term review's threshold is 0.2 instead of 0.3: the placement rate of 2023-A on
 *   2025-01-31 is 0.27 to 0.28 at every size, so the clause is evaluated and does not fire (at
 *   0.3 it fired and cancelled t2 and t3);
 * - t2 (mid 2025) pays 2024-A as well as the 2023 cohorts; t3 (mid 2026, after the as-of date)
 *   pays every cohort.
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

/** The contract and region caps: far above the totals of 10M records. */
const CONTRACT_CAP = '100000000000.00';
const REGION_CAP = '60000000000.00';

/** Returns the benchmark contract JSON. */
export function benchContract() {
  const url = new URL('../examples/contracts/region-agency-convention.json', import.meta.url);
  const contract = JSON.parse(readFileSync(url, 'utf8'));
  const byId = (list, id) => {
    const item = list.find((x) => x.id === id);
    if (item === undefined) throw new Error(`bench/contract.mjs: the example contract has no ${id}`);
    return item;
  };
  contract.cohorts = COHORTS;
  byId(contract.tranches, 't2').cohorts = ['2023-A', '2023-B', '2024-A'];
  byId(contract.tranches, 't3').cohorts = COHORTS.map((c) => c.id);
  byId(contract.caps, 'cap-contract').amount = CONTRACT_CAP;
  byId(contract.caps, 'cap-region').amount = REGION_CAP;
  byId(contract.exitClauses, 'mid-term-review').condition.threshold = '0.2';
  return contract;
}
