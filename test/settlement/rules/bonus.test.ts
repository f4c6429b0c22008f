/**
 * The bonus (src/settlement/rules/bonus.ts): triggered beyond a volume (fixed, or an uplift per
 * unit beyond it) or by a priority group's share of the achievers, over a cohort or the whole
 * contract, counted up to the measurement date, paid through the ratchet; and its bounds.
 * Worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { PaymentRule } from '../../../src/contract/index.js';
import type { Line } from '../../../src/settlement/lines.js';
import { bonus } from '../../../src/settlement/rules/bonus.js';
import { achieve, boundTerms, day, ledgerOf, paidCohort, reduction, ruleTerms, runState, tranche } from './fixtures.js';

type Rule = Extract<PaymentRule, { kind: 'bonus' }>;
const bonusRule = (trigger: Record<string, unknown>, payment: Record<string, unknown> = { kind: 'fixed', amount: '1000.00' }): Rule =>
  ({ kind: 'bonus', id: 'bonus', name: 'B', trigger: { outcome: 'placement', scope: 'cohort', ...trigger }, payment }) as unknown as Rule;
const volume = (payment?: Record<string, unknown>, scope = 'cohort') => bonusRule({ kind: 'volume', afterUnits: 3, scope }, payment);
const groupShare = (payment?: Record<string, unknown>, scope = 'cohort') => bonusRule({ kind: 'groupShare', group: 'g', minimumShare: '0.5', scope }, payment);
const D = day('2024-06-30');
const brief = (lines: readonly Line[]): string[] => lines.map((l) => `${l.cohort} ${l.amount.toFixed(2)} ${l.decision ?? ''}`);

function linesOf(rule: Rule, setup: (ledger: ReturnType<typeof ledgerOf>) => void, cohorts = [0, 1], state = runState(), measuredOn = D): Line[] {
  const ledger = ledgerOf();
  setup(ledger);
  return bonus.prepare(rule, 0, ruleTerms({ rules: [rule] })).lines(tranche(ledger, state, cohorts, measuredOn));
}

describe('a volume bonus', () => {
  it('fixed: paid once the achievements pass the volume, per cohort, counted up to the measurement date', () => {
    const lines = linesOf(volume(), (ledger) => {
      achieve(ledger, 0, 0, D, 3); // A: 3, not above 3
      achieve(ledger, 0, 0, D + 1, 5); // after the measurement date: not counted
      achieve(ledger, 1, 0, D - 10, 4); // B: 4 > 3
      achieve(ledger, 1, 1, D - 10, 9); // another outcome: not counted
    });
    expect(brief(lines)).toEqual(['A 0.00 not triggered', 'B 1000.00 triggered']);
    expect(lines[0]?.inputs).toMatchObject({ achieved: 3, afterUnits: 3, beyond: 0 });
    expect(lines[0]?.formula).toBe('3 achievements, not above 3: no bonus; less 0 paid by earlier tranches');
    expect(lines[1]?.inputs).toMatchObject({ achieved: 4, afterUnits: 3, beyond: 1 });
    expect(lines[1]?.formula).toBe('4 achievements > 3: fixed bonus 1000.00; less 0 paid by earlier tranches');
    expect(lines[1]?.outcome).toBe('placement');
  });
  it('an uplift per unit beyond the volume', () => {
    const lines = linesOf(volume({ kind: 'perUnitUplift', amount: '50.00' }), (ledger) => {
      achieve(ledger, 0, 0, D, 5); // 2 beyond × 50 = 100
      achieve(ledger, 1, 0, D, 2); // none beyond
    });
    expect(brief(lines)).toEqual(['A 100.00 triggered', 'B 0.00 not triggered']);
    expect(lines[0]?.formula).toBe('2 achievements beyond 3 × uplift 50.00; less 0 paid by earlier tranches');
    expect(lines[1]?.formula).toBe('0 achievements beyond 3 × uplift 50.00; less 0 paid by earlier tranches');
  });
  it('over the whole contract: every cohort counted, whichever the tranche lists, one line', () => {
    const lines = linesOf(
      volume(undefined, 'contract'),
      (ledger) => {
        achieve(ledger, 0, 0, D, 2);
        achieve(ledger, 1, 0, D, 2); // 4 > 3
      },
      [0],
    );
    expect(brief(lines)).toEqual(['null 1000.00 triggered']);
    expect(lines[0]?.outcome).toBe('placement');
  });
  it('paid through the ratchet, times a price reduction in force', () => {
    const state = runState({ reductions: [reduction('cut', D - 1, '0.5', [0])] });
    const rule = volume({ kind: 'perUnitUplift', amount: '50.00' });
    // A: 5 achieved → 100 × 0.5 = 50
    expect(brief(linesOf(rule, (ledger) => { achieve(ledger, 0, 0, D, 5); }, [0], state))).toEqual(['A 50.00 triggered']);
    // a later tranche: 7 achieved → 200 × 0.5 = 100, less 50 paid = 50
    expect(brief(linesOf(rule, (ledger) => { achieve(ledger, 0, 0, D, 7); }, [0], state))).toEqual(['A 50.00 triggered']);
    // a reduction not yet in force (the measurement date is its day): the full value
    const early = runState({ reductions: [reduction('cut', D, '0.5', [0])] });
    expect(brief(linesOf(rule, (ledger) => { achieve(ledger, 0, 0, D, 5); }, [0], early))).toEqual(['A 100.00 triggered']);
  });
  it('a cohort the ledger does not have counts nothing', () => {
    expect(brief(linesOf(volume(), () => undefined, [5]))).toEqual(['? 0.00 not triggered']);
  });
  it('an outcome the contract does not list is never achieved', () => {
    const rule = bonusRule({ kind: 'volume', afterUnits: 0, outcome: 'nowhere' });
    expect(brief(linesOf(rule, (ledger) => { achieve(ledger, 0, 0, D, 5); }, [0]))).toEqual(['A 0.00 not triggered']);
  });
});

describe('a group-share bonus', () => {
  it('paid when the group reaches the minimum share of the achievers', () => {
    const lines = linesOf(groupShare(), (ledger) => {
      // A: 4 achieved, 2 in the group: 0.5 ≥ 0.5
      achieve(ledger, 0, 0, D, 2);
      achieve(ledger, 0, 0, D, 2, 'g');
      // B: 4 achieved, 1 in the group: 0.25; and 1 in another group
      achieve(ledger, 1, 0, D, 2);
      achieve(ledger, 1, 0, D, 1, 'g');
      achieve(ledger, 1, 0, D, 1, 'h');
    });
    expect(brief(lines)).toEqual(['A 1000.00 triggered', 'B 0.00 not triggered']);
    expect(lines[0]?.inputs).toMatchObject({ achieved: 4, inGroup: 2, group: 'g', share: '0.5', minimumShare: '0.5' });
    expect(lines[0]?.formula).toBe('group g share 0.5 ≥ 0.5: bonus 1000; less 0 paid by earlier tranches');
    expect(lines[1]?.inputs).toMatchObject({ achieved: 4, inGroup: 1, share: '0.25' });
    expect(lines[1]?.formula).toBe('group g share 0.25 below 0.5 (or no achievement): no bonus; less 0 paid by earlier tranches');
  });
  it('just below the minimum pays nothing', () => {
    // 7 achieved, 3 in the group: 0.428571 < 0.5
    expect(brief(linesOf(groupShare(), (ledger) => { achieve(ledger, 0, 0, D, 4); achieve(ledger, 0, 0, D, 3, 'g'); }, [0]))).toEqual(['A 0.00 not triggered']);
  });
  it('per unit: the amount per achiever in the group', () => {
    // 3 achieved, all in the group: 3 × 20 = 60
    const lines = linesOf(groupShare({ kind: 'perUnitUplift', amount: '20.00' }), (ledger) => { achieve(ledger, 0, 0, D, 3, 'g'); }, [0]);
    expect(brief(lines)).toEqual(['A 60.00 triggered']);
    expect(lines[0]?.formula).toBe('group g share 1 ≥ 0.5: bonus 60; less 0 paid by earlier tranches');
  });
  it('no achievement, no bonus, even with a minimum share of 0', () => {
    const rule = bonusRule({ kind: 'groupShare', group: 'g', minimumShare: '0' });
    const lines = linesOf(rule, () => undefined, [0]);
    expect(brief(lines)).toEqual(['A 0.00 not triggered']);
    expect(lines[0]?.inputs).toMatchObject({ achieved: 0, inGroup: 0, share: 'n/a' });
  });
  it('a cohort the ledger does not have, or an outcome the contract does not list, counts nothing', () => {
    expect(brief(linesOf(groupShare(), () => undefined, [5]))).toEqual(['? 0.00 not triggered']);
    const nowhere = bonusRule({ kind: 'groupShare', group: 'g', minimumShare: '0', outcome: 'nowhere' });
    const lines = linesOf(nowhere, (ledger) => { achieve(ledger, 0, 0, D, 3, 'g'); }, [0]);
    expect(brief(lines)).toEqual(['A 0.00 not triggered']);
    expect(lines[0]?.inputs).toMatchObject({ achieved: 0, inGroup: 0 });
  });
  it('over the whole contract', () => {
    const lines = linesOf(groupShare(undefined, 'contract'), (ledger) => { achieve(ledger, 0, 0, D, 1, 'g'); achieve(ledger, 1, 0, D, 1); }, [1]);
    // 2 achieved, 1 in the group: 0.5
    expect(brief(lines)).toEqual(['null 1000.00 triggered']);
  });
});

describe('bonus bounds', () => {
  const cells = (rule: Rule, terms: ReturnType<typeof boundTerms>): string[] => bonus.bounds(rule, terms).map((c) => `${c.cohort} ${c.outcome} ${c.most.toFixed(2)} ${c.least.toFixed(2)}`);
  const cohorts = [paidCohort('A', 10), paidCohort('B', 3), paidCohort('C', 0)];
  it('volume: every participant achieves', () => {
    // fixed: A 10 > 3 → 1000; B 3 not above 3 → 0
    expect(cells(volume(), boundTerms({ paidCohorts: cohorts }))).toEqual(['A placement 1000.00 0.00', 'B placement 0.00 0.00', 'C placement 0.00 0.00']);
    // uplift: A (10 − 3) × 50 = 350, B 0
    expect(cells(volume({ kind: 'perUnitUplift', amount: '50.00' }), boundTerms({ paidCohorts: cohorts }))).toEqual(['A placement 350.00 0.00', 'B placement 0.00 0.00', 'C placement 0.00 0.00']);
  });
  it('group share: every participant in the group; none, nothing', () => {
    expect(cells(groupShare(), boundTerms({ paidCohorts: cohorts }))).toEqual(['A placement 1000.00 0.00', 'B placement 1000.00 0.00', 'C placement 0.00 0.00']);
    // per unit: A 10 × 20, B 3 × 20
    expect(cells(groupShare({ kind: 'perUnitUplift', amount: '20.00' }), boundTerms({ paidCohorts: cohorts }))).toEqual(['A placement 200.00 0.00', 'B placement 60.00 0.00', 'C placement 0.00 0.00']);
  });
  it('the whole contract: every cohort\'s participants, one cell, when some tranche pays it', () => {
    // 10 + 3 + 0 = 13; 10 beyond × 50 = 500; times factor 1.1 = 550
    const all = { paidCohorts: [paidCohort('A', 10)], allCohorts: cohorts };
    expect(cells(volume({ kind: 'perUnitUplift', amount: '50.00' }, 'contract'), boundTerms({ ...all, factor: '1.1' }))).toEqual(['null placement 550.00 0.00']);
    expect(cells(volume(undefined, 'contract'), boundTerms({ ...all, paid: false }))).toEqual([]);
  });
  it('pays for its trigger outcome, reads no rate, no claims', () => {
    const rule = volume();
    expect(bonus.paysFor(rule)).toEqual(['placement']);
    expect(bonus.rateUses(rule)).toEqual([]);
    const parts = bonus.prepare(rule, 0, ruleTerms({ rules: [rule] }));
    expect([parts.prices, parts.claims, parts.unseenClaims(true, 0), parts.scheduled]).toEqual([[], undefined, [], []]);
  });
});
