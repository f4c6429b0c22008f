import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settlementSummary } from '../../src/cli/summary.js';
import { settle, type Settlement } from '../../src/index.js';

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
}

describe('settlementSummary', () => {
  it('lists claims that no tranche pays, with their rule, cohort, count, amount and dates', () => {
    // vector 32: a 500.00 claim of pay-r3 (cohort A) on 2024-10-15, after every tranche listing it
    const vector = readJson('../vectors/32-tranches-assignment-filter-scheduled.json') as { contract: unknown; records: unknown[]; options: { asOf: string } };
    const result = settle(vector.contract, vector.records, vector.options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = settlementSummary(result.value);
    expect(text).toContain('\nEarned but paid by no tranche:\n');
    expect(text).toContain('  pay-r3 (A): 1 claims, 500.00 from 2024-10-15 to 2024-10-15 — no tranche pays rule pay-r3 for cohort A on or after 2024-10-15\n');
  });

  it('reports each hiring guarantee with its status and counts', () => {
    const settlement = readJson('../../examples/ppp-impact/expected-settlement.json') as Settlement;
    const [guarantee] = settlement.hiringGuarantees;
    expect(guarantee).toBeDefined();
    if (guarantee === undefined) return;
    const text = settlementSummary(settlement);
    expect(text).toContain('\nHiring guarantees:\n');
    expect(text).toContain(
      `  ${guarantee.guarantee} (${guarantee.employer}, ${guarantee.positions} positions): ${guarantee.status} — ${guarantee.hired} hired of ${guarantee.qualified} qualified, ${guarantee.undecided} undecided, ${guarantee.shortfallPositions} positions short\n`,
    );
  });

  it('leaves out the sections a settlement does not have', () => {
    const settlement = readJson('../../examples/region-sud/expected-settlement.json') as Settlement;
    const text = settlementSummary(settlement);
    expect(settlement.unscheduled).toEqual([]);
    expect(settlement.hiringGuarantees).toEqual([]);
    expect(text).not.toContain('Earned but paid by no tranche');
    expect(text).not.toContain('Hiring guarantees');
  });

  it('counts the problems listed, or says they were reported separately when onIssue had them', () => {
    const settlement = readJson('../../examples/region-sud/expected-settlement.json') as Settlement;
    const { recordsRead, recordsSettled, recordsExcluded, issues } = settlement.dataQuality;
    expect(settlementSummary(settlement)).toContain(`excluded (${issues.length} problems listed in dataQuality)\n`);
    const delivered = { ...settlement, dataQuality: { recordsRead, recordsSettled, recordsExcluded, issues: [], issuesDelivered: 7 } };
    expect(settlementSummary(delivered)).toContain(`${recordsExcluded} excluded (7 problems reported separately)\n`);
  });
});
