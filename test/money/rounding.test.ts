import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutcomePayError } from '../../src/errors.js';
import { ROUNDING_MODES, formatMoney, minorUnits, parseAmount, roundDecimal, roundMoney, type RoundingMode } from '../../src/money/index.js';
import { anyAmount } from './arbitraries.js';

describe('roundMoney', () => {
  // Each row: input, then the result for half-even, half-up, half-down, up, down, ceiling, floor.
  const table: [string, ...string[]][] = [
    ['2.345', '2.34', '2.35', '2.34', '2.35', '2.34', '2.35', '2.34'],
    ['2.355', '2.36', '2.36', '2.35', '2.36', '2.35', '2.36', '2.35'],
    ['-2.345', '-2.34', '-2.35', '-2.34', '-2.35', '-2.34', '-2.34', '-2.35'],
    ['2.3451', '2.35', '2.35', '2.35', '2.35', '2.34', '2.35', '2.34'],
    ['-0.004', '0.00', '0.00', '0.00', '-0.01', '0.00', '0.00', '-0.01'],
    ['7', '7.00', '7.00', '7.00', '7.00', '7.00', '7.00', '7.00'],
  ];
  for (const [input, ...expected] of table) {
    it(`rounds ${input} in every mode`, () => {
      const got = ROUNDING_MODES.map((mode) => formatMoney(roundMoney(parseAmount(input), 'EUR', mode), 'EUR'));
      expect(got).toEqual(expected);
    });
  }

  it('uses the currency minor units', () => {
    expect(formatMoney(roundMoney(parseAmount('1234.5'), 'JPY', 'half-even'), 'JPY')).toBe('1234');
    expect(formatMoney(roundMoney(parseAmount('1.23456'), 'KWD', 'half-up'), 'KWD')).toBe('1.235');
    expect(minorUnits('CLF')).toBe(4);
  });

  it('refuses an unknown currency or mode with a code', () => {
    expect(() => roundMoney(parseAmount('1'), 'XYZ', 'half-up')).toThrow(OutcomePayError);
    expect(() => roundMoney(parseAmount('1'), 'EUR', 'bankers' as RoundingMode)).toThrow(/mode must be a rounding mode/);
    expect(() => roundMoney(parseAmount('1'), 'EUR', 'toString' as RoundingMode)).toThrow(/mode must be a rounding mode/);
    expect(() => roundDecimal(parseAmount('1'), -1, 'up')).toThrow(OutcomePayError);
  });

  it('is idempotent and moves a value by less than one minor unit', () => {
    fc.assert(
      fc.property(anyAmount(), fc.constantFrom(...ROUNDING_MODES), (amount, mode) => {
        const once = roundMoney(amount, 'EUR', mode);
        expect(roundMoney(once, 'EUR', mode).equals(once)).toBe(true);
        expect(once.minus(amount).abs().lessThan('0.01')).toBe(true);
        expect(once.decimalPlaces()).toBeLessThanOrEqual(2);
      }),
    );
  });

  it('half modes land on the nearest minor unit', () => {
    fc.assert(
      fc.property(anyAmount(), fc.constantFrom<RoundingMode>('half-even', 'half-up', 'half-down'), (amount, mode) => {
        expect(roundMoney(amount, 'EUR', mode).minus(amount).abs().lessThanOrEqualTo('0.005')).toBe(true);
      }),
    );
  });

  it('directed modes go the named way', () => {
    fc.assert(
      fc.property(anyAmount(), (amount) => {
        expect(roundMoney(amount, 'EUR', 'ceiling').greaterThanOrEqualTo(amount)).toBe(true);
        expect(roundMoney(amount, 'EUR', 'floor').lessThanOrEqualTo(amount)).toBe(true);
        expect(roundMoney(amount, 'EUR', 'up').abs().greaterThanOrEqualTo(amount.abs())).toBe(true);
        expect(roundMoney(amount, 'EUR', 'down').abs().lessThanOrEqualTo(amount.abs())).toBe(true);
      }),
    );
  });
});
