/**
 * Exact rates and rate schedules (src/settlement/rates.ts) on hand-made counts: the pooled counts
 * at a date, pending excluded or counted as not achieved, the exact threshold comparison at its
 * boundary, the report text of a rate, and each schedule's amount, formula and decision. Every
 * expected figure is worked out in a comment.
 */
import { describe, expect, it } from 'vitest';
import { parseAmount, type Ratio } from '../../../src/money/index.js';
import { DateCounts } from '../../../src/settlement/date-counts.js';
import type { RateCounts } from '../../../src/settlement/ledger.js';
import { atLeast, rateAt, rateText, scheduleValue } from '../../../src/settlement/rates.js';

type Schedule = Parameters<typeof scheduleValue>[0];

function counts(days: readonly number[]): DateCounts {
  const c = new DateCounts();
  for (const day of days) c.add(day);
  return c;
}

function rate(denominator: number[], achieved: number[], failed: number[]): RateCounts {
  return { denominator: counts(denominator), achieved: counts(achieved), failed: counts(failed) };
}

const exact = (r: Ratio): string => `${r.numerator}/${r.denominator}`;

describe('rateAt', () => {
  // cohort 1: entered on days 100, 100, 110, 130; achieved on 105, 130; failed on 110
  // cohort 2: entered on days 100, 120; achieved on 120; failed on none
  // counted inside each test, never while the file loads (a mutation run counts code run at load as covered by no test)
  const pooled = (): RateCounts[] => [rate([100, 100, 110, 130], [105, 130], [110]), rate([100, 120], [120], [])];

  it('pools the cohorts and counts only what happened on or before the date', () => {
    // day 120: in the denominator 3 + 2 = 5; achieved 1 (105) + 1 (120) = 2; failed 1 (110); pending 5 − 2 − 1 = 2
    const figures = rateAt(pooled(), 120, 'exclude');
    expect(figures.inDenominator).toBe(5);
    expect(figures.achieved).toBe(2);
    expect(figures.failed).toBe(1);
    expect(figures.pending).toBe(2);
    expect(figures.numerator.toFixed()).toBe('2');
    // pending excluded: the denominator is achieved + failed = 3
    expect(figures.denominator).toBe(3);
  });

  it('counts a pending participant as not achieved when asked to', () => {
    // day 120 as above: the denominator is everyone who entered, 5
    expect(rateAt(pooled(), 120, 'countAsNotAchieved').denominator).toBe(5);
  });

  it('a day earlier leaves out what happened on the day', () => {
    // day 119: entered 3 + 1 = 4; achieved 1 (105); failed 1 (110); pending 2
    const figures = rateAt(pooled(), 119, 'countAsNotAchieved');
    expect([figures.inDenominator, figures.achieved, figures.failed, figures.pending, figures.denominator]).toEqual([4, 1, 1, 2, 4]);
    expect(rateAt(pooled(), 119, 'exclude').denominator).toBe(2);
  });

  it('no counts: every figure 0', () => {
    const figures = rateAt([], 120, 'exclude');
    expect([figures.inDenominator, figures.achieved, figures.failed, figures.pending, figures.denominator]).toEqual([0, 0, 0, 0, 0]);
    expect(figures.numerator.toFixed()).toBe('0');
  });
});

describe('atLeast', () => {
  it('compares numerator / denominator with the threshold exactly, equal included', () => {
    // 3/5 = 0.6: equal to 0.6 (3 ≥ 0.6 × 5 = 3)
    expect(atLeast(parseAmount(3), 5, parseAmount('0.6'))).toBe(true);
    // 0.6000001 × 5 = 3.0000005 > 3
    expect(atLeast(parseAmount(3), 5, parseAmount('0.6000001'))).toBe(false);
    // 2/3 ≥ 0.6666 (2 ≥ 1.9998) but not ≥ 0.6667 (2 < 2.0001): no rounded quotient
    expect(atLeast(parseAmount(2), 3, parseAmount('0.6666'))).toBe(true);
    expect(atLeast(parseAmount(2), 3, parseAmount('0.6667'))).toBe(false);
  });
});

