/**
 * Money caps (src/settlement/caps/money-caps.ts) on hand-made lines: each kind, partial payment or
 * not, cumulative use across tranches, the order outcome → cohort → tranche → contract, and the
 * contract-long payer caps. Every expected figure is worked out in a comment.
 */
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../src/contract/index.js';
import { parseAmount, type Amount } from '../../../src/money/index.js';
import { applyMoneyCaps, applyPayerCaps, covers, describeCut, type CapCut } from '../../../src/settlement/caps/money-caps.js';
import type { Line } from '../../../src/settlement/lines.js';

type Caps = NonNullable<Contract['caps']>;

function line(paid: string, options: { outcome?: string | null; cohort?: string | null; claims?: number | null; unit?: string | null } = {}): Line {
  const amount = parseAmount(paid);
  return {
    rule: 'r',
    kind: 'rateCard',
    cohort: options.cohort ?? 'A',
    outcome: options.outcome ?? 'placement',
    claims: options.claims ?? null,
    unit: options.unit === undefined || options.unit === null ? null : parseAmount(options.unit),
    inputs: {},
    formula: '',
    exact: amount,
    amount,
    paid: amount,
    participants: undefined,
  };
}

const text = (amount: Amount | undefined): string | undefined => amount?.toFixed(2);
const paidOf = (lines: readonly Line[]): string[] => lines.map((l) => l.paid.toFixed(2));
const cutText = (cut: CapCut): string => `${cut.cap}/${cut.kind}: limit ${cut.limit.toFixed(2)}, before ${cut.usedBefore.toFixed(2)}, asked ${cut.requested.toFixed(2)}, cut ${cut.cut.toFixed(2)}`;

describe('covers', () => {
  const l = { outcome: 'placement', cohort: 'A' };
  it('an outcome cap covers the lines of its outcome only', () => {
    expect(covers({ kind: 'outcome', id: 'c', outcome: 'placement', amount: '1', partialPayment: true }, l, 'T1')).toBe(true);
    expect(covers({ kind: 'outcome', id: 'c', outcome: 'retention', amount: '1', partialPayment: true }, l, 'T1')).toBe(false);
  });
  it('a cohort cap covers the lines of its cohort only', () => {
    expect(covers({ kind: 'cohort', id: 'c', cohort: 'A', amount: '1', partialPayment: true }, l, 'T1')).toBe(true);
    expect(covers({ kind: 'cohort', id: 'c', cohort: 'B', amount: '1', partialPayment: true }, l, 'T1')).toBe(false);
  });
  it('a tranche cap covers every line of its tranche only', () => {
    expect(covers({ kind: 'tranche', id: 'c', tranche: 'T1', amount: '1', partialPayment: true }, l, 'T1')).toBe(true);
    expect(covers({ kind: 'tranche', id: 'c', tranche: 'T1', amount: '1', partialPayment: true }, l, 'T2')).toBe(false);
  });
  it('the contract cap covers every line', () => {
    expect(covers({ kind: 'contract', id: 'c', amount: '1', partialPayment: true }, { outcome: null, cohort: null }, 'T9')).toBe(true);
  });
});

