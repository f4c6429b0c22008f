// examples/uk-earnings: a Work and Health Programme style earnings outcome (16 hours x 26 weeks at
// the National Living Wage in force on the start) and an in-work earnings ladder, on seeded records
// with earnings by pay period (NDJSON and CSV, which settle alike). The committed
// records are what generate(SEED) writes; expected-settlement.json is a snapshot, whose figures are
// recomputed here by the reference settlement (test/settlement/reference, which resolves earnings
// day by day in exact fractions and shares nothing with the engine) and, for the scripted
// participants, by arithmetic written out.
// Regenerate: REGENERATE_EXAMPLES=1 npx vitest run test/examples/uk-earnings.test.ts
import { describe, expect, test } from 'vitest';
import type { Settlement } from '../../src/index.js';
import type { WireRecord } from '../../examples/wire-records.js';
import { EXPORTED_ON, SEED, generate } from '../../examples/uk-earnings/generate.js';
import { refDay } from '../settlement/reference/dates.js';
import { refOutcomes } from '../settlement/reference/outcomes.js';
import { referenceSettlement } from '../settlement/reference/settle.js';
import { settleWith } from '../settlement/settle-helper.js';
import { checkSettlementArithmetic, loadExample, plainNdjson, settledExample, settlementText, shownAsReference, writeExampleFile } from './helpers.js';

const REGENERATING = process.env['REGENERATE_EXAMPLES'] === '1';

test.runIf(REGENERATING)('regenerate examples/uk-earnings', () => {
  const before = loadExample('uk-earnings');
  writeExampleFile(before, 'records.ndjson', generate(SEED).ndjson);
  writeExampleFile(before, 'records.csv', generate(SEED).csv);
  writeExampleFile(before, 'expected-settlement.json', settlementText(settledExample(loadExample('uk-earnings'), EXPORTED_ON, 'ndjson')));
});

describe.skipIf(REGENERATING)('examples/uk-earnings', () => {
  const example = loadExample('uk-earnings');
  const expected = JSON.parse(example.expected) as Settlement;
  const records = plainNdjson<WireRecord>(example.ndjson);
  const contract = example.contract as Parameters<typeof refOutcomes>[0];

  test('records.ndjson and records.csv are exactly what generate(SEED) writes; another seed gives other records', () => {
    const generated = generate(SEED);
    expect(example.ndjson).toBe(generated.ndjson);
    expect(example.csv).toBe(generated.csv);
    expect(generated.csv).toContain('earnings1_amount');
    expect(generated.records.length).toBeGreaterThanOrEqual(40);
    expect(generated.records.length).toBeLessThanOrEqual(120);
    expect(generate(SEED + 1).ndjson).not.toBe(example.ndjson);
    // pay periods ending after the export date are not in the file
    expect(records.flatMap((r) => r.earnings ?? []).every((e) => e.to <= EXPORTED_ON)).toBe(true);
  });

  test('expected-settlement.json, a snapshot of the settlement at the export date, is unchanged, and adds up', () => {
    expect(settlementText(settledExample(example, EXPORTED_ON, 'ndjson'))).toBe(example.expected);
    expect(settlementText(settledExample(example, EXPORTED_ON, 'csv'))).toBe(example.expected); // CSV = NDJSON
    expect(checkSettlementArithmetic(expected)).toEqual([]);
  });

  test('every tranche and payer part recomputed by the reference settlement', () => {
    expect(shownAsReference(expected)).toEqual(referenceSettlement(contract, records, EXPORTED_ON));
    // the reference outcomes reach every outcome: some participants achieve each, some fail the threshold
    const statuses = records.map((r) => refOutcomes(contract, r, refDay(EXPORTED_ON)));
    for (const id of ['earnings', 'ladder-2000', 'ladder-6000']) expect(statuses.filter((s) => s.get(id)?.status === 'achieved').length, id).toBeGreaterThan(5);
    expect(statuses.filter((s) => s.get('earnings')?.status === 'failed').length).toBeGreaterThan(5);
  });

  test('UKE-X01: earnings threshold 4760 reached on 2024-09-30 (pro rata), both ladder steps, the last cut by the 2500.00 cap', () => {
    // threshold: 16 x 26 x 11.44 (in force from 2024-04-01 on the start 2024-04-02) = 4759.04, up to 4760.
    // earnings outcome (pro rata across the start): 2400.00 x 90/91 = 2373.63... + 2386.38 = 4760.006... on 2024-09-30: 2000.00.
    // ladder (periods across the start excluded): 2386.38 on 2024-09-30 >= 2000: 300.00;
    // + 2500.00 + 1200.00 = 6086.38 on 2025-03-31 >= 6000: 500.00, of which 2500 - 2000 - 300 = 200.00 fits the cap.
    const settled = settleWith(example.contract, records.filter((r) => r.id === 'UKE-X01'), { asOf: EXPORTED_ON });
    if (!settled.ok) throw new Error('settlement failed');
    const paid = settled.value.tranches.flatMap((t) => t.lines.filter((l) => l.paid !== '0.00').map((l) => [t.id, l.rule, l.paid]));
    expect(paid).toEqual([
      ['Q1-2025', 'pay-earnings', '2000.00'],
      ['Q1-2025', 'pay-ladder-2000', '300.00'],
      ['Q1-2025', 'pay-ladder-6000', '200.00'],
    ]);
    expect(settled.value.participantCaps.map((c) => [c.claimsCut, c.amountCut])).toEqual([[1, '300.00']]);
  });

  test('UKE-X02: 4334.99 in the window is short of 4335 (the period ending 2025-01-31 is after the window): failed; the ladder counts it', () => {
    // window 2023-10-02 + 456 days = 2024-12-31; 1500.00 + 1500.00 + 1334.99 = 4334.99 < 4335: failed on 2025-01-01.
    // ladder (730 days, to 2025-10-01): 3000.00 on 2024-10-31 >= 2000: 300.00; 7334.99 on 2025-01-31 >= 6000: 500.00.
    const settled = settleWith(example.contract, records.filter((r) => r.id === 'UKE-X02'), { asOf: EXPORTED_ON });
    if (!settled.ok) throw new Error('settlement failed');
    expect(settled.value.totals.earned).toBe('800.00');
    const outcome = refOutcomes(contract, records.find((r) => r.id === 'UKE-X02') as WireRecord, refDay(EXPORTED_ON)).get('earnings');
    expect(outcome).toEqual({ status: 'failed', on: refDay('2025-01-01') });
  });
});
