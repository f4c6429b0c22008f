/**
 * The figures of a settlement document (src/settlement/settlement-figures.ts) on a hand-made
 * document of one tranche T1 earning 100.00, split 60.00 (payer a) and 40.00 (payer b): each
 * figure that must add up, moved by a cent or a unit, gives its issue with its path and message.
 */
import { describe, expect, it } from 'vitest';
import { checkSettlementFigures } from '../../../src/settlement/settlement-figures.js';
import type { Settlement } from '../../../src/settlement/types.js';

interface Part { payer: string; share?: string; earned: string; previouslyPaid: string; due: string }
interface BudgetYear { cap: string; part: string; takenFrom: { amount: string }[]; carriedFrom: { amount: string }[]; requested: string; paid: string; over: string; overflow: string }
interface Tranche {
  id: string; measuredOn: string; earned: string; previouslyPaid: string; due: string; reinvested: string; withheld: string; toProvider: string;
  payers: Part[]; lines: { paid: string }[]; capCuts: { kind: string; cut: string }[]; reinvestment: { amount: string }[]; budgetYears?: BudgetYear[];
}
interface Adjustment { tranche: string; payer: string; previouslyPaid: string; earned: string; amount: string; reason: string; causes?: { amount: string }[] }
interface Doc {
  payers: Part[];
  tranches: Tranche[];
  totals: Record<'earned' | 'previouslyPaid' | 'due' | 'reinvested' | 'withheld', string>;
  previous: { settlements: { inputs: string; asOf: string; contract: string }[]; amendedFrom: string[] };
  adjustments: Adjustment[];
  minimumPerformance?: { id: string; withheld: string; released: string; outstanding: string }[];
}

function at<T>(list: readonly T[] | undefined, index: number): T {
  const found = list?.[index];
  if (found === undefined) throw new Error(`no element ${String(index)}`);
  return found;
}
/** The document's tranche T1. */
const t1 = (doc: Doc): Tranche => at(doc.tranches, 0);
/** Payer p's part of T1. */
const partOf = (doc: Doc, p: number): Part => at(t1(doc).payers, p);
/** Payer p's totals. */
const payerOf = (doc: Doc, p: number): Part => at(doc.payers, p);

function document(): Doc {
  const part = (payer: string, share: string, earned: string): Part => ({ payer, share, earned, previouslyPaid: '0.00', due: earned });
  return {
    payers: [part('a', '0.6', '60.00'), part('b', '0.4', '40.00')],
    tranches: [
      {
        id: 'T1',
        measuredOn: '2025-06-30',
        earned: '100.00',
        previouslyPaid: '0.00',
        due: '100.00',
        reinvested: '0.00',
        withheld: '0.00',
        toProvider: '100.00',
        payers: [part('a', '0.6', '60.00'), part('b', '0.4', '40.00')],
        lines: [{ paid: '70.00' }, { paid: '30.00' }],
        capCuts: [],
        reinvestment: [],
      },
    ],
    totals: { earned: '100.00', previouslyPaid: '0.00', due: '100.00', reinvested: '0.00', withheld: '0.00' },
    previous: { settlements: [], amendedFrom: [] },
    adjustments: [],
  };
}

const check = (doc: Doc): string[][] => checkSettlementFigures(doc as unknown as Settlement, ['previous', 3]).map((issue) => [issue.code, issue.path.join('.'), issue.message]);
const issue = (path: string, message: string): string[] => ['PREVIOUS_FIGURES', `previous.3.${path}`, `${message}: the figures do not add up`];

