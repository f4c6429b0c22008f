import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutcomePayError } from '../../src/errors.js';
import { allocate, allocateRatios, formatMoney, parseAmount, ratioOf, sumAmounts, type Amount, type Ratio } from '../../src/money/index.js';
import { moneyAmount } from './arbitraries.js';
import { thrown } from '../thrown.js';

const eur = (parts: Amount[]): string[] => parts.map((part) => formatMoney(part, 'EUR'));

describe('allocate: worked examples', () => {
  it('splits 100.00 in three: 33.33 each leaves 0.01, which goes to the first (ties by index)', () => {
    expect(eur(allocate(parseAmount('100.00'), ['1', '1', '1'], 'EUR'))).toEqual(['33.34', '33.33', '33.33']);
  });

  it('splits a payment 60/40 between a region and an agency', () => {
    // 1234.57 x 0.6 = 740.742 -> 740.74 (remainder .002); x 0.4 = 493.828 -> 493.82 (remainder .008).
    // 740.74 + 493.82 = 1234.56: one cent left, to the larger remainder (the agency): 493.83.
    expect(eur(allocate(parseAmount('1234.57'), ['0.6', '0.4'], 'EUR'))).toEqual(['740.74', '493.83']);
  });

  it('mirrors a clawback', () => {
    // -0.05 x 0.6 = -0.03 exactly; -0.05 x 0.4 = -0.02 exactly.
    expect(eur(allocate(parseAmount('-0.05'), ['0.6', '0.4'], 'EUR'))).toEqual(['-0.03', '-0.02']);
    // -0.01 among 1:1 -> the first gets the cent.
    expect(eur(allocate(parseAmount('-0.01'), ['1', '1'], 'EUR'))).toEqual(['-0.01', '0.00']);
  });

  it('gives exactly zero to a zero weight, even when units are left over', () => {
    // 0.05 among 0 : 1 : 1 -> 0.025 each for the last two -> 0.02 + 0.02, one cent to index 1.
    expect(eur(allocate(parseAmount('0.05'), ['0', '1', '1'], 'EUR'))).toEqual(['0.00', '0.03', '0.02']);
  });

  it('writes parts below one unit and in three decimal places exactly (each part made from its minor units)', () => {
    // 0.005 KWD = 5 fils among 1 : 1 -> 2 each, 1 left to the first: 0.003 and 0.002
    expect(allocate(parseAmount('0.005'), ['1', '1'], 'KWD').map((p) => p.toFixed())).toEqual(['0.003', '0.002']);
    // -12.345 KWD among 1 : 2 -> -4115 and -8230 fils exactly
    expect(allocate(parseAmount('-12.345'), ['1', '2'], 'KWD').map((p) => p.toFixed())).toEqual(['-4.115', '-8.23']);
    // a zero part is zero, never negative zero: -0.01 EUR among 1 : 1
    const [, zero] = allocate(parseAmount('-0.01'), ['1', '1'], 'EUR');
    expect(zero?.isZero() === true && !zero.isNegative()).toBe(true);
  });

  it('splits alike with weights given as amounts and as strings (amounts taken as they are)', () => {
    const total = parseAmount('1234.57');
    const shares = [parseAmount('0.6'), parseAmount('0.4')];
    expect(eur(allocate(total, shares, 'EUR'))).toEqual(eur(allocate(total, ['0.6', '0.4'], 'EUR')));
    expect(eur(allocate(total, shares, 'EUR'))).toEqual(['740.74', '493.83']);
  });

  it('works in yen with integer weights', () => {
    expect(allocate(parseAmount('1000'), [1, 2], 'JPY').map((p) => formatMoney(p, 'JPY'))).toEqual(['333', '667']);
  });

  it('refuses bad weights and unrounded totals with codes', () => {
    const code = (run: () => unknown): string => {
      try {
        run();
        return 'no error';
      } catch (error) {
        return error instanceof OutcomePayError ? error.code : 'other';
      }
    };
    expect(code(() => allocate(parseAmount('1'), [], 'EUR'))).toBe('ALLOCATION_NO_WEIGHTS');
    expect(code(() => allocate(parseAmount('1'), ['0', '0'], 'EUR'))).toBe('ALLOCATION_WEIGHTS_ZERO');
    expect(code(() => allocate(parseAmount('1'), ['-1', '2'], 'EUR'))).toBe('ALLOCATION_WEIGHT_NEGATIVE');
    expect(code(() => allocate(parseAmount('1.001'), ['1'], 'EUR'))).toBe('AMOUNT_NOT_ROUNDED');
    expect(code(() => allocate(parseAmount('1'), [0.5], 'EUR'))).toBe('AMOUNT_FRACTIONAL_NUMBER');
  });
});

