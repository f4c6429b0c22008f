// Hand checks of examples/idf-apprenticeship/expected-settlement.json (a snapshot of what the
// engine computes): the figures are recomputed here from the records and the contract, by code
// that shares nothing with the engine (the reference settlement and its outcomes) or by
// arithmetic written out, never read back from the engine.
import { describe, expect, test } from 'vitest';
import type { Settlement } from '../../src/index.js';
import type { WireRecord } from '../../examples/wire-records.js';
import { refDay } from '../settlement/reference/dates.js';
import { refOutcomes } from '../settlement/reference/outcomes.js';
import { referenceSettlement } from '../settlement/reference/settle.js';
import { settleWith } from '../settlement/settle-helper.js';
import { cents, checkSettlementArithmetic, loadExample, money, plainNdjson, shownAsReference } from './helpers.js';

// While regenerating, the files change under the tests: they run on the next plain run.
const REGENERATING = process.env['REGENERATE_EXAMPLES'] === '1';

const example = loadExample('idf-apprenticeship');
const expected = JSON.parse(example.expected) as Settlement;
const records = plainNdjson<WireRecord>(example.ndjson);
const AS_OF = '2026-03-31';
const valid = records.filter((r) => r.id !== 'IDF-X02');
const contract = example.contract as Parameters<typeof refOutcomes>[0];

/** The participants of `cohort` whose `outcome` the reference resolves as achieved on or before `date`. */
function achieved(outcome: string, cohort: string, date: string): WireRecord[] {
  return valid.filter((r) => {
    const resolved = refOutcomes(contract, r, refDay(AS_OF)).get(outcome);
    return r.cohort === cohort && resolved?.status === 'achieved' && (resolved.on ?? Infinity) <= refDay(date);
  });
}

function settledAlone(id: string): Settlement {
  const settled = settleWith(example.contract, records.filter((r) => r.id === id), { asOf: AS_OF });
  if (!settled.ok) throw new Error(JSON.stringify(settled.issues));
  return settled.value;
}

describe.skipIf(REGENERATING)('examples/idf-apprenticeship, checked by hand', () => {
  test('every amount adds up: lines, tranches, payers, totals', () => {
    expect(checkSettlementArithmetic(expected)).toEqual([]);
  });

  test('group prices rounded up to a multiple of 10: contract 600 / 690 / 780, qualification 1500 / 1730 / 1950, job 1000 flat', () => {
    // contract signed: 600.00 × 1.15 (qpv) = 690.00, × 1.3 (no diploma) = 780.00 (both multiples of 10 already);
    // qualification: 1500.00 × 1.15 = 1725.00 → up to a multiple of 10 = 1730; × 1.3 = 1950.00
    const units = (rule: string): string[] => [...new Set(expected.tranches.flatMap((t) => t.lines.filter((l) => l.rule === rule).map((l) => l.unit ?? '')))].sort();
    expect(units('pay-contract')).toEqual(['600', '690', '780']);
    expect(units('pay-qualification')).toEqual(['1500', '1730', '1950']);
    expect(units('pay-job')).toEqual(['1000']);
    const line = expected.tranches.flatMap((t) => t.lines).find((l) => l.rule === 'pay-qualification' && l.unit === '1730');
    expect(line?.inputs).toMatchObject({ priceGroup: 'qpv', multiplier: '1.15', unrounded: '1725', roundingIncrement: '10', roundingMode: 'up' });
  });

  test('IDF-X01, in both priced groups: contract 780.00 (no diploma beats qpv), qualification 1950.00, job 1000.00', () => {
    const alone = settledAlone('IDF-X01');
    const paid = alone.tranches.flatMap((t) => t.lines.map((l) => [t.id, l.rule, l.claims, l.paid]));
    // contract from 2023-09-18, past its 45-day trial: measured in 2024; qualification 2024-09-06 and
    // a permanent job from 2024-10-01 (15 days after the apprenticeship ended on 2024-09-16, within
    // 183): both in the 2025 tranche. 780 + 1950 + 1000 = 3730.00
    expect(paid).toEqual([
      ['2024', 'pay-contract', 1, '780.00'],
      ['2025', 'pay-qualification', 1, '1950.00'],
      ['2025', 'pay-job', 1, '1000.00'],
    ]);
    expect(alone.totals.earned).toBe('3730.00');
  });

  test('IDF-X03, a contract broken on its 44th day, inside the 45-day trial period, earns nothing', () => {
    // 2023-10-02 to 2023-11-14 inclusive: 30 + 14 = 44 days < 45
    expect(refOutcomes(contract, records.find((r) => r.id === 'IDF-X03') as WireRecord, refDay(AS_OF)).get('contract-signed')?.status).not.toBe('achieved');
    expect(settledAlone('IDF-X03').totals.earned).toBe('0.00');
  });

  test('contracts signed in the 2023 intake by 2024-06-30, counted from the records, are the claims of the 2024 tranche', () => {
    const signed = achieved('contract-signed', '2023', '2024-06-30');
    const claims = expected.tranches.find((t) => t.id === '2024')?.lines.reduce((n, l) => n + (l.claims ?? 0), 0);
    expect(claims).toBe(signed.length);
    // each at the price of its best group, added by hand: 780 for no diploma, else 690 for qpv, else 600
    const price = (r: WireRecord): bigint => (r.groups.includes('no-diploma') ? 78000n : r.groups.includes('qpv') ? 69000n : 60000n);
    expect(expected.tranches.find((t) => t.id === '2024')?.earned).toBe(money(signed.reduce((sum, r) => sum + price(r), 0n)));
  });

  test('first-intake review (2024-03-31): contracts signed over the 2023 intake at or above 40 %, not fired', () => {
    const intake = valid.filter((r) => r.cohort === '2023');
    const signed = achieved('contract-signed', '2023', '2024-03-31');
    expect(signed.length * 10 >= 4 * intake.length).toBe(true);
    expect(expected.exits.map((e) => [e.clause, e.outcome])).toEqual([['first-intake-review', 'notFired']]);
    expect(expected.exits[0]?.figures).toMatchObject({ achieved: signed.length, rateDenominator: intake.length });
  });

  test('every tranche, payer part and exit clause recomputed by the reference settlement (test/settlement/reference), which shares nothing with the engine', () => {
    const reference = referenceSettlement(contract, valid, AS_OF);
    expect(shownAsReference(expected)).toEqual(reference);
    const total = reference.tranches.reduce((sum, t) => sum + cents(t.earned), 0n);
    expect(expected.totals.earned).toBe(money(total));
    expect(total <= cents('250000.00')).toBe(true);
  });

  test('payer split 50 / 30 / 20 to the cent, tranche by tranche (amounts in whole tens of euros divide exactly)', () => {
    for (const t of expected.tranches) {
      const earned = cents(t.earned);
      expect(t.payers.map((p) => [p.payer, cents(p.earned)])).toEqual([
        ['region', (earned * 5n) / 10n],
        ['opco', (earned * 3n) / 10n],
        ['cci', (earned * 2n) / 10n],
      ]);
    }
  });

  test('data quality: the impossible date 2025-02-30 of IDF-X02 excludes that record (103 read, 102 settled)', () => {
    expect(expected.dataQuality.issues.map((i) => [i.code, i.participantId])).toEqual([['DATE_IMPOSSIBLE', 'IDF-X02']]);
    expect([expected.dataQuality.recordsRead, expected.dataQuality.recordsSettled]).toEqual([103, 102]);
  });
});
