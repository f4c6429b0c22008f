import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutcomePayError } from '../../src/errors.js';
import { formatDecimal, formatMoney, parseAmount } from '../../src/money/index.js';
import { decimalString, moneyAmount } from './arbitraries.js';

describe('formatMoney', () => {
  it('writes exactly the minor units, no exponent, no negative zero', () => {
    expect(formatMoney(parseAmount('1234.5'), 'EUR')).toBe('1234.50');
    expect(formatMoney(parseAmount('0'), 'EUR')).toBe('0.00');
    expect(formatMoney(parseAmount('-0.00'), 'EUR')).toBe('0.00');
    expect(formatMoney(parseAmount('0.0000001').times(0), 'EUR')).toBe('0.00');
    expect(formatMoney(parseAmount(10n ** 25n), 'EUR')).toBe('10000000000000000000000000.00');
    expect(formatMoney(parseAmount('-0.05'), 'GBP')).toBe('-0.05');
    expect(formatMoney(parseAmount('1500'), 'JPY')).toBe('1500');
  });

  it('refuses to round silently', () => {
    expect(() => formatMoney(parseAmount('1.005'), 'EUR')).toThrow(OutcomePayError);
    try {
      formatMoney(parseAmount('1.005'), 'EUR');
    } catch (error) {
      expect((error as OutcomePayError).code).toBe('AMOUNT_NOT_ROUNDED');
    }
  });

  it('parse(format(x)) = x for money', () => {
    fc.assert(
      fc.property(moneyAmount(2), (amount) => {
        const text = formatMoney(amount, 'EUR');
        expect(text).toMatch(/^-?\d+\.\d{2}$/);
        expect(parseAmount(text).equals(amount)).toBe(true);
      }),
    );
  });
});

describe('formatDecimal', () => {
  it('is canonical', () => {
    expect(formatDecimal(parseAmount('0.6000'))).toBe('0.6');
    expect(formatDecimal(parseAmount('000120.50'))).toBe('120.5');
    expect(formatDecimal(parseAmount('0.00000001'))).toBe('0.00000001');
    expect(formatDecimal(parseAmount('-0'))).toBe('0');
  });

  it('parse(format(x)) = x and format is a fixed point', () => {
    fc.assert(
      fc.property(decimalString({ maxScale: 12 }), (text) => {
        const value = parseAmount(text);
        const canonical = formatDecimal(value);
        expect(canonical).not.toMatch(/e|E|^-0$|\.\d*0$/);
        expect(parseAmount(canonical).equals(value)).toBe(true);
        expect(formatDecimal(parseAmount(canonical))).toBe(canonical);
      }),
    );
  });
});