const weightArb = fc.oneof(
  fc.constant('0'),
  fc.integer({ min: 0, max: 1000 }).map(String),
  fc.integer({ min: 0, max: 100000 }).map((n) => (n / 1).toString().padStart(6, '0').replace(/^(\d+)(\d{5})$/, '$1.$2')),
);
const weightsArb = fc
  .array(weightArb, { minLength: 1, maxLength: 12 })
  .filter((weights) => weights.some((w) => !parseAmount(w).isZero()));

describe('allocate: properties', () => {
  it('conserves the total to the minor unit (negative and zero totals too)', () => {
    fc.assert(
      fc.property(moneyAmount(2), weightsArb, (total, weights) => {
        const parts = allocate(total, weights, 'EUR');
        expect(parts).toHaveLength(weights.length);
        expect(sumAmounts(parts).equals(total)).toBe(true);
      }),
    );
  });

  it('keeps each part within one minor unit of its exact share, and zero weights at zero', () => {
    fc.assert(
      fc.property(moneyAmount(2), weightsArb, (total, weights) => {
        const parts = allocate(total, weights, 'EUR');
        const weightSum = sumAmounts(weights.map((w) => parseAmount(w)));
        parts.forEach((part, index) => {
          const weight = parseAmount(weights[index] ?? '0');
          const exact = total.times(weight).dividedBy(weightSum);
          expect(part.minus(exact).abs().lessThan('0.01')).toBe(true);
          expect(part.decimalPlaces()).toBeLessThanOrEqual(2);
          if (weight.isZero()) expect(part.isZero()).toBe(true);
          // The part has the sign of the total (or is zero).
          if (!part.isZero()) expect(part.isNegative()).toBe(total.isNegative());
        });
      }),
    );
  });

  it('is deterministic and a clawback mirrors the payment', () => {
    fc.assert(
      fc.property(moneyAmount(2), weightsArb, (total, weights) => {
        const first = eur(allocate(total, weights, 'EUR'));
        expect(eur(allocate(total, weights, 'EUR'))).toEqual(first);
        const mirrored = allocate(total.negated(), weights, 'EUR');
        expect(eur(mirrored.map((part) => part.negated()))).toEqual(first);
      }),
    );
  });

  it('does not depend on how weights are scaled', () => {
    fc.assert(
      fc.property(moneyAmount(2), fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 8 }), (total, ints) => {
        fc.pre(ints.some((n) => n > 0));
        const asCounts = allocate(total, ints, 'EUR');
        const asShares = allocate(total, ints.map((n) => `${n}.000`), 'EUR');
        expect(eur(asShares)).toEqual(eur(asCounts));
      }),
    );
  });
});

/**
 * An independent largest-remainder split in integer minor units: each part gets ⌊total × w / Σw⌋,
 * then the leftover units are handed out one at a time, each to the part with the largest
 * remainder not yet served (the earliest such part on a tie). Loops instead of sorting.
 */
