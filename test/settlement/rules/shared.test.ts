/**
 * What the rule kinds share (src/settlement/rules/price-reductions.ts, bound-cells.ts, ratchet.ts):
 * the price factor of exit clauses and the clauses that name it, a claim raised by the largest
 * factor, the cells of a rule paid per participant, and the ratchet of cohort-level rules (never
 * paying twice, never clawing back). Expected figures are worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { PaymentRule } from '../../../src/contract/index.js';
import { ZERO, formatDecimal, parseAmount, ratioOf, ratioOfInteger, ratioOver, ratioValue, type Ratio } from '../../../src/money/index.js';
import { claimCells, raisedClaim, roundedValue } from '../../../src/settlement/rules/bound-cells.js';
import { priceFactor, reducedBy } from '../../../src/settlement/rules/price-reductions.js';
import { cohortIdOf, indicatorValue, ratchet, type CohortValue } from '../../../src/settlement/rules/ratchet.js';
import { NO_INPUTS } from '../../../src/settlement/rules/rule-module.js';
import { boundTerms, paidCohort, reduction, ruleTerms, runState } from './fixtures.js';

const text = (ratio: Ratio | undefined): string | undefined => (ratio === undefined ? undefined : formatDecimal(ratioValue(ratio)));

describe('priceFactor and reducedBy', () => {
  const reductions = [reduction('low', 100, '0.9', [0, 2]), reduction('late', 200, '0.5', [0]), reduction('other', 50, '0.1', [1])];
  it('no reduction, or none for the rule: no factor and no clause', () => {
    expect(priceFactor([], 0, 500)).toBeUndefined();
    expect(reducedBy([], 0, 500)).toEqual([]);
    expect(priceFactor(reductions, 3, 500)).toBeUndefined();
    expect(reducedBy(reductions, 3, 500)).toEqual([]);
  });
  it('applies after the day the clause fired, not on it', () => {
    // rule 0 on day 100: 'low' fired after 100 → not yet
    expect(priceFactor(reductions, 0, 100)).toBeUndefined();
    expect(reducedBy(reductions, 0, 100)).toEqual([]);
    // day 101: 0.9 only
    expect(text(priceFactor(reductions, 0, 101))).toBe('0.9');
    expect(reducedBy(reductions, 0, 101)).toEqual(['low']);
    // day 200: still 0.9 ('late' applies after 200)
    expect(text(priceFactor(reductions, 0, 200))).toBe('0.9');
  });
  it('multiplies every factor in force, the clauses in the order they fired', () => {
    // day 201: 0.9 × 0.5 = 0.45
    expect(text(priceFactor(reductions, 0, 201))).toBe('0.45');
    expect(reducedBy(reductions, 0, 201)).toEqual(['low', 'late']);
    // rule 2: only 'low'; rule 1: only 'other'
    expect(text(priceFactor(reductions, 2, 201))).toBe('0.9');
    expect(reducedBy(reductions, 1, 51)).toEqual(['other']);
  });
  it('keeps the product exact, past any decimal context', () => {
    // 0.123456789012 to the 6th power has 72 decimal places: exact as a fraction
    const many = Array.from({ length: 6 }, (_, k) => reduction(`c${k}`, 0, '0.123456789012', [0]));
    const factor = priceFactor(many, 0, 1);
    // as a fraction in lowest terms: numerator / denominator = 123456789012^6 / 10^72, exactly
    expect(factor !== undefined && factor.numerator * 10n ** 72n === 123456789012n ** 6n * factor.denominator).toBe(true);
  });
});

describe('raisedClaim and roundedValue', () => {
  it('a factor of 1 leaves the claim as it is', () => {
    const amount = parseAmount('100.005');
    expect(raisedClaim(boundTerms({}), amount)).toBe(amount);
  });
  it('a factor other than 1 raises the claim, rounded up whatever the contract rounding', () => {
    // 100.01 × 1.05 = 105.0105 → up: 105.02 (the contract's half-even would give 105.01)
    expect(raisedClaim(boundTerms({ factor: '1.05' }), parseAmount('100.01')).toFixed()).toBe('105.02');
    // 100.00 × 0.5 = 50.00 exactly
    expect(raisedClaim(boundTerms({ factor: '0.5', rounding: 'down' }), parseAmount('100.00')).toFixed(2)).toBe('50.00');
    // JPY: 1001 × 1.5 = 1501.5 → up 1502
    expect(raisedClaim(boundTerms({ factor: '1.5', currency: 'JPY' }), parseAmount('1001')).toFixed()).toBe('1502');
  });
  it('rounds a cohort-level value by the contract rounding, after the factor', () => {
    const third = ratioOver(ratioOfInteger(100), ratioOfInteger(3)); // 33.333…
    expect(roundedValue(boundTerms({}), third).toFixed()).toBe('33.33');
    expect(roundedValue(boundTerms({ rounding: 'up' }), third).toFixed()).toBe('33.34');
    // × 1.5: 50 exactly
    expect(roundedValue(boundTerms({ factor: '1.5', rounding: 'up' }), third).toFixed()).toBe('50');
    // 33.333… × 0.5 = 16.666… → half-even 16.67
    expect(roundedValue(boundTerms({ factor: '0.5' }), third).toFixed()).toBe('16.67');
  });
});

describe('claimCells', () => {
  const cohorts = [paidCohort('A', 10, 0, 50, 50), paidCohort('B', 3, 0, 51, 50), paidCohort('C', 4, 0, 49, 50)];
  const cells = (certain: boolean) =>
    claimCells(boundTerms({ paidCohorts: cohorts, certain }), 'placement', parseAmount('200.00'), parseAmount('150.00'), parseAmount('20.00')).map(
      (cell) => `${cell.cohort} ${cell.outcome} most ${cell.most.toFixed(2)} least ${cell.least.toFixed(2)} claims ${cell.claims?.participants}/${cell.claims?.largest.toFixed(2)}`,
    );
  it('per paid cohort: participants × the most one can claim; the least when the last enrolment is measured', () => {
    // A: 10 × 200 = 2000, last enrolment 50 ≤ measured 50: least 10 × 20 = 200
    // B: 3 × 200 = 600, last enrolment 51 > 50: least 0
    // C: 4 × 200 = 800, 49 ≤ 50: 4 × 20 = 80
    expect(cells(true)).toEqual([
      'A placement most 2000.00 least 200.00 claims 10/150.00',
      'B placement most 600.00 least 0.00 claims 3/150.00',
      'C placement most 800.00 least 80.00 claims 4/150.00',
    ]);
  });
  it('nothing is sure when something can take it away', () => {
    expect(cells(false).map((cell) => cell.split(' claims')[0])).toEqual(['A placement most 2000.00 least 0.00', 'B placement most 600.00 least 0.00', 'C placement most 800.00 least 0.00']);
  });
  it('no paid cohort, no cell', () => {
    expect(claimCells(boundTerms({}), null, parseAmount('1'), parseAmount('1'), ZERO)).toEqual([]);
  });
});

describe('ratchet', () => {
  const rule = { kind: 'bonus', id: 'b1' } as unknown as PaymentRule;
  const terms = ruleTerms({ rules: [rule] });
  const value = (exact: Ratio, inputs: Record<string, string | number> = { achieved: 3 }): CohortValue => ({ exact, formula: 'the value', inputs, decision: 'triggered' });
  const place = { key: 'A', cohort: 'A', outcome: 'placement' };

  it('pays the value rounded, then only its increase, never a decrease', () => {
    const state = runState();
    // 1000.005 → half-even 1000.00; nothing paid before
    const first = ratchet(terms, state, rule, place, value(ratioOf(parseAmount('1000.005'))), undefined);
    expect(first).toEqual({
      rule: 'b1',
      kind: 'bonus',
      cohort: 'A',
      outcome: 'placement',
      claims: null,
      unit: null,
      inputs: { achieved: 3, valueToDate: '1000', paidByEarlierTranches: '0' },
      formula: 'the value; less 0 paid by earlier tranches',
      exact: parseAmount('1000.005'),
      amount: parseAmount('1000.00'),
      paid: parseAmount('1000.00'),
      participants: undefined,
      decision: 'triggered',
    });
    expect(first.amount.toFixed(2)).toBe('1000.00');
    expect(state.paidSoFar.get('b1|A')?.toFixed(2)).toBe('1000.00');
    // later: 1500.00, less 1000.00 = 500.00; exact 1500 − 1000 = 500
    const second = ratchet(terms, state, rule, place, value(ratioOf(parseAmount('1500'))), undefined);
    expect(second.amount.toFixed(2)).toBe('500.00');
    expect(second.exact.toFixed()).toBe('500');
    expect(second.formula).toBe('the value; less 1000 paid by earlier tranches');
    expect(second.inputs).toEqual({ achieved: 3, valueToDate: '1500', paidByEarlierTranches: '1000' });
    expect(state.paidSoFar.get('b1|A')?.toFixed(2)).toBe('1500.00');
    // then it falls to 900: nothing paid, nothing clawed back, the paid-so-far stays 1500; exact 900 − 1500 = −600
    const third = ratchet(terms, state, rule, place, value(ratioOf(parseAmount('900'))), undefined);
    expect(third.amount.toFixed(2)).toBe('0.00');
    expect(third.exact.toFixed()).toBe('-600');
    expect(state.paidSoFar.get('b1|A')?.toFixed(2)).toBe('1500.00');
    // the same value again: nothing more
    expect(ratchet(terms, state, rule, place, value(ratioOf(parseAmount('1500'))), undefined).amount.isZero()).toBe(true);
    // one minor unit more: 0.01
    expect(ratchet(terms, state, rule, place, value(ratioOf(parseAmount('1500.01'))), undefined).amount.toFixed(2)).toBe('0.01');
  });

  it('keeps a ratchet per rule and key', () => {
    const state = runState();
    ratchet(terms, state, rule, place, value(ratioOf(parseAmount('100'))), undefined);
    // another key, the pool '*': pays its whole value; shows no cohort
    const pool = ratchet(terms, state, rule, { key: '*', cohort: null, outcome: null }, value(ratioOf(parseAmount('40'))), undefined);
    expect(pool.amount.toFixed(2)).toBe('40.00');
    expect(pool.cohort).toBeNull();
    expect(pool.outcome).toBeNull();
    expect([...state.paidSoFar.keys()]).toEqual(['b1|A', 'b1|*']);
  });

  it('applies the price factor before rounding and shows it', () => {
    const state = runState();
    // 333.33 × 0.9 = 299.997 → 300.00
    const line = ratchet(terms, state, rule, place, value(ratioOf(parseAmount('333.33'))), ratioOf(parseAmount('0.9')));
    expect(line.amount.toFixed(2)).toBe('300.00');
    expect(line.exact.toFixed()).toBe('299.997');
    expect(line.inputs['priceFactor']).toBe('0.9');
    expect(line.formula).toBe('the value × factor 0.9; less 0 paid by earlier tranches');
  });

  it('rounds by the contract rounding: a third', () => {
    const down = ratchet(ruleTerms({ rules: [rule], rounding: 'down' }), runState(), rule, place, value(ratioOver(ratioOfInteger(200), ratioOfInteger(3))), undefined);
    // 66.666… → down 66.66
    expect(down.amount.toFixed(2)).toBe('66.66');
  });

  it('without audit text: no inputs, no formula, the same amounts', () => {
    const state = runState({ explain: false });
    const line = ratchet(terms, state, rule, place, value(ratioOf(parseAmount('12.34'))), ratioOf(parseAmount('0.5')));
    expect(line.inputs).toBe(NO_INPUTS);
    expect(line.formula).toBe('');
    // 12.34 × 0.5 = 6.17
    expect(line.amount.toFixed(2)).toBe('6.17');
  });
});

describe('indicatorValue and cohortIdOf', () => {
  it('the caller value of an indicator for a cohort or the pool', () => {
    const state = runState({ indicators: [['rate', [['A', '0.25'], ['*', '0.5']]]] });
    expect(indicatorValue(state, 'rate', 'A', 'r1')?.toFixed()).toBe('0.25');
    expect(indicatorValue(state, 'rate', '*', 'r1')?.toFixed()).toBe('0.5');
    expect(state.problems).toEqual([]);
  });
  it('a missing value is a problem naming the rule, indicator and cohort, and undefined', () => {
    const state = runState({ indicators: [['rate', [['A', '0.25']]]] });
    expect(indicatorValue(state, 'rate', 'B', 'r1')).toBeUndefined();
    expect(indicatorValue(state, 'rate', '*', 'r2')).toBeUndefined();
    expect(indicatorValue(state, 'other', 'A', 'r3')).toBeUndefined();
    expect(state.problems).toEqual([
      { code: 'INDICATOR_MISSING', message: 'rule r1 needs the value of indicator "rate" for cohort "B"', path: ['options', 'indicators', 'rate', 'B'] },
      { code: 'INDICATOR_MISSING', message: 'rule r2 needs the value of indicator "rate" for the pooled cohorts (key "*")', path: ['options', 'indicators', 'rate', '*'] },
      { code: 'INDICATOR_MISSING', message: 'rule r3 needs the value of indicator "other" for cohort "A"', path: ['options', 'indicators', 'other', 'A'] },
    ]);
  });
  it('a cohort id by index, "?" past the contract', () => {
    const terms = ruleTerms({ rules: [], cohorts: ['A', 'B'] });
    expect([cohortIdOf(terms, 0), cohortIdOf(terms, 1), cohortIdOf(terms, 2)]).toEqual(['A', 'B', '?']);
  });
});
