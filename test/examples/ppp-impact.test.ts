// Hand checks of examples/ppp-impact/expected-settlement.json (a snapshot of what the engine
// computes): the figures are recomputed here from the records, the indicators and the contract
// terms, by code that shares nothing with the engine (the reference settlement and its outcomes,
// the placement below) or by arithmetic written out, never read back from the engine.
import { describe, expect, test } from 'vitest';
import { addDays, formatDate, parseDate, type Settlement } from '../../src/index.js';
import type { WireRecord } from '../../examples/wire-records.js';
import { refDay } from '../settlement/reference/dates.js';
import { refOutcomes, type RefStatus } from '../settlement/reference/outcomes.js';
import { referenceSettlement } from '../settlement/reference/settle.js';
import { settleWith } from '../settlement/settle-helper.js';
import { cents, checkSettlementArithmetic, loadExample, money, plainNdjson, shownAsReference } from './helpers.js';

// While regenerating, the files change under the tests: they run on the next plain run.
const REGENERATING = process.env['REGENERATE_EXAMPLES'] === '1';

const example = loadExample('ppp-impact');
const expected = JSON.parse(example.expected) as Settlement;
const records = plainNdjson<WireRecord>(example.ndjson);
const AS_OF = '2025-09-30';
const valid = records.filter((r) => r.id !== 'PP-X02' && r.id !== 'PP-X03');

/** Placement, written independently: any job starting within 365 days of enrolment (inclusive). */
function placedBy(record: WireRecord, date: string): boolean {
  const last = formatDate(addDays(parseDate(record.enrolledOn), 365));
  return record.spells.some((s) => s.start <= last && s.start <= date);
}
const completed = (r: WireRecord): boolean => r.events.some((e) => e.kind === 'training-completed');
const contract = example.contract as Parameters<typeof refOutcomes>[0];
const outcomesOf = new Map(valid.map((r) => [r.id, refOutcomes(contract, r, refDay(AS_OF))]));
/** An outcome of a participant decided (`status`) on or before `date`, as the reference resolves it at the as-of date. */
function decided(r: WireRecord, outcome: string, status: RefStatus['status'], date: string): boolean {
  const s = outcomesOf.get(r.id)?.get(outcome);
  return s?.status === status && (s.on ?? Infinity) <= refDay(date);
}
/** A rate over the placed participants of `cohorts` at `date`, pending left out: achieved, failed and pending. */
function placedRate(outcome: string, cohorts: readonly string[], date: string): { achieved: number; failed: number; pending: number } {
  const placed = valid.filter((r) => cohorts.includes(r.cohort) && decided(r, 'placement', 'achieved', date));
  const achieved = placed.filter((r) => decided(r, outcome, 'achieved', date)).length;
  const failed = placed.filter((r) => decided(r, outcome, 'failed', date)).length;
  return { achieved, failed, pending: placed.length - achieved - failed };
}
const line = (tranche: string, rule: string, cohort: string | null): Settlement['tranches'][number]['lines'][number] | undefined =>
  expected.tranches.find((t) => t.id === tranche)?.lines.find((l) => l.rule === rule && l.cohort === cohort);