function largestRemainder(totalMinor: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  const parts = weights.map((w) => (totalMinor * w) / sum);
  const remainders = weights.map((w) => (totalMinor * w) % sum);
  const served = weights.map(() => false);
  let leftover = totalMinor - parts.reduce((a, b) => a + b, 0n);
  while (leftover > 0n) {
    let best = -1;
    for (let i = 0; i < weights.length; i++) {
      if (served[i]) continue;
      if (best < 0 || (remainders[i] ?? 0n) > (remainders[best] ?? 0n)) best = i;
    }
    served[best] = true;
    parts[best] = (parts[best] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return parts;
}

describe('allocate: the leftover units, against an independent split', () => {
  it('hands the leftover cents to the largest remainders, ties to the earlier part', () => {
    // 0.07 among 1 : 1 : 1 : 1 : 1 : 1 -> 0.01 each (remainder 1 of 6 each), one cent left to the first.
    expect(eur(allocate(parseAmount('0.07'), ['1', '1', '1', '1', '1', '1'], 'EUR'))).toEqual(['0.02', '0.01', '0.01', '0.01', '0.01', '0.01']);
    // 0.05 among 1 : 2 : 1 : 2 (sum 6): floors 5/6, 10/6, 5/6, 10/6 = 0, 1, 0, 1; remainders 5, 4, 5, 4:
    // the three leftover cents go to the 5s (parts 0 and 2), then the first 4 (part 1).
    expect(eur(allocate(parseAmount('0.05'), ['1', '2', '1', '2'], 'EUR'))).toEqual(['0.01', '0.02', '0.01', '0.01']);
  });

  it('agrees with the loop over every generated split', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -100000n, max: 100000n }), fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 13 }), (cents, ints) => {
        fc.pre(ints.some((n) => n > 0));
        const negative = cents < 0n;
        const expected = largestRemainder(negative ? -cents : cents, ints.map(BigInt)).map((minor) => formatMoney(parseAmount(negative ? -minor : minor).dividedBy(100), 'EUR'));
        expect(eur(allocate(parseAmount(cents).dividedBy(100), ints, 'EUR'))).toEqual(expected);
      }),
    );
  });

  it('names the weight, the total and the currency in its refusals', () => {
    expect(thrown(() => allocate(parseAmount('1'), '1' as unknown as string[], 'EUR'))).toEqual({
      code: 'ARGUMENT_INVALID',
      message: 'allocate: weights must be an array of weights, not the string "1"',
      path: ['weights'],
    });
    expect(thrown(() => allocate(parseAmount('1'), [], 'EUR'))).toEqual({ code: 'ALLOCATION_NO_WEIGHTS', message: 'cannot allocate among an empty list of weights', path: [] });
    expect(thrown(() => allocate(parseAmount('1'), ['1', '-0.5'], 'EUR'))).toEqual({
      code: 'ALLOCATION_WEIGHT_NEGATIVE',
      message: 'weight 1 is -0.5: weights must not be negative',
      path: ['weights', 1],
    });
    expect(thrown(() => allocate(parseAmount('1'), ['1', 'half'], 'EUR'))).toEqual({
      code: 'AMOUNT_FORMAT',
      message: '"half" at weights[1] is not a decimal amount: write digits with an optional minus sign and decimal point, such as "1500.00"',
      path: ['weights', 1],
    });
    expect(thrown(() => allocate('x' as unknown as Amount, ['1'], 'EUR'))).toEqual({
      code: 'AMOUNT_FORMAT',
      message: '"x" at total is not a decimal amount: write digits with an optional minus sign and decimal point, such as "1500.00"',
      path: ['total'],
    });
    expect(thrown(() => allocate(parseAmount('1'), ['1'], 'eur'))).toEqual({
      code: 'CURRENCY_UNKNOWN',
      message: 'allocate: currency "eur" is not an active ISO 4217 currency code (write it in upper case, such as "EUR")',
      path: [],
    });
    expect(thrown(() => allocate(parseAmount('1.5'), ['1'], 'JPY'))).toEqual({
      code: 'AMOUNT_NOT_ROUNDED',
      message: 'cannot allocate 1.5 JPY: it has more than 0 decimal places',
      path: [],
    });
    expect(thrown(() => allocate(parseAmount('1'), ['0', '0.00'], 'EUR'))).toEqual({ code: 'ALLOCATION_WEIGHTS_ZERO', message: 'cannot allocate: every weight is zero', path: [] });
  });
});

