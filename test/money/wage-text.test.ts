import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../runs.js';
import { parseAmount, ZERO } from '../../src/money/index.js';
import { amountFromPlainText } from '../../src/money/wage-text.js';
import { WAGE_PATTERN } from '../../src/records/limits.js';

function parts(a: { s: number; e: number; d: readonly number[] | null }): unknown {
  return { s: a.s, e: a.e, d: a.d === null ? null : [...a.d] };
}

const digitsText = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{1,${max}}$`));
const textOf = ([whole, fraction]: [string, string | undefined]) => (fraction === undefined ? whole : `${whole}.${fraction}`);
// long texts (more than 15 digits: built digit by digit) and wage-like ones (up to 15: built from
// one integer), each with leading and trailing zeros at word boundaries
const plainText = fc.oneof(
  fc.tuple(digitsText(25), fc.option(digitsText(25), { nil: undefined })).map(textOf),
  fc.tuple(digitsText(9), fc.option(digitsText(7), { nil: undefined })).map(textOf),
);

describe('amountFromPlainText', () => {
  it('gives exactly the decimal parseAmount gives', () => {
    fc.assert(
      fc.property(plainText, (text) => {
        const fast = amountFromPlainText(text);
        const slow = parseAmount(text);
        expect(fast).toBeDefined();
        expect(parts(fast as never)).toEqual(parts(slow as never));
        expect(fast?.toFixed()).toBe(slow.toFixed());
        expect(fast?.constructor).toBe(slow.constructor);
        expect(Object.keys(fast as object)).toEqual(Object.keys(slow));
      }),
      { numRuns: runs(3000) },
    );
  });

  it('handles word boundaries, zeros and the shared zero', () => {
    const texts = ['0', '000', '0.00', '1', '10', '1000000', '10000000', '1234567', '12345678', '0.1', '0.0000001', '0.00000001',
      '0.1234567', '0.12345678', '9999999.9999999', '1650.50', '007.50', '120000000000000.00', '0.0500'];
    for (const text of texts) {
      const fast = amountFromPlainText(text);
      expect(parts(fast as never)).toEqual(parts(parseAmount(text) as never));
    }
    expect(amountFromPlainText('0.00')).toBe(ZERO);
  });

  it('declines anything but digits with an optional fraction', () => {
    for (const text of ['', '.', '.5', '5.', '-1', '+1', '1e3', '1.2.3', ' 1', '1,5', 'abc']) expect(amountFromPlainText(text)).toBeUndefined();
  });

  it('accepts exactly the texts of the records wage pattern', () => {
    const alphabet = fc.constantFrom('0', '1', '9', '.', '-', 'e', ' ', '٣');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(alphabet, { maxLength: 8 }).map((c) => c.join(''))), (text) => {
        expect(amountFromPlainText(text) !== undefined).toBe(WAGE_PATTERN.test(text));
      }),
      { numRuns: runs(3000) },
    );
  });
});
