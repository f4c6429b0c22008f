import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { OutcomePayError } from '../../src/errors.js';
import { allocate, checkAmount, formatDecimal, formatMoney, isDecimalString, parseAmount, roundMoney, sumAmounts } from '../../src/money/index.js';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof OutcomePayError ? error.code : `not an OutcomePayError: ${String(error)}`;
  }
  return undefined;
}

describe('parseAmount', () => {
  it('accepts decimal strings, safe integers, bigints and decimals', () => {
    expect(formatDecimal(parseAmount('1234.50'))).toBe('1234.5');
    expect(formatDecimal(parseAmount('-0.05'))).toBe('-0.05');
    expect(formatDecimal(parseAmount(1500))).toBe('1500');
    expect(formatDecimal(parseAmount(12345678901234567890n))).toBe('12345678901234567890');
    expect(formatDecimal(parseAmount(new Decimal('2.5')))).toBe('2.5');
  });

  it('refuses a JavaScript number with a fraction, naming the value', () => {
    expect(codeOf(() => parseAmount(0.1))).toBe('AMOUNT_FRACTIONAL_NUMBER');
    expect(() => parseAmount(0.1)).toThrow(/"0\.1"/);
  });

  it('refuses NaN, Infinity, unsafe integers and malformed strings', () => {
    expect(codeOf(() => parseAmount(Number.NaN))).toBe('AMOUNT_NOT_FINITE');
    expect(codeOf(() => parseAmount(Number.POSITIVE_INFINITY))).toBe('AMOUNT_NOT_FINITE');
    expect(codeOf(() => parseAmount(new Decimal(Number.NaN)))).toBe('AMOUNT_NOT_FINITE');
    expect(codeOf(() => parseAmount(2 ** 60))).toBe('AMOUNT_UNSAFE_INTEGER');
    for (const text of ['', ' 1', '1e3', '+1', '.5', '5.', '1,5', 'NaN', 'Infinity', '0x10', '--1']) {
      expect(codeOf(() => parseAmount(text)), text).toBe('AMOUNT_FORMAT');
    }
  });

  it('reports data problems without throwing, with the path', () => {
    const result = checkAmount({ value: 1 }, ['rules', 2, 'price']);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]?.code).toBe('AMOUNT_TYPE');
      expect(result.issues[0]?.path).toEqual(['rules', 2, 'price']);
      expect(result.issues[0]?.message).toContain('rules[2].price');
    }
    expect(checkAmount(null).ok).toBe(false);
  });

  it('normalises negative zero', () => {
    expect(parseAmount('-0.00').isNegative()).toBe(false);
    expect(formatMoney(parseAmount('-0'), 'EUR')).toBe('0.00');
  });

  it('isDecimalString is the syntax check used by parseAmount', () => {
    expect(isDecimalString('0.6')).toBe(true);
    expect(isDecimalString('1e3')).toBe(false);
    expect(isDecimalString(6)).toBe(false);
  });

  it('adds exactly where floats do not: 110 >= 100 * 1.1', () => {
    // In floats 100 * 1.1 = 110.00000000000001; exactly it is 110.
    expect(parseAmount('100').times(parseAmount('1.1')).equals(parseAmount('110'))).toBe(true);
    expect(formatDecimal(sumAmounts(['0.1', '0.2'].map((s) => parseAmount(s))))).toBe('0.3');
    expect(formatDecimal(sumAmounts([]))).toBe('0');
  });
});

describe('isolation from the global decimal.js configuration', () => {
  it('gives the same results after Decimal.set on the global constructor', () => {
    const compute = (): string[] => {
      const price = parseAmount('1234.5678');
      const third = price.dividedBy(3);
      return [
        formatDecimal(third),
        formatMoney(roundMoney(third, 'EUR', 'half-even'), 'EUR'),
        formatMoney(roundMoney(parseAmount('2.345'), 'EUR', 'half-up'), 'EUR'),
        ...allocate(parseAmount('1000.01'), ['0.6', '0.4'], 'EUR').map((part) => formatMoney(part, 'EUR')),
        formatDecimal(parseAmount(new Decimal('98765.4321'))),
        formatDecimal(parseAmount('123456789012345678901234567890.5').times(2)),
      ];
    };
    const before = compute();
    const saved = { precision: Decimal.precision, rounding: Decimal.rounding, toExpNeg: Decimal.toExpNeg, toExpPos: Decimal.toExpPos };
    try {
      Decimal.set({ precision: 4, rounding: Decimal.ROUND_DOWN, toExpNeg: -1, toExpPos: 2 });
      const after = compute();
      expect(after).toEqual(before);
      // The expected values themselves, worked by hand: 1234.5678 / 3 = 411.5226 exactly.
      expect(before.slice(0, 5)).toEqual(['411.5226', '411.52', '2.35', '600.01', '400.00']);
    } finally {
      Decimal.set(saved);
    }
  });
});
