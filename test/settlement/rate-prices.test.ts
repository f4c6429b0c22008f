/**
 * compileRatePrices: groups whose multiplied prices round to the same amount share one price, and
 * its derivation names every group (worked by hand below).
 */
import { describe, expect, it } from 'vitest';
import { compileRatePrices } from '../../src/settlement/rules/rate-card.js';

describe('compileRatePrices', () => {
  it('three groups rounding to one price: each input once when shared, else every group in order; a group at the list price adds no derivation', () => {
    const rule = {
      kind: 'rateCard', id: 'r', name: 'r', outcome: 'placement', price: '42116.00',
      groupPricing: { kind: 'multipliers', rounding: 'up', increment: '1', severalGroups: 'highest' }, prerequisites: [],
    } as const;
    // a: 42116 × 1.4 = 58962.4 → 58963; b: 42116 × 1.40001 = 58962.82116 → 58963; c: 1.4 again → 58963;
    // d: 42116 × 1 = 42116, the list price itself
    const groups = [
      { id: 'a', name: 'a', priceMultiplier: '1.4' },
      { id: 'b', name: 'b', priceMultiplier: '1.40001' },
      { id: 'c', name: 'c', priceMultiplier: '1.4' },
      { id: 'd', name: 'd', priceMultiplier: '1' },
    ];
    const prices = compileRatePrices(rule, groups, 'ARS');
    expect(prices.prices.map(String)).toEqual(['42116', '58963']);
    expect([...prices.byGroup]).toEqual([['a', 1], ['b', 1], ['c', 1], ['d', 0]]);
    expect(prices.derived[0]).toBeUndefined();
    expect(prices.derived[1]?.inputs).toEqual({
      priceGroup: 'a, b, c',
      listPrice: '42116',
      multiplier: '1.4, 1.40001, 1.4',
      unrounded: '58962.4, 58962.82116, 58962.4',
      roundingIncrement: '1',
      roundingMode: 'up',
    });
    expect(prices.derived[1]?.text.split('; ').map((part) => part.split(':')[0])).toEqual(['group a', 'group b', 'group c']);
  });
});