describe('rateText', () => {
  it('writes the rate to at most 6 decimal places, n/a for an empty denominator', () => {
    expect(rateText(parseAmount(2), 3)).toBe('0.666667'); // 0.6666666… rounded
    expect(rateText(parseAmount(1), 3)).toBe('0.333333');
    expect(rateText(parseAmount(13), 20)).toBe('0.65'); // no trailing zeros
    expect(rateText(parseAmount(4), 4)).toBe('1');
    expect(rateText(parseAmount(0), 0)).toBe('n/a');
    expect(rateText(parseAmount(0), 7)).toBe('0');
  });
});

describe('scheduleValue: all or nothing', () => {
  const schedule: Schedule = { kind: 'allOrNothing', threshold: '0.6', amount: '50000.00' };
  it('pays the amount at the threshold', () => {
    // 6/10 = 0.6 ≥ 0.6
    const value = scheduleValue(schedule, parseAmount(6), 10);
    expect(exact(value.exact)).toBe('50000/1');
    expect(value.formula).toBe('rate 0.6 ≥ threshold 0.6: pays 50000.00');
    expect(value.decision).toBe('threshold met');
  });
  it('pays nothing one participant below it', () => {
    // 5/10 = 0.5 < 0.6
    const value = scheduleValue(schedule, parseAmount(5), 10);
    expect(exact(value.exact)).toBe('0/1');
    expect(value.formula).toBe('rate 0.5 < threshold 0.6: pays nothing');
    expect(value.decision).toBe('threshold not met');
  });
});

describe('scheduleValue: tiers', () => {
  const schedule: Schedule = {
    kind: 'tiers',
    tiers: [
      { from: '0.4', amount: '1000.00' },
      { from: '0.6', amount: '3000.00' },
      { from: '0.8', amount: '6000.00' },
    ],
  };
  it('pays nothing below the first tier', () => {
    // 3/10 = 0.3 < 0.4
    const value = scheduleValue(schedule, parseAmount(3), 10);
    expect(exact(value.exact)).toBe('0/1');
    expect(value.formula).toBe('rate 0.3 below the first tier (0.4): pays nothing');
    expect(value.decision).toBe('below the first tier');
  });
  it('pays the tier whose start the rate reaches, at the start exactly', () => {
    // 4/10 = 0.4: the first tier
    expect(exact(scheduleValue(schedule, parseAmount(4), 10).exact)).toBe('1000/1');
    // 7/10 = 0.7: ≥ 0.4 and ≥ 0.6, < 0.8: the second tier
    const value = scheduleValue(schedule, parseAmount(7), 10);
    expect(exact(value.exact)).toBe('3000/1');
    expect(value.formula).toBe('rate 0.7 in the tier from 0.6: pays 3000.00');
    expect(value.decision).toBe('tier from 0.6');
    // 8/10 = 0.8: the last tier
    expect(scheduleValue(schedule, parseAmount(8), 10).decision).toBe('tier from 0.8');
    // 79/100 < 0.8: still the second
    expect(scheduleValue(schedule, parseAmount(79), 100).decision).toBe('tier from 0.6');
  });
  it('takes the last tier reached in the listed order', () => {
    // tiers listed high first: 0.9 → 0.8 (not reached), then 0.5 (reached): the 0.5 tier
    const unordered: Schedule = { kind: 'tiers', tiers: [{ from: '0.5', amount: '10.00' }, { from: '0.8', amount: '20.00' }, { from: '0.1', amount: '5.00' }] };
    // rate 0.9 reaches all three: the last listed, 0.1
    expect(scheduleValue(unordered, parseAmount(9), 10).decision).toBe('tier from 0.1');
  });
  it('an empty list of tiers pays nothing and says so', () => {
    const value = scheduleValue({ kind: 'tiers', tiers: [] } as unknown as Schedule, parseAmount(1), 2);
    expect(exact(value.exact)).toBe('0/1');
    expect(value.formula).toBe('rate 0.5 below the first tier (?): pays nothing');
  });
});

