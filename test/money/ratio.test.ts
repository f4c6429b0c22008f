import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../runs.js';
import { ROUNDING_MODES, formatDecimal, parseAmount, roundDecimal } from '../../src/money/index.js';
import { RATIO_ZERO, compareRatios, ratioMinus, ratioOf, ratioOfInteger, ratioOver, ratioPlus, ratioTimes, ratioValue, roundRatio, roundRatioMoney } from '../../src/money/ratio.js';
import { thrown } from '../thrown.js';
import { decimalString } from './arbitraries.js';

/** An independent oracle: decimal.js at 1,000 significant digits (a quotient of the small fractions here is never that close to a rounding boundary without being on it). */
const Wide = Decimal.clone({ precision: 1000, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
const MODES = { 'half-even': Decimal.ROUND_HALF_EVEN, 'half-up': Decimal.ROUND_HALF_UP, 'half-down': Decimal.ROUND_HALF_DOWN, up: Decimal.ROUND_UP, down: Decimal.ROUND_DOWN, ceiling: Decimal.ROUND_CEIL, floor: Decimal.ROUND_FLOOR } as const;

const mode = fc.constantFrom(...ROUNDING_MODES);
const fraction = fc.tuple(decimalString({ maxScale: 12 }), decimalString({ maxScale: 12 }).filter((d) => !parseAmount(d).isZero()));

describe('exact fractions (ratio)', () => {
  it('round a decimal as roundDecimal does, in every mode', () => {
    fc.assert(
      fc.property(decimalString({ maxScale: 12 }), fc.integer({ min: 0, max: 6 }), mode, (text, places, m) => {
        expect(roundRatio(ratioOf(parseAmount(text)), places, m).toFixed()).toBe(roundDecimal(parseAmount(text), places, m).toFixed());
      }),
      { numRuns: runs(1000) },
    );
  });

  it('round a quotient as its 1,000-digit value rounds', () => {
    fc.assert(
      fc.property(fraction, fc.integer({ min: 0, max: 4 }), mode, ([a, b], places, m) => {
        const expected = new Wide(a).dividedBy(new Wide(b)).toDecimalPlaces(places, MODES[m]);
        const got = roundRatio(ratioOver(ratioOf(parseAmount(a)), ratioOf(parseAmount(b))), places, m);
        expect(got.toFixed()).toBe(expected.isZero() ? '0' : expected.toFixed());
      }),
      { numRuns: runs(1000) },
    );
  });

  it('rounds 1/3 × 0.03 to exactly 0.01 in every mode', () => {
    const value = ratioTimes(ratioOver(ratioOfInteger(1), ratioOfInteger(3)), ratioOf(parseAmount('0.03')));
    for (const m of ROUNDING_MODES) expect(roundRatio(value, 2, m).toFixed()).toBe('0.01');
  });

  it('add, subtract, multiply and compare as exact arithmetic does', () => {
    fc.assert(
      fc.property(fraction, fraction, ([a, b], [c, d]) => {
        const x = ratioOver(ratioOf(parseAmount(a)), ratioOf(parseAmount(b)));
        const y = ratioOver(ratioOf(parseAmount(c)), ratioOf(parseAmount(d)));
        const wide = (r: { numerator: bigint; denominator: bigint }) => new Wide(r.numerator.toString()).dividedBy(r.denominator.toString());
        const [wx, wy] = [new Wide(a).dividedBy(b), new Wide(c).dividedBy(d)];
        expect(wide(ratioPlus(x, y)).minus(wx.plus(wy)).abs().lt('1e-900')).toBe(true);
        expect(wide(ratioMinus(x, y)).minus(wx.minus(wy)).abs().lt('1e-900')).toBe(true);
        expect(wide(ratioTimes(x, y)).minus(wx.times(wy)).abs().lt('1e-900')).toBe(true);
        expect(compareRatios(x, y)).toBe(wx.comparedTo(wy));
      }),
      { numRuns: runs(200) },
    );
  });

  it('show a fraction with a finite expansion exactly, however many digits, and any other to 60 digits', () => {
    // 0.999999999999^6: 72 decimal places, more than the decimal context holds
    const f = ratioOf(parseAmount('0.999999999999'));
    const sixth = [f, f, f, f, f].reduce((p, x) => ratioTimes(p, x), f);
    expect(formatDecimal(ratioValue(sixth))).toBe(new Wide('0.999999999999').pow(6).toFixed());
    expect(formatDecimal(ratioValue(ratioOver(ratioOfInteger(2), ratioOfInteger(3))))).toBe(`0.${'6'.repeat(59)}7`);
    expect(formatDecimal(ratioValue(ratioOver(ratioOfInteger(-1), ratioOfInteger(8))))).toBe('-0.125');
  });

  it('keep a fraction in lowest terms with a positive denominator', () => {
    expect(RATIO_ZERO).toEqual({ numerator: 0n, denominator: 1n });
    // 1.25 = 125/100 = 5/4; -0.5 = -5/10 = -1/2
    expect(ratioOf(parseAmount('1.25'))).toEqual({ numerator: 5n, denominator: 4n });
    expect(ratioOf(parseAmount('-0.5'))).toEqual({ numerator: -1n, denominator: 2n });
    expect(ratioOf(parseAmount('0'))).toEqual({ numerator: 0n, denominator: 1n });
    // 2 / (-4) = -1/2: the sign moves to the numerator
    expect(ratioOver(ratioOfInteger(2), ratioOfInteger(-4))).toEqual({ numerator: -1n, denominator: 2n });
    // (-3) / (-6) = 1/2
    expect(ratioOver(ratioOfInteger(-3), ratioOfInteger(-6))).toEqual({ numerator: 1n, denominator: 2n });
    // 0 / (-7) = 0/1
    expect(ratioOver(RATIO_ZERO, ratioOfInteger(-7))).toEqual({ numerator: 0n, denominator: 1n });
    // 2/3 × 3/4 = 6/12 = 1/2
    expect(ratioTimes(ratioOver(ratioOfInteger(2), ratioOfInteger(3)), ratioOver(ratioOfInteger(3), ratioOfInteger(4)))).toEqual({ numerator: 1n, denominator: 2n });
  });

  it('compare equal fractions written differently as equal', () => {
    // 1/2 and 2/4 (not reduced, as a caller may write it)
    expect(compareRatios(ratioOver(ratioOfInteger(1), ratioOfInteger(2)), { numerator: 2n, denominator: 4n })).toBe(0);
    expect(compareRatios(RATIO_ZERO, ratioOfInteger(0))).toBe(0);
    expect(compareRatios(ratioOfInteger(1), ratioOfInteger(2))).toBe(-1);
    expect(compareRatios(ratioOfInteger(2), ratioOfInteger(1))).toBe(1);
  });

  it('refuse division by zero, a count that is not a safe integer and an unknown mode', () => {
    expect(thrown(() => ratioOver(ratioOfInteger(1), RATIO_ZERO))).toEqual({ code: 'RATIO_DIVISION_BY_ZERO', message: 'division of an exact fraction by zero', path: [] });
    expect(thrown(() => ratioOfInteger(1.5))).toEqual({ code: 'RATIO_NOT_INTEGER', message: '1.5 is not a safe integer', path: [] });
    expect(thrown(() => ratioOfInteger(2 ** 53))).toEqual({ code: 'RATIO_NOT_INTEGER', message: '9007199254740992 is not a safe integer', path: [] });
    // 1/3 at 0 places has a remainder, so the mode is read.
    expect(thrown(() => roundRatio(ratioOver(ratioOfInteger(1), ratioOfInteger(3)), 0, 'nearest' as 'up'))).toEqual({ code: 'ROUNDING_MODE_UNKNOWN', message: '"nearest" is not a rounding mode', path: [] });
  });

  it('round a fraction to a currency\'s minor unit', () => {
    const twoThirds = ratioOver(ratioOfInteger(2), ratioOfInteger(3));
    expect(roundRatioMoney(twoThirds, 'EUR', 'half-even').toFixed()).toBe('0.67'); // 0.666… -> 0.67
    expect(roundRatioMoney(twoThirds, 'EUR', 'down').toFixed()).toBe('0.66');
    expect(roundRatioMoney(twoThirds, 'JPY', 'down').toFixed()).toBe('0');
    expect(roundRatioMoney(twoThirds, 'KWD', 'up').toFixed()).toBe('0.667');
    expect(roundRatioMoney(ratioOver(ratioOfInteger(-2), ratioOfInteger(3)), 'EUR', 'floor').toFixed()).toBe('-0.67');
  });

  it('show fifths and fortieths exactly', () => {
    // 1/5: 5^1, one place: 10/5 = 2 -> 0.2; 3/40 = 3/(2^3 × 5): three places, 3000/40 = 75 -> 0.075
    expect(formatDecimal(ratioValue(ratioOver(ratioOfInteger(1), ratioOfInteger(5))))).toBe('0.2');
    expect(formatDecimal(ratioValue(ratioOver(ratioOfInteger(3), ratioOfInteger(40))))).toBe('0.075');
    expect(formatDecimal(ratioValue(ratioOver(ratioOfInteger(1), ratioOfInteger(25))))).toBe('0.04');
  });
});
