/**
 * The split of a tranche among its payers (src/settlement/payer-split.ts): which plan a contract's
 * payers give, each line's exact fractions, the largest-remainder split of a tranche's total and
 * its exact parts, and the share text a settlement shows. Every figure is worked out in a comment.
 */
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../src/contract/index.js';
import { ZERO, parseAmount, type Amount, type Ratio } from '../../../src/money/index.js';
import type { Line } from '../../../src/settlement/lines.js';
import { paidLine } from './paid-line.js';
import { compilePayerSplit, lineFractions, payerShareText, splitTranche, type PayerSplitPlan } from '../../../src/settlement/payer-split.js';

type Payer = Contract['parties']['payers'][number];

const rules = [
  { kind: 'rateCard', id: 'pay-pl', name: 'pay-pl', outcome: 'placement', price: '1000.00', groupPricing: { kind: 'flat' }, prerequisites: [] },
  { kind: 'rateCard', id: 'pay-ret', name: 'pay-ret', outcome: 'retention-6m', price: '1500.00', groupPricing: { kind: 'flat' }, prerequisites: ['placement'] },
];

function contract(payers: Payer[]): Contract {
  return {
    parties: { payers, provider: { id: 'provider', name: 'Provider' } },
    rules,
    cohorts: [{ id: 'A', enrolmentStart: '2024-01-01', enrolmentEnd: '2024-03-31' }],
    tranches: [{ id: 'T1', name: 'T1', rules: ['pay-pl', 'pay-ret'], cohorts: ['A'], measuredOn: '2025-06-30', dueOn: '2025-07-31' }],
  } as unknown as Contract;
}

// a commissioner paying every line, and a fund topping up retention by a fifth
const topUp = contract([
  { id: 'council', name: 'Council', share: '1' },
  { id: 'lcf', name: 'Fund', topUp: '0.2', funds: { outcomes: ['retention-6m'] } },
] as Payer[]);

const line = (rule: string, outcome: string | null, paid: string): Line => paidLine(paid, { rule, outcome });

const texts = (ratios: readonly Ratio[] | undefined): string[] | undefined => ratios?.map((r) => `${r.numerator}/${r.denominator}`);
const money = (amounts: readonly Amount[]): string[] => amounts.map((a) => a.toFixed(2));

describe('compilePayerSplit', () => {
  it('plain decimal shares of every line: the shares', () => {
    const plan = compilePayerSplit(contract([{ id: 'a', name: 'A', share: '0.6' }, { id: 'b', name: 'B', share: '0.4' }] as Payer[]));
    expect(plan.kind).toBe('decimalShares');
    expect(plan.kind === 'decimalShares' ? plan.shares.map(String) : []).toEqual(['0.6', '0.4']);
  });
  it('a fraction among the shares, or weights: the exact weights', () => {
    const fractions = compilePayerSplit(contract([{ id: 'a', name: 'A', share: '1/3' }, { id: 'b', name: 'B', share: '2/3' }] as Payer[]));
    expect(fractions.kind).toBe('uniform');
    expect(texts(fractions.kind === 'uniform' ? fractions.weights : undefined)).toEqual(['1/3', '2/3']);
    const weights = compilePayerSplit(contract([{ id: 'a', name: 'A', weight: '2' }, { id: 'b', name: 'B', weight: '1' }] as Payer[]));
    expect(weights.kind).toBe('uniform');
    expect(texts(weights.kind === 'uniform' ? weights.weights : undefined)).toEqual(['2/1', '1/1']);
    // one decimal share and one weight: not plain decimal shares
    expect(compilePayerSplit(contract([{ id: 'a', name: 'A', share: '0.5' }, { id: 'b', name: 'B', weight: '1' }] as Payer[])).kind).toBe('uniform');
  });
  it('a top-up or a payer funding some lines: the exact fractions of each funded line', () => {
    const plan = compilePayerSplit(topUp);
    expect(plan.kind).toBe('byLine');
    if (plan.kind !== 'byLine') throw new Error('expected a by-line plan');
    expect(plan.fundings.map((f) => f.id)).toEqual(['council', 'lcf']);
    // placement: the fund does not fund it, the council pays all; retention: the fund 1/5 first, the council the rest 4/5
    expect([...plan.fractions.entries()].map(([key, value]) => [key.split('\u0000').join('|'), texts(value)])).toEqual([
      ['pay-pl|A|placement', ['1/1', '0/1']],
      ['pay-ret|A|retention-6m', ['4/5', '1/5']],
    ]);
  });
});

