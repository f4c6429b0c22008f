import { describe, expect, it } from 'vitest';
import { FRACTION_PATTERN, isFractionText, ratioText, shareRatio } from '../../src/money/index.js';
import { thrown } from '../thrown.js';

describe('shares written as text', () => {
  it('a fraction is two whole numbers of 1 to 15 digits, no sign, no leading zero, nothing around', () => {
    expect(isFractionText('1/3')).toBe(true);
    expect(isFractionText('0/7')).toBe(true);
    expect(isFractionText('10/30')).toBe(true);
    expect(isFractionText('123456789012345/999999999999999')).toBe(true); // 15 digits each
    expect(isFractionText('1234567890123456/3')).toBe(false); // 16 digits
    expect(isFractionText('1/1234567890123456')).toBe(false);
    expect(isFractionText('01/3')).toBe(false);
    expect(isFractionText('1/03')).toBe(false);
    expect(isFractionText('1/0')).toBe(false);
    expect(isFractionText('x1/3')).toBe(false);
    expect(isFractionText('1/3x')).toBe(false);
    expect(isFractionText('-1/3')).toBe(false);
    expect(isFractionText('1 / 3')).toBe(false);
    expect(isFractionText('0.5')).toBe(false);
    expect(FRACTION_PATTERN.exec('2/3')?.slice(1)).toEqual(['2', '3']);
  });

  it('reads a share as an exact fraction in lowest terms', () => {
    expect(shareRatio('1/3')).toEqual({ numerator: 1n, denominator: 3n });
    // 6/8 = 3/4
    expect(shareRatio('6/8')).toEqual({ numerator: 3n, denominator: 4n });
    // 0/5 = 0/1
    expect(shareRatio('0/5')).toEqual({ numerator: 0n, denominator: 1n });
    // 0.25 = 25/100 = 1/4
    expect(shareRatio('0.25')).toEqual({ numerator: 1n, denominator: 4n });
    expect(shareRatio('2')).toEqual({ numerator: 2n, denominator: 1n });
    expect(thrown(() => shareRatio('one third'))).toEqual({
      code: 'AMOUNT_FORMAT',
      message: '"one third" is not a decimal amount: write digits with an optional minus sign and decimal point, such as "1500.00"',
      path: [],
    });
  });

  it('writes a fraction back as the shortest exact text', () => {
    expect(ratioText({ numerator: 2n, denominator: 3n })).toBe('2/3'); // 3 is neither 2 nor 5
    expect(ratioText({ numerator: -2n, denominator: 3n })).toBe('-2/3');
    expect(ratioText({ numerator: 1n, denominator: 6n })).toBe('1/6'); // 6 = 2 × 3
    expect(ratioText({ numerator: 3n, denominator: 8n })).toBe('0.375'); // 8 = 2^3: 3 places, 3000/8 = 375
    expect(ratioText({ numerator: 1n, denominator: 8n })).toBe('0.125'); // 125 padded to 0125
    expect(ratioText({ numerator: -1n, denominator: 8n })).toBe('-0.125');
    // 20 = 2^2 × 5: max(2, 1) = 2 places, 100/20 = 5, padded to 005
    expect(ratioText({ numerator: 1n, denominator: 20n })).toBe('0.05');
    // 125 = 5^3: 3 places, 7000/125 = 56 -> 0.056
    expect(ratioText({ numerator: 7n, denominator: 125n })).toBe('0.056');
    expect(ratioText({ numerator: 7n, denominator: 5n })).toBe('1.4'); // 70/5 = 14
    expect(ratioText({ numerator: 5n, denominator: 1n })).toBe('5');
    expect(ratioText({ numerator: -5n, denominator: 1n })).toBe('-5');
    expect(ratioText({ numerator: 0n, denominator: 1n })).toBe('0');
    // 4 = 2^2: 2 places, 0 × 100 / 4 = 0, padded to 000 (the places a quarter needs, kept)
    expect(ratioText({ numerator: 0n, denominator: 4n })).toBe('0.00');
  });

  it('refuses a denominator of zero or below', () => {
    const refusal = { code: 'RATIO_DIVISION_BY_ZERO', message: 'a fraction has a denominator of zero or below', path: [] };
    expect(thrown(() => ratioText({ numerator: 1n, denominator: 0n }))).toEqual(refusal);
    expect(thrown(() => ratioText({ numerator: 1n, denominator: -2n }))).toEqual(refusal);
  });
});
