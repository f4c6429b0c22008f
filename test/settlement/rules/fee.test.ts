/**
 * The fee (src/settlement/rules/fee.ts): payments on fixed dates (taken once, by the tranche whose
 * window holds them; a suspended tranche of a deferrable share-of-value fee defers them), a fee
 * per start (plain or phased by enrolment date, with its audit text), and the bounds of each
 * charge. Worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { PaymentRule } from '../../../src/contract/index.js';
import type { OutcomeRecord } from '../../../src/records/index.js';
import { fee } from '../../../src/settlement/rules/fee.js';
import { NO_INPUTS, type Claim } from '../../../src/settlement/rules/rule-module.js';
import { boundTerms, claim, day, ledgerOf, paidCohort, ruleTerms, runState, tranche } from './fixtures.js';

type Rule = Extract<PaymentRule, { kind: 'fee' }>;
const feeRule = (charge: unknown): Rule => ({ kind: 'fee', id: 'fee', name: 'Fee', charge }) as unknown as Rule;
const schedule = feeRule({ kind: 'schedule', payments: [{ date: '2024-03-31', amount: '500.00' }, { date: '2024-06-30', amount: '250.50' }, { date: '2024-06-30', amount: '0.015' }] });
const shareOf = (whenSuspended: string) => feeRule({ kind: 'shareOfValue', share: '0.1', contractValue: '1000.00', months: 3, firstOn: '2024-01-31', whenSuspended });

describe('scheduled payments', () => {
  const terms = ruleTerms({ rules: [schedule] });
  it('prepares dated payments, no claims', () => {
    const parts = fee.prepare(schedule, 0, terms);
    expect(parts.prices).toEqual([]);
    expect(parts.claims).toBeUndefined();
    expect(parts.unseenClaims(true, 0)).toEqual([]);
    expect(parts.scheduled.map((p) => `${p.date} ${p.day} ${p.amount.toFixed()} ${p.written} ${String(p.label)}`)).toEqual([
      `2024-03-31 ${day('2024-03-31')} 500 500.00 undefined`,
      `2024-06-30 ${day('2024-06-30')} 250.5 250.50 undefined`,
      `2024-06-30 ${day('2024-06-30')} 0.015 0.015 undefined`,
    ]);
  });
  it('a tranche takes the payments dated after the last one that took them, up to its date', () => {
    const parts = fee.prepare(schedule, 0, terms);
    const state = runState();
    const ledger = ledgerOf();
    // a look that does not advance
    expect(parts.lines(tranche(ledger, state, [], day('2024-03-31'), { advance: false })).map((l) => l.amount.toFixed(2))).toEqual(['500.00']);
    expect(state.watermark.size).toBe(0);
    expect(parts.lines(tranche(ledger, state, [], day('2024-03-30')))).toEqual([]);
    expect(state.watermark.get('0|*')).toBe(day('2024-03-30'));
    const [first] = parts.lines(tranche(ledger, state, [], day('2024-03-31')));
    expect(first).toEqual({
      rule: 'fee',
      kind: 'fee',
      cohort: null,
      outcome: null,
      claims: null,
      unit: null,
      inputs: { payments: '2024-03-31: 500.00' },
      formula: 'scheduled fee payments dated in the tranche: 500.00',
      exact: first?.exact,
      amount: first?.amount,
      paid: first?.amount,
      participants: undefined,
    });
    expect(first?.exact.toFixed()).toBe('500');
    expect(first?.amount.toFixed(2)).toBe('500.00');
    // nothing more until 2024-06-30; then both payments of that day, summed and rounded once:
    // 250.50 + 0.015 = 250.515 → half-even 250.52
    expect(parts.lines(tranche(ledger, state, [], day('2024-06-29')))).toEqual([]);
    const [second] = parts.lines(tranche(ledger, state, [], day('2024-06-30')));
    expect(second?.exact.toFixed()).toBe('250.515');
    expect(second?.amount.toFixed(2)).toBe('250.52');
    expect(second?.inputs).toEqual({ payments: '2024-06-30: 250.50; 2024-06-30: 0.015' });
    expect(second?.formula).toBe('scheduled fee payments dated in the tranche: 250.50 + 0.015');
    expect(parts.lines(tranche(ledger, state, [], day('2024-12-31')))).toEqual([]);
  });
  it('rounds by the contract rounding; without audit text no inputs or formula', () => {
    const parts = fee.prepare(schedule, 0, ruleTerms({ rules: [schedule], rounding: 'down' }));
    const [line] = parts.lines(tranche(ledger(), runState({ explain: false }), [], day('2024-12-31')));
    // 500 + 250.50 + 0.015 = 750.515 → down 750.51
    expect(line?.amount.toFixed(2)).toBe('750.51');
    expect(line?.inputs).toBe(NO_INPUTS);
    expect(line?.formula).toBe('');
  });
  it('a suspended tranche takes a schedule as usual (only a deferrable share of value defers)', () => {
    const parts = fee.prepare(schedule, 0, terms);
    const [line] = parts.lines(tranche(ledger(), runState(), [], day('2024-03-31'), { suspended: true }));
    expect(line?.amount.toFixed(2)).toBe('500.00');
  });
});

function ledger() {
  return ledgerOf();
}

describe('a share of the contract value in instalments', () => {
  it('its instalments are its payments, shown with their labels', () => {
    const rule = shareOf('withheld');
    const parts = fee.prepare(rule, 0, ruleTerms({ rules: [rule], currency: 'GBP' }));
    expect(parts.scheduled.map((p) => `${p.date} ${p.written} ${String(p.label)}`)).toEqual(['2024-01-31 33.34 instalment 1 of 3', '2024-02-29 33.33 instalment 2 of 3', '2024-03-31 33.33 instalment 3 of 3']);
    const [line] = parts.lines(tranche(ledger(), runState(), [], day('2024-02-29'), { suspended: true }));
    // withheld, not deferred: the suspended tranche takes 33.34 + 33.33 = 66.67
    expect(line?.amount.toFixed(2)).toBe('66.67');
    expect(line?.inputs).toEqual({ payments: '2024-01-31: 33.34 (instalment 1 of 3); 2024-02-29: 33.33 (instalment 2 of 3)' });
    expect(line?.formula).toBe('scheduled fee payments dated in the tranche: 33.34 (instalment 1 of 3) + 33.33 (instalment 2 of 3)');
  });
  it('deferred: a suspended tranche pays 0.00 and says what it defers; the next tranche takes them', () => {
    const rule = shareOf('deferred');
    const parts = fee.prepare(rule, 0, ruleTerms({ rules: [rule], currency: 'GBP' }));
    const state = runState();
    const [deferred] = parts.lines(tranche(ledger(), state, [], day('2024-02-29'), { suspended: true }));
    expect(deferred?.amount.toFixed(2)).toBe('0.00');
    expect(deferred?.exact.isZero()).toBe(true);
    expect(deferred?.inputs).toEqual({ payments: '2024-01-31: 33.34 (instalment 1 of 3); 2024-02-29: 33.33 (instalment 2 of 3)', deferred: '66.67' });
    expect(deferred?.formula).toBe('fee payments deferred by the suspended tranche to the next tranche paying the fee: 33.34 (instalment 1 of 3) + 33.33 (instalment 2 of 3)');
    expect(state.watermark.has('0|*')).toBe(false);
    // the next tranche, not suspended: all three, 100.00
    const [paid] = parts.lines(tranche(ledger(), state, [], day('2024-03-31')));
    expect(paid?.amount.toFixed(2)).toBe('100.00');
    expect(state.watermark.get('0|*')).toBe(day('2024-03-31'));
    // a deferring tranche without audit text
    const quiet = fee.prepare(rule, 0, ruleTerms({ rules: [rule], currency: 'GBP' })).lines(tranche(ledger(), runState({ explain: false }), [], day('2024-01-31'), { suspended: true }));
    expect(quiet[0]?.inputs).toBe(NO_INPUTS);
    expect(quiet[0]?.formula).toBe('');
  });
});

const record = (enrolledOn: number): OutcomeRecord => ({ id: 'p', cohort: 'A', groups: [], enrolledOn, spells: [], wages: [], events: [] }) as unknown as OutcomeRecord;

describe('a fee per start', () => {
  const plain = feeRule({ kind: 'perStart', amount: '75.00' });
  const terms = ruleTerms({ rules: [plain], asOf: '2024-06-30' });
  it('claims the fee on the enrolment date, up to the as-of date', () => {
    const parts = fee.prepare(plain, 0, terms);
    expect(parts.prices.map((p) => p.toFixed(2))).toEqual(['75.00']);
    expect(parts.scheduled).toEqual([]);
    const claims: Claim[] = [];
    parts.claims?.(record(day('2024-06-30')), [], claims);
    parts.claims?.(record(day('2024-07-01')), [], claims);
    expect(claims.map((c) => `${c.rule} ${c.date} ${c.amount.toFixed(2)}`)).toEqual([`0 ${day('2024-06-30')} 75.00`]);
    expect(parts.unseenClaims(false, 0).map((p) => p.toFixed(2))).toEqual(['75.00']);
  });
  it('its lines count starts', () => {
    const ledger = ledgerOf();
    claim(ledger, 0, 0, day('2024-01-10'), '75.00', 'a');
    claim(ledger, 0, 0, day('2024-01-11'), '75.00', 'b');
    const lines = fee.prepare(plain, 0, terms).lines(tranche(ledger, runState(), [0], day('2024-01-31')));
    expect(lines.map((l) => `${l.outcome} ${l.claims} ${l.amount.toFixed(2)} ${l.formula}`)).toEqual(['null 2 150.00 2 starts × 75']);
    const one = ledgerOf();
    claim(one, 0, 0, day('2024-01-10'), '75.00', 'a');
    expect(fee.prepare(plain, 0, terms).lines(tranche(one, runState(), [0], day('2024-01-31')))[0]?.formula).toBe('1 start × 75');
  });
  it('its lines obey its outcome-volume cap', () => {
    const capped = ruleTerms({ rules: [plain], caps: [{ kind: 'outcomeVolume', id: 'v', rule: 'fee', targetUnits: 1 }] });
    const ledger = ledgerOf();
    claim(ledger, 0, 0, day('2024-01-10'), '75.00', 'a');
    claim(ledger, 0, 0, day('2024-01-11'), '75.00', 'b');
    expect(fee.prepare(plain, 0, capped).lines(tranche(ledger, runState(), [0], day('2024-01-31'))).map((l) => l.claims)).toEqual([1]);
  });

  const phased = feeRule({
    kind: 'perStart',
    amount: '400.00',
    phases: [
      { from: '2013-06-01', amount: '0.00' },
      { from: '2014-01-01', amount: '250.00' },
      { from: '2015-01-01', amount: '400.00' },
    ],
  });
  it('phased: the amount in force on the enrolment date; a phase of 0 claims nothing', () => {
    const parts = fee.prepare(phased, 0, ruleTerms({ rules: [phased], asOf: '2020-01-01' }));
    expect(parts.scheduled).toEqual([]);
    // distinct non-zero amounts: 400, 250
    expect(parts.prices.map((p) => p.toFixed(2))).toEqual(['400.00', '250.00']);
    const claims: Claim[] = [];
    for (const iso of ['2013-05-31', '2013-06-01', '2013-12-31', '2014-01-01', '2015-01-01', '2020-01-01', '2020-01-02']) parts.claims?.(record(day(iso)), [], claims);
    expect(claims.map((c) => `${c.date} ${c.amount.toFixed(2)}`)).toEqual([
      `${day('2013-05-31')} 400.00`,
      `${day('2014-01-01')} 250.00`,
      `${day('2015-01-01')} 400.00`,
      `${day('2020-01-01')} 400.00`,
    ]);
    expect(parts.unseenClaims(false, day('2013-07-01'))).toEqual([]);
    expect(parts.unseenClaims(true, day('2014-07-01')).map((p) => p.toFixed(2))).toEqual(['250.00']);
    expect(parts.unseenClaims(true, day('2013-05-01')).map((p) => p.toFixed(2))).toEqual(['400.00']);
  });
  it('phased: the lines say which phases charge the amount', () => {
    const parts = fee.prepare(phased, 0, ruleTerms({ rules: [phased], asOf: '2020-01-01' }));
    const ledger = ledgerOf();
    claim(ledger, 0, 0, day('2013-05-01'), '400.00', 'a');
    claim(ledger, 0, 0, day('2014-02-01'), '250.00', 'b');
    const lines = parts.lines(tranche(ledger, runState(), [0], day('2015-12-31')));
    expect(lines.map((l) => l.formula)).toEqual([
      '1 start × 400 (the fee for starts before 2013-06-01 and starts from 2015-01-01)',
      '1 start × 250 (the fee for starts from 2014-01-01 to before 2015-01-01)',
    ]);
    expect(lines.map((l) => l.inputs['feePhase'])).toEqual(['starts before 2013-06-01, starts from 2015-01-01', 'starts from 2014-01-01 to before 2015-01-01']);
  });
  it('pays for no outcome, reads no rate', () => {
    expect(fee.paysFor(phased)).toEqual([]);
    expect(fee.rateUses(phased)).toEqual([]);
  });
});

describe('fee bounds', () => {
  const show = (cells: readonly { cohort: string | null; outcome: string | null; most: { toFixed: (n: number) => string }; least: { toFixed: (n: number) => string }; claims?: { participants: number; largest: { toFixed: (n: number) => string } } }[]) =>
    cells.map((c) => `${c.cohort} ${c.outcome} ${c.most.toFixed(2)} ${c.least.toFixed(2)}${c.claims === undefined ? '' : ` ${c.claims.participants}/${c.claims.largest.toFixed(2)}`}`);
  it('per start: participants × the raised fee; the least at the fee itself when certain and measured', () => {
    const rule = feeRule({ kind: 'perStart', amount: '75.00' });
    // factor 1.01: 75 × 1.01 = 75.75; A: 4 × 75.75 = 303, least 4 × 75 = 300 (last enrolment 10 ≤ 20); B: 2 × 75.75, last enrolment 21 > 20
    expect(show(fee.bounds(rule, boundTerms({ paidCohorts: [paidCohort('A', 4, 0, 10, 20), paidCohort('B', 2, 0, 21, 20)], factor: '1.01' })))).toEqual([
      'A null 303.00 300.00 4/75.75',
      'B null 151.50 0.00 2/75.75',
    ]);
  });
  it('phased per start: the highest amount in force in the cohort\'s enrolment window, the least at the lowest', () => {
    const rule = feeRule({ kind: 'perStart', amount: '400.00', phases: [{ from: '2013-06-01', amount: '0.00' }, { from: '2014-01-01', amount: '250.00' }] });
    const june = day('2013-06-01');
    const january = day('2014-01-01');
    const cohorts = [
      paidCohort('before', 2, june - 30, june - 1, june - 1), // only 400: most 800, least 800 (last enrolment on the last measurement)
      paidCohort('across', 3, june - 1, january, january + 10), // 400, 0, 250: most 1200, least 0
      paidCohort('late', 4, january, january + 5, january + 1), // 250 only; last enrolment after last measured: least 0
      paidCohort('zero', 5, june, june + 10, june + 20), // 0 only: most 0, least 0
    ];
    expect(show(fee.bounds(rule, boundTerms({ paidCohorts: cohorts })))).toEqual([
      'before null 800.00 800.00 2/400.00',
      'across null 1200.00 0.00 3/400.00',
      'late null 1000.00 0.00 4/250.00',
      'zero null 0.00 0.00 5/0.00',
    ]);
    // uncertain: no least; raised: 250 × 1.001 = 250.25
    expect(show(fee.bounds(rule, boundTerms({ paidCohorts: [paidCohort('x', 1, january, january, january)], certain: false, factor: '1.001' })))).toEqual(['x null 250.25 0.00 1/250.25']);
    // the lowest of two non-zero phases: 400 until 2014-01-01, then 250; a window across it → most 2 × 400, least 2 × 250
    const twoPhases = feeRule({ kind: 'perStart', amount: '400.00', phases: [{ from: '2014-01-01', amount: '250.00' }] });
    expect(show(fee.bounds(twoPhases, boundTerms({ paidCohorts: [paidCohort('y', 2, january - 1, january, january)] })))).toEqual(['y null 800.00 500.00 2/400.00']);
    // and the other way round (250, then 400): still the lowest, 250
    const rising = feeRule({ kind: 'perStart', amount: '250.00', phases: [{ from: '2014-01-01', amount: '400.00' }] });
    expect(show(fee.bounds(rising, boundTerms({ paidCohorts: [paidCohort('y', 2, january - 1, january, january)] })))).toEqual(['y null 800.00 500.00 2/400.00']);
  });
  it('dated payments: those dated on or before the last tranche that takes them, when some tranche pays the rule', () => {
    // up to 2024-06-30: 500 + 250.50 + 0.015 = 750.515 (exact, not rounded)
    const [all] = fee.bounds(schedule, boundTerms({ paid: true, lastMeasured: day('2024-06-30') }));
    expect([all?.cohort, all?.outcome, all?.most.toFixed(), all?.least.toFixed()]).toEqual([null, null, '750.515', '750.515']);
    expect(show(fee.bounds(schedule, boundTerms({ paid: true, lastMeasured: day('2024-06-29') })))).toEqual(['null null 500.00 500.00']);
    expect(show(fee.bounds(schedule, boundTerms({ paid: true, lastMeasured: day('2024-06-29'), certain: false })))).toEqual(['null null 500.00 0.00']);
    expect(fee.bounds(schedule, boundTerms({ paid: false, lastMeasured: day('2024-12-31') }))).toEqual([]);
    // instalments: up to 2024-02-29, 33.34 + 33.33 = 66.67 (GBP, half-even)
    expect(show(fee.bounds(shareOf('deferred'), boundTerms({ paid: true, lastMeasured: day('2024-02-29'), currency: 'GBP' })))).toEqual(['null null 66.67 66.67']);
  });
});
