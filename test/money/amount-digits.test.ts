import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../runs.js';
import { parseAmount } from '../../src/money/index.js';
import { amountDigits, hundredthsOf, isZeroDigits } from '../../src/money/amount-digits.js';
import { decimalString } from './arbitraries.js';

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
      { numRuns: runs(1000) },
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

describe('hundredthsOf', () => {
  it('reads worked examples', () => {
    // 1650.5 = 165050 hundredths; 0.05 = 5; 12345678.91 spans two words; −3 = −300
    expect(['1650.5', '0.05', '12345678.91', '-3', '0.00', '-0'].map((text) => hundredthsOf(parseAmount(text)))).toEqual([165_050, 5, 1_234_567_891, -300, 0, 0]);
    // a third decimal place, or 2^31 hundredths and more, is not given
    expect(['0.005', '1650.501', '21474836.48', '1000000000000', '0.000000001'].map((text) => hundredthsOf(parseAmount(text)))).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(hundredthsOf(parseAmount('21474836.47'))).toBe(2 ** 31 - 1);
  });

  it('is the exact value times 100 whenever that is an integer below 2^31, and undefined otherwise', () => {
    fc.assert(
      fc.property(decimalString({ maxScale: 9, min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: -3, max: 9 }), (text, shift) => {
        const amount = parseAmount(text).times(parseAmount(10).toPower(shift));
        const scaled = amount.times(100);
        const expected = scaled.isInteger() && scaled.abs().lessThan(2 ** 31) ? scaled.toNumber() + 0 : undefined;
        const got = hundredthsOf(amount);
        expect(got === undefined ? undefined : got + 0).toBe(expected);
      }),
      { numRuns: runs(2000) },
    );
  });
});

describe('hundredthsOf a computed zero', () => {
  it('is 0, never -0', () => {
    // -1.5 × 0 is a decimal.js zero with a negative sign; its hundredths are plain 0.
    expect(Object.is(hundredthsOf(parseAmount('-1.5').times(0)), 0)).toBe(true);
    expect(Object.is(hundredthsOf(parseAmount('-0.01').times(0)), 0)).toBe(true);
  });
});