describe('lineFractions', () => {
  // compiled inside each test, never while the file loads (a mutation run counts code run at load as covered by no test)
  const plan = (): PayerSplitPlan => compilePayerSplit(topUp);
  it('each funded line its own fractions', () => {
    expect(texts(lineFractions(plan(), { rule: 'pay-pl', cohort: 'A', outcome: 'placement' }))).toEqual(['1/1', '0/1']);
    expect(texts(lineFractions(plan(), { rule: 'pay-ret', cohort: 'A', outcome: 'retention-6m' }))).toEqual(['4/5', '1/5']);
  });
  it('a line the contract does not list is split afresh', () => {
    // another cohort's retention line: the fund funds it by its outcome
    expect(texts(lineFractions(plan(), { rule: 'pay-ret', cohort: 'B', outcome: 'retention-6m' }))).toEqual(['4/5', '1/5']);
    // a line without an outcome: the council only
    expect(texts(lineFractions(plan(), { rule: 'exit:x', cohort: null, outcome: null }))).toEqual(['1/1', '0/1']);
  });
  it('undefined for a plan that splits every line alike', () => {
    expect(lineFractions({ kind: 'uniform', weights: [] }, { rule: 'pay-pl', cohort: 'A', outcome: 'placement' })).toBeUndefined();
    expect(lineFractions({ kind: 'decimalShares', shares: [] }, { rule: 'pay-pl', cohort: 'A', outcome: 'placement' })).toBeUndefined();
  });
});

