// Hand checks of examples/region-sud/expected-settlement.json (a snapshot of what the engine
// computes): the figures are recomputed here from the records and the contract terms, by code
// that shares nothing with the engine (the reference settlement, the placement below) or by
// arithmetic written out, never read back from the engine.
import { describe, expect, test } from 'vitest';
import { addDays, formatDate, parseDate, type ContractInput } from '../../src/index.js';
import type { WireRecord } from '../../examples/wire-records.js';
import { referenceSettlement } from '../settlement/reference/settle.js';
import { settleWith } from '../settlement/settle-helper.js';
import { cents, checkSettlementArithmetic, loadExample, money, plainNdjson, shownAsReference } from './helpers.js';

// While regenerating, the files change under the tests: they run on the next plain run.
const REGENERATING = process.env['REGENERATE_EXAMPLES'] === '1';

const AS_OF = '2025-06-30';
const example = loadExample('region-sud');
const expected = JSON.parse(example.expected) as import('../../src/index.js').Settlement;
const records = plainNdjson<WireRecord>(example.ndjson);
/** The generator drew one enrolment date a day past 2023-A's window (2023-01-02 to 2023-06-30). */
const outsideWindow = records.filter((r) => r.cohort === '2023-A' && r.enrolledOn > '2023-06-30').map((r) => r.id);
const valid = records.filter((r) => r.id !== 'RS-X03' && r.id !== 'RS-X04' && !outsideWindow.includes(r.id));

/** Placement as the contract defines it, written independently: a permanent, fixed-term or
 * apprenticeship job of 24 h or more starting within 180 days of exit, achieved once it has
 * lasted 30 days (start + 29). Returns the achievement date or undefined. */
function placedOn(record: WireRecord): string | undefined {
  if (record.exitedOn === undefined) return undefined;
  const exit = parseDate(record.exitedOn);
  const dates = record.spells
    .filter((s) => ['permanent', 'fixed-term', 'apprenticeship'].includes(s.contractType ?? '') && (s.hoursPerWeek ?? 0) >= 24)
    .filter((s) => parseDate(s.start) >= exit && parseDate(s.start) <= addDays(exit, 180))
    .map((s) => ({ s, reached: formatDate(addDays(parseDate(s.start), 29)) }))
    .filter(({ s, reached }) => (s.end === undefined ? reached <= AS_OF : s.end >= reached))
    .map(({ reached }) => reached)
    .sort();
  return dates[0];
}

