import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/money/index.js';
import { amountDigits, isZeroDigits } from '../../src/money/amount-digits.js';

const cents = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
const asText = (value: bigint): string => {
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString().padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
};

describe('amountDigits', () => {
  it('equal values have equal parts, however they were written or computed, and no trailing zero word', () => {
    fc.assert(
      fc.property(cents, fc.integer({ min: 0, max: 6 }), (value, zeros) => {
        const written = parseAmount(asText(value));
        const padded = parseAmount(`${asText(value)}${'0'.repeat(zeros)}`);
        const computed = parseAmount(asText(value * 3n)).dividedBy(3);
        for (const amount of [padded, computed]) {
          const a = amountDigits(amount);
          const b = amountDigits(written);
          if (isZeroDigits(b)) expect(isZeroDigits(a)).toBe(true);
          else expect([a.s, a.e, [...a.d]]).toEqual([b.s, b.e, [...b.d]]);
        }
        const d = amountDigits(written).d;
        expect(d.length === 1 || d[d.length - 1] !== 0).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads 1650.50 as sign 1, exponent 3, words [1650, 5000000]; zero of either sign is zero', () => {
    const parts = amountDigits(parseAmount('1650.50'));
    expect([parts.s, parts.e, [...parts.d]]).toEqual([1, 3, [1650, 5_000_000]]);
    expect(isZeroDigits(amountDigits(parseAmount('0.00')))).toBe(true);
    expect(isZeroDigits(amountDigits(parseAmount('-0')))).toBe(true);
    expect(isZeroDigits(amountDigits(parseAmount('0.01')))).toBe(false);
  });
});
