/**
 * What the money functions say when they refuse a value: the stable code, the path, and the
 * message a person reads (it names the function, the argument and the value), written out here.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  ZERO,
  checkAmount,
  checkAmountLimits,
  formatDecimal,
  formatMoney,
  parseAmount,
  roundDecimal,
  roundMoney,
  sumAmounts,
  type Amount,
  type RoundingMode,
} from '../../src/money/index.js';
import { roundToIncrement } from '../../src/money/increment.js';
import { AMOUNT_DECIMALS_PATTERN, AMOUNT_MAGNITUDE_PATTERN } from '../../src/money/limits.js';
import { thrown } from '../thrown.js';

const FORMAT_HINT = 'is not a decimal amount: write digits with an optional minus sign and decimal point, such as "1500.00"';

describe('checkAmount and parseAmount: the issue names the value and where it was', () => {
  it('describes a string, a number, null and other types', () => {
    expect(checkAmount('1,5', ['rules', 0, 'price'])).toEqual({ ok: false, issues: [{ code: 'AMOUNT_FORMAT', path: ['rules', 0, 'price'], message: `"1,5" at rules[0].price ${FORMAT_HINT}` }] });
    expect(checkAmount('1,5')).toEqual({ ok: false, issues: [{ code: 'AMOUNT_FORMAT', path: [], message: `"1,5" ${FORMAT_HINT}` }] });
    expect(checkAmount(Number.NaN, ['x'])).toEqual({ ok: false, issues: [{ code: 'AMOUNT_NOT_FINITE', path: ['x'], message: 'NaN at x is not a finite amount' }] });
    expect(checkAmount(1.5)).toEqual({
      ok: false,
      issues: [{ code: 'AMOUNT_FRACTIONAL_NUMBER', path: [], message: '1.5 is a JavaScript number with a fraction, which cannot hold an exact amount: pass it as a decimal string such as "1.5"' }],
    });
    expect(checkAmount(2 ** 53)).toEqual({
      ok: false,
      issues: [{ code: 'AMOUNT_UNSAFE_INTEGER', path: [], message: '9007199254740992 is beyond the exact integer range of a JavaScript number: pass it as a decimal string' }],
    });
    expect(checkAmount(new Decimal(Number.POSITIVE_INFINITY), ['cap'])).toEqual({ ok: false, issues: [{ code: 'AMOUNT_NOT_FINITE', path: ['cap'], message: 'Infinity at cap is not a finite amount' }] });
    const typeIssue = (shown: string): unknown => ({ ok: false, issues: [{ code: 'AMOUNT_TYPE', path: [], message: `${shown} is not an amount: expected a decimal string such as "1500.00"` }] });
    expect(checkAmount(null)).toEqual(typeIssue('null'));
    expect(checkAmount(true)).toEqual(typeIssue('boolean'));
    expect(checkAmount(undefined)).toEqual(typeIssue('undefined'));
    expect(checkAmount({ amount: '1' })).toEqual(typeIssue('object'));
    expect(checkAmount(12n)).toEqual({ ok: true, value: parseAmount('12') });
  });

  it('throws the issue from parseAmount, with its path', () => {
    expect(thrown(() => parseAmount(0.1, ['weights', 2]))).toEqual({
      code: 'AMOUNT_FRACTIONAL_NUMBER',
      message: '0.1 at weights[2] is a JavaScript number with a fraction, which cannot hold an exact amount: pass it as a decimal string such as "0.1"',
      path: ['weights', 2],
    });
    expect(thrown(() => parseAmount('abc'))).toEqual({ code: 'AMOUNT_FORMAT', message: `"abc" ${FORMAT_HINT}`, path: [] });
  });

  it('refuses a path that is not one', () => {
    const notPath = (where: string): object => ({
      code: 'ARGUMENT_INVALID',
      message: `${where}: path must be a path: an array of keys (strings) and indexes (whole numbers from 0), not the string "price"`,
      path: ['path'],
    });
    expect(thrown(() => checkAmount('1', 'price' as unknown as string[]))).toEqual(notPath('checkAmount'));
    expect(thrown(() => parseAmount('1', 'price' as unknown as string[]))).toEqual(notPath('parseAmount'));
    expect(thrown(() => checkAmountLimits(parseAmount('1'), 'price' as unknown as string[]))).toEqual(notPath('checkAmountLimits'));
  });
});

describe('sumAmounts refuses what is not a list of amounts', () => {
  const notIterable = (shown: string): object => ({ code: 'ARGUMENT_INVALID', message: `sumAmounts: amounts must be an iterable of amounts (an array), not ${shown}`, path: ['amounts'] });

  it('names the value that is not an iterable', () => {
    expect(thrown(() => sumAmounts('12' as unknown as Amount[]))).toEqual(notIterable('the string "12"'));
    expect(thrown(() => sumAmounts(12 as unknown as Amount[]))).toEqual(notIterable('the number 12'));
    expect(thrown(() => sumAmounts(null as unknown as Amount[]))).toEqual(notIterable('null'));
    expect(thrown(() => sumAmounts(undefined as unknown as Amount[]))).toEqual(notIterable('undefined'));
    expect(thrown(() => sumAmounts({ length: 1, 0: ZERO } as unknown as Amount[]))).toEqual(notIterable('an object'));
    // A Proxy whose every read throws is refused the same way, not with the Proxy's own error.
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); } });
    expect(thrown(() => sumAmounts(hostile as unknown as Amount[]))).toMatchObject({ code: 'ARGUMENT_INVALID', path: ['amounts'] });
  });

  it('names the element that is not an amount, by its index', () => {
    expect(thrown(() => sumAmounts([ZERO, parseAmount('1'), '2' as unknown as Amount]))).toEqual({
      code: 'ARGUMENT_INVALID',
      message: 'sumAmounts: amounts[2] must be an Amount (a finite decimal, from parseAmount), not the string "2"',
      path: ['amounts[2]'],
    });
    expect(thrown(() => sumAmounts([new Decimal(Number.NaN)]))).toMatchObject({ code: 'ARGUMENT_INVALID', path: ['amounts[0]'] });
    expect(thrown(() => sumAmounts([new Decimal(Number.NaN)]))).toMatchObject({
      message: expect.stringMatching(/^sumAmounts: amounts\[0\] must be an Amount \(a finite decimal, from parseAmount\), not .* that is not finite$/) as unknown,
    });
    // A set is an iterable too: 0.1 + 0.2 = 0.3 exactly.
    expect(sumAmounts(new Set([parseAmount('0.1'), parseAmount('0.2')])).toFixed()).toBe('0.3');
  });
});

describe('checkAmountLimits: the issue shows the amount, cut after 37 characters when longer than 40', () => {
  it('says which limit, where, and shows the amount', () => {
    expect(checkAmountLimits(parseAmount('1000000000000000'), ['rules', 0, 'price'])).toEqual({
      code: 'AMOUNT_TOO_LARGE',
      path: ['rules', 0, 'price'],
      message: 'rules[0].price: 1000000000000000 is too large: amounts must be below 10^15 (1,000,000,000,000,000), the largest whose computations outcome-pay keeps exact',
    });
    expect(checkAmountLimits(parseAmount('0.0000000000001'))).toEqual({
      code: 'AMOUNT_TOO_PRECISE',
      path: [],
      message: '0.0000000000001 has more than 12 decimal places, the most outcome-pay keeps exact',
    });
    // 40 characters: shown whole.
    const forty = `0.${'1'.repeat(38)}`;
    expect(checkAmountLimits(parseAmount(forty))?.message).toBe(`${forty} has more than 12 decimal places, the most outcome-pay keeps exact`);
    // 41 characters: the first 37 and "...".
    const fortyOne = `0.${'2'.repeat(39)}`;
    expect(checkAmountLimits(parseAmount(fortyOne))?.message).toBe(`0.${'2'.repeat(35)}... has more than 12 decimal places, the most outcome-pay keeps exact`);
    expect(checkAmountLimits(parseAmount('999999999999999.999999999999'))).toBeUndefined();
  });

  it('refuses an amount that is not one', () => {
    expect(thrown(() => checkAmountLimits('5' as unknown as Amount))).toEqual({
      code: 'ARGUMENT_INVALID',
      message: 'checkAmountLimits: amount must be an Amount (a finite decimal, from parseAmount), not the string "5"',
      path: ['amount'],
    });
  });

  it('has schema patterns for the same limits', () => {
    expect(AMOUNT_MAGNITUDE_PATTERN.test('999999999999999.99')).toBe(true);
    expect(AMOUNT_MAGNITUDE_PATTERN.test('1000000000000000')).toBe(false);
    expect(AMOUNT_MAGNITUDE_PATTERN.test('-0001000000000000000')).toBe(false);
    expect(AMOUNT_DECIMALS_PATTERN.test('0.100000000000000')).toBe(true);
    expect(AMOUNT_DECIMALS_PATTERN.test('0.0000000000001')).toBe(false);
  });
});

describe('rounding refuses a bad amount, number of places or mode', () => {
  it('names the function and the argument', () => {
    expect(thrown(() => roundDecimal('1.5' as unknown as Amount, 0, 'up'))).toEqual({
      code: 'ARGUMENT_INVALID',
      message: 'roundDecimal: amount must be an Amount (a finite decimal, from parseAmount), not the string "1.5"',
      path: ['amount'],
    });
    const places = (shown: string): object => ({ code: 'ROUNDING_PLACES_INVALID', message: `roundDecimal: places must be a whole number of decimal places from 0, not ${shown}`, path: ['places'] });
    expect(thrown(() => roundDecimal(parseAmount('1.5'), -1, 'up'))).toEqual(places('the number -1'));
    expect(thrown(() => roundDecimal(parseAmount('1.5'), 1.5, 'up'))).toEqual(places('the number 1.5'));
    expect(thrown(() => roundDecimal(parseAmount('1.5'), '2' as unknown as number, 'up'))).toEqual(places('the string "2"'));
    expect(roundDecimal(parseAmount('1.25'), 0, 'up').toFixed()).toBe('2');
    const mode = (where: string, shown: string): object => ({
      code: 'ROUNDING_MODE_UNKNOWN',
      message: `${where}: mode must be a rounding mode, one of half-even, half-up, half-down, up, down, ceiling, floor, not ${shown}`,
      path: ['mode'],
    });
    expect(thrown(() => roundDecimal(parseAmount('1.5'), 0, 'nearest' as RoundingMode))).toEqual(mode('roundDecimal', 'the string "nearest"'));
    // A name every object has is still not a mode.
    expect(thrown(() => roundMoney(parseAmount('1.5'), 'EUR', 'toString' as RoundingMode))).toEqual(mode('roundMoney', 'the string "toString"'));
    expect(thrown(() => roundMoney(parseAmount('1.5'), 'EUR', 1 as unknown as RoundingMode))).toEqual(mode('roundMoney', 'the number 1'));
    expect(thrown(() => roundMoney(parseAmount('1.5'), 'eur', 'up'))).toEqual({
      code: 'CURRENCY_UNKNOWN',
      message: 'roundMoney: currency "eur" is not an active ISO 4217 currency code (write it in upper case, such as "EUR")',
      path: [],
    });
    expect(thrown(() => roundMoney('1.5' as unknown as Amount, 'EUR', 'up'))).toMatchObject({ code: 'ARGUMENT_INVALID', message: expect.stringMatching(/^roundMoney: amount must be/) as unknown });
  });

  it('refuses an increment that is not above zero', () => {
    expect(thrown(() => roundToIncrement(parseAmount('10'), parseAmount('0'), 'up'))).toEqual({ code: 'ARGUMENT_INVALID', message: 'roundToIncrement: increment must be above zero, not 0', path: ['increment'] });
    expect(thrown(() => roundToIncrement(parseAmount('10'), parseAmount('-0.05'), 'up'))).toEqual({ code: 'ARGUMENT_INVALID', message: 'roundToIncrement: increment must be above zero, not -0.05', path: ['increment'] });
  });
});

describe('formatting', () => {
  it('writes a negative zero as zero', () => {
    // -1.5 × 0 is a decimal.js negative zero.
    const negativeZero = parseAmount('-1.5').times(0);
    expect(negativeZero.isNegative()).toBe(true);
    expect(formatMoney(negativeZero, 'EUR')).toBe('0.00');
    expect(formatMoney(negativeZero, 'JPY')).toBe('0');
    expect(formatDecimal(negativeZero)).toBe('0');
  });

  it('names the function, the argument and the currency in its refusals', () => {
    expect(thrown(() => formatMoney('1' as unknown as Amount, 'EUR'))).toEqual({
      code: 'ARGUMENT_INVALID',
      message: 'formatMoney: amount must be an Amount (a finite decimal, from parseAmount), not the string "1"',
      path: ['amount'],
    });
    expect(thrown(() => formatDecimal(1 as unknown as Amount))).toEqual({
      code: 'ARGUMENT_INVALID',
      message: 'formatDecimal: amount must be an Amount (a finite decimal, from parseAmount), not the number 1',
      path: ['amount'],
    });
    expect(thrown(() => formatMoney(parseAmount('1.005'), 'EUR'))).toEqual({
      code: 'AMOUNT_NOT_ROUNDED',
      message: '1.005 has more than 2 decimal places for EUR: round it with roundMoney first',
      path: [],
    });
    expect(thrown(() => formatMoney(parseAmount('1'), 'euro'))).toMatchObject({ code: 'CURRENCY_UNKNOWN', message: expect.stringMatching(/^formatMoney: currency "euro"/) as unknown });
  });
});