describe('checkSettlementFigures', () => {
  it('a document whose figures add up: no issue', () => {
    expect(check(document())).toEqual([]);
  });

  it('a total that is not the sum over the tranches', () => {
    for (const key of ['earned', 'previouslyPaid', 'due', 'reinvested', 'withheld'] as const) {
      const doc = document();
      doc.totals[key] = '0.01';
      // the sums: earned 100, previously paid 0, due 100, reinvested 0, withheld 0
      const expected = key === 'earned' || key === 'due' ? '100' : '0';
      expect(check(doc)).toEqual([issue(`totals.${key}`, `totals ${key} (the sum over the tranches) is 0.01, not ${expected}`)]);
    }
  });

  it('a payer’s part moved by a cent: the tranche’s sum, the part’s balance and the payer’s total', () => {
    const doc = document();
    partOf(doc, 0).due = '60.01';
    expect(check(doc)).toEqual([
      // 60.01 + 40.00 = 100.01
      issue('tranches.0.due', 'tranche "T1" due (the sum of its payers\' parts) is 100.00, not 100.01'),
      // 60.00 − 0.00 = 60
      issue('tranches.0.payers.0.due', 'payer "a" in tranche "T1"\'s due (earned − previously paid) is 60.01, not 60'),
      issue('payers.0.due', 'payer "a" due (the sum over the tranches) is 60.00, not 60.01'),
    ]);
  });

  it('a tranche whose due is not earned − previously paid', () => {
    const doc = document();
    for (const each of [t1(doc), partOf(doc, 1), payerOf(doc, 1)]) each.previouslyPaid = '40.00';
    doc.totals.previouslyPaid = '40.00';
    // b: 40.00 − 40.00 = 0, not 40.00; T1: 100.00 − 40.00 = 60, not 100.00
    expect(check(doc)).toEqual([
      issue('tranches.0.due', 'tranche "T1"\'s due (earned − previously paid) is 100.00, not 60'),
      issue('tranches.0.payers.1.due', 'payer "b" in tranche "T1"\'s due (earned − previously paid) is 40.00, not 0'),
      // b was paid before (40.00) and its due is not 0: an adjustment is expected
      issue('adjustments', 'payer "b" in tranche "T1" was settled or paid before and its amount moved, but no adjustment says so'),
    ]);
  });

  it('payers listed twice, tranches listed twice, a tranche listing other payers', () => {
    const twice = document();
    twice.payers = [payerOf(twice, 0), payerOf(twice, 0)];
    expect(check(twice).slice(0, 2)).toEqual([
      issue('payers', 'a payer is listed twice'),
      issue('tranches.0.payers', 'tranche "T1" lists the payers ["a","b"], not the settlement\'s ["a","a"]'),
    ]);
    const tranches = document();
    tranches.tranches = [t1(tranches), { ...t1(tranches), earned: '0.00', due: '0.00', toProvider: '0.00', payers: [], lines: [] }];
    expect(check(tranches).slice(0, 2)).toEqual([
      issue('tranches', 'a tranche is listed twice'),
      issue('tranches.1.payers', 'tranche "T1" lists the payers [], not the settlement\'s ["a","b"]'),
    ]);
  });

  it('reinvested, what the provider receives, and the lines against the tranche', () => {
    const doc = document();
    t1(doc).reinvestment = [{ amount: '10.00' }];
    expect(check(doc)).toEqual([
      issue('tranches.0.reinvested', 'tranche "T1" reinvested is 0.00, not 10'),
    ]);
    t1(doc).reinvested = '10.00';
    doc.totals.reinvested = '10.00';
    // 100.00 − 10.00 = 90
    expect(check(doc)).toEqual([issue('tranches.0.toProvider', 'tranche "T1" toProvider (earned − reinvested) is 100.00, not 90')]);
    const lines = document();
    t1(lines).lines = [{ paid: '70.00' }, { paid: '30.01' }];
    expect(check(lines)).toEqual([
      issue('tranches.0.earned', 'tranche "T1" earned (its lines paid less payer cap cuts and deferrals, plus amounts deferred to it) is 100.00, not 100.01'),
    ]);
  });

  it('payer cap cuts are taken from the lines; other cuts are already in them', () => {
    const doc = document();
    // lines 110.00, a payer cap cut 10.00: 100.00
    t1(doc).lines = [{ paid: '110.00' }];
    t1(doc).capCuts = [{ kind: 'payer', cut: '10.00' }, { kind: 'contract', cut: '5.00' }];
    expect(check(doc)).toEqual([]);
    t1(doc).capCuts = [{ kind: 'contract', cut: '10.00' }];
    expect(check(doc)).toEqual([
      issue('tranches.0.earned', 'tranche "T1" earned (its lines paid less payer cap cuts and deferrals, plus amounts deferred to it) is 100.00, not 110'),
    ]);
  });

  it('budget years: requested is part + taken + carried, over is requested − paid, deferrals and carries move the tranche', () => {
    const doc = document();
    // lines 95.00; deferred 5.00 out, 10.00 carried in: 95 − 5 + 10 = 100
    t1(doc).lines = [{ paid: '95.00' }];
    const entry: BudgetYear = { cap: 'y', part: '50.00', takenFrom: [{ amount: '5.00' }], carriedFrom: [{ amount: '10.00' }], requested: '65.00', paid: '60.00', over: '5.00', overflow: 'deferred' };
    t1(doc).budgetYears = [entry];
    expect(check(doc)).toEqual([]);
    // 50 + 5 + 10 = 65; 64 − 60 = 4
    t1(doc).budgetYears = [{ ...entry, requested: '64.00' }];
    expect(check(doc)).toEqual([
      issue('tranches.0.budgetYears.0.requested', 'tranche "T1" budget year of cap "y" requested (part + taken + carried) is 64.00, not 65'),
      issue('tranches.0.budgetYears.0.over', 'tranche "T1" budget year of cap "y" over (requested − paid) is 5.00, not 4'),
    ]);
    // an overflow that lapses is not deferred: 95 + 10 = 105
    t1(doc).budgetYears = [{ ...entry, overflow: 'lapse' }];
    expect(check(doc)).toEqual([
      issue('tranches.0.earned', 'tranche "T1" earned (its lines paid less payer cap cuts and deferrals, plus amounts deferred to it) is 100.00, not 105'),
    ]);
  });

  it('a payer’s share must be the one it has in every tranche', () => {
    const doc = document();
    partOf(doc, 0).share = '0.5';
    expect(check(doc)).toEqual([issue('payers.0.share', 'payer "a" has share 0.6 but 0.5 in tranche "T1"')]);
    delete partOf(doc, 0).share;
    expect(check(doc)).toEqual([]);
  });

  it('a minimum performance level holds what it withheld less what it released', () => {
    const doc = document();
    const level = { id: 'L', withheld: '10.00', released: '4.00', outstanding: '6.00' };
    doc.minimumPerformance = [level];
    expect(check(doc)).toEqual([]);
    level.outstanding = '5.00';
    expect(check(doc)).toEqual([issue('minimumPerformance.0.outstanding', 'minimum performance level "L" outstanding (withheld − released) is 5.00, not 6')]);
  });
});