describe('applyMoneyCaps', () => {
  it('with partial payment, the line crossing the cap gets what is left and later lines nothing', () => {
    // cap 1000: 600 fits (400 left), 700 → 400 (0 left), 50 → 0; asked 1350, paid 1000, cut 350
    const lines = [line('600.00'), line('700.00'), line('50.00')];
    const used = new Map<string, Amount>();
    const cuts = applyMoneyCaps([{ kind: 'contract', id: 'total', amount: '1000.00', partialPayment: true }], lines, 'T1', used);
    expect(paidOf(lines)).toEqual(['600.00', '400.00', '0.00']);
    expect(cuts.map(cutText)).toEqual(['total/contract: limit 1000.00, before 0.00, asked 1350.00, cut 350.00']);
    expect(text(used.get('total'))).toBe('1000.00');
  });

  it('without partial payment, a line of claims keeps the whole claims that fit and a later line that fits is paid', () => {
    // cap 1000: 5 claims of 150 = 750 fit (250 left); 4 claims of 100 = 400 > 250 → 2 whole claims = 200 (50 left);
    // a cohort amount of 60 > 50 → 0; a cohort amount of 50 fits (0 left). Asked 1260, paid 1000, cut 260
    const lines = [
      line('750.00', { claims: 5, unit: '150.00' }),
      line('400.00', { claims: 4, unit: '100.00' }),
      line('60.00'),
      line('50.00'),
    ];
    const used = new Map<string, Amount>();
    const cuts = applyMoneyCaps([{ kind: 'contract', id: 'total', amount: '1000.00', partialPayment: false }], lines, 'T1', used);
    expect(paidOf(lines)).toEqual(['750.00', '200.00', '0.00', '50.00']);
    expect(cuts.map(cutText)).toEqual(['total/contract: limit 1000.00, before 0.00, asked 1260.00, cut 260.00']);
    expect(text(used.get('total'))).toBe('1000.00');
  });

  it('without partial payment, a line with claims but no unit is paid in full or not at all', () => {
    // cap 100: claims 3 without a unit, 150 > 100 → 0
    const lines = [line('150.00', { claims: 3, unit: null })];
    applyMoneyCaps([{ kind: 'contract', id: 'total', amount: '100.00', partialPayment: false }], lines, 'T1', new Map());
    expect(paidOf(lines)).toEqual(['0.00']);
  });

  it('without partial payment, a line of claims whose first claim does not fit gets nothing', () => {
    // cap 120: one claim of 150 → 0 whole claims
    const lines = [line('300.00', { claims: 2, unit: '150.00' })];
    const cuts = applyMoneyCaps([{ kind: 'contract', id: 'total', amount: '120.00', partialPayment: false }], lines, 'T1', new Map());
    expect(paidOf(lines)).toEqual(['0.00']);
    expect(cuts.map(cutText)).toEqual(['total/contract: limit 120.00, before 0.00, asked 300.00, cut 300.00']);
  });

  it('a line equal to what is left is paid in full and leaves nothing', () => {
    // cap 500: 500 fits exactly (0 left), then 1 → 0 (partial: what is left, 0)
    const lines = [line('500.00'), line('1.00')];
    const used = new Map<string, Amount>();
    const cuts = applyMoneyCaps([{ kind: 'contract', id: 'total', amount: '500.00', partialPayment: true }], lines, 'T1', used);
    expect(paidOf(lines)).toEqual(['500.00', '0.00']);
    expect(cuts.map(cutText)).toEqual(['total/contract: limit 500.00, before 0.00, asked 501.00, cut 1.00']);
  });

  it('no cut is reported when everything fits, but the use is counted', () => {
    // cap 1000: 300 + 200 = 500 fit
    const lines = [line('300.00'), line('200.00')];
    const used = new Map<string, Amount>([['total', parseAmount('100.00')]]);
    const cuts = applyMoneyCaps([{ kind: 'contract', id: 'total', amount: '1000.00', partialPayment: true }], lines, 'T1', used);
    expect(cuts).toEqual([]);
    expect(paidOf(lines)).toEqual(['300.00', '200.00']);
    // 100 before + 500
    expect(text(used.get('total'))).toBe('600.00');
  });

  it('is cumulative across tranches: each tranche gets what earlier tranches left', () => {
    const cap: Caps = [{ kind: 'outcome', id: 'cap-p', outcome: 'placement', amount: '1000.00', partialPayment: true }];
    const used = new Map<string, Amount>();
    // T1: 700 fits (300 left)
    const t1 = [line('700.00')];
    expect(applyMoneyCaps(cap, t1, 'T1', used)).toEqual([]);
    expect(text(used.get('cap-p'))).toBe('700.00');
    // T2: 500 → 300 (used before 700), cut 200
    const t2 = [line('500.00')];
    const cuts = applyMoneyCaps(cap, t2, 'T2', used);
    expect(paidOf(t2)).toEqual(['300.00']);
    expect(cuts.map(cutText)).toEqual(['cap-p/outcome: limit 1000.00, before 700.00, asked 500.00, cut 200.00']);
    expect(text(used.get('cap-p'))).toBe('1000.00');
    // T3: nothing left, 100 → 0
    const t3 = [line('100.00')];
    expect(applyMoneyCaps(cap, t3, 'T3', used).map(cutText)).toEqual(['cap-p/outcome: limit 1000.00, before 1000.00, asked 100.00, cut 100.00']);
    expect(paidOf(t3)).toEqual(['0.00']);
  });

  it('a cap already used beyond its amount pays nothing (never a negative amount)', () => {
    // used 1200 of 1000: budget −200 → 0; with partial payment the line gets 0, not −200
    const lines = [line('100.00')];
    const used = new Map<string, Amount>([['total', parseAmount('1200.00')]]);
    const cuts = applyMoneyCaps([{ kind: 'contract', id: 'total', amount: '1000.00', partialPayment: true }], lines, 'T1', used);
    expect(paidOf(lines)).toEqual(['0.00']);
    expect(cuts.map(cutText)).toEqual(['total/contract: limit 1000.00, before 1200.00, asked 100.00, cut 100.00']);
    expect(text(used.get('total'))).toBe('1200.00');
  });

  it('a cap that covers no line of the tranche is not touched', () => {
    const lines = [line('100.00', { cohort: 'A' })];
    const used = new Map<string, Amount>();
    const cuts = applyMoneyCaps(
      [
        { kind: 'cohort', id: 'cap-b', cohort: 'B', amount: '10.00', partialPayment: true },
        { kind: 'tranche', id: 'cap-t2', tranche: 'T2', amount: '10.00', partialPayment: true },
      ],
      lines,
      'T1',
      used,
    );
    expect(cuts).toEqual([]);
    expect(paidOf(lines)).toEqual(['100.00']);
    expect(used.size).toBe(0);
  });

  it('only covered lines count against a cap, and only they are cut', () => {
    // cohort cap A 150: line A 100 fits (50 left), line A 80 → 50; line B 500 untouched
    const lines = [line('100.00', { cohort: 'A' }), line('500.00', { cohort: 'B' }), line('80.00', { cohort: 'A' })];
    const used = new Map<string, Amount>();
    const cuts = applyMoneyCaps([{ kind: 'cohort', id: 'cap-a', cohort: 'A', amount: '150.00', partialPayment: true }], lines, 'T1', used);
    expect(paidOf(lines)).toEqual(['100.00', '500.00', '50.00']);
    expect(cuts.map(cutText)).toEqual(['cap-a/cohort: limit 150.00, before 0.00, asked 180.00, cut 30.00']);
    expect(text(used.get('cap-a'))).toBe('150.00');
  });

  it('ignores the caps that are not money caps of lines', () => {
    const lines = [line('100.00')];
    const used = new Map<string, Amount>();
    const caps: Caps = [
      { kind: 'participant', id: 'pp', amount: '1.00', partialPayment: true, claimOrder: 'achievementDate' },
      { kind: 'payer', id: 'py', payer: 'region', amount: '1.00', partialPayment: true },
      { kind: 'outcomeVolume', id: 'vol', rule: 'r', targetUnits: 0 },
      { kind: 'share', id: 'sh', rule: 'r', share: '0', rounding: 'down' },
    ];
    expect(applyMoneyCaps(caps, lines, 'T1', used)).toEqual([]);
    expect(paidOf(lines)).toEqual(['100.00']);
    expect(used.size).toBe(0);
  });

  // Two lines: L1 (outcome placement, cohort A) 1000 and L2 (outcome retention, cohort B) 1000.
  // The narrower cap (`first`, 300 on L1 only) listed after the wider (`second`, 600 on both).
  // Right order: first cuts L1 to 300; second then sees 300 + 1000: L1 fits (300 left), L2 → 300.
  // Wrong order would give: second cuts L1 to 600, L2 to 0; first cuts L1 to 300: paid 300, 0.
  const pair = (): Line[] => [line('1000.00', { outcome: 'placement', cohort: 'A' }), line('1000.00', { outcome: 'retention', cohort: 'B' })];
  it('applies outcome caps before cohort caps', () => {
    const lines = pair();
    const cuts = applyMoneyCaps(
      [
        { kind: 'cohort', id: 'second', cohort: 'A', amount: '600.00', partialPayment: true },
        { kind: 'outcome', id: 'first', outcome: 'placement', amount: '300.00', partialPayment: true },
      ],
      lines,
      'T1',
      new Map(),
    );
    // cohort A covers L1 only: after the outcome cap L1 is 300, fits 600: no cohort cut
    expect(paidOf(lines)).toEqual(['300.00', '1000.00']);
    expect(cuts.map(cutText)).toEqual(['first/outcome: limit 300.00, before 0.00, asked 1000.00, cut 700.00']);
  });
  it('applies outcome caps before the contract cap', () => {
    const lines = pair();
    const cuts = applyMoneyCaps(
      [
        { kind: 'contract', id: 'second', amount: '600.00', partialPayment: true },
        { kind: 'outcome', id: 'first', outcome: 'placement', amount: '300.00', partialPayment: true },
      ],
      lines,
      'T1',
      new Map(),
    );
    expect(paidOf(lines)).toEqual(['300.00', '300.00']);
    // contract: asked 300 + 1000 = 1300, paid 600, cut 700
    expect(cuts.map(cutText)).toEqual(['first/outcome: limit 300.00, before 0.00, asked 1000.00, cut 700.00', 'second/contract: limit 600.00, before 0.00, asked 1300.00, cut 700.00']);
  });
  it('applies cohort caps before tranche caps', () => {
    const lines = pair();
    const cuts = applyMoneyCaps(
      [
        { kind: 'tranche', id: 'second', tranche: 'T1', amount: '600.00', partialPayment: true },
        { kind: 'cohort', id: 'first', cohort: 'A', amount: '300.00', partialPayment: true },
      ],
      lines,
      'T1',
      new Map(),
    );
    expect(paidOf(lines)).toEqual(['300.00', '300.00']);
    expect(cuts.map(cutText)).toEqual(['first/cohort: limit 300.00, before 0.00, asked 1000.00, cut 700.00', 'second/tranche: limit 600.00, before 0.00, asked 1300.00, cut 700.00']);
  });
  it('applies tranche caps before the contract cap', () => {
    // lines 300 + 300. Tranche 500 (partial): L1 fits (200 left), L2 → 200. Contract 400 (not
    // partial, cohort amounts): L1 300 fits (100 left), L2 200 > 100 → 0. Cuts: tranche 100, contract 200.
    // (Contract first: L2 → 0, cut 300; tranche then cuts nothing.)
    const lines = [line('300.00'), line('300.00')];
    const cuts = applyMoneyCaps(
      [
        { kind: 'contract', id: 'total', amount: '400.00', partialPayment: false },
        { kind: 'tranche', id: 'cap-t1', tranche: 'T1', amount: '500.00', partialPayment: true },
      ],
      lines,
      'T1',
      new Map(),
    );
    expect(paidOf(lines)).toEqual(['300.00', '0.00']);
    expect(cuts.map(cutText)).toEqual(['cap-t1/tranche: limit 500.00, before 0.00, asked 600.00, cut 100.00', 'total/contract: limit 400.00, before 0.00, asked 500.00, cut 200.00']);
  });
  it('keeps contract order within a kind', () => {
    // 1000: c1 (500) cuts 500, then c2 (400) cuts 100
    const lines = [line('1000.00')];
    const cuts = applyMoneyCaps(
      [
        { kind: 'contract', id: 'c1', amount: '500.00', partialPayment: true },
        { kind: 'contract', id: 'c2', amount: '400.00', partialPayment: true },
      ],
      lines,
      'T1',
      new Map(),
    );
    expect(paidOf(lines)).toEqual(['400.00']);
    expect(cuts.map(cutText)).toEqual(['c1/contract: limit 500.00, before 0.00, asked 1000.00, cut 500.00', 'c2/contract: limit 400.00, before 0.00, asked 500.00, cut 100.00']);
  });
});

