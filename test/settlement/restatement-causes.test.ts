/**
 * The split of an adjustment's cause lines among the payers (src/settlement/restatement-causes.ts):
 * hand-worked cases, then a property: for any cause lines summing to the payers' adjustments, each
 * payer's parts sum to its adjustment and each line's parts to the line, to the cent; and a
 * settlement of a contract priced by enrolment restated by a corrected enrolment date, and one
 * whose line holds claims two versions price alike (each cause names its own claim's version).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/money/index.js';
import { splitCauses, trancheCauses, type TrancheCause } from '../../src/settlement/restatement-causes.js';
import type { SettlementLine } from '../../src/settlement/types.js';
import { runs } from '../runs.js';
import { settleWith } from './settle-helper.js';

const cause = (amount: string, kind: TrancheCause['cause'] = 'late'): TrancheCause => ({ cause: kind, rule: 'r', outcome: 'o', claims: 1, participants: ['P1'], amount: parseAmount(amount) });
const texts = (rows: ReturnType<typeof splitCauses>): string[][] => rows.map((row) => row.map((part) => part.toFixed(2)));

function line(participants: string[], unit: string, paid?: string): SettlementLine {
  const earned = (Number(unit) * participants.length).toFixed(2);
  return {
    rule: 'pay', kind: 'rateCard', cohort: 'A', outcome: 'placement', claims: participants.length, unit, inputs: {}, formula: '', exact: earned, rounding: '',
    earned, paid: paid ?? earned, participants,
  };
}

describe('splitCauses', () => {
  it('splits by the payers\' adjustments, the last line taking the rest: -1000 / -1000 / +3000 over +600 / +400', () => {
    const rows = splitCauses([cause('-1000.00'), cause('-1000.00'), cause('3000.00')], [parseAmount('600.00'), parseAmount('400.00')], 'EUR');
    expect(texts(rows)).toEqual([['-600.00', '-400.00'], ['-600.00', '-400.00'], ['1800.00', '1200.00']]);
  });

  it('gives the odd cent to the largest remainder: 0.01 over thirds of 1.00', () => {
    const rows = splitCauses([cause('0.01'), cause('0.99')], [parseAmount('0.34'), parseAmount('0.33'), parseAmount('0.33')], 'EUR');
    // 0.01 x 34/100, 33/100, 33/100 = 0.0034, 0.0033, 0.0033 cents-wise: 1 cent to the first
    expect(texts(rows)).toEqual([['0.01', '0.00', '0.00'], ['0.33', '0.33', '0.33']]);
  });

  it('a tranche that did not move while its payers did: one line at 0.00 carries their parts', () => {
    const causes = trancheCauses({ before: [line(['P1'], '100.00')], now: [line(['P1'], '100.00')], net: parseAmount('0'), present: () => true, amended: true });
    expect(causes.map((c) => [c.cause, c.rule, c.amount.toFixed(2)])).toEqual([['other', null, '0.00']]);
    expect(texts(splitCauses(causes, [parseAmount('50.00'), parseAmount('-50.00')], 'EUR'))).toEqual([['50.00', '-50.00']]);
  });
});

describe('trancheCauses', () => {
  it('claims that moved and cancel out (P1 100.00 → 0.00, P2 50.00 → 150.00): the one line at 0.00 that carries the payers\' parts', () => {
    // A found bug (round-trip property, seed 1114350112): both moves are "corrected" (P1's record
    // is still there), -100.00 + 100.00 = 0.00, and the cause list came out empty while the
    // payers' parts moved (+912.320 / -912.320), so no cause line carried them.
    const causes = trancheCauses({ before: [line(['P1'], '100.00'), line(['P2'], '50.00')], now: [line(['P2'], '150.00')], net: parseAmount('0'), present: () => true, amended: false });
    expect(causes.map((c) => [c.cause, c.rule, c.amount.toFixed(2)])).toEqual([['other', null, '0.00']]);
    expect(texts(splitCauses(causes, [parseAmount('912.32'), parseAmount('-912.32')], 'EUR'))).toEqual([['912.32', '-912.32']]);
  });

  it('names the version that prices a claim anew: amended contract (+100.00 = 1100.00 - 1000.00), or a record corrected across the amendment\'s date', () => {
    const versioned = (l: SettlementLine, version: string): SettlementLine => ({ ...l, version });
    // the contract was amended since (amendedFrom): P4 was paid 1000.00 under the base, now 1100.00 under avenant-2019
    const amended = trancheCauses({ before: [line(['P4'], '1000.00')], now: [versioned(line(['P4'], '1100.00'), 'avenant-2019')], net: parseAmount('100.00'), present: () => true, amended: true });
    expect(amended.map((c) => [c.cause, c.version, c.amount.toFixed(2), c.participants])).toEqual([['amended', 'avenant-2019', '100.00', ['P4']]]);
    // the same contract; P3's corrected record now achieves after 2019-01-01: base 1000.00 -> avenant-2019 1100.00; P1 unchanged
    const moved = trancheCauses({
      before: [versioned(line(['P1', 'P3'], '1000.00'), 'base')],
      now: [versioned(line(['P1'], '1000.00'), 'base'), versioned(line(['P3'], '1100.00'), 'avenant-2019')],
      net: parseAmount('100.00'),
      present: () => true,
      amended: false,
    });
    expect(moved.map((c) => [c.cause, c.version, c.amount.toFixed(2), c.participants])).toEqual([['corrected', 'avenant-2019', '100.00', ['P3']]]);
    // a claim corrected within one version names none
    const within = trancheCauses({ before: [versioned(line(['P1'], '1000.00'), 'base')], now: [versioned(line(['P1'], '1200.00'), 'base')], net: parseAmount('200.00'), present: () => true, amended: false });
    expect(within.map((c) => [c.cause, c.version])).toEqual([['corrected', undefined]]);
  });

  it('a line holding claims priced by two versions alike names each participant\'s own version (issue #16 item 13)', () => {
    // Review reproduction: P1 was paid 1000.00 under the base; P1's corrected record now falls in a
    // group both versions price at 1200.00, so P1 shares a line with P5 (priced by avenant-2019),
    // named by the latest version, avenant-2019. P1's claim is still priced by the base, so its
    // cause names no version (a claim corrected within one version): +200.00 = 1200.00 - 1000.00;
    // P5 is new (+1200.00, late) and names none (it had no version before and the contract was not
    // amended). Net: 200.00 + 1200.00 = 1400.00.
    const before: SettlementLine = { ...line(['P1'], '1000.00'), version: 'base' };
    const now: SettlementLine = { ...line(['P1', 'P5'], '1200.00'), version: 'avenant-2019', participantVersions: ['base', 'avenant-2019'] };
    const causes = trancheCauses({ before: [before], now: [now], net: parseAmount('1400.00'), present: () => true, amended: false });
    expect(causes.map((c) => [c.cause, c.version, c.amount.toFixed(2), c.participants])).toEqual([
      ['corrected', undefined, '200.00', ['P1']],
      ['late', undefined, '1200.00', ['P5']],
    ]);
    // the other way round: P1 was paid under avenant-2019 in a line it shared with P3 (base), and is
    // now alone in a line of the base: +200.00 = 1200.00 - 1000.00, now priced by base
    const mixed: SettlementLine = { ...line(['P1', 'P3'], '1000.00'), version: 'avenant-2019', participantVersions: ['avenant-2019', 'base'] };
    const back = trancheCauses({
      before: [mixed],
      now: [{ ...line(['P1'], '1200.00'), version: 'base' }, { ...line(['P3'], '1000.00'), version: 'base' }],
      net: parseAmount('200.00'),
      present: () => true,
      amended: false,
    });
    expect(back.map((c) => [c.cause, c.version, c.amount.toFixed(2), c.participants])).toEqual([['corrected', 'base', '200.00', ['P1']]]);
  });

  it('withdrawn, corrected, late and caps, each naming its participants, summing to the net', () => {
    const before = [line(['P1', 'P2', 'P3'], '1000.00', '2500.00')];
    const now = [line(['P3', 'P5', 'P4'], '1000.00', '2000.00')];
    // before: 3000.00 earned, 500.00 cut, 2500.00 paid; now 3000.00 earned, 1000.00 cut, 2000.00 paid
    // P1 gone (withdrawn -1000), P2 still there (corrected -1000), P4, P5 late (+2000), the cut moved by -500
    const causes = trancheCauses({ before, now, net: parseAmount('-500.00'), present: (id) => id !== 'P1', amended: false });
    expect(causes.map((c) => [c.cause, c.participants, c.claims, c.amount.toFixed(2)])).toEqual([
      ['withdrawn', ['P1'], 1, '-1000.00'],
      ['corrected', ['P2'], 1, '-1000.00'],
      ['late', ['P4', 'P5'], 2, '2000.00'],
      ['caps', [], 0, '-500.00'],
    ]);
  });

  it('lines without participant ids: one other line per rule', () => {
    const bare = (paid: string): SettlementLine => ({ ...line([], '0.00'), claims: null, unit: null, earned: paid, paid, participants: undefined } as unknown as SettlementLine);
    const causes = trancheCauses({ before: [bare('700.00')], now: [bare('900.00')], net: parseAmount('200.00'), present: () => undefined, amended: false });
    expect(causes.map((c) => [c.cause, c.rule, c.amount.toFixed(2)])).toEqual([['other', 'pay', '200.00']]);
  });
});

describe('the split of cause lines (property)', () => {
  it('each payer\'s parts sum to its adjustment, each line\'s parts to the line', () => {
    let mixed = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -500_000, max: 500_000 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: -300_000, max: 300_000 }), { minLength: 1, maxLength: 4 }),
        (lines, adjustments) => {
          // the lines sum to the adjustments: the last line is what is left
          const total = adjustments.reduce((a, b) => a + b, 0);
          const all = [...lines.slice(0, -1), total - lines.slice(0, -1).reduce((a, b) => a + b, 0)];
          fc.pre(adjustments.some((a) => a !== 0));
          if (adjustments.some((a) => a < 0) && adjustments.some((a) => a > 0)) mixed++;
          const cents = (n: number): string => (n / 100).toFixed(2);
          const rows = splitCauses(all.map((n) => cause(cents(n))), adjustments.map((n) => parseAmount(cents(n))), 'EUR');
          rows.forEach((row, c) => { expect(row.reduce((a, b) => a.plus(b), parseAmount('0')).toFixed(2)).toBe(cents(all[c] as number)); });
          adjustments.forEach((a, p) => { expect(rows.reduce((sum, row) => sum.plus(row[p] as never), parseAmount('0')).toFixed(2)).toBe(cents(a)); });
        },
      ),
      { numRuns: runs(300) },
    );
    // payers moving both ways (an amendment that removed a payer) were drawn
    expect(mixed).toBeGreaterThan(20);
  });
});

describe('restatement causes of a contract priced by enrolment', () => {
  it('a record whose enrolment date is corrected across the amendment\'s date: cause corrected, naming the version that prices it now (+250.00 = 1250.00 - 1000.00)', () => {
    // vector 99's contract with its amendment's price changes only and no cap; P2 (placed 2020-02-03)
    // was enrolled 2019-11-04 (base: 1000.00) in the previous settlement, and is corrected to
    // 2020-01-06 (avenant-2020: 1250.00)
    type Amendments = { pricedBy: string; versions: { changes: Record<string, unknown> }[] };
    const vector = JSON.parse(readFileSync('test/vectors/99-amendment-priced-by-enrolment.json', 'utf8')) as { contract: Record<string, unknown> & { amendments: Amendments }; records: { id: string; enrolledOn: string }[] };
    const contract: Record<string, unknown> = { ...vector.contract, amendments: { ...vector.contract.amendments, versions: vector.contract.amendments.versions.map((version) => ({ ...version, changes: { rules: version.changes['rules'] } })) } };
    delete contract['caps'];
    const options = { asOf: '2020-08-31', detail: 'participants' as const };
    const previous = settleWith(contract, vector.records, options);
    if (!previous.ok) throw new Error(JSON.stringify(previous.issues));
    const corrected = vector.records.map((record) => (record.id === 'P2' ? { ...record, enrolledOn: '2020-01-06' } : record));
    const now = settleWith(contract, corrected, { ...options, previous: [previous.value] });
    if (!now.ok) throw new Error(JSON.stringify(now.issues));
    const adjustments = now.value.adjustments.filter((a) => a.amount !== '0.00');
    expect(adjustments.map((a) => [a.tranche, a.amount])).toEqual([['T2', '250.00']]);
    expect(adjustments.flatMap((a) => a.causes ?? []).map((c) => [c.cause, c.participants, c.amount, c.version])).toEqual([['corrected', ['P2'], '250.00', 'avenant-2020']]);
  });

  it('a line that two versions price alike lists each participant\'s version, and a cause names the version of its own claim (issue #16 item 13): +200.00 = 1200.00 - 1000.00, no version', () => {
    // vector 99's contract, no cap, its amendment pricing the rqth group alike (1200.00 in both) and
    // the others at 1250.00. T2 (measured 2020-06-30) pays by each participant's enrolment:
    // P2 (2019-11-04), P7 (2019-12-16): base 1000.00; P3 (2020-01-06), P6 (2020-03-02):
    // avenant-2020 1250.00; rqth P4 (2019-12-02): base 1200.00, P5 (2020-02-03): avenant-2020
    // 1200.00, one line at 1200.00 named by the latest, avenant-2020.
    type Amendments = { pricedBy: string; versions: { changes: Record<string, unknown> }[] };
    const vector = JSON.parse(readFileSync('test/vectors/99-amendment-priced-by-enrolment.json', 'utf8')) as { contract: Record<string, unknown> & { amendments: Amendments }; records: { id: string; groups?: string[] }[] };
    const rules = [{ rule: 'pay-pl', price: '1250.00', groupPricing: { kind: 'prices', prices: [{ group: 'rqth', price: '1200.00' }], severalGroups: 'highest' } }];
    const contract: Record<string, unknown> = { ...vector.contract, amendments: { ...vector.contract.amendments, versions: vector.contract.amendments.versions.map((version) => ({ ...version, changes: { rules } })) } };
    delete contract['caps'];
    const options = { asOf: '2020-08-31', detail: 'participants' as const };
    const settled = settleWith(contract, vector.records, options);
    if (!settled.ok) throw new Error(JSON.stringify(settled.issues));
    const t2 = settled.value.tranches.find((t) => t.id === 'T2')?.lines ?? [];
    const byUnit = t2.map((l) => [l.unit, l.participants, l.version, l.participantVersions]).sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(byUnit).toEqual([
      ['1000', ['P2', 'P7'], 'base', undefined],
      ['1200', ['P4', 'P5'], 'avenant-2020', ['base', 'avenant-2020']],
      ['1250', ['P3', 'P6'], 'avenant-2020', undefined],
    ]);
    // the previous settlement had P4 without the rqth group: base 1000.00, in the line of P2 and P7
    const withoutGroup = vector.records.map((record) => (record.id === 'P4' ? { ...record, groups: [] } : record));
    const previous = settleWith(contract, withoutGroup, options);
    if (!previous.ok) throw new Error(JSON.stringify(previous.issues));
    const now = settleWith(contract, vector.records, { ...options, previous: [previous.value] });
    if (!now.ok) throw new Error(JSON.stringify(now.issues));
    const adjustments = now.value.adjustments.filter((a) => a.amount !== '0.00');
    expect(adjustments.map((a) => [a.tranche, a.amount])).toEqual([['T2', '200.00']]);
    // P4's claim is priced by the base before and now: its cause names no version
    expect(adjustments.flatMap((a) => a.causes ?? []).map((c) => [c.cause, c.participants, c.amount, c.version])).toEqual([['corrected', ['P4'], '200.00', undefined]]);
  });
});
