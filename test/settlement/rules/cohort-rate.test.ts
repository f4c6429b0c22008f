/**
 * The cohort rate (src/settlement/rules/cohort-rate.ts): the rate of each cohort (or pool) at the
 * measurement date, pending participants left out or counted as not achieved, an empty
 * denominator, a baseline (a fixed rate or an indicator, applied to the rate or its excess), a
 * lump sum or per achiever, through the ratchet; and its bounds from the schedule's breakpoints.
 * Worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { PaymentRule } from '../../../src/contract/index.js';
import type { Line } from '../../../src/settlement/lines.js';
import type { RateSpec } from '../../../src/settlement/rate-specs.js';
import { cohortRate } from '../../../src/settlement/rules/cohort-rate.js';
import { boundTerms, day, ledgerOf, paidCohort, reduction, ruleTerms, runState, tranche } from './fixtures.js';

type Rule = Extract<PaymentRule, { kind: 'cohortRate' }>;
const rateRule = (extra: Record<string, unknown> = {}): Rule =>
  ({
    kind: 'cohortRate',
    id: 'rate',
    name: 'Rate',
    outcome: 'placement',
    cohorts: ['A', 'B'],
    pooling: 'perCohort',
    denominator: { kind: 'enrolled' },
    pending: 'exclude',
    emptyCohort: 'nothing',
    amountBasis: 'perCohort',
    schedule: { kind: 'allOrNothing', threshold: '0.5', amount: '10000.00' },
    ...extra,
  }) as unknown as Rule;
const spec = (key: string, outcome: number): RateSpec => ({ key, outcome, basis: 'enrolled', entryOutcome: -1, enrolledBy: Number.MAX_SAFE_INTEGER });
// the rule's rate is the second specification (index 1)
const specs = [spec('retention/enrolled', 1), spec('placement/enrolled', 0)];
const D = day('2024-06-30');

/** A ledger of 3 cohorts (A, B, C) with, per cohort, [in denominator, achieved, failed] by D. */
function ledgerWith(counts: (readonly [number, number, number] | undefined)[]) {
  const ledger = ledgerOf(3, 2, 2);
  counts.forEach((c, k) => {
    const rate = ledger.cohorts[k]?.rates[1];
    if (c === undefined || rate === undefined) return;
    rate.denominator.add(D - 5, c[0]);
    rate.achieved.add(D - 1, c[1]);
    rate.failed.add(D, c[2]);
    // after the measurement date: never counted
    rate.denominator.add(D + 1, 50);
    rate.achieved.add(D + 1, 50);
  });
  return ledger;
}

function linesOf(rule: Rule, counts: (readonly [number, number, number] | undefined)[], cohorts = [0, 1], state = runState()): Line[] {
  return cohortRate.prepare(rule, 0, ruleTerms({ rules: [rule], cohorts: ['A', 'B', 'C'], rateSpecs: specs })).lines(tranche(ledgerWith(counts), state, cohorts, D));
}
const brief = (lines: readonly Line[]): string[] => lines.map((l) => `${l.cohort} ${l.amount.toFixed(2)} ${l.decision ?? ''}`);

