import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settlementSummary } from '../../src/cli/summary.js';
import type { Settlement } from '../../src/index.js';
import { settleWith } from '../settlement/settle-helper.js';

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
}

describe('settlementSummary', () => {
  it('lists claims that no tranche pays, with their rule, cohort, count, amount and dates', () => {
    // vector 32: a 500.00 claim of pay-r3 (cohort A) on 2024-10-15, after every tranche listing it
    const vector = readJson('../vectors/32-tranches-assignment-filter-scheduled.json') as { contract: unknown; records: unknown[]; options: { asOf: string } };
    const result = settleWith(vector.contract, vector.records, vector.options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = settlementSummary(result.value);
    expect(text).toContain('\nEarned but paid by no tranche:\n');
    expect(text).toContain('  pay-r3 (A): 1 claims, 500.00 from 2024-10-15 to 2024-10-15 — no tranche pays rule pay-r3 for cohort A on or after 2024-10-15\n');
  });

  it('reports each minimum performance level: its reviews, what its consequence did in each tranche, what is still withheld', () => {
    // vector 80: 2 of 10 into work on 2024-06-30 (level 0.3), T2's 3000.00 withheld, not yet released
    const vector = readJson('../vectors/83-minimum-performance-withhold-outstanding.json') as { contract: unknown; records: unknown[]; options: { asOf: string } };
    const result = settleWith(vector.contract, vector.records, vector.options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = settlementSummary(result.value);
    expect(text).toContain('\nMinimum performance levels:\n  mpl (job ≥ 0.3, withhold); withheld 3000.00, released 0.00, still withheld 3000.00\n');
    expect(text).toContain('    2024-06-30: notMet — 2 of 10 participants achieved job (0.2) < level 0.3 on 2024-06-30: not met; 3000.00 of pay-job, pay-26w withheld');
    expect(text).toContain('    T2 (2024-09-30): 2 of 10 (0.2), withheld 3000.00\n');
    expect(text).toContain('withheld (suspensions, minimum performance): 3000.00');
  });

  it('reports each hiring guarantee with its status and counts, and what the employer owes once final', () => {
    // examples/ppp-impact: 20 positions promised, 23 of 82 qualified participants hired, 17 undecided
    const settlement = readJson('../../examples/ppp-impact/expected-settlement.json') as Settlement;
    const text = settlementSummary(settlement);
    expect(text).toContain('\nHiring guarantees:\n');
    expect(text).toContain('  consortium-hiring (Logistics employer consortium, 20 positions): met — 23 hired of 82 qualified, 17 undecided, 0 positions short\n');
    const shortfall = {
      ...settlement,
      hiringGuarantees: [{ guarantee: 'g1', employer: 'Acme', positions: 5, qualified: 4, hired: 3, undecided: 0, status: 'shortfall' as const, shortfallPositions: 2, shortfallAmount: '3000.00' }],
    };
    expect(settlementSummary(shortfall)).toContain('  g1 (Acme, 5 positions): shortfall — 3 hired of 4 qualified, 0 undecided, 2 positions short, Acme owes 3000.00\n');
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
    // examples/region-sud: 94 records read, RS-X03 and RS-X04 excluded with one problem each, and
    // RS-0008, enrolled a day after 2023-A's window closed (ENROLMENT_OUTSIDE_WINDOW): 94 - 3 = 91 settled
    const settlement = readJson('../../examples/region-sud/expected-settlement.json') as Settlement;
    expect(settlementSummary(settlement)).toContain('\nRecords: 94 read, 91 settled, 3 excluded (3 problems listed in dataQuality)\n');
    const { recordsRead, recordsSettled, recordsExcluded } = settlement.dataQuality;
    const delivered = { ...settlement, dataQuality: { recordsRead, recordsSettled, recordsExcluded, issues: [], issuesDelivered: 7 } };
    expect(settlementSummary(delivered)).toContain('\nRecords: 94 read, 91 settled, 3 excluded (7 problems reported separately)\n');
    const one = { ...settlement, dataQuality: { ...settlement.dataQuality, issues: settlement.dataQuality.issues.slice(0, 1) } };
    expect(settlementSummary(one)).toContain(' excluded (1 problem listed in dataQuality)\n');
  });

  it('prints the whole summary of a settlement as written out here (vector 42: 1234.57 split 60/40)', () => {
    const vector = readJson('../vectors/42-payers-60-40-odd-cent.json') as { contract: unknown; records: unknown[]; options: { asOf: string } };
    const result = settleWith(vector.contract, vector.records, vector.options);
    if (!result.ok) expect.fail(JSON.stringify(result.issues));
    // columns padded to their widest cell, two spaces apart; money columns aligned right
    const expected = [
      'v42 (v42)',
      'Settlement as of 2024-12-31, amounts in EUR',
      '',
      'Tranche  Status   Measured    Due on       Earned  Paid before  Due now',
      'T1       settled  2024-06-30  2024-06-30  1234.57         0.00  1234.57',
      `Total${' '.repeat(37)}1234.57         0.00  1234.57`,
      '',
      'Payer   Share  Earned  Paid before  Due now',
      'region    60%  740.74         0.00   740.74',
      'agency    40%  493.83         0.00   493.83',
      '',
      'Records: 1 read, 1 settled, 0 excluded (0 problems listed in dataQuality)',
    ].join('\n');
    const text = settlementSummary(result.value);
    expect(text.replace(/\nFingerprint: [0-9a-f]{64}\n$/, '')).toBe(expected);
    expect(text.endsWith(`\nFingerprint: ${result.value.fingerprint.inputs}\n`)).toBe(true);
  });
});
