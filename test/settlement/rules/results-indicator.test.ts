/**
 * The results indicator (src/settlement/rules/results-indicator.ts): one contract-level line per
 * tranche, through the ratchet, on the periods verified by the measurement date: the achievement
 * from the caller's indicator values (a missing one reported) or from the participants who
 * achieved an outcome; each period's figures in the inputs, the formula and decision; no price
 * factor; its bounds. Worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { PaymentRule } from '../../../src/contract/index.js';
import type { Line } from '../../../src/settlement/lines.js';
import { NO_INPUTS } from '../../../src/settlement/rules/rule-module.js';
import { resultsIndicator } from '../../../src/settlement/rules/results-indicator.js';
import { achieve, boundTerms, day, ledgerOf, reduction, ruleTerms, runState, tranche } from './fixtures.js';

type Rule = Extract<PaymentRule, { kind: 'resultsIndicator' }>;
function rule(extra: Record<string, unknown> = {}): Rule {
  return {
    kind: 'resultsIndicator',
    id: 'dli',
    name: 'DLI',
    baseline: '10',
    rounding: 'down',
    payment: { kind: 'proportional' },
    periods: [
      { id: 'y1', indicator: 'v1', verifiedOn: '2025-12-31', target: '110', allocation: '1000.00' },
      { id: 'y2', indicator: 'v2', verifiedOn: '2026-12-31', target: '210', allocation: '500.00' },
    ],
    ...extra,
  } as unknown as Rule;
}
const values = [['v1', [['*', '60']]], ['v2', [['*', '200']]]] as [string, [string, string][]][];

function lineAt(r: Rule, iso: string, state = runState({ indicators: values }), ledger = ledgerOf()): Line {
  const [line] = resultsIndicator.prepare(r, 0, ruleTerms({ rules: [r] })).lines(tranche(ledger, state, [0], day(iso)));
  if (line === undefined) throw new Error('no line');
  return line;
}

describe('results-indicator lines', () => {
  it('pays what the verified periods earned, each period\'s figures in the inputs', () => {
    // 2025-12-31: y1 on 60 → 50/100 × 1000 = 500, 500 lapsed (no rollover); y2 pending
    const line = lineAt(rule(), '2025-12-31');
    expect(line.amount.toFixed(2)).toBe('500.00');
    expect([line.cohort, line.outcome, line.kind, line.rule]).toEqual([null, null, 'resultsIndicator', 'dli']);
    expect(line.decision).toBe('1 of 2 periods verified');
    expect(line.inputs).toEqual({
      'period y1 achievement': '60',
      'period y1 allocation': '1000',
      'period y1 earned': '500',
      'period y1 rolledOver': '0',
      'period y1 lapsed': '500',
      'period y1 pending': '0',
      'period y2 allocation': '500',
      'period y2 earned': '0',
      'period y2 rolledOver': '0',
      'period y2 lapsed': '0',
      'period y2 pending': '500',
      valueToDate: '500',
      paidByEarlierTranches: '0',
    });
    expect(line.formula).toBe('results indicator (allocation × units in band / band width, rounded down, no rollover): earned y1 500; less 0 paid by earlier tranches');
  });
  it('before any verification: nothing, no value read', () => {
    const state = runState();
    const line = lineAt(rule(), '2025-12-30', state);
    expect(line.amount.toFixed(2)).toBe('0.00');
    expect(line.decision).toBe('0 of 2 periods verified');
    expect(line.formula).toBe('results indicator (allocation × units in band / band width, rounded down, no rollover): no period verified; less 0 paid by earlier tranches');
    expect(state.problems).toEqual([]);
  });
  it('through the ratchet: a later tranche pays the increase; a price reduction does not apply', () => {
    const state = runState({ indicators: values, reductions: [reduction('cut', 0, '0.5', [0])] });
    expect(lineAt(rule(), '2025-12-31', state).amount.toFixed(2)).toBe('500.00');
    // 2026-12-31: y2 on 200 → 90/100 × 500 = 450; total 950, less 500 = 450
    const later = lineAt(rule(), '2026-12-31', state);
    expect(later.amount.toFixed(2)).toBe('450.00');
    expect(later.decision).toBe('2 of 2 periods verified');
    expect(later.formula).toBe('results indicator (allocation × units in band / band width, rounded down, no rollover): earned y1 500 + y2 450; less 500 paid by earlier tranches');
  });
  it('per unit, with a rollover: the formula says so', () => {
    const r = rule({ payment: { kind: 'perUnit', amount: '7.50' }, rollover: { until: '2027-06-30' } });
    // y1 on 60: 50 × 7.50 = 375, 625 rolled over
    const line = lineAt(r, '2025-12-31');
    expect(line.amount.toFixed(2)).toBe('375.00');
    expect(line.inputs['period y1 rolledOver']).toBe('625');
    expect(line.formula).toBe('results indicator (7.50 per unit in band, capped at the allocation, rounded down, rollover until 2027-06-30): earned y1 375; less 0 paid by earlier tranches');
  });
  it('a period of allocation 0 counts as verified, pending or not', () => {
    const r = rule({ periods: [...rule().periods, { id: 'y3', indicator: 'v3', verifiedOn: '2030-12-31', target: '300', allocation: '0.00' }] });
    const line = lineAt(r, '2025-12-31');
    expect(line.decision).toBe('2 of 3 periods verified');
    expect(line.formula).toBe('results indicator (allocation × units in band / band width, rounded down, no rollover): earned y1 500 + y3 0; less 0 paid by earlier tranches');
  });
  it('a missing indicator value earns nothing and is reported', () => {
    const state = runState({ indicators: [['v2', [['*', '200']]]] });
    const line = lineAt(rule(), '2025-12-31', state);
    expect(line.amount.toFixed(2)).toBe('0.00');
    expect(line.inputs).not.toHaveProperty('period y1 achievement');
    expect(state.problems).toEqual([
      { code: 'INDICATOR_MISSING', message: 'rule dli needs the value of indicator "v1" for the pooled cohorts (key "*")', path: ['options', 'indicators', 'v1', '*'] },
    ]);
    // a period naming no indicator (and no participants): the empty id
    const bare = runState();
    lineAt(rule({ periods: [{ id: 'y1', verifiedOn: '2025-12-31', target: '110', allocation: '1000.00' }] }), '2025-12-31', bare);
    expect(bare.problems.map((p) => p.path)).toEqual([['options', 'indicators', '', '*']]);
  });
  it('counted on participants: those of every cohort who achieved the outcome by each verification date', () => {
    const ledger = ledgerOf();
    achieve(ledger, 0, 0, day('2025-06-01'), 30);
    achieve(ledger, 1, 0, day('2025-12-31'), 30);
    achieve(ledger, 1, 0, day('2026-01-01'), 100); // after y1's verification
    achieve(ledger, 0, 1, day('2025-06-01'), 500); // another outcome
    const state = runState();
    const r = rule({ participants: { outcome: 'placement' }, periods: [{ id: 'y1', verifiedOn: '2025-12-31', target: '110', allocation: '1000.00' }] });
    // 60 achieved by 2025-12-31: 500
    const line = lineAt(r, '2026-06-30', state, ledger);
    expect(line.amount.toFixed(2)).toBe('500.00');
    expect(line.inputs['period y1 achievement']).toBe('60');
    expect(state.problems).toEqual([]);
    // an outcome the contract does not list: nobody achieved it
    const nowhere = rule({ participants: { outcome: 'nowhere' }, periods: [{ id: 'y1', verifiedOn: '2025-12-31', target: '110', allocation: '1000.00' }] });
    expect(lineAt(nowhere, '2026-06-30', runState(), ledger).inputs['period y1 achievement']).toBe('0');
  });
  it('without audit text: no inputs, no formula, the same amount', () => {
    const line = lineAt(rule(), '2025-12-31', runState({ indicators: values, explain: false }));
    expect(line.inputs).toBe(NO_INPUTS);
    expect(line.formula).toBe('');
    expect(line.amount.toFixed(2)).toBe('500.00');
    expect(line.decision).toBe('1 of 2 periods verified');
  });
});

describe('results-indicator bounds and parts', () => {
  it('every allocation earned in full when some tranche pays the rule; never a sure least', () => {
    const cells = resultsIndicator.bounds(rule(), boundTerms({ paid: true }));
    // 1000 + 500
    expect(cells.map((c) => `${c.cohort} ${c.outcome} ${c.most.toFixed(2)} ${c.least.toFixed(2)}`)).toEqual(['null null 1500.00 0.00']);
    // × 1.00001 = 1500.015 → half-even 1500.02
    expect(resultsIndicator.bounds(rule(), boundTerms({ paid: true, factor: '1.00001' }))[0]?.most.toFixed(2)).toBe('1500.02');
    expect(resultsIndicator.bounds(rule(), boundTerms({ paid: false }))).toEqual([]);
  });
  it('pays for no outcome, reads no rate, no claims', () => {
    expect(resultsIndicator.paysFor(rule())).toEqual([]);
    expect(resultsIndicator.rateUses(rule())).toEqual([]);
    const parts = resultsIndicator.prepare(rule(), 0, ruleTerms({ rules: [rule()] }));
    expect([parts.prices, parts.claims, parts.unseenClaims(true, 0), parts.scheduled]).toEqual([[], undefined, [], []]);
  });
});