describe('cohort-rate lines', () => {
  it('per cohort: the rate with pending left out, against the schedule', () => {
    // A: 10 in, 3 achieved, 3 failed: 4 pending, rate 3/6 = 0.5 ≥ 0.5; B: 2 of 5 = 0.4
    const lines = linesOf(rateRule(), [[10, 3, 3], [5, 2, 3]]);
    expect(brief(lines)).toEqual(['A 10000.00 threshold met', 'B 0.00 threshold not met']);
    expect(lines[0]?.inputs).toMatchObject({ inDenominator: 10, achieved: 3, failed: 3, pending: 4, pendingCounted: 'exclude', rateNumerator: 3, rateDenominator: 6, rate: '0.5' });
    expect(lines[0]?.formula).toBe('rate 0.5 ≥ threshold 0.5: pays 10000.00; less 0 paid by earlier tranches');
    expect(lines[0]?.outcome).toBe('placement');
    expect(lines[0]?.kind).toBe('cohortRate');
  });
  it('pending counted as not achieved: over everyone in the denominator', () => {
    // A: 3 of 10 = 0.3
    const lines = linesOf(rateRule({ pending: 'countAsNotAchieved' }), [[10, 3, 3]], [0]);
    expect(brief(lines)).toEqual(['A 0.00 threshold not met']);
    expect(lines[0]?.inputs).toMatchObject({ rateDenominator: 10, rate: '0.3', pendingCounted: 'countAsNotAchieved' });
  });
  it('only the cohorts the rule lists', () => {
    expect(brief(linesOf(rateRule(), [[10, 3, 3], undefined, [4, 4, 0]], [2, 0]))).toEqual(['A 10000.00 threshold met']);
    expect(linesOf(rateRule(), [undefined, undefined, [4, 4, 0]], [2])).toEqual([]);
    // pooled: a tranche listing none of the pool's cohorts writes no line (not a line on an empty pool)
    expect(linesOf(rateRule({ pooling: 'pooled', emptyCohort: 'maximum' }), [undefined, undefined, [4, 4, 0]], [2])).toEqual([]);
  });
  it('an empty denominator earns nothing, or the schedule at rate 1', () => {
    const nothing = linesOf(rateRule(), [[0, 0, 0]], [0]);
    expect(brief(nothing)).toEqual(['A 0.00 empty cohort']);
    expect(nothing[0]?.formula).toBe('empty denominator: the contract says it earns nothing; less 0 paid by earlier tranches');
    expect(nothing[0]?.inputs).toMatchObject({ rate: 'n/a', rateDenominator: 0 });
    // pending only (exclude): denominator 0 as well
    const maximum = linesOf(rateRule({ emptyCohort: 'maximum' }), [[4, 0, 0]], [0]);
    expect(brief(maximum)).toEqual(['A 10000.00 empty cohort']);
    expect(maximum[0]?.formula).toBe('empty denominator: the contract pays the schedule at rate 1 (rate 1 ≥ threshold 0.5: pays 10000.00); less 0 paid by earlier tranches');
    // a cohort the ledger has no counts for (the rule's spec missing): empty
    expect(brief(cohortRate.prepare(rateRule(), 0, ruleTerms({ rules: [rateRule()], cohorts: ['A', 'B', 'C'], rateSpecs: [] })).lines(tranche(ledgerWith([[10, 9, 1]]), runState(), [0], D)))).toEqual([
      'A 0.00 empty cohort',
    ]);
  });
  it('a cohort of the contract the ledger does not have counts nothing', () => {
    const ledger = ledgerOf(1, 2, 2);
    ledger.cohorts[0]?.rates[1]?.denominator.add(D, 2);
    ledger.cohorts[0]?.rates[1]?.achieved.add(D, 2);
    // pooled A (2 of 2) and B (absent): 2/2 = 1 → 10000
    const pooled = rateRule({ pooling: 'pooled' });
    const lines = cohortRate.prepare(pooled, 0, ruleTerms({ rules: [pooled], cohorts: ['A', 'B', 'C'], rateSpecs: specs })).lines(tranche(ledger, runState(), [0, 1], D));
    expect(brief(lines)).toEqual(['null 10000.00 threshold met']);
    expect(lines[0]?.inputs).toMatchObject({ inDenominator: 2, achieved: 2 });
  });
  it('per achiever: the schedule amount times the achievers', () => {
    // A: 3/6 = 0.5 → 10000 × 3 = 30000
    const lines = linesOf(rateRule({ amountBasis: 'perAchiever' }), [[10, 3, 3]], [0]);
    expect(brief(lines)).toEqual(['A 30000.00 threshold met']);
    expect(lines[0]?.formula).toBe('rate 0.5 ≥ threshold 0.5: pays 10000.00 × 3 achievers; less 0 paid by earlier tranches');
    // an empty cohort paid at the maximum per achiever: no achiever, nothing
    expect(brief(linesOf(rateRule({ amountBasis: 'perAchiever', emptyCohort: 'maximum' }), [[0, 0, 0]], [0]))).toEqual(['A 0.00 empty cohort']);
  });
  it('a linear schedule is exact, rounded once', () => {
    // floor 0.2 → 1000, target 0.8 → 4000: rate 1/3 → 1000 + (1/3 − 0.2)/0.6 × 3000 = 1000 + 666.666… = 1666.67
    const rule = rateRule({ schedule: { kind: 'linear', floor: '0.2', target: '0.8', amountAtFloor: '1000.00', amountAtTarget: '4000.00', ceiling: '5000.00' } });
    expect(brief(linesOf(rule, [[3, 1, 2]], [0]))).toEqual(['A 1666.67 on the line']);
  });
  it('a price reduction in force multiplies the value', () => {
    const state = runState({ reductions: [reduction('cut', D - 1, '0.9', [0])] });
    expect(brief(linesOf(rateRule(), [[10, 3, 3]], [0], state))).toEqual(['A 9000.00 threshold met']);
  });
});