describe.skipIf(REGENERATING)('examples/region-sud, checked by hand', () => {
  test('every amount adds up: lines, tranches, payers, totals', () => {
    expect(checkSettlementArithmetic(expected)).toEqual([]);
  });

  test('data quality: 94 records read, 3 excluded with their reasons, 91 settled', () => {
    expect(records).toHaveLength(94); // 48 + 42 generated + 4 hand-written
    expect(outsideWindow).toEqual(['RS-0008']); // enrolled 2023-07-01
    expect(expected.dataQuality.recordsRead).toBe(94);
    expect(expected.dataQuality.recordsSettled).toBe(91);
    expect(expected.dataQuality.issues.map((i) => [i.code, i.participantId])).toEqual([
      ['ENROLMENT_OUTSIDE_WINDOW', 'RS-0008'],
      ['EXIT_BEFORE_ENROLMENT', 'RS-X03'],
      ['SPELLS_OVERLAP', 'RS-X04'],
    ]);
  });

  test('mid-term review on 2025-01-31: 20 of the 49 participants of 2023-A placed = 0.408163 ≥ 0.3, not fired', () => {
    const cohortA = valid.filter((r) => r.cohort === '2023-A');
    const placed = cohortA.filter((r) => (placedOn(r) ?? '9999') <= '2025-01-31');
    expect(cohortA).toHaveLength(49);
    expect(placed).toHaveLength(20); // 20 / 49 = 0.40816326... → 0.408163 (6 places)
    const exit = expected.exits[0];
    expect(exit?.outcome).toBe('notFired');
    expect(exit?.figures).toMatchObject({ achieved: 20, rateDenominator: 49, rate: '0.408163', threshold: '0.3' });
  });

  test('group prices: placement 1200.00; RSA × 1.25 = 1500.00; long-term unemployed × 1.1 = 1320.00', () => {
    const units = new Set(expected.tranches.flatMap((t) => t.lines.filter((l) => l.rule === 'pay-placement').map((l) => l.unit)));
    expect([...units].sort()).toEqual(['1200', '1320', '1500']);
    // Every RSA participant placed by the 2024-06-30 measurement (and who completed training,
    // the prerequisite) is in a 1500 line of t1.
    const t1 = expected.tranches.find((t) => t.id === 't1');
    const rsaClaims = t1?.lines.filter((l) => l.rule === 'pay-placement' && l.unit === '1500').reduce((n, l) => n + (l.claims ?? 0), 0);
    const rsaPlaced = valid.filter(
      (r) => r.groups.includes('rsa') && (placedOn(r) ?? '9999') <= '2024-06-30' && r.events.some((e) => e.kind === 'training-completed'),
    );
    expect(rsaClaims).toBe(rsaPlaced.length);
  });

  test('every tranche, payer part and exit clause recomputed by the reference settlement (test/settlement/reference), which shares nothing with the engine', () => {
    const reference = referenceSettlement(example.contract as ContractInput, valid, AS_OF);
    expect(shownAsReference(expected)).toEqual(reference);
    // t1 56760.00 and t2 57200.00 (t3 scheduled): 113960.00, under the contract cap of 1000000.00
    const total = reference.tranches.reduce((sum, t) => sum + cents(t.earned), 0n);
    expect(expected.totals.earned).toBe(money(total));
    expect(total <= cents('1000000.00')).toBe(true);
  });

  test('payer split 60/40 to the cent, under the region\'s cap of 600000.00', () => {
    // 113960.00 × 0.6 = 68376.00 region, × 0.4 = 45584.00 agency: both exact, no cent to allot
    const total = cents(expected.totals.earned);
    expect(expected.payers.map((p) => [p.payer, p.earned])).toEqual([
      ['region', money((total * 6n) / 10n)],
      ['agency', money((total * 4n) / 10n)],
    ]);
    expect((total * 6n) % 10n).toBe(0n);
    expect(cents(expected.payers[0]?.earned ?? '0') <= cents('600000.00')).toBe(true);
  });

  test('RS-X01: an exact 10 % rise passes, and the 4000.00 cap pays the wage claim in part (250.00)', () => {
    const x01 = records.filter((r) => r.id === 'RS-X01');
    const settled = settleWith(example.contract, x01, { asOf: AS_OF });
    if (!settled.ok) throw new Error('settlement failed');
    // rsa + ltu, highest multiplier 1.25: placement 1500.00 (2023-09-29, after 30 days),
    // retention 6 m 1000.00 (2024-02-29), retention 12 m 1250.00 (2024-08-31), wage 500.00 flat
    // (2024-08-31: 1650.00 − 1500.00 = 150.00 = 10 % of 1500.00). 1500 + 1000 + 1250 = 3750;
    // the cap leaves 4000 − 3750 = 250.00 of the 500.00 wage claim.
    const paid = settled.value.tranches.flatMap((t) => t.lines.map((l) => [t.id, l.rule, l.paid]));
    expect(paid).toEqual([
      ['t1', 'pay-placement', '1500.00'],
      ['t1', 'pay-retention-6m', '1000.00'],
      ['t2', 'pay-retention-12m', '1250.00'],
      ['t2', 'pay-wage', '250.00'],
    ]);
    expect(settled.value.totals.earned).toBe('4000.00');
  });

  test('RS-X02: 1649.99 against 1500.00 is one cent short of 10 %, so no wage payment', () => {
    const settled = settleWith(example.contract, records.filter((r) => r.id === 'RS-X02'), { asOf: AS_OF });
    if (!settled.ok) throw new Error('settlement failed');
    const rules = settled.value.tranches.flatMap((t) => t.lines.map((l) => l.rule));
    expect(rules).toEqual(['pay-placement', 'pay-retention-6m', 'pay-retention-12m']);
    expect(settled.value.totals.earned).toBe('3000.00'); // 1200 + 800 + 1000, no group
  });
});
