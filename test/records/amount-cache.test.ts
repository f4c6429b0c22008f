import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWithinAmountLimits } from '../../src/money/limits.js';
import { amountFromPlainText } from '../../src/money/wage-text.js';
import { createAmountCache } from '../../src/records/amount-cache.js';

/*
 * The cache is an optimisation only: whatever was looked up before (values written differently,
 * slots already taken by other values, texts it declines to cache), each lookup gives exactly the
 * decimal amountFromPlainText gives for that text, or undefined exactly when it does or when that
 * decimal is beyond the money core's limits (10^15, 12 decimal places).
 */

function parts(a: { s: number; e: number; d: readonly number[] | null } | undefined): unknown {
  return a === undefined ? undefined : { s: a.s, e: a.e, d: a.d === null ? null : [...a.d] };
}

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
// wage-like texts (the cached kind: up to two places), long ones and other fractions (not cached),
// the same values written with leading and trailing zeros, and texts that are not amounts at all
const text = fc.oneof(
  fc.tuple(digits(1, 6), fc.option(digits(1, 2), { nil: undefined })).map(([w, f]) => (f === undefined ? w : `${w}.${f}`)),
  fc.integer({ min: 0, max: 300 }).map((n) => `${1500 + n}.${n % 2 === 0 ? '5' : '50'}`),
  fc.tuple(digits(1, 16), digits(3, 9)).map(([w, f]) => `${w}.${f}`),
  digits(13, 20),
  fc.string({ maxLength: 6 }),
  fc.constantFrom('', '.', '1.', '.5', '-1', '1.2.3', '1e3', ' 1', '0', '0.00', '00.0'),
);

describe('amount cache', () => {
  it('gives amountFromPlainText for every text within the limits, whatever came before', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 400 }), (texts) => {
        const cache = createAmountCache();
        for (const t of [...texts, ...texts]) {
          const cached = cache.amountOf(t);
          const parsed = amountFromPlainText(t);
          const direct = parsed !== undefined && isWithinAmountLimits(parsed) ? parsed : undefined;
          expect(cached === undefined).toBe(direct === undefined);
          expect(parts(cached as never)).toEqual(parts(direct as never));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shares one decimal between texts of the same value', () => {
    const cache = createAmountCache();
    const first = cache.amountOf('1650.5');
    expect(cache.amountOf('1650.50')).toBe(first);
    expect(cache.amountOf('01650.50')).toBe(first);
    expect(cache.amountOf('1650.05')).not.toBe(first);
    expect(cache.amountOf('1650.05')?.toFixed(2)).toBe('1650.05');
  });

  it('stays exact after far more distinct values than it has slots', () => {
    const cache = createAmountCache();
    const first = cache.amountOf('1200.00');
    for (let cents = 0; cents < 100_000; cents++) cache.amountOf(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
    const again = cache.amountOf('1200.00');
    expect(again?.equals(first as never)).toBe(true);
    expect(again?.toFixed(2)).toBe('1200.00');
  });

  it('keeps the first value of a slot: later values never replace a cached decimal', () => {
    // A replaced decimal would be garbage in the engine's old generation (see amount-cache.ts);
    // after 100,000 other values, every value that was cached is still the very same object.
    // Cached: a second lookup gives the same object (two of the 50 may share a slot; then only
    // the first of them is cached, and the first text always is, the cache being empty).
    const cache = createAmountCache();
    const texts = Array.from({ length: 50 }, (_, i) => `${2000 + i}.25`);
    const first = texts.map((t) => cache.amountOf(t));
    const cached = texts.filter((t, i) => cache.amountOf(t) === first[i]);
    expect(cached.length).toBeGreaterThan(0);
    expect(cached[0]).toBe(texts[0]);
    for (let cents = 0; cents < 100_000; cents++) cache.amountOf(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
    texts.forEach((t, i) => {
      if (cached.includes(t)) expect(cache.amountOf(t)).toBe(first[i]);
    });
  });
});

describe('amount cache, in place', () => {
  it('reads a text between two indexes as the cache reads that text alone', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 3 }), text, fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 50 }), (pieces) => {
        const inPlace = createAmountCache();
        const whole = createAmountCache();
        for (const [before, t, after] of pieces) {
          const line = `${before}${t}${after}`;
          expect(parts(inPlace.amountIn(line, before.length, before.length + t.length) as never)).toEqual(parts(whole.amountOf(t) as never));
        }
      }),
      { numRuns: 200 },
    );
  });
});