describe('pooled cohort rates', () => {
  const pooled = rateRule({ pooling: 'pooled' });
  it('one rate over the listed cohorts of the tranche, one line without a cohort', () => {
    // A 2/6 + B 2/2 = 4/8 = 0.5
    const lines = linesOf(pooled, [[6, 2, 4], [2, 2, 0]]);
    expect(brief(lines)).toEqual(['null 10000.00 threshold met']);
    expect(lines[0]?.inputs).toMatchObject({ inDenominator: 8, achieved: 4, failed: 4, rateDenominator: 8 });
  });
  it('a tranche listing one cohort of the pool shows it, and shares the pool\'s ratchet', () => {
    const state = runState();
    // B alone: 2/2 = 1 → 10000, shown as B
    expect(brief(linesOf(pooled, [[6, 2, 4], [2, 2, 0]], [1], state))).toEqual(['B 10000.00 threshold met']);
    // the whole pool later: 10000 again, already paid: 0
    expect(brief(linesOf(pooled, [[6, 2, 4], [2, 2, 0]], [0, 1], state))).toEqual(['null 0.00 threshold met']);
    expect([...state.paidSoFar.keys()]).toEqual(['rate|*']);
  });
  it('a pool of one cohort keys its ratchet by the cohort', () => {
    const state = runState();
    const one = rateRule({ pooling: 'pooled', cohorts: ['A'] });
    expect(brief(linesOf(one, [[6, 3, 3]], [0, 1], state))).toEqual(['A 10000.00 threshold met']);
    expect([...state.paidSoFar.keys()]).toEqual(['rate|A']);
  });
});

