import { describe, expect, it } from 'vitest';
import { isKnownCurrency, knownCurrencies, minorUnits } from '../../src/money/index.js';
import { currencyUnits } from '../../src/money/currency.js';
import { thrown } from '../thrown.js';

describe('currencies', () => {
  it('knows the minor units of every line of the ISO 4217 table', () => {
    // One code from each line of the two-decimal list, and each of the other lists.
    for (const code of ['AED', 'BZD', 'CAD', 'GEL', 'GHS', 'LRD', 'LSL', 'PEN', 'PGK', 'THB', 'TJS', 'ZWG']) expect(minorUnits(code), code).toBe(2);
    for (const code of ['BIF', 'JPY', 'XPF']) expect(minorUnits(code), code).toBe(0);
    for (const code of ['BHD', 'KWD', 'TND']) expect(minorUnits(code), code).toBe(3);
    for (const code of ['CLF', 'UYW']) expect(minorUnits(code), code).toBe(4);
  });

  it('lists every code once, sorted', () => {
    const codes = knownCurrencies();
    // 17 with 0 decimals, 7 with 3, 2 with 4, and 24 × 5 + 20 = 140 with 2 (five lines of 24, a last of 20):
    // 17 + 140 + 7 + 2 = 166.
    expect(codes).toHaveLength(166);
    expect(new Set(codes).size).toBe(166);
    expect(codes.filter((code) => minorUnits(code) === 2)).toHaveLength(140);
    expect(codes.filter((code) => minorUnits(code) === 0)).toHaveLength(17);
    expect(codes.filter((code) => minorUnits(code) === 3)).toHaveLength(7);
    expect(codes.filter((code) => minorUnits(code) === 4)).toHaveLength(2);
    expect(codes.slice(0, 3)).toEqual(['AED', 'AFN', 'ALL']);
    expect(codes.at(-1)).toBe('ZWG');
    expect([...codes].sort()).toEqual(codes);
    expect(codes.every((code) => /^[A-Z]{3}$/.test(code))).toBe(true);
  });

  it('tells a known code from anything else', () => {
    expect(isKnownCurrency('EUR')).toBe(true);
    expect(isKnownCurrency('JPY')).toBe(true);
    expect(isKnownCurrency('eur')).toBe(false);
    expect(isKnownCurrency('XXX')).toBe(false);
    expect(isKnownCurrency(['EUR'])).toBe(false);
    expect(isKnownCurrency(undefined)).toBe(false);
  });

  it('names the function and the code in its refusals, a long code cut at 40 characters', () => {
    const unknown = (where: string, shown: string): object => ({
      code: 'CURRENCY_UNKNOWN',
      message: `${where}: currency ${shown} is not an active ISO 4217 currency code (write it in upper case, such as "EUR")`,
      path: [],
    });
    expect(thrown(() => minorUnits('eur'))).toEqual(unknown('minorUnits', '"eur"'));
    expect(thrown(() => currencyUnits('formatMoney', 'A'.repeat(40)))).toEqual(unknown('formatMoney', `"${'A'.repeat(40)}"`));
    expect(thrown(() => currencyUnits('formatMoney', 'B'.repeat(41)))).toEqual(unknown('formatMoney', `"${'B'.repeat(40)}..."`));
    expect(thrown(() => minorUnits(978 as unknown as string))).toEqual({ code: 'ARGUMENT_INVALID', message: 'minorUnits: currency must be a string, not the number 978', path: ['currency'] });
  });
});
