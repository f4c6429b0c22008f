/**
 * Percentages for people (#18, the new user's trial): an investor's IRR was shown as a raw decimal
 * (`0.0734...`) and a payer's share as `0,6` in the French report but `60 %` in the summary. Every
 * expected text is worked out by hand in its comment.
 */
import { describe, expect, it } from 'vitest';
import { percentText, ratioText, shareText } from '../../src/format/index.js';
import { multipleText } from '../../src/report/multiple-text.js';

/** `·` written for U+00A0 (no-break space). */
const nb = (text: string): string => text.replaceAll('·', '\u00A0');

describe('percentText', () => {
  it('writes a percentage already computed: no space in English, a decimal comma and U+00A0 before % in French', () => {
    expect(percentText('40.8', 'en')).toBe('40.8%');
    expect(percentText('40.8', 'fr')).toBe(nb('40,8·%'));
    // 1234.5: French groups the thousands with U+00A0
    expect(percentText('1234.5', 'fr')).toBe(nb('1·234,5·%'));
    expect(percentText('-5.25', 'fr')).toBe(nb('-5,25·%'));
  });
});

describe('ratioText', () => {
  it('an IRR of 0.0734123456 is 7.34123456 %: 7.34 rounded to two places', () => {
    expect(ratioText('0.0734123456', 2, 'en')).toBe('7.34%');
    expect(ratioText('0.0734123456', 2, 'fr')).toBe(nb('7,34·%'));
  });

  it('rounds half-even: 0.00125 is 0.125 % → 0.12; 0.00135 is 0.135 % → 0.14; the places are always written', () => {
    expect(ratioText('0.00125', 2, 'en')).toBe('0.12%');
    expect(ratioText('0.00135', 2, 'en')).toBe('0.14%');
    // 0.25 = 25 %, written 25.0 to one place; 1 = 100 %
    expect(ratioText('0.250000', 1, 'en')).toBe('25.0%');
    expect(ratioText('1', 1, 'fr')).toBe(nb('100,0·%'));
  });

  it('a negative rate keeps its sign; one that rounds to zero has none', () => {
    // -0.0903917264 = -9.03917264 % → -9.04
    expect(ratioText('-0.0903917264', 2, 'en')).toBe('-9.04%');
    // -0.00001 = -0.001 % → -0.00 → 0.00
    expect(ratioText('-0.00001', 2, 'en')).toBe('0.00%');
  });

  it('text that is not a decimal is written as it is', () => {
    expect(ratioText('n/a', 2, 'en')).toBe('n/a');
  });
});

describe('shareText', () => {
  it('a share is exact (never rounded): 1/3 as written, 0.333 as 33.3 %', () => {
    expect(shareText('1/3', 'en')).toBe('1/3');
    expect(shareText('0.333', 'fr')).toBe(nb('33,3·%'));
    expect(shareText('0.123456', 'en')).toBe('12.3456%');
  });

  it('a negative decimal keeps its sign in front of the digits (it was written -005 %)', () => {
    // -0.05 = -5 %
    expect(shareText('-0.05', 'en')).toBe('-5%');
  });
});

describe('multipleText', () => {
  it('a multiple rounded half-even to two places, with ×', () => {
    // 1.123456 → 1.12; 0.995 → the 9 before the 5 is odd: up to 1.00; 0.985 → 8 is even: 0.98
    expect(multipleText('1.123456', 'en')).toBe('1.12×');
    expect(multipleText('0.995', 'fr')).toBe('1,00×');
    expect(multipleText('0.985', 'en')).toBe('0.98×');
    expect(multipleText('0.000000', 'en')).toBe('0.00×');
  });
});