describe('baselines', () => {
  const tiers = { kind: 'tiers', tiers: [{ from: '0', amount: '100.00' }, { from: '0.2', amount: '500.00' }, { from: '0.4', amount: '900.00' }] };
  const withBaseline = (source: unknown, scheduleAppliesTo: string, extra: Record<string, unknown> = {}) => rateRule({ schedule: tiers, baseline: { source, minimumDifference: '0.1', scheduleAppliesTo }, ...extra });
  it('a fixed baseline: pays the schedule on the rate once it is the minimum difference above', () => {
    // A: 4/10 = 0.4; 0.4 − 0.3 = 0.1 ≥ 0.1: tier from 0.4 → 900
    const lines = linesOf(withBaseline({ kind: 'rate', rate: '0.3' }, 'rate'), [[10, 4, 6]], [0]);
    expect(brief(lines)).toEqual(['A 900.00 tier from 0.4']);
    expect(lines[0]?.inputs).toMatchObject({ baseline: '0.3', minimumDifference: '0.1' });
    expect(lines[0]?.formula).toBe('rate 0.4 in the tier from 0.4: pays 900.00; less 0 paid by earlier tranches');
  });
  it('below the baseline plus the minimum difference: nothing', () => {
    // 0.39 − 0.3 = 0.09 < 0.1
    const lines = linesOf(withBaseline({ kind: 'rate', rate: '0.3' }, 'rate'), [[100, 39, 61]], [0]);
    expect(brief(lines)).toEqual(['A 0.00 below the baseline plus the minimum difference']);
    expect(lines[0]?.formula).toBe('rate 0.39 − baseline 0.3 < minimum difference 0.1: pays nothing; less 0 paid by earlier tranches');
  });
  it('on the excess over the baseline', () => {
    // 0.4 − 0.1 = 0.3 → tier from 0.2 → 500
    const lines = linesOf(withBaseline({ kind: 'rate', rate: '0.1' }, 'excessOverBaseline'), [[10, 4, 6]], [0]);
    expect(brief(lines)).toEqual(['A 500.00 tier from 0.2']);
    expect(lines[0]?.formula).toBe('excess over baseline 0.1: rate 0.3 in the tier from 0.2: pays 500.00; less 0 paid by earlier tranches');
  });
  it('an indicator baseline: the caller value for the cohort, or for the pool', () => {
    const rule = withBaseline({ kind: 'indicator', indicator: 'comparison' }, 'rate');
    const state = runState({ indicators: [['comparison', [['A', '0.25'], ['*', '0.35']]]] });
    // A: 0.4 − 0.25 = 0.15 ≥ 0.1 → 900
    expect(brief(linesOf(rule, [[10, 4, 6]], [0], state))).toEqual(['A 900.00 tier from 0.4']);
    // pooled A + B: 8/20 = 0.4, baseline '*' 0.35: 0.05 < 0.1
    const pooled = withBaseline({ kind: 'indicator', indicator: 'comparison' }, 'rate', { pooling: 'pooled' });
    expect(brief(linesOf(pooled, [[10, 4, 6], [10, 4, 6]], [0, 1], state))).toEqual(['null 0.00 below the baseline plus the minimum difference']);
    expect(state.problems).toEqual([]);
  });
  it('a missing indicator pays nothing and is reported', () => {
    const state = runState();
    const lines = linesOf(withBaseline({ kind: 'indicator', indicator: 'comparison' }, 'rate'), [[10, 4, 6]], [0], state);
    expect(brief(lines)).toEqual(['A 0.00 baseline missing']);
    expect(lines[0]?.formula).toBe('baseline indicator missing; less 0 paid by earlier tranches');
    expect(state.problems.map((p) => p.code)).toEqual(['INDICATOR_MISSING']);
  });
});

