/**
 * Restatement causes (src/settlement/restatement-causes.ts), the parts the other tests leave:
 * lines that cannot be read per participant, a participant whose presence is unknown, the order
 * of cause lines across rules, each cause in words and as the settlement shows it, and the split
 * among payers with negative adjustments, adjustments netting to zero, and currencies of 0 and 3
 * minor units. Every figure is worked out in a comment.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney, parseAmount, type Amount } from '../../../src/money/index.js';
import { causeReport, describeCause, RESTATEMENT_CAUSES, splitCauses, trancheCauses, type TrancheCause } from '../../../src/settlement/restatement-causes.js';
import type { SettlementLine } from '../../../src/settlement/types.js';

function line(rule: string, participants: string[], unit: string, options: { paid?: string; earned?: string; claims?: number; version?: string; participantVersions?: string[] } = {}): SettlementLine {
  // earned = unit × claims, written out by each test where it matters
  const earned = options.earned ?? parseAmount(unit).times(participants.length).toFixed(2);
  return {
    rule,
    kind: 'rateCard',
    cohort: 'A',
    outcome: `${rule}-outcome`,
    claims: options.claims ?? participants.length,
    unit,
    inputs: {},
    formula: '',
    exact: earned,
    rounding: '',
    earned,
    paid: options.paid ?? earned,
    participants,
    ...(options.version === undefined ? {} : { version: options.version }),
    ...(options.participantVersions === undefined ? {} : { participantVersions: options.participantVersions }),
  };
}

const rows = (causes: TrancheCause[]) => causes.map((c) => [c.cause, c.rule, c.claims, c.participants, c.amount.toFixed(2), c.version]);
const texts = (split: Amount[][]): string[][] => split.map((row) => row.map((part) => part.toFixed()));
const cause = (amount: string, kind: TrancheCause['cause'] = 'late'): TrancheCause => ({ cause: kind, rule: 'r', outcome: 'o', claims: 1, participants: ['P1'], amount: parseAmount(amount) });

describe('trancheCauses: lines that cannot be read per participant', () => {
  it('no unit, claims that are not one per participant, or units that do not add up to the line: an other line for the rule', () => {
    // each group moves 100.00 − 50.00 = 50.00 and cannot be read per participant
    const noUnit = { ...line('a', ['P1'], '100.00'), unit: null };
    const claimsOff = line('b', ['P1'], '100.00', { claims: 2 });
    const unitsOff = line('c', ['P1'], '100.00', { earned: '100.01' });
    const before = [line('a', ['P1'], '50.00'), line('b', ['P1'], '50.00'), line('c', ['P1'], '50.00')];
    const causes = trancheCauses({ before, now: [noUnit, claimsOff, unitsOff], net: parseAmount('150.00'), present: () => true, amended: false });
    // c's paid is its earned, 100.01: it moved 50.01, and the tranche's net 150.00 leaves −0.01 to no line
    expect(rows(causes)).toEqual([
      ['other', 'a', 0, [], '50.00', undefined],
      ['other', 'b', 0, [], '50.00', undefined],
      ['other', 'c', 0, [], '50.01', undefined],
      ['other', null, 0, [], '-0.01', undefined],
    ]);
  });

  it('the lines before unreadable, now readable: still an other line', () => {
    const causes = trancheCauses({ before: [{ ...line('a', ['P1'], '100.00'), unit: null }], now: [line('a', ['P1'], '150.00')], net: parseAmount('50.00'), present: () => true, amended: false });
    expect(rows(causes)).toEqual([['other', 'a', 0, [], '50.00', undefined]]);
  });
});

describe('trancheCauses: participants', () => {
  it('a claim gone whose record’s presence is not known is corrected, not withdrawn', () => {
    const causes = trancheCauses({ before: [line('a', ['P1', 'P2'], '100.00')], now: [line('a', ['P2'], '100.00')], net: parseAmount('-100.00'), present: () => undefined, amended: false });
    expect(rows(causes)).toEqual([['corrected', 'a', 1, ['P1'], '-100.00', undefined]]);
  });

  it('an amount changed under an amended contract is amended, naming the line’s version; unchanged claims name nothing', () => {
    // P1 100.00 → 120.00 (+20.00), P2 unchanged
    const causes = trancheCauses({
      before: [line('a', ['P1', 'P2'], '100.00')],
      now: [line('a', ['P2'], '100.00', { version: 'v2' }), line('a', ['P1'], '120.00', { version: 'v2' })],
      net: parseAmount('20.00'),
      present: () => true,
      amended: true,
    });
    expect(rows(causes)).toEqual([['amended', 'a', 1, ['P1'], '20.00', 'v2']]);
  });

  it('participant versions of another length than the ids: the line’s version', () => {
    const causes = trancheCauses({
      before: [line('a', ['P1'], '100.00', { version: 'v1' })],
      now: [line('a', ['P1'], '130.00', { version: 'v2', participantVersions: ['v3', 'v4'] })],
      net: parseAmount('30.00'),
      present: () => true,
      amended: false,
    });
    // corrected across versions: v1 → v2 names v2
    expect(rows(causes)).toEqual([['corrected', 'a', 1, ['P1'], '30.00', 'v2']]);
  });

  it('a claim corrected under the same version, or with no version now, names none', () => {
    const same = trancheCauses({ before: [line('a', ['P1'], '100.00', { version: 'v1' })], now: [line('a', ['P1'], '130.00', { version: 'v1' })], net: parseAmount('30.00'), present: () => true, amended: false });
    expect(rows(same)).toEqual([['corrected', 'a', 1, ['P1'], '30.00', undefined]]);
    const none = trancheCauses({ before: [line('a', ['P1'], '100.00', { version: 'v1' })], now: [line('a', ['P1'], '130.00')], net: parseAmount('30.00'), present: () => true, amended: true });
    expect(rows(none)).toEqual([['amended', 'a', 1, ['P1'], '30.00', undefined]]);
  });

  it('cause lines in the order of the causes, then of the rules’ first appearance, participants sorted', () => {
    expect(RESTATEMENT_CAUSES).toEqual(['withdrawn', 'corrected', 'late', 'amended', 'caps', 'other']);
    // rule b: P9 late (+100.00); rule a: P3 and P2 late (+200.00), P1 withdrawn (−100.00)
    const causes = trancheCauses({
      before: [line('b', [], '100.00'), line('a', ['P1'], '100.00')],
      now: [line('b', ['P9'], '100.00'), line('a', ['P3', 'P2'], '100.00')],
      net: parseAmount('200.00'),
      present: (id) => id !== 'P1',
      amended: false,
    });
    expect(rows(causes)).toEqual([
      ['withdrawn', 'a', 1, ['P1'], '-100.00', undefined],
      ['late', 'b', 1, ['P9'], '100.00', undefined],
      ['late', 'a', 2, ['P2', 'P3'], '200.00', undefined],
    ]);
  });

  it('a tranche the previous settlement did not list: every claim late', () => {
    const causes = trancheCauses({ before: undefined, now: [line('a', ['P1'], '100.00')], net: parseAmount('100.00'), present: () => true, amended: false });
    expect(rows(causes)).toEqual([['late', 'a', 1, ['P1'], '100.00', undefined]]);
  });
});

describe('describeCause and causeReport', () => {
  const base: TrancheCause = { cause: 'late', rule: 'pay-pl', outcome: 'placement', claims: 2, participants: ['P2', 'P3'], amount: parseAmount('2000.00') };
  it('says each cause in words', () => {
    expect(describeCause({ ...base, cause: 'withdrawn' }, '2000.00')).toBe('2 claims of rule "pay-pl" (P2, P3) paid before, whose record is no longer among the records: 2000.00');
    expect(describeCause({ ...base, cause: 'corrected' }, '2000.00')).toBe('2 claims of rule "pay-pl" (P2, P3) changed by a corrected record: 2000.00');
    expect(describeCause({ ...base, cause: 'corrected', version: 'v2' }, '2000.00')).toBe('2 claims of rule "pay-pl" (P2, P3) changed by a corrected record, now priced by version "v2": 2000.00');
    expect(describeCause(base, '2000.00')).toBe('2 claims of rule "pay-pl" (P2, P3) the previous settlement did not have, dated on or before its as-of date (reported late): 2000.00');
    expect(describeCause({ ...base, cause: 'amended' }, '2000.00')).toBe('2 claims of rule "pay-pl" (P2, P3) changed by the amended contract: 2000.00');
    expect(describeCause({ ...base, cause: 'amended', version: 'v2' }, '2000.00')).toBe('2 claims of rule "pay-pl" (P2, P3) changed by the amended contract (version "v2"): 2000.00');
    expect(describeCause({ ...base, cause: 'caps', claims: 0, participants: [] }, '-5.00')).toBe('what the money caps cut from the lines of rule "pay-pl" moved: -5.00');
    expect(describeCause({ ...base, cause: 'other', claims: 0, participants: [] }, '7.00')).toBe(
      'lines of rule "pay-pl" that do not name their participants (a cohort amount, or a settlement made without detail "participants"): 7.00',
    );
    expect(describeCause({ ...base, cause: 'other', rule: null, claims: 0, participants: [] }, '7.00')).toBe(
      'not put down to a line (payer caps, yearly commitments, withholding, or a payer the amendment removed): 7.00',
    );
  });
  it('one claim is singular; no participants, no list; a caps line without a rule names an empty one', () => {
    expect(describeCause({ ...base, claims: 1, participants: ['P2'] }, '1.00')).toBe('1 claim of rule "pay-pl" (P2) the previous settlement did not have, dated on or before its as-of date (reported late): 1.00');
    expect(describeCause({ ...base, claims: 0, participants: [], rule: null, cause: 'withdrawn' }, '1.00')).toBe('0 claims of rule "" paid before, whose record is no longer among the records: 1.00');
    expect(describeCause({ ...base, cause: 'caps', rule: null }, '1.00')).toBe('what the money caps cut from the lines of rule "" moved: 1.00');
  });
  it('the report: the cause, its tranche amount and the payer’s part, a copy of the participants, the version only when there is one', () => {
    const money = (amount: Amount): string => formatMoney(amount, 'EUR');
    const report = causeReport(base, parseAmount('1200'), money);
    expect(report).toEqual({
      cause: 'late',
      rule: 'pay-pl',
      outcome: 'placement',
      claims: 2,
      participants: ['P2', 'P3'],
      trancheAmount: '2000.00',
      amount: '1200.00',
      explanation: '2 claims of rule "pay-pl" (P2, P3) the previous settlement did not have, dated on or before its as-of date (reported late): 2000.00',
    });
    expect(Object.hasOwn(report, 'version')).toBe(false);
    expect(report.participants).not.toBe(base.participants);
    expect(causeReport({ ...base, cause: 'amended', version: 'v2' }, parseAmount('1200'), money)).toMatchObject({ cause: 'amended', version: 'v2' });
  });
});

describe('splitCauses', () => {
  it('negative adjustments: parts rounded towards minus infinity, the cent left to the first payer', () => {
    // −0.01 over −0.50 / −0.50: exact −0.005 each, floors −0.01 / −0.01 (−0.02), 0.01 left goes back
    // to the largest remainder (equal: the first): 0.00 / −0.01; the last line takes the rest:
    // −0.50 − 0.00 = −0.50, −0.50 + 0.01 = −0.49
    const split = splitCauses([cause('-0.01'), cause('-0.99')], [parseAmount('-0.50'), parseAmount('-0.50')], 'EUR');
    expect(texts(split)).toEqual([['0', '-0.01'], ['-0.5', '-0.49']]);
  });

  it('adjustments of both signs: each part in proportion, the cent to the largest remainder', () => {
    // 0.01 over +0.70 / −0.40 (sum 0.30): 1 × 70 / 30 = 2.33 → 2 (remainder 10/30), 1 × −40 / 30 = −1.33 → −2
    // (remainder 20/30); 2 − 2 = 0, 1 cent left to the larger remainder, the second: 0.02 / −0.01;
    // the last line: 0.70 − 0.02 = 0.68, −0.40 + 0.01 = −0.39
    const split = splitCauses([cause('0.01'), cause('0.29')], [parseAmount('0.70'), parseAmount('-0.40')], 'EUR');
    expect(texts(split)).toEqual([['0.02', '-0.01'], ['0.68', '-0.39']]);
  });

  it('adjustments netting to zero: split by their sizes', () => {
    // 0.10 over |+0.30| / |−0.30|: 0.05 / 0.05; the last line: 0.30 − 0.05 = 0.25, −0.30 − 0.05 = −0.35
    const split = splitCauses([cause('0.10'), cause('-0.10', 'withdrawn')], [parseAmount('0.30'), parseAmount('-0.30')], 'EUR');
    expect(texts(split)).toEqual([['0.05', '0.05'], ['0.25', '-0.35']]);
  });

  it('no payer’s part moved: every part 0', () => {
    expect(texts(splitCauses([cause('0.00', 'other'), cause('0.00', 'other')], [parseAmount('0'), parseAmount('0')], 'EUR'))).toEqual([['0', '0'], ['0', '0']]);
  });

  it('in the currency’s minor units: yen and dinars', () => {
    // JPY: 100 over 150 / 150: 50 / 50; the last line: 100 / 100
    expect(texts(splitCauses([cause('100'), cause('200')], [parseAmount('150'), parseAmount('150')], 'JPY'))).toEqual([['50', '50'], ['100', '100']]);
    // JPY: 1 yen over 150 / 150: 0.5 each, floors 0 / 0, the yen to the first; a cent-based split would give 0.5
    expect(texts(splitCauses([cause('1'), cause('299')], [parseAmount('150'), parseAmount('150')], 'JPY'))).toEqual([['1', '0'], ['149', '150']]);
    // KWD: 0.001 over 0.002 / 0.001: 2/3 and 1/3 of a fils, floors 0 / 0, the fils to the larger remainder (the first);
    // the last line: 0.002 − 0.001 = 0.001, 0.001
    expect(texts(splitCauses([cause('0.001'), cause('0.002')], [parseAmount('0.002'), parseAmount('0.001')], 'KWD'))).toEqual([['0.001', '0'], ['0.001', '0.001']]);
  });

  it('one cause line takes each payer’s whole adjustment', () => {
    expect(texts(splitCauses([cause('0.30')], [parseAmount('0.20'), parseAmount('0.10')], 'EUR'))).toEqual([['0.2', '0.1']]);
  });
});

describe('trancheCauses: groups by rule and cohort, cause lines by cause, rule and version', () => {
  it('one cohort of a rule readable per participant, another not: a corrected line and an other line', () => {
    // rule a in cohort A: P1 100.00 → 120.00 (+20.00, corrected); in cohort B: a line without a unit,
    // 50.00 → 100.00 (+50.00, other); net 70.00. Read as one group, the rule would be one other line of 70.00.
    const unreadable = (paid: string): SettlementLine => ({ ...line('a', ['P2'], paid), cohort: 'B', unit: null });
    const causes = trancheCauses({
      before: [line('a', ['P1'], '100.00'), unreadable('50.00')],
      now: [line('a', ['P1'], '120.00'), unreadable('100.00')],
      net: parseAmount('70.00'),
      present: () => true,
      amended: false,
    });
    expect(rows(causes)).toEqual([
      ['corrected', 'a', 1, ['P1'], '20.00', undefined],
      ['other', 'a', 0, [], '50.00', undefined],
    ]);
  });

  it('caps lines in the order their rules first move, a group whose caps did not move listing none', () => {
    // groups in order: (a, A) paid 100.00 → 100.00, nothing moved; (b, A) paid 100.00 → 90.00, caps −10.00;
    // (a, B) paid 100.00 → 80.00, caps −20.00 (earned unchanged: the participants did not move).
    // Rule b moved first, so its caps line comes first; net −30.00
    const capped = (rule: string, id: string, paid: string, cohort = 'A'): SettlementLine => ({ ...line(rule, [id], '100.00', { paid }), cohort });
    const causes = trancheCauses({
      before: [capped('a', 'P1', '100.00'), capped('b', 'P2', '100.00'), capped('a', 'P3', '100.00', 'B')],
      now: [capped('a', 'P1', '100.00'), capped('b', 'P2', '90.00'), capped('a', 'P3', '80.00', 'B')],
      net: parseAmount('-30.00'),
      present: () => true,
      amended: false,
    });
    expect(rows(causes)).toEqual([
      ['caps', 'b', 0, [], '-10.00', undefined],
      ['caps', 'a', 0, [], '-20.00', undefined],
    ]);
  });

  it('amended claims: one line per rule and version', () => {
    // rule a: P1 (version v2) and P2 (v3) 100.00 → 120.00 each; rule b: P3 (v2) 100.00 → 150.00; net 20 + 20 + 50 = 90.00
    const causes = trancheCauses({
      before: [line('a', ['P1', 'P2'], '100.00', { version: 'v1' }), line('b', ['P3'], '100.00', { version: 'v1' })],
      now: [line('a', ['P1', 'P2'], '120.00', { version: 'v2', participantVersions: ['v2', 'v3'] }), line('b', ['P3'], '150.00', { version: 'v2' })],
      net: parseAmount('90.00'),
      present: () => true,
      amended: true,
    });
    expect(rows(causes)).toEqual([
      ['amended', 'a', 1, ['P1'], '20.00', 'v2'],
      ['amended', 'a', 1, ['P2'], '20.00', 'v3'],
      ['amended', 'b', 1, ['P3'], '50.00', 'v2'],
    ]);
  });

  it('a version named "undefined" and no version are two lines', () => {
    // P1 priced by a version whose id is the text "undefined", P2 by a line without a version: +20.00 each
    const causes = trancheCauses({
      before: [line('a', ['P1', 'P2'], '100.00')],
      now: [line('a', ['P1'], '120.00', { version: 'undefined' }), line('a', ['P2'], '120.00')],
      net: parseAmount('40.00'),
      present: () => true,
      amended: true,
    });
    // in the order the participants first appear: P1, P2
    expect(rows(causes)).toEqual([
      ['amended', 'a', 1, ['P1'], '20.00', 'undefined'],
      ['amended', 'a', 1, ['P2'], '20.00', undefined],
    ]);
  });
});

describe('splitCauses: rounding down and the cents left', () => {
  it('a negative exact part rounded down, not towards zero, and the cent to the larger remainder', () => {
    // 0.01 over +0.80 / −0.50 (sum 0.30): 1 × 80 / 30 = 2.67 → 2 (remainder 20/30); 1 × −50 / 30 = −1.67 → −2
    // (remainder 10/30); 2 − 2 = 0, the cent left to the larger remainder, the first: 0.03 / −0.02;
    // the last line: 0.80 − 0.03 = 0.77, −0.50 + 0.02 = −0.48
    const split = splitCauses([cause('0.01'), cause('0.29')], [parseAmount('0.80'), parseAmount('-0.50')], 'EUR');
    expect(texts(split)).toEqual([['0.03', '-0.02'], ['0.77', '-0.48']]);
  });

  it('adjustments summing below zero: the cent to the larger remainder all the same', () => {
    // 0.01 over −0.60 / −0.30 (sum −0.90): 60/90 → 0 (remainder 60), 30/90 → 0 (remainder 30): the cent to the
    // first; the last line: −0.60 − 0.01 = −0.61, −0.30
    const split = splitCauses([cause('0.01'), cause('-0.91')], [parseAmount('-0.60'), parseAmount('-0.30')], 'EUR');
    expect(texts(split)).toEqual([['0.01', '0'], ['-0.61', '-0.3']]);
  });
});

describe('trancheCauses: a contract amended since the last previous settlement', () => {
  // before: P1, P2, P3 100.00 each; now: P1 150.00 (+50.00), P2 gone with its record still there (−100.00), P3 gone
  // with its record (−100.00), P4 new (+100.00); net −50.00
  const before = [line('r', ['P1', 'P2', 'P3'], '100.00')];
  const now = [line('r', ['P1'], '150.00'), line('r', ['P4'], '100.00')];
  const present = (id: string) => id !== 'P3';

  it('a changed amount is amended; a claim gone or new through a record is corrected or late; a withdrawn record withdrawn', () => {
    const causes = trancheCauses({ before, now, net: parseAmount('-50.00'), present, amended: true });
    expect(rows(causes)).toEqual([
      ['withdrawn', 'r', 1, ['P3'], '-100.00', undefined],
      ['corrected', 'r', 1, ['P2'], '-100.00', undefined],
      ['late', 'r', 1, ['P4'], '100.00', undefined],
      ['amended', 'r', 1, ['P1'], '50.00', undefined],
    ]);
    // with no amendment since, P1's change is corrected too: −100.00 + 50.00 = −50.00
    expect(rows(trancheCauses({ before, now, net: parseAmount('-50.00'), present, amended: false }))).toEqual([
      ['withdrawn', 'r', 1, ['P3'], '-100.00', undefined],
      ['corrected', 'r', 2, ['P1', 'P2'], '-50.00', undefined],
      ['late', 'r', 1, ['P4'], '100.00', undefined],
    ]);
  });

  it('a claim the amendment moved to or from another tranche is amended; the move is known by rule and participant', () => {
    // P2's and P4's claims of rule r moved (P3's too, but its record is gone: withdrawn); P1's of another rule did not
    const moved = (rule: string, id: string) => rule === 'r' && ['P2', 'P3', 'P4'].includes(id);
    const causes = trancheCauses({ before, now, net: parseAmount('-50.00'), present, amended: true, moved });
    // amended: P1 +50.00 (changed amount), P2 −100.00, P4 +100.00: +50.00 over three claims
    expect(rows(causes)).toEqual([
      ['withdrawn', 'r', 1, ['P3'], '-100.00', undefined],
      ['amended', 'r', 3, ['P1', 'P2', 'P4'], '50.00', undefined],
    ]);
    const otherRule = (rule: string, id: string) => rule === 'q' && id === 'P4';
    expect(rows(trancheCauses({ before, now, net: parseAmount('-50.00'), present, amended: true, moved: otherRule })).map((row) => row[0])).toEqual(['withdrawn', 'corrected', 'late', 'amended']);
  });
});