describe('checkSettlementFigures: adjustments', () => {
  /** T1 settled before (a previous settlement as of its measurement date): every part that moved is an adjustment. */
  function settledBefore(asOf = '2025-06-30'): Doc {
    const doc = document();
    doc.previous.settlements = [{ inputs: 'x', asOf, contract: 'y' }];
    return doc;
  }
  const adjustment = (payer: string, amount: string): Adjustment => ({ tranche: 'T1', payer, previouslyPaid: '0.00', earned: amount, amount, reason: '' });

  it('a part of a tranche settled before that moved needs its adjustment', () => {
    expect(check(settledBefore())).toEqual([
      issue('adjustments', 'payer "a" in tranche "T1" was settled or paid before and its amount moved, but no adjustment says so'),
      issue('adjustments', 'payer "b" in tranche "T1" was settled or paid before and its amount moved, but no adjustment says so'),
    ]);
    const doc = settledBefore();
    doc.adjustments = [adjustment('a', '60.00'), adjustment('b', '40.00')];
    expect(check(doc)).toEqual([]);
  });

  it('a tranche measured after the previous settlements is not an adjustment, unless something was paid for it', () => {
    expect(check(settledBefore('2025-06-29'))).toEqual([]);
    const paid = settledBefore('2025-06-29');
    for (const each of [t1(paid), partOf(paid, 0), payerOf(paid, 0)]) {
      each.previouslyPaid = '10.00';
      each.due = each === t1(paid) ? '90.00' : '50.00';
    }
    paid.totals.previouslyPaid = '10.00';
    paid.totals.due = '90.00';
    expect(check(paid)).toEqual([issue('adjustments', 'payer "a" in tranche "T1" was settled or paid before and its amount moved, but no adjustment says so')]);
  });

  it('a part that did not move needs none; an adjustment of nothing that moved is refused', () => {
    const doc = settledBefore();
    for (const each of [partOf(doc, 1), payerOf(doc, 1)]) {
      each.previouslyPaid = '40.00';
      each.due = '0.00';
    }
    for (const each of [t1(doc), doc.totals]) {
      each.previouslyPaid = '40.00';
      each.due = '60.00';
    }
    doc.adjustments = [adjustment('a', '60.00'), adjustment('b', '0.00')];
    expect(check(doc)).toEqual([issue('adjustments.1', 'adjustment of payer "b" in tranche "T1" matches no part settled or paid before whose amount moved')]);
  });

  it('an adjustment’s figures and causes must be the part’s', () => {
    const doc = settledBefore();
    doc.adjustments = [
      { ...adjustment('a', '60.00'), previouslyPaid: '1.00', earned: '61.00', amount: '59.00', causes: [{ amount: '50.00' }, { amount: '10.00' }] },
      { ...adjustment('b', '40.00'), causes: [{ amount: '40.00' }] },
    ];
    expect(check(doc)).toEqual([
      issue('adjustments.0.previouslyPaid', 'adjustment of payer "a" in tranche "T1": previouslyPaid is 1.00, not 0'),
      issue('adjustments.0.earned', 'adjustment of payer "a" in tranche "T1": earned is 61.00, not 60'),
      issue('adjustments.0.amount', 'adjustment of payer "a" in tranche "T1": amount is 59.00, not 60'),
      // 50.00 + 10.00 = 60
      issue('adjustments.0.causes', 'adjustment of payer "a" in tranche "T1": the sum of its causes is 59.00, not 60'),
    ]);
  });

  it('the same part adjusted twice: the second matches nothing', () => {
    const doc = settledBefore();
    doc.adjustments = [adjustment('a', '60.00'), adjustment('b', '40.00'), adjustment('a', '60.00')];
    expect(check(doc)).toEqual([issue('adjustments.2', 'adjustment of payer "a" in tranche "T1" matches no part settled or paid before whose amount moved')]);
  });
});