describe('cohort-rate bounds', () => {
  const cohorts = [paidCohort('A', 10), paidCohort('B', 4), paidCohort('X', 7)];
  const cells = (rule: Rule, terms = boundTerms({ paidCohorts: cohorts })): string[] => cohortRate.bounds(rule, terms).map((c) => `${c.cohort} ${c.outcome} ${c.most.toFixed(2)} ${c.least.toFixed(2)}`);
  it('per listed cohort: the schedule\'s highest value; the least on an empty cohort is nothing', () => {
    // highest 10000 (at 0.5 and 1), lowest 0 (at 0); X not listed
    expect(cells(rateRule())).toEqual(['A placement 10000.00 0.00', 'B placement 10000.00 0.00']);
  });
  it('the least: the lowest value when the denominator cannot be empty, else the lower of it and the empty value', () => {
    const always = { kind: 'allOrNothing', threshold: '0', amount: '10000.00' };
    // threshold 0: always 10000. pending excluded: can be empty, earns nothing → 0
    expect(cells(rateRule({ schedule: always }))).toEqual(['A placement 10000.00 0.00', 'B placement 10000.00 0.00']);
    // counted as not achieved, over enrolment: never empty → 10000
    expect(cells(rateRule({ schedule: always, pending: 'countAsNotAchieved' }))).toEqual(['A placement 10000.00 10000.00', 'B placement 10000.00 10000.00']);
    // ... unless the cohort has no participant
    expect(cells(rateRule({ schedule: always, pending: 'countAsNotAchieved' }), boundTerms({ paidCohorts: [paidCohort('A', 0)] }))).toEqual(['A placement 10000.00 0.00']);
    // over placed participants: can be empty
    expect(cells(rateRule({ schedule: always, pending: 'countAsNotAchieved', denominator: { kind: 'placed', outcome: 'placement' } }))).toEqual(['A placement 10000.00 0.00', 'B placement 10000.00 0.00']);
    // an empty cohort paid at the maximum: 10000
    expect(cells(rateRule({ schedule: always, emptyCohort: 'maximum' }))).toEqual(['A placement 10000.00 10000.00', 'B placement 10000.00 10000.00']);
    // nothing sure: 0
    expect(cells(rateRule({ schedule: always, emptyCohort: 'maximum' }), boundTerms({ paidCohorts: cohorts, certain: false }))).toEqual(['A placement 10000.00 0.00', 'B placement 10000.00 0.00']);
    // per achiever or with a baseline: 0
    expect(cells(rateRule({ schedule: always, emptyCohort: 'maximum', amountBasis: 'perAchiever' }))).toEqual(['A placement 100000.00 0.00', 'B placement 40000.00 0.00']);
    expect(cells(rateRule({ schedule: always, emptyCohort: 'maximum', baseline: { source: { kind: 'rate', rate: '0' }, minimumDifference: '0', scheduleAppliesTo: 'rate' } }))).toEqual([
      'A placement 10000.00 0.00',
      'B placement 10000.00 0.00',
    ]);
  });
  it('tiers: extremes at 0, 1 and the tiers within them; past 1 only over an indicator baseline applied to the excess', () => {
    const tiers = { kind: 'tiers', tiers: [{ from: '0.1', amount: '100.00' }, { from: '0.5', amount: '500.00' }, { from: '1.2', amount: '900.00' }] };
    const single = boundTerms({ paidCohorts: [paidCohort('A', 10)] });
    // in [0, 1]: 0 → 0, 0.1 → 100, 0.5 → 500, 1 → 500: most 500
    expect(cells(rateRule({ schedule: tiers, pending: 'countAsNotAchieved' }), single)).toEqual(['A placement 500.00 0.00']);
    const excess = (kind: string, appliesTo: string) => rateRule({ schedule: tiers, baseline: { source: kind === 'rate' ? { kind, rate: '0' } : { kind, indicator: 'i' }, minimumDifference: '0', scheduleAppliesTo: appliesTo } });
    expect(cells(excess('indicator', 'excessOverBaseline'), single)).toEqual(['A placement 900.00 0.00']);
    expect(cells(excess('indicator', 'rate'), single)).toEqual(['A placement 500.00 0.00']);
    expect(cells(excess('rate', 'excessOverBaseline'), single)).toEqual(['A placement 500.00 0.00']);
    // lowest in [0, 1] with a first tier from 0: 100 (never empty: counted as not achieved)
    const fromZero = { kind: 'tiers', tiers: [{ from: '0', amount: '100.00' }, { from: '0.5', amount: '500.00' }] };
    expect(cells(rateRule({ schedule: fromZero, pending: 'countAsNotAchieved' }), single)).toEqual(['A placement 500.00 100.00']);
    // the empty value (rate 1: 500) is not lower: still 100
    expect(cells(rateRule({ schedule: fromZero, emptyCohort: 'maximum' }), single)).toEqual(['A placement 500.00 100.00']);
    // a schedule that pays less at a higher rate: 500 from 0, 100 from 0.5 → most 500, least 100
    const falling = { kind: 'tiers', tiers: [{ from: '0', amount: '500.00' }, { from: '0.5', amount: '100.00' }] };
    expect(cells(rateRule({ schedule: falling, pending: 'countAsNotAchieved' }), single)).toEqual(['A placement 500.00 100.00']);
    // a tier below 0 is no breakpoint (a rate is never negative): from 0 on the later tier, 200, applies at every rate;
    // evaluated at −0.5 it would give 300
    const negative = { kind: 'tiers', tiers: [{ from: '-0.5', amount: '300.00' }, { from: '0', amount: '200.00' }] };
    expect(cells(rateRule({ schedule: negative, pending: 'countAsNotAchieved' }), single)).toEqual(['A placement 200.00 200.00']);
  });
  it('linear: the line at its breakpoints, capped at the ceiling; past 1 the ceiling itself', () => {
    const linear = (ceiling: string) => ({ kind: 'linear', floor: '0.2', target: '0.8', amountAtFloor: '1000.00', amountAtTarget: '4000.00', ceiling });
    const single = boundTerms({ paidCohorts: [paidCohort('A', 10)] });
    // rate 1: 1000 + 0.8/0.6 × 3000 = 5000; ceiling 4500 caps it; at 0: 0
    expect(cells(rateRule({ schedule: linear('4500.00'), pending: 'countAsNotAchieved' }), single)).toEqual(['A placement 4500.00 0.00']);
    expect(cells(rateRule({ schedule: linear('9000.00'), pending: 'countAsNotAchieved' }), single)).toEqual(['A placement 5000.00 0.00']);
    // over an indicator baseline applied to the excess, the rate can pass 1: up to the ceiling 9000
    const beyond = rateRule({ schedule: linear('9000.00'), baseline: { source: { kind: 'indicator', indicator: 'i' }, minimumDifference: '0', scheduleAppliesTo: 'excessOverBaseline' } });
    expect(cells(beyond, single)).toEqual(['A placement 9000.00 0.00']);
    // a floor of 0: the lowest value is the floor amount, 1000
    const fromZero = { kind: 'linear', floor: '0', target: '1', amountAtFloor: '1000.00', amountAtTarget: '2000.00', ceiling: '2000.00' };
    expect(cells(rateRule({ schedule: fromZero, pending: 'countAsNotAchieved' }), single)).toEqual(['A placement 2000.00 1000.00']);
  });
  it('rounded by the contract, times the largest price factor', () => {
    // 10000 × 1.00005 = 10000.5 → half-even 10000.50
    expect(cells(rateRule(), boundTerms({ paidCohorts: [paidCohort('A', 10)], factor: '1.00005' }))).toEqual(['A placement 10000.50 0.00']);
  });
  it('pooled: one cell over the listed paid cohorts; the cohort shown only for a pool of one', () => {
    // A + B = 14 participants; per achiever: 14 × 10000
    expect(cells(rateRule({ pooling: 'pooled', amountBasis: 'perAchiever' }))).toEqual(['null placement 140000.00 0.00']);
    expect(cells(rateRule({ pooling: 'pooled', cohorts: ['B'], amountBasis: 'perAchiever' }))).toEqual(['B placement 40000.00 0.00']);
    expect(cells(rateRule({ pooling: 'pooled', cohorts: ['Z'] }))).toEqual([]);
    // a pool of one whose cohort is not paid: no cell
    expect(cells(rateRule({ pooling: 'pooled', cohorts: ['B'] }), boundTerms({ paidCohorts: [paidCohort('A', 1)] }))).toEqual([]);
  });
  it('pays for its outcome and reads its own rate', () => {
    const rule = rateRule();
    expect(cohortRate.paysFor(rule)).toEqual(['placement']);
    expect(cohortRate.rateUses(rule)).toEqual([rule]);
    const parts = cohortRate.prepare(rule, 0, ruleTerms({ rules: [rule], rateSpecs: specs }));
    expect([parts.prices, parts.claims, parts.unseenClaims(true, 0), parts.scheduled]).toEqual([[], undefined, [], []]);
  });
});
