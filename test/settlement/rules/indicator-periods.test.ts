/**
 * The periods of a results indicator (src/settlement/rules/indicator-periods.ts): each period's
 * band, in proportion or per unit (capped at the allocation), rounded by the rule; verification on
 * the measurement date, rollover and lapse at the final date, the highest achievement verified
 * since a period's own. Every figure worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { PaymentRule } from '../../../src/contract/index.js';
import { parseAmount, type Amount } from '../../../src/money/index.js';
import { bandEarnings, indicatorPeriods, type PeriodFigures } from '../../../src/settlement/rules/indicator-periods.js';
import { day } from './fixtures.js';

type Rule = Extract<PaymentRule, { kind: 'resultsIndicator' }>;

function rule(options: { payment?: Rule['payment']; rounding?: Rule['rounding']; rollover?: string } = {}): Rule {
  return {
    kind: 'resultsIndicator',
    id: 'dli',
    name: 'DLI',
    baseline: '10',
    rounding: options.rounding ?? 'down',
    payment: options.payment ?? { kind: 'proportional' },
    periods: [
      { id: 'y1', indicator: 'v1', verifiedOn: '2025-12-31', target: '110', allocation: '1000.00' },
      { id: 'y2', indicator: 'v2', verifiedOn: '2026-12-31', target: '210', allocation: '500.00' },
    ],
    ...(options.rollover === undefined ? {} : { rollover: { until: options.rollover } }),
  } as unknown as Rule;
}

const earned = (r: Rule, period: number, achieved: string, currency: 'EUR' | 'JPY' = 'EUR'): string => bandEarnings(r, period, parseAmount(achieved), currency).toFixed(2);

describe('bandEarnings', () => {
  it('in proportion: allocation × units in the band / band width, the first band from the baseline', () => {
    const r = rule();
    // band 10 → 110 (width 100), allocation 1000
    expect(earned(r, 0, '9')).toBe('0.00');
    expect(earned(r, 0, '10')).toBe('0.00');
    expect(earned(r, 0, '60')).toBe('500.00'); // 50/100 × 1000
    expect(earned(r, 0, '110')).toBe('1000.00');
    expect(earned(r, 0, '111')).toBe('1000.00'); // no more than the band
    // band 110 → 210, allocation 500: 160 → 50/100 × 500 = 250; 110 → 0
    expect(earned(r, 1, '160')).toBe('250.00');
    expect(earned(r, 1, '110')).toBe('0.00');
    expect(earned(r, 1, '60')).toBe('0.00');
    // no such period
    expect(earned(r, 2, '160')).toBe('0.00');
  });
  it('rounds by the rule rounding', () => {
    // 10.0001: 0.0001/100 × 1000 = 0.001 → down 0.00, up 0.01
    expect(earned(rule(), 0, '10.0001')).toBe('0.00');
    expect(earned(rule({ rounding: 'up' }), 0, '10.0001')).toBe('0.01');
    // 43.333: 33.333/100 × 1000 = 333.33 exactly; 43.3335 → 333.335 → down 333.33, up 333.34
    expect(earned(rule(), 0, '43.3335')).toBe('333.33');
    expect(earned(rule({ rounding: 'up' }), 0, '43.3335')).toBe('333.34');
    // JPY: 60.5 → 50.5/100 × 1000 = 505 (whole)
    expect(bandEarnings(rule(), 0, parseAmount('60.5'), 'JPY').toFixed()).toBe('505');
  });
  it('per unit: the amount × units in the band, capped at the allocation', () => {
    const r = rule({ payment: { kind: 'perUnit', amount: '7.50' } as Rule['payment'] });
    // 60: 50 × 7.50 = 375; 110: 100 × 7.50 = 750 (allocation 1000)
    expect(earned(r, 0, '60')).toBe('375.00');
    expect(earned(r, 0, '110')).toBe('750.00');
    expect(earned(r, 0, '5')).toBe('0.00');
    // period 2 (allocation 500): 210 → 100 × 7.50 = 750 → capped 500; 176 → 66 × 7.50 = 495
    expect(earned(r, 1, '210')).toBe('500.00');
    expect(earned(r, 1, '176')).toBe('495.00');
    // 176.6666: 66.6666 × 7.50 = 499.9995 → down 499.99 (below the allocation)
    expect(earned(r, 1, '176.6666')).toBe('499.99');
    // up: 500.00, equal to the allocation
    expect(earned({ ...r, rounding: 'up' }, 1, '176.6666')).toBe('500.00');
    // 0.333 × 7.50 = 2.4975 → down 2.49, up 2.50
    expect(earned(r, 0, '10.333')).toBe('2.49');
    expect(earned({ ...r, rounding: 'up' }, 0, '10.333')).toBe('2.50');
  });
});

const show = (periods: readonly PeriodFigures[]): string[] =>
  periods.map((p) => `${p.id} alloc ${p.allocation.toFixed(2)} ach ${p.achievement?.toFixed() ?? '-'} earned ${p.earned.toFixed(2)} rolled ${p.rolledOver.toFixed(2)} lapsed ${p.lapsed.toFixed(2)} pending ${p.pending.toFixed(2)}`);

describe('indicatorPeriods', () => {
  const values = (list: (string | undefined)[]) => {
    const asked: number[] = [];
    return { asked, valueOf: (j: number): Amount | undefined => { asked.push(j); const v = list[j]; return v === undefined ? undefined : parseAmount(v); } };
  };

  it('before a verification the whole allocation is pending, and its value is not read', () => {
    const v = values(['60', '160']);
    expect(show(indicatorPeriods(rule(), v.valueOf, day('2025-12-30'), 'EUR'))).toEqual([
      'y1 alloc 1000.00 ach - earned 0.00 rolled 0.00 lapsed 0.00 pending 1000.00',
      'y2 alloc 500.00 ach - earned 0.00 rolled 0.00 lapsed 0.00 pending 500.00',
    ]);
    expect(v.asked).toEqual([]);
  });
  it('without rollover: verified on its date, earns on its own value, the rest lapses', () => {
    const v = values(['60', '200']);
    // on 2025-12-31: y1 verified on 60 → 500 earned, 500 lapsed; y2 pending
    expect(show(indicatorPeriods(rule(), v.valueOf, day('2025-12-31'), 'EUR'))).toEqual([
      'y1 alloc 1000.00 ach 60 earned 500.00 rolled 0.00 lapsed 500.00 pending 0.00',
      'y2 alloc 500.00 ach - earned 0.00 rolled 0.00 lapsed 0.00 pending 500.00',
    ]);
    expect(v.asked).toEqual([0]);
    // on 2026-12-31: y1 still on its own 60 (a later 200 does not help without rollover);
    // y2 on 200 → 90/100 × 500 = 450, 50 lapsed
    expect(show(indicatorPeriods(rule(), values(['60', '200']).valueOf, day('2026-12-31'), 'EUR'))).toEqual([
      'y1 alloc 1000.00 ach 60 earned 500.00 rolled 0.00 lapsed 500.00 pending 0.00',
      'y2 alloc 500.00 ach 200 earned 450.00 rolled 0.00 lapsed 50.00 pending 0.00',
    ]);
  });
  it('with rollover: what is not earned rolls over, a later verification catches up, and it lapses at the final date', () => {
    const r = rule({ rollover: '2027-06-30' });
    // on 2025-12-31: y1 on 60 → 500 earned, 500 rolled over
    expect(show(indicatorPeriods(r, values(['60', '200']).valueOf, day('2025-12-31'), 'EUR'))[0]).toBe('y1 alloc 1000.00 ach 60 earned 500.00 rolled 500.00 lapsed 0.00 pending 0.00');
    // on 2026-12-31: y1 on max(60, 200) = 200 → full band 1000; y2 on 200 → 450, 50 rolled over
    expect(show(indicatorPeriods(r, values(['60', '200']).valueOf, day('2026-12-31'), 'EUR'))).toEqual([
      'y1 alloc 1000.00 ach 200 earned 1000.00 rolled 0.00 lapsed 0.00 pending 0.00',
      'y2 alloc 500.00 ach 200 earned 450.00 rolled 50.00 lapsed 0.00 pending 0.00',
    ]);
    // a later value that is lower does not lower the earlier period's: 80 then 50 → y1 on 80 = 700
    expect(show(indicatorPeriods(r, values(['80', '50']).valueOf, day('2026-12-31'), 'EUR'))[0]).toBe('y1 alloc 1000.00 ach 80 earned 700.00 rolled 300.00 lapsed 0.00 pending 0.00');
    // on the final date (and after it), what is left lapses
    expect(show(indicatorPeriods(r, values(['60', '200']).valueOf, day('2027-06-30'), 'EUR'))[1]).toBe('y2 alloc 500.00 ach 200 earned 450.00 rolled 0.00 lapsed 50.00 pending 0.00');
    expect(show(indicatorPeriods(r, values(['60', '200']).valueOf, day('2027-06-29'), 'EUR'))[1]).toBe('y2 alloc 500.00 ach 200 earned 450.00 rolled 50.00 lapsed 0.00 pending 0.00');
  });
  it('a verified period without a value earns nothing on it; a later value still counts with rollover', () => {
    const r = rule({ rollover: '2027-06-30' });
    expect(show(indicatorPeriods(r, values([undefined, undefined]).valueOf, day('2026-12-31'), 'EUR'))).toEqual([
      'y1 alloc 1000.00 ach - earned 0.00 rolled 1000.00 lapsed 0.00 pending 0.00',
      'y2 alloc 500.00 ach - earned 0.00 rolled 500.00 lapsed 0.00 pending 0.00',
    ]);
    // y1 has no value, y2 has 35: y1 on 35 → 25/100 × 1000 = 250
    expect(show(indicatorPeriods(r, values([undefined, '35']).valueOf, day('2026-12-31'), 'EUR'))[0]).toBe('y1 alloc 1000.00 ach 35 earned 250.00 rolled 750.00 lapsed 0.00 pending 0.00');
    // the first value kept when a later one is equal: 35 and 35 → 35
    expect(show(indicatorPeriods(r, values(['35', '35']).valueOf, day('2026-12-31'), 'EUR'))[0]).toBe('y1 alloc 1000.00 ach 35 earned 250.00 rolled 750.00 lapsed 0.00 pending 0.00');
    // without rollover, nothing: lapses
    expect(show(indicatorPeriods(rule(), values([undefined, '35']).valueOf, day('2026-12-31'), 'EUR'))[0]).toBe('y1 alloc 1000.00 ach - earned 0.00 rolled 0.00 lapsed 1000.00 pending 0.00');
  });
});
