import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settlementSummary } from '../../src/cli/summary.js';
import type { Settlement } from '../../src/index.js';
import { settleWith } from '../settlement/settle-helper.js';
import { tinyContract } from '../simulation/tiny-contract.js';

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
    expect(text).toContain('  pay-r3 (A): 1 claim, 500.00 from 2024-10-15 to 2024-10-15 — no tranche pays rule pay-r3 for cohort A on or after 2024-10-15\n');
  });

  it('has no reinvestment line when nothing was reinvested or withheld, in a currency without minor units too', () => {
    // the tiny contract without its reinvestment, no records: reinvested 0 and withheld 0 (written
    // "0.00" in EUR, "0" in JPY, "0.000" in KWD): nothing to say about them
    const rest = Object.fromEntries(Object.entries(tinyContract).filter(([key]) => key !== 'reinvestment'));
    for (const currency of ['EUR', 'JPY', 'KWD']) {
      const amounts = currency === 'EUR' ? (text: string) => text : currency === 'JPY' ? (text: string) => text.replace('.00', '') : (text: string) => `${text}0`;
      const caps = (tinyContract['caps'] as Record<string, unknown>[]).map((cap) => ({ ...cap, amount: amounts(cap['amount'] as string) }));
      const rules = (tinyContract['rules'] as Record<string, unknown>[]).map((rule) => ({ ...rule, price: amounts(rule['price'] as string) }));
      const result = settleWith({ ...rest, currency, caps, rules }, [], { asOf: '2024-12-31' });
      if (!result.ok) expect.fail(JSON.stringify(result.issues));
      expect(result.value.totals.reinvested).toBe(currency === 'EUR' ? '0.00' : currency === 'JPY' ? '0' : '0.000');
      expect(settlementSummary(result.value)).not.toContain('Reinvested');
    }
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

  it('reports each results indicator period as of the last tranche paying it: earned, rolled over, lapsed, pending', () => {
    // vector 91: p1 45,000.00 earned and 5,000.00 lapsed, p2 50,000.00 lapsed, after the final date 2026-12-31
    const vector = readJson('../vectors/91-results-indicator-lapsed-after-final-date.json') as { contract: unknown; records: unknown[]; options: { asOf: string } };
    const result = settleWith(vector.contract, vector.records, vector.options);
    if (!result.ok) expect.fail(JSON.stringify(result.issues));
    const text = settlementSummary(result.value);
    expect(text).toContain('\nResults indicators (as of the last tranche paying each):\n  dli-2 (T3, 2027-01-31)\n');
    expect(text).toContain('    p1 (achievement 90): earned 45000, rolled over 0, lapsed 5000, pending 0\n');
    expect(text).toContain('    p2 (achievement 90): earned 0, rolled over 0, lapsed 50000, pending 0\n');
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
      'Paid by rule (after caps):',
      '  T1: pay-pl 1234.57',
      '',
      'Records: 1 read, 1 settled, 0 excluded (0 problems listed in dataQuality)',
    ].join('\n');
    const text = settlementSummary(result.value);
    expect(text.replace(/\nFingerprint: [0-9a-f]{64}\n$/, '')).toBe(expected);
    expect(text.endsWith(`\nFingerprint: ${result.value.fingerprint.inputs}\n`)).toBe(true);
  });
});

describe('settlementSummary: restatements by cause (vectors 88-89)', () => {
  it('prints each adjustment\'s cause lines: the payer\'s part, the tranche\'s, the claims and who', () => {
    type Vector = { contract: unknown; records: unknown[]; options: Record<string, unknown> };
    const load = (name: string): Vector => JSON.parse(readFileSync(`test/vectors/${name}`, 'utf8')) as Vector;
    const first = load('88-restatement-causes-t1.json');
    const second = load('89-restatement-causes-withdrawn-corrected-late.json');
    const paid = settleWith(first.contract, first.records, first.options as never);
    if (!paid.ok) throw new Error('vector 88 did not settle');
    const now = settleWith(second.contract, second.records, { ...second.options, previous: [JSON.parse(JSON.stringify(paid.value)) as unknown] } as never);
    if (!now.ok) throw new Error('vector 89 did not settle');
    const text = settlementSummary(now.value);
    expect(text).toContain('    withdrawn pay-pl: -600.00 of -1000.00, 1 claim P1\n');
    expect(text).toContain('    corrected pay-pl: -400.00 of -1000.00, 1 claim P2\n');
    expect(text).toContain('    late pay-pl: 1800.00 of 3000.00, 3 claims P4, P5, P6\n');
  });
});

describe('settlementSummary: paid by rule and the caps that cut', () => {
  /** Minor units of a decimal amount with two decimals, in bigint (independent of the money module). */
  const cents = (text: string): bigint => {
    const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
    const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
    return text.startsWith('-') ? -value : value;
  };
  const written = (value: bigint): string => `${value < 0n ? '-' : ''}${(value < 0n ? -value : value) / 100n}.${String((value < 0n ? -value : value) % 100n).padStart(2, '0')}`;

  it.each(['region-sud', 'ppp-impact', 'uk-rate-card', 'idf-apprenticeship', 'profession-emploi', 'cluster-engineering'])('%s: each tranche lists each rule with the sum of its lines, the rules adding up to the lines', (name) => {
    const contract = readJson(`../../examples/${name}/contract.json`);
    const records = readFileSync(new URL(`../../examples/${name}/records.ndjson`, import.meta.url), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as unknown);
    const expected = JSON.parse(readFileSync(new URL(`../../examples/${name}/expected-settlement.json`, import.meta.url), 'utf8')) as Settlement;
    const indicators = (() => {
      try {
        return readJson(`../../examples/${name}/indicators.json`) as Record<string, Record<string, string>>;
      } catch {
        return undefined;
      }
    })();
    const result = settleWith(contract, records, { asOf: expected.asOf, ...(indicators === undefined ? {} : { indicators }) });
    if (!result.ok) expect.fail(JSON.stringify(result.issues.slice(0, 2)));
    const text = settlementSummary(result.value);
    for (const tranche of result.value.tranches.filter((t) => t.lines.length > 0)) {
      const byRule = new Map<string, bigint>();
      for (const line of tranche.lines) byRule.set(line.rule, (byRule.get(line.rule) ?? 0n) + cents(line.paid));
      const line = text.split('\n').find((row) => row.startsWith(`  ${tranche.id}: `)) ?? '';
      expect(line).toContain([...byRule].map(([rule, paid]) => `${rule} ${written(paid)}`).join(', '));
    }
    for (const cap of result.value.participantCaps.filter((c) => c.claimsCut > 0)) {
      expect(text).toContain(`per participant cap ${cap.cap} (limit ${cap.limit} each): ${cap.claimsCut} claim${cap.claimsCut === 1 ? '' : 's'} cut, ${cap.amountCut} in all`);
    }
  });
});
