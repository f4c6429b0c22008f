/**
 * fast-check generators for the money core: amounts are built from integer minor units and a
 * scale, never from doubles.
 */
import fc from 'fast-check';
import { parseAmount, type Amount } from '../../src/money/index.js';

/** A decimal string with up to `maxScale` fractional digits, from a bigint of minor units. */
export function decimalString(options: { maxScale?: number; min?: bigint; max?: bigint } = {}): fc.Arbitrary<string> {
  const { maxScale = 6, min = -(10n ** 15n), max = 10n ** 15n } = options;
  return fc.tuple(fc.bigInt({ min, max }), fc.integer({ min: 0, max: maxScale })).map(([units, scale]) => {
    const negative = units < 0n;
    const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
    const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
    return negative ? `-${text}` : text;
  });
}

/** An amount in minor units of a currency with `places` decimals (EUR: 2). */
export function moneyAmount(places = 2, bound = 10n ** 13n): fc.Arbitrary<Amount> {
  return fc.bigInt({ min: -bound, max: bound }).map((units) => {
    const negative = units < 0n;
    const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
    const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
    return parseAmount(negative ? `-${text}` : text);
  });
}

/** Any exact amount with up to 8 decimals. */
export function anyAmount(): fc.Arbitrary<Amount> {
  return decimalString({ maxScale: 8 }).map((text) => parseAmount(text));
}