describe('splitTranche', () => {
  it('decimal shares: the largest-remainder split of the total, no exact parts', () => {
    const plan: PayerSplitPlan = { kind: 'decimalShares', shares: [parseAmount('0.6'), parseAmount('0.4')] };
    // 100.01 × 0.6 = 60.006, × 0.4 = 40.004: 60.00 + 40.00, the cent left to the larger remainder (0.006)
    const split = splitTranche(plan, [], parseAmount('100.01'), 'EUR');
    expect(money(split.parts)).toEqual(['60.01', '40.00']);
    expect(split.exact).toBeUndefined();
  });

  it('weights: parts in proportion, exact parts as fractions of the total', () => {
    const plan: PayerSplitPlan = { kind: 'uniform', weights: [{ numerator: 2n, denominator: 1n }, { numerator: 1n, denominator: 1n }] };
    // 100 × 2/3 = 66.666…, × 1/3 = 33.333…: 66.66 + 33.33 = 99.99, the cent to the larger remainder (the first)
    const split = splitTranche(plan, [], parseAmount('100.00'), 'EUR');
    expect(money(split.parts)).toEqual(['66.67', '33.33']);
    expect(texts(split.exact)).toEqual(['200/3', '100/3']);
    // a zero total: zero parts, zero exact parts
    const zero = splitTranche(plan, [], ZERO, 'EUR');
    expect(money(zero.parts)).toEqual(['0.00', '0.00']);
    expect(texts(zero.exact)).toEqual(['0/1', '0/1']);
  });

  it('by line: each payer’s exact part is the sum of its fractions of the lines, the total split by them', () => {
    const plan = compilePayerSplit(topUp);
    // placement 1000.00: council 1000; retention 1000.01: council 4/5 = 800.008, fund 1/5 = 200.002
    // exact council 1800.008 = 225001/125, fund 200.002 = 100001/500; total 2000.01:
    // 1800.00 + 200.00 = 2000.00, the cent to the larger remainder (council 0.008 > fund 0.002)
    const lines = [line('pay-pl', 'placement', '1000.00'), line('pay-ret', 'retention-6m', '1000.01'), line('pay-ret', 'retention-6m', '0.00')];
    const split = splitTranche(plan, lines, parseAmount('2000.01'), 'EUR');
    expect(money(split.parts)).toEqual(['1800.01', '200.00']);
    expect(texts(split.exact)).toEqual(['225001/125', '100001/500']);
  });

  it('by line, after payer caps cut the total: the smaller total in proportion to the exact parts', () => {
    const plan = compilePayerSplit(topUp);
    // exact council 800 (4/5 of 1000), fund 200; total cut to 500: 400 and 100
    const split = splitTranche(plan, [line('pay-ret', 'retention-6m', '1000.00')], parseAmount('500.00'), 'EUR');
    expect(money(split.parts)).toEqual(['400.00', '100.00']);
    expect(texts(split.exact)).toEqual(['800/1', '200/1']);
  });

  it('by line, a zero total or no line paying anything: zero parts', () => {
    const plan = compilePayerSplit(topUp);
    const zero = splitTranche(plan, [line('pay-ret', 'retention-6m', '1000.00')], ZERO, 'EUR');
    expect(money(zero.parts)).toEqual(['0.00', '0.00']);
    expect(texts(zero.exact)).toEqual(['800/1', '200/1']);
    const none = splitTranche(plan, [line('pay-ret', 'retention-6m', '0.00')], parseAmount('10.00'), 'EUR');
    expect(money(none.parts)).toEqual(['0.00', '0.00']);
    expect(texts(none.exact)).toEqual(['0/1', '0/1']);
  });

  it('by line, a line of a payer the plan has no fraction for counts as zero for it', () => {
    const plan: PayerSplitPlan = { kind: 'byLine', fundings: [], fractions: new Map() };
    const split = splitTranche(plan, [line('pay-pl', 'placement', '10.00')], parseAmount('10.00'), 'EUR');
    expect(split.parts).toEqual([]);
  });
});

describe('payerShareText', () => {
  it('a share or a top-up as written', () => {
    expect(payerShareText(topUp, 0)).toBe('1');
    expect(payerShareText(topUp, 1)).toBe('0.2');
  });
  it('a weight over the sum of the weights', () => {
    const c = contract([{ id: 'a', name: 'A', weight: '2' }, { id: 'b', name: 'B', weight: '1' }, { id: 'c', name: 'C', weight: '1' }] as Payer[]);
    // 2/4 = 0.5, 1/4 = 0.25
    expect([0, 1, 2].map((i) => payerShareText(c, i))).toEqual(['0.5', '0.25', '0.25']);
    const thirds = contract([{ id: 'a', name: 'A', weight: '2' }, { id: 'b', name: 'B', weight: '1' }] as Payer[]);
    expect([0, 1].map((i) => payerShareText(thirds, i))).toEqual(['2/3', '1/3']);
  });
  it('weights that sum to zero, or a payer naming no basis: 0', () => {
    const zero = contract([{ id: 'a', name: 'A', weight: '0' }, { id: 'b', name: 'B', weight: '0' }] as Payer[]);
    expect(payerShareText(zero, 0)).toBe('0');
    const none = contract([{ id: 'a', name: 'A', weight: '1' }, { id: 'b', name: 'B' }] as Payer[]);
    expect(payerShareText(none, 1)).toBe('0');
    expect(payerShareText(none, 0)).toBe('1');
  });
  it('an index past the payers is an internal error', () => {
    expect(() => payerShareText(topUp, 2)).toThrow('outcome-pay internal error: payer index');
  });
});