describe('scheduleValue: linear', () => {
  const schedule: Schedule = { kind: 'linear', floor: '0.5', target: '0.8', amountAtFloor: '1000.00', amountAtTarget: '4000.00', ceiling: '5000.00' };
  const formula = '1000.00 + (rate RATE − floor 0.5) / (target 0.8 − floor 0.5) × (4000.00 − 1000.00)';

  it('pays nothing below the floor', () => {
    // 49/100 = 0.49 < 0.5
    const value = scheduleValue(schedule, parseAmount(49), 100);
    expect(exact(value.exact)).toBe('0/1');
    expect(value.formula).toBe('rate 0.49 < floor 0.5: pays nothing');
    expect(value.decision).toBe('below floor');
  });
  it('pays the floor amount at the floor', () => {
    // 1/2 = 0.5: 1000 + 0 × 3000 = 1000
    const value = scheduleValue(schedule, parseAmount(1), 2);
    expect(exact(value.exact)).toBe('1000/1');
    expect(value.decision).toBe('on the line');
  });
  it('interpolates exactly between floor and target', () => {
    // 13/20 = 0.65: (0.65 − 0.5) / 0.3 = 1/2; 1000 + 3000/2 = 2500
    const half = scheduleValue(schedule, parseAmount(13), 20);
    expect(exact(half.exact)).toBe('2500/1');
    expect(half.formula).toBe(formula.replace('RATE', '0.65'));
    expect(half.decision).toBe('on the line');
    // 2/3: (2/3 − 1/2) / (3/10) = (1/6) × (10/3) = 5/9; 1000 + 5/9 × 3000 = 1000 + 5000/3 = 8000/3
    const third = scheduleValue(schedule, parseAmount(2), 3);
    expect(exact(third.exact)).toBe('8000/3');
    expect(third.formula).toBe(formula.replace('RATE', '0.666667'));
  });
  it('reaching the ceiling exactly is still on the line', () => {
    // 9/10: (0.9 − 0.5) / 0.3 = 4/3; 1000 + 4/3 × 3000 = 5000 = the ceiling, not above it
    const value = scheduleValue(schedule, parseAmount(9), 10);
    expect(exact(value.exact)).toBe('5000/1');
    expect(value.decision).toBe('on the line');
    expect(value.formula).toBe(formula.replace('RATE', '0.9'));
  });
  it('is capped at the ceiling above it', () => {
    // 91/100: (0.41 / 0.3) × 3000 = 4100; 1000 + 4100 = 5100 > 5000
    const value = scheduleValue(schedule, parseAmount(91), 100);
    expect(exact(value.exact)).toBe('5000/1');
    expect(value.decision).toBe('at ceiling');
    expect(value.formula).toBe(`${formula.replace('RATE', '0.91')}, capped at the ceiling 5000.00`);
  });
  it('a target equal to the floor pays the target amount from the floor up', () => {
    const step: Schedule = { ...schedule, target: '0.5' };
    // 6/10 ≥ 0.5; span 0: the amount at target, 4000 (below the ceiling)
    expect(exact(scheduleValue(step, parseAmount(6), 10).exact)).toBe('4000/1');
    // with a ceiling of 3000: 4000 > 3000, capped
    const capped = scheduleValue({ ...step, ceiling: '3000.00' }, parseAmount(6), 10);
    expect(exact(capped.exact)).toBe('3000/1');
    expect(capped.decision).toBe('at ceiling');
  });
  it('a falling line (less at target than at floor) is exact too', () => {
    // amountAtFloor 4000, amountAtTarget 1000: at 0.65, 4000 + 1/2 × (1000 − 4000) = 2500
    const falling: Schedule = { ...schedule, amountAtFloor: '4000.00', amountAtTarget: '1000.00' };
    expect(exact(scheduleValue(falling, parseAmount(13), 20).exact)).toBe('2500/1');
    // at 0.8: 4000 + 1 × (−3000) = 1000
    expect(exact(scheduleValue(falling, parseAmount(4), 5).exact)).toBe('1000/1');
  });
});
