import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutcomePayError } from '../../src/errors.js';
import { allocate, formatMoney, parseAmount, sumAmounts, type Amount } from '../../src/money/index.js';
import { moneyAmount } from './arbitraries.js';

const eur = (parts: Amount[]): string[] => parts.map((part) => formatMoney(part, 'EUR'));

describe('allocate: worked examples', () => {
  it('splits 100.00 in three: 33.33 each leaves 0.01, which goes to the first (ties by index)', () => {
    expect(eur(allocate(parseAmount('100.00'), ['1', '1', '1'], 'EUR'))).toEqual(['33.34', '33.33', '33.33']);
  });

  it('splits a payment 60/40 between a region and an agency', () => {
    // 1234.57 x 0.6 = 740.742 -> 740.74 (remainder .002); x 0.4 = 493.828 -> 493.82 (remainder .008).
    // 740.74 + 493.82 = 1234.56: one cent left, to the larger remainder (the agency): 493.83.
    expect(eur(allocate(parseAmount('1234.57'), ['0.6', '0.4'], 'EUR'))).toEqual(['740.74', '493.83']);
  });

  it('mirrors a clawback', () => {
    // -0.05 x 0.6 = -0.03 exactly; -0.05 x 0.4 = -0.02 exactly.
    expect(eur(allocate(parseAmount('-0.05'), ['0.6', '0.4'], 'EUR'))).toEqual(['-0.03', '-0.02']);
    // -0.01 among 1:1 -> the first gets the cent.
    expect(eur(allocate(parseAmount('-0.01'), ['1', '1'], 'EUR'))).toEqual(['-0.01', '0.00']);
  });

  it('gives exactly zero to a zero weight, even when units are left over', () => {
    // 0.05 among 0 : 1 : 1 -> 0.025 each for the last two -> 0.02 + 0.02, one cent to index 1.
    expect(eur(allocate(parseAmount('0.05'), ['0', '1', '1'], 'EUR'))).toEqual(['0.00', '0.03', '0.02']);
  });

  it('works in yen with integer weights', () => {
    expect(allocate(parseAmount('1000'), [1, 2], 'JPY').map((p) => formatMoney(p, 'JPY'))).toEqual(['333', '667']);
  });

  it('refuses bad weights and unrounded totals with codes', () => {
    const code = (run: () => unknown): string => {
      try {
        run();
        return 'no error';
      } catch (error) {
        return error instanceof OutcomePayError ? error.code : 'other';
      }
    };
    expect(code(() => allocate(parseAmount('1'), [], 'EUR'))).toBe('ALLOCATION_NO_WEIGHTS');
    expect(code(() => allocate(parseAmount('1'), ['0', '0'], 'EUR'))).toBe('ALLOCATION_WEIGHTS_ZERO');
    expect(code(() => allocate(parseAmount('1'), ['-1', '2'], 'EUR'))).toBe('ALLOCATION_WEIGHT_NEGATIVE');
    expect(code(() => allocate(parseAmount('1.001'), ['1'], 'EUR'))).toBe('AMOUNT_NOT_ROUNDED');
    expect(code(() => allocate(parseAmount('1'), [0.5], 'EUR'))).toBe('AMOUNT_FRACTIONAL_NUMBER');
  });
});

const weightArb = fc.oneof(
  fc.constant('0'),
  fc.integer({ min: 0, max: 1000 }).map(String),
  fc.integer({ min: 0, max: 100000 }).map((n) => (n / 1).toString().padStart(6, '0').replace(/^(\d+)(\d{5})$/, '$1.$2')),
);
const weightsArb = fc
  .array(weightArb, { minLength: 1, maxLength: 12 })
  .filter((weights) => weights.some((w) => !parseAmount(w).isZero()));

describe('allocate: properties', () => {
  it('conserves the total to the minor unit (negative and zero totals too)', () => {
    fc.assert(
      fc.property(moneyAmount(2), weightsArb, (total, weights) => {
        const parts = allocate(total, weights, 'EUR');
        expect(parts).toHaveLength(weights.length);
        expect(sumAmounts(parts).equals(total)).toBe(true);
      }),
    );
  });

  it('keeps each part within one minor unit of its exact share, and zero weights at zero', () => {
    fc.assert(
      fc.property(moneyAmount(2), weightsArb, (total, weights) => {
        const parts = allocate(total, weights, 'EUR');
        const weightSum = sumAmounts(weights.map((w) => parseAmount(w)));
        parts.forEach((part, index) => {
          const weight = parseAmount(weights[index] ?? '0');
          const exact = total.times(weight).dividedBy(weightSum);
          expect(part.minus(exact).abs().lessThan('0.01')).toBe(true);
          expect(part.decimalPlaces()).toBeLessThanOrEqual(2);
          if (weight.isZero()) expect(part.isZero()).toBe(true);
          // The part has the sign of the total (or is zero).
          if (!part.isZero()) expect(part.isNegative()).toBe(total.isNegative());
        });
      }),
    );
  });

  it('is deterministic and a clawback mirrors the payment', () => {
    fc.assert(
      fc.property(moneyAmount(2), weightsArb, (total, weights) => {
        const first = eur(allocate(total, weights, 'EUR'));
        expect(eur(allocate(total, weights, 'EUR'))).toEqual(first);
        const mirrored = allocate(total.negated(), weights, 'EUR');
        expect(eur(mirrored.map((part) => part.negated()))).toEqual(first);
      }),
    );
  });

  it('does not depend on how weights are scaled', () => {
    fc.assert(
      fc.property(moneyAmount(2), fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 8 }), (total, ints) => {
        fc.pre(ints.some((n) => n > 0));
        const asCounts = allocate(total, ints, 'EUR');
        const asShares = allocate(total, ints.map((n) => `${n}.000`), 'EUR');
        expect(eur(asShares)).toEqual(eur(asCounts));
      }),
    );
  });
});