describe.skipIf(REGENERATING)('examples/ppp-impact, checked by hand', () => {
  test('every amount adds up: lines, tranches, payers, totals', () => {
    expect(checkSettlementArithmetic(expected)).toEqual([]);
  });

  test('placement impact: 2023-A 37/44 = 0.84 clears the 0.55 comparison by 0.05 → top tier 200000.00; 2023-B 24/38 = 0.63 is only 0.03 above 0.60 → nothing', () => {
    for (const [cohort, placed, denominator, paid] of [['2023-A', 37, 44, '200000.00'], ['2023-B', 24, 38, '0.00']] as const) {
      const completers = valid.filter((r) => r.cohort === cohort && completed(r));
      expect(completers).toHaveLength(denominator);
      expect(completers.filter((r) => placedBy(r, '2024-12-31'))).toHaveLength(placed);
      expect(line('t1', 'placement-impact', cohort)?.paid).toBe(paid);
    }
    // 37/44 = 0.8409 ≥ tier 0.7; 0.8409 − 0.55 = 0.29 ≥ 0.05. 24/38 = 0.6316 would reach tier 0.6,
    // but 0.6316 − 0.60 = 0.0316 < 0.05: the counterfactual test fails, no payment.
  });

  test('youth equity bonus: 14 of 38 placements in 2023-A are young (0.37 ≥ 0.3) → 20000.00; 5 of 27 in 2023-B → nothing', () => {
    for (const [cohort, youth, placed, paid] of [['2023-A', 14, 38, '20000.00'], ['2023-B', 5, 27, '0.00']] as const) {
      const all = valid.filter((r) => r.cohort === cohort && placedBy(r, '2024-12-31'));
      expect(all).toHaveLength(placed);
      expect(all.filter((r) => r.groups.includes('youth'))).toHaveLength(youth);
      expect(line('t1', 'youth-equity-bonus', cohort)?.paid).toBe(paid);
    }
  });

  test('t1: 200000 + 20000 + seed grant 150000 = 370000, cut to the 350000.00 tranche cap on the last line (seed grant 130000.00)', () => {
    const t1 = expected.tranches.find((t) => t.id === 't1');
    expect(t1?.capCuts.map((c) => [c.cap, c.requested, c.cut])).toEqual([['cap-t1', '370000.00', '20000.00']]);
    expect(line('t1', 'seed-grant', null)?.paid).toBe('130000.00');
    expect(t1?.earned).toBe('350000.00');
  });

  test('wage impact: 300.00 per achiever where the rate beats the 20 % baseline by 10 points: 26 × 300 + 12 × 300 = 11400.00', () => {
    // counted from the records at t2 (2025-06-30): wage progression of those placed by then, pending left out
    const a = placedRate('wage-150', ['2023-A'], '2025-06-30');
    const b = placedRate('wage-150', ['2023-B'], '2025-06-30');
    expect([a.achieved, a.achieved + a.failed, b.achieved, b.achieved + b.failed]).toEqual([26, 38, 12, 27]);
    // 26/38 = 0.684; excess over 0.2 = 0.484 ≥ 0.1 (and ≥ the 0.03 minimum): 26 × 300.00. 12/27 = 0.444: 0.244 ≥ 0.1: 12 × 300.00.
    for (const r of [a, b]) expect(r.achieved * 100 - 20 * (r.achieved + r.failed) >= 10 * (r.achieved + r.failed)).toBe(true);
    expect(line('t2', 'wage-impact', '2023-A')?.inputs).toMatchObject({ achieved: a.achieved, rateDenominator: a.achieved + a.failed });
    expect(line('t2', 'wage-impact', '2023-B')?.inputs).toMatchObject({ achieved: b.achieved, rateDenominator: b.achieved + b.failed });
    expect(expected.tranches.find((t) => t.id === 't2')?.earned).toBe(money(BigInt(a.achieved + b.achieved) * 30000n));
  });

  test('PP-X01: exactly EUR 150.00 over the placement wage at 6 months (2024-02-29) counts as a wage progression', () => {
    const settled = settleWith(example.contract, records.filter((r) => r.id === 'PP-X01'), { asOf: AS_OF, ...(example.indicators ? { indicators: example.indicators } : {}) });
    if (!settled.ok) throw new Error('settlement failed');
    const tally = settled.value.tallies.find((t) => t.group === null && t.outcome === 'wage-150' && t.cohort === '2023-A');
    expect(tally).toMatchObject({ enrolled: 1, achieved: 1 });
  });

  test('retention impact (linear, pooled): 49/61 → 40000 + (49/61 − 0.4) / 0.3 × 80000 = 147540.98', () => {
    // counted from the records at t3 (2025-09-30): 12-month retention of those placed in both cohorts, pending left out
    const pooled = placedRate('retention-12m', ['2023-A', '2023-B'], '2025-09-30');
    expect([pooled.achieved, pooled.achieved + pooled.failed, pooled.pending]).toEqual([49, 61, 4]);
    expect(line('t3', 'retention-impact', null)?.inputs).toMatchObject({ rateNumerator: pooled.achieved, rateDenominator: pooled.achieved + pooled.failed, pending: pooled.pending });
    // (49/61 − 2/5) / (3/10) × 80000 = (123/305) × (800000/3) = 98400000/915 = 107540.9836… ;
    // in cents: 9840000000 / 915 = 10754098.36 → half-up 10754098; + 4000000 = 14754098.
    const exactCents = 4000000n + (9840000000n * 2n + 915n) / (2n * 915n);
    expect(money(exactCents)).toBe('147540.98');
    expect(line('t3', 'retention-impact', null)?.paid).toBe(money(exactCents));
  });

  test('every tranche, payer part and exit clause recomputed by the reference settlement (test/settlement/reference), which shares nothing with the engine', () => {
    const reference = referenceSettlement(contract, valid, AS_OF, example.indicators);
    expect(shownAsReference(expected)).toEqual(reference);
    // 350000.00 + 11400.00 + 147540.98 = 508940.98 (t4 scheduled), under the contract cap of 1000000.00
    const total = reference.tranches.reduce((sum, t) => sum + cents(t.earned), 0n);
    expect(expected.totals.earned).toBe(money(total));
    expect(total < cents('1000000.00')).toBe(true);
  });

  test('reinvestment: 20 % of cumulative payments above 300000.00 → 10000.00, 2280.00, 29508.20 (41788.20 in all)', () => {
    // t1: (350000 − 300000) × 0.2 = 10000.00; t2: (361400 − 300000) × 0.2 = 12280 − 10000 = 2280.00;
    // t3: (508940.98 − 300000) × 0.2 = 41788.196 → 41788.20 − 12280 = 29508.20.
    expect(expected.tranches.map((t) => t.reinvested)).toEqual(['10000.00', '2280.00', '29508.20', '0.00']);
    expect(expected.totals.reinvested).toBe('41788.20');
    expect(expected.tranches.map((t) => t.toProvider)).toEqual(['340000.00', '9120.00', '118032.78', '0.00']);
  });

  test('payers 50/30/20 by largest remainder: t3 147540.98 → 73770.49 + 44262.29 + 29508.20', () => {
    // 0.5 × = 73770.49 exactly; 0.3 × = 44262.294; 0.2 × = 29508.196. Floors sum to 147540.97; the
    // last cent goes to the largest remainder (0.6 of a cent, the foundation's).
    expect(expected.tranches.find((t) => t.id === 't3')?.payers.map((p) => p.earned)).toEqual(['73770.49', '44262.29', '29508.20']);
    expect(expected.payers.map((p) => [p.payer, p.earned])).toEqual([
      ['region', '254470.49'],
      ['employers', '152682.29'],
      ['foundation', '101788.20'],
    ]);
    expect(cents('254470.49') + cents('152682.29') + cents('101788.20')).toBe(cents(expected.totals.earned));
  });

  test('exits: satisfaction 3.9 and 3.4 are not below 3; 508940.98 is under the 1000000.00 contract cap', () => {
    expect(expected.exits.map((e) => [e.clause, e.outcome])).toEqual([
      ['satisfaction-review', 'notFired'],
      ['budget-exhausted', 'notFired'],
    ]);
  });

  test('data quality: both copies of PP-X02 and the unknown group of PP-X03 are excluded (102 read, 99 settled)', () => {
    expect(expected.dataQuality.issues.map((i) => [i.code, i.participantId])).toEqual([
      ['DUPLICATE_ID', 'PP-X02'],
      ['DUPLICATE_ID', 'PP-X02'],
      ['GROUP_UNKNOWN', 'PP-X03'],
    ]);
    expect([expected.dataQuality.recordsRead, expected.dataQuality.recordsSettled]).toEqual([102, 99]);
  });
});
