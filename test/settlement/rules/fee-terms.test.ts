/**
 * The terms of a fee (src/settlement/rules/fee-terms.ts): the monthly instalments of a share of
 * the contract's value (rounded once, split by largest remainder, dated month by month with
 * month ends clamped) and the phases of a per-start fee with their boundaries. Worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { feeInstalments, feePhases, phaseOn, phasesBetween } from '../../../src/settlement/rules/fee-terms.js';
import { day } from './fixtures.js';

const share = (value: string, contractValue: string, months: number, firstOn = '2024-01-31') => ({ kind: 'shareOfValue', share: value, contractValue, months, firstOn, whenSuspended: 'withheld' }) as const;

describe('feeInstalments', () => {
  it('splits the total equally, the leftover minor units to the earliest, dated each month from the first (month ends clamped)', () => {
    // 0.1 × 1000.00 = 100.00 over 3: 33.33 each, 1 cent left to the first
    const instalments = feeInstalments(share('0.1', '1000.00', 3), 'GBP', 'half-even');
    expect(instalments.total.toFixed(2)).toBe('100.00');
    expect(instalments.exact.toFixed()).toBe('100');
    expect(instalments.payments.map((p) => `${p.date} ${p.written} ${p.amount.toFixed(2)} ${p.label}`)).toEqual([
      '2024-01-31 33.34 33.34 instalment 1 of 3',
      '2024-02-29 33.33 33.33 instalment 2 of 3',
      '2024-03-31 33.33 33.33 instalment 3 of 3',
    ]);
    expect(instalments.payments.map((p) => p.day)).toEqual([day('2024-01-31'), day('2024-02-29'), day('2024-03-31')]);
  });
  it('rounds the total once, by the contract rounding', () => {
    // 0.333 × 100.01 = 33.30333 → half-even 33.30, up 33.31
    const even = feeInstalments(share('0.333', '100.01', 1, '2025-05-15'), 'EUR', 'half-even');
    expect(even.exact.toFixed()).toBe('33.30333');
    expect(even.total.toFixed(2)).toBe('33.30');
    expect(even.payments.map((p) => `${p.date} ${p.written}`)).toEqual(['2025-05-15 33.30']);
    expect(feeInstalments(share('0.333', '100.01', 1), 'EUR', 'up').total.toFixed(2)).toBe('33.31');
  });
  it('writes each instalment with the currency minor units (0 and 3)', () => {
    // JPY: 0.5 × 1001 = 500.5 → half-even 500 → 167 + 167 + 166
    const yen = feeInstalments(share('0.5', '1001', 3, '2024-11-30'), 'JPY', 'half-even');
    expect(yen.total.toFixed()).toBe('500');
    expect(yen.payments.map((p) => `${p.date} ${p.written}`)).toEqual(['2024-11-30 167', '2024-12-30 167', '2025-01-30 166']);
    // KWD: 1 × 1.000 = 1.000 → 0.334 + 0.333 + 0.333
    expect(feeInstalments(share('1', '1.000', 3), 'KWD', 'half-even').payments.map((p) => p.written)).toEqual(['0.334', '0.333', '0.333']);
  });
});

describe('fee phases', () => {
  const charge = {
    kind: 'perStart',
    amount: '400.00',
    phases: [
      { from: '2013-06-01', amount: '0.00' },
      { from: '2014-01-01', amount: '250.00' },
    ],
  } as const;
  const phases = feePhases(charge);
  const june = day('2013-06-01');
  const january = day('2014-01-01');

  it('the base amount from the beginning, then each phase from its date', () => {
    expect(phases.from).toEqual([-Infinity, june, january]);
    expect(phases.amounts.map((amount) => amount.toFixed(2))).toEqual(['400.00', '0.00', '250.00']);
    expect(phases.written).toEqual([null, '2013-06-01', '2014-01-01']);
    const plain = feePhases({ kind: 'perStart', amount: '75.00' });
    expect(plain.from).toEqual([-Infinity]);
    expect(plain.amounts.map(String)).toEqual(['75']);
    expect(plain.written).toEqual([null]);
  });
  it('phaseOn: the last phase starting on or before the day', () => {
    expect(phaseOn(phases, day('1990-01-01'))).toBe(0);
    expect(phaseOn(phases, june - 1)).toBe(0);
    expect(phaseOn(phases, june)).toBe(1);
    expect(phaseOn(phases, january - 1)).toBe(1);
    expect(phaseOn(phases, january)).toBe(2);
    expect(phaseOn(phases, day('2099-01-01'))).toBe(2);
    expect(phaseOn(feePhases({ kind: 'perStart', amount: '75.00' }), 0)).toBe(0);
  });
  it('phasesBetween: every phase in force on some day of the window, inclusive', () => {
    expect(phasesBetween(phases, june - 10, june - 1)).toEqual([0]);
    expect(phasesBetween(phases, june - 1, june)).toEqual([0, 1]);
    expect(phasesBetween(phases, june, january - 1)).toEqual([1]);
    expect(phasesBetween(phases, june, january)).toEqual([1, 2]);
    expect(phasesBetween(phases, june - 1, january)).toEqual([0, 1, 2]);
    expect(phasesBetween(phases, january + 5, january + 9)).toEqual([2]);
  });
});