describe('allocateRatios: exact fractional weights', () => {
  const r = (numerator: bigint, denominator: bigint): Ratio => ({ numerator, denominator });

  it('splits as allocate would with the weights brought to one denominator', () => {
    const third = r(1n, 3n);
    // 1/3 : 1/3 : 1/3 = 1 : 1 : 1 -> 33.33 each, one cent left to the first.
    expect(eur(allocateRatios(parseAmount('100.00'), [third, third, third], 'EUR'))).toEqual(['33.34', '33.33', '33.33']);
    // 1/2 : 1/3 : 1/6 over 6 = 3 : 2 : 1 (sum 6). 1000 cents: 3000/6 = 500, 2000/6 = 333 r 2, 1000/6 = 166 r 4;
    // one cent left, to the largest remainder (4, the last): 5.00, 3.33, 1.67.
    expect(eur(allocateRatios(parseAmount('10.00'), [r(1n, 2n), r(1n, 3n), r(1n, 6n)], 'EUR'))).toEqual(['5.00', '3.33', '1.67']);
    // A clawback mirrors it.
    expect(eur(allocateRatios(parseAmount('-10.00'), [r(1n, 2n), r(1n, 3n), r(1n, 6n)], 'EUR'))).toEqual(['-5.00', '-3.33', '-1.67']);
    // 2/4 : 3/6 (not in lowest terms) over lcm(4, 6) = 12 -> 6 : 6. 3 cents × 6/12 = 1.5 -> 1 each, the leftover cent to the first (a tie).
    expect(eur(allocateRatios(parseAmount('0.03'), [r(2n, 4n), r(3n, 6n)], 'EUR'))).toEqual(['0.02', '0.01']);
    // 3/4 : 1/10 over lcm(4, 10) = 20 -> 15 : 2 (sum 17). 100 yen: 1500/17 = 88 r 4, 200/17 = 11 r 13; one yen to the second.
    expect(allocateRatios(parseAmount('100'), [r(3n, 4n), r(1n, 10n)], 'JPY').map((part) => formatMoney(part, 'JPY'))).toEqual(['88', '12']);
    // A zero weight gets zero; the others share all of it.
    expect(eur(allocateRatios(parseAmount('0.01'), [r(0n, 1n), r(1n, 7n)], 'EUR'))).toEqual(['0.00', '0.01']);
  });

  it('refuses a negative weight and weights that are all zero', () => {
    expect(thrown(() => allocateRatios(parseAmount('1.00'), [r(1n, 2n), r(-1n, 2n)], 'EUR'))).toEqual({
      code: 'ALLOCATION_WEIGHT_NEGATIVE',
      message: 'a weight is negative: weights must not be negative',
      path: [],
    });
    expect(thrown(() => allocateRatios(parseAmount('1.00'), [r(0n, 1n), r(0n, 3n)], 'EUR'))).toEqual({ code: 'ALLOCATION_WEIGHTS_ZERO', message: 'cannot allocate: every weight is zero', path: [] });
  });

  it('agrees with allocate on decimal weights', () => {
    fc.assert(
      fc.property(moneyAmount(2), weightsArb, (total, weights) => {
        const ratios = weights.map((weight) => ratioOf(parseAmount(weight)));
        expect(eur(allocateRatios(total, ratios, 'EUR'))).toEqual(eur(allocate(total, weights, 'EUR')));
      }),
    );
  });
});