describe('applyPayerCaps', () => {
  const payers = ['region', 'agency'];
  it('limits a payer to what remains of its cap, across tranches', () => {
    const caps: Caps = [{ kind: 'payer', id: 'cap-agency', payer: 'agency', amount: '800.00', partialPayment: true }];
    const used = new Map<string, Amount>();
    // T1: agency 500 fits (300 left)
    const t1 = [parseAmount('700.00'), parseAmount('500.00')];
    expect(applyPayerCaps(caps, payers, t1, used)).toEqual([]);
    expect(t1.map(text)).toEqual(['700.00', '500.00']);
    expect(text(used.get('cap-agency'))).toBe('500.00');
    // T2: agency 400 → 300, cut 100; region untouched
    const t2 = [parseAmount('900.00'), parseAmount('400.00')];
    const cuts = applyPayerCaps(caps, payers, t2, used);
    expect(t2.map(text)).toEqual(['900.00', '300.00']);
    expect(cuts.map(cutText)).toEqual(['cap-agency/payer: limit 800.00, before 500.00, asked 400.00, cut 100.00']);
    expect(text(used.get('cap-agency'))).toBe('800.00');
  });
  it('a part equal to what remains is paid in full', () => {
    const parts = [parseAmount('800.00'), parseAmount('0')];
    expect(applyPayerCaps([{ kind: 'payer', id: 'cap-r', payer: 'region', amount: '800.00', partialPayment: true }], payers, parts, new Map())).toEqual([]);
    expect(parts.map(text)).toEqual(['800.00', '0.00']);
  });
  it('a cap used beyond its amount pays nothing', () => {
    // used 900 of 800: nothing left, 100 → 0
    const parts = [parseAmount('100.00'), parseAmount('0')];
    const used = new Map<string, Amount>([['cap-r', parseAmount('900.00')]]);
    const cuts = applyPayerCaps([{ kind: 'payer', id: 'cap-r', payer: 'region', amount: '800.00', partialPayment: true }], payers, parts, used);
    expect(parts.map(text)).toEqual(['0.00', '0.00']);
    expect(cuts.map(cutText)).toEqual(['cap-r/payer: limit 800.00, before 900.00, asked 100.00, cut 100.00']);
  });
  it('leaves yearly caps, other kinds and caps of payers not in the split alone', () => {
    const parts = [parseAmount('100.00'), parseAmount('100.00')];
    const used = new Map<string, Amount>();
    const caps: Caps = [
      { kind: 'payer', id: 'yearly', payer: 'region', amount: '1.00', partialPayment: true, per: { kind: 'calendarYear' }, overflow: 'notPaid' },
      { kind: 'payer', id: 'other', payer: 'state', amount: '1.00', partialPayment: true },
      { kind: 'contract', id: 'total', amount: '1.00', partialPayment: true },
    ];
    expect(applyPayerCaps(caps, payers, parts, used)).toEqual([]);
    expect(parts.map(text)).toEqual(['100.00', '100.00']);
    expect(used.size).toBe(0);
  });
});

describe('describeCut', () => {
  it('says the cap, its amount, what was used, asked and cut', () => {
    // amounts in their shortest decimal form (formatDecimal)
    const cut: CapCut = { cap: 'total', kind: 'contract', limit: parseAmount('100000.00'), usedBefore: parseAmount('98000.50'), requested: parseAmount('5000'), cut: parseAmount('3000.50') };
    expect(describeCut(cut)).toBe('contract cap total of 100000: 98000.5 used before, 5000 asked, 3000.5 cut');
  });
});
