import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../runs.js';
import { ROUNDING_MODES, formatDecimal, parseAmount, roundDecimal } from '../../src/money/index.js';
import { compareRatios, ratioMinus, ratioOf, ratioOfInteger, ratioOver, ratioPlus, ratioTimes, ratioValue, roundRatio } from '../../src/money/ratio.js';
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
});
