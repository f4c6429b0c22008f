/**
 * Amounts for people (src/format/money-text.ts) against Intl.NumberFormat, which formats a decimal
 * string exactly (no float): the text is Intl's for the same amount, except the group separator of
 * French, U+00A0 where Intl writes U+202F (the documented choice).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutcomePayError } from '../../src/errors.js';
import { GROUP_SEPARATOR_FOR_NARROW_SPACE, moneyText, shareText } from '../../src/format/index.js';

/** Intl's text for the amount, given as a string (exact), with the currency's digits, U+202F written as we write it. */
function intl(amount: string, currency: string, locale: string, units: number): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: units, maximumFractionDigits: units })
    .format(amount as unknown as number)
    .replaceAll('\u202F', GROUP_SEPARATOR_FOR_NARROW_SPACE);
}

/** A visible stand-in for U+00A0 in the expected texts below. */
const nb = (text: string): string => text.replaceAll('·', '\u00A0');

const CURRENCIES = [
  ['JPY', 0],
  ['EUR', 2],
  ['GBP', 2],
  ['USD', 2],
  ['KWD', 3],
  ['TND', 3],
] as const;

describe('moneyText', () => {
  it('writes French amounts as a French reader does: 1 650,00 €', () => {
    expect(moneyText('1650.00', 'EUR', 'fr')).toBe(nb('1·650,00·€'));
    expect(moneyText('1650', 'EUR', 'fr')).toBe(nb('1·650,00·€'));
    expect(moneyText('0.5', 'EUR', 'fr')).toBe(nb('0,50·€'));
    expect(moneyText('-1234567.5', 'EUR', 'fr')).toBe(nb('-1·234·567,50·€'));
    expect(moneyText('999', 'EUR', 'fr')).toBe(nb('999,00·€'));
    expect(moneyText('1650', 'JPY', 'fr')).toBe(nb('1·650·JPY'));
    expect(moneyText('1650.125', 'KWD', 'fr')).toBe(nb('1·650,125·KWD'));
    expect(moneyText('123456789012345678901.05', 'EUR', 'fr')).toBe(nb('123·456·789·012·345·678·901,05·€'));
  });

  it('writes English amounts as a British reader does: €1,650.00', () => {
    expect(moneyText('1650.00', 'EUR', 'en')).toBe('€1,650.00');
    expect(moneyText('-1234567.5', 'GBP', 'en')).toBe('-£1,234,567.50');
    expect(moneyText('1650', 'JPY', 'en')).toBe('JP¥1,650');
    expect(moneyText('-0.005', 'KWD', 'en')).toBe(nb('-KWD·0.005'));
  });

  it('never writes a negative zero', () => {
    expect(moneyText('-0.00', 'EUR', 'fr')).toBe(nb('0,00·€'));
    expect(moneyText('-0', 'JPY', 'en')).toBe('JP¥0');
  });

  it('is Intl.NumberFormat on the exact decimal string, for 0, 2 and 3 minor units, negative and very large amounts', () => {
    const reach = { negative: 0, large: 0, units: new Set<number>(), fr: 0, en: 0 };
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCIES),
        fc.constantFrom('fr', 'en'),
        fc.boolean(),
        fc.integer({ min: 1, max: 25 }).chain((length) => fc.stringMatching(new RegExp(`^[1-9]\\d{${String(length - 1)}}$`))),
        fc.nat(999),
        ([currency, units], lang, negative, integer, cents) => {
          const fraction = units === 0 ? '' : `.${String(cents).padStart(3, '0').slice(0, units)}`;
          const amount = `${negative ? '-' : ''}${integer}${fraction}`;
          fc.pre(/[1-9]/.test(amount));
          if (negative) reach.negative += 1;
          if (integer.length > 16) reach.large += 1;
          reach.units.add(units);
          reach[lang] += 1;
          expect(moneyText(amount, currency, lang)).toBe(intl(amount, currency, lang === 'fr' ? 'fr-FR' : 'en-GB', units));
        },
      ),
      { numRuns: 500 },
    );
    expect(reach.negative).toBeGreaterThan(50);
    expect(reach.large).toBeGreaterThan(50);
    expect([...reach.units].sort()).toEqual([0, 2, 3]);
    expect(reach.fr).toBeGreaterThan(50);
    expect(reach.en).toBeGreaterThan(50);
  });

  it('pads to the currency minor units, and refuses more digits than the currency has, or text that is no decimal', () => {
    expect(moneyText('12.5', 'KWD', 'fr')).toBe(nb('12,500·KWD'));
    expect(moneyText('12.500', 'EUR', 'en')).toBe('€12.50'); // trailing zeros are no extra digit
    const code = (run: () => unknown): string | undefined => {
      try {
        run();
      } catch (error) {
        return error instanceof OutcomePayError ? error.code : 'not an OutcomePayError';
      }
      return undefined;
    };
    expect(code(() => moneyText('12.505', 'EUR', 'fr'))).toBe('AMOUNT_NOT_ROUNDED');
    expect(code(() => moneyText('1.5', 'JPY', 'fr'))).toBe('AMOUNT_NOT_ROUNDED');
    expect(code(() => moneyText('1e3', 'EUR', 'fr'))).toBe('AMOUNT_FORMAT');
    expect(code(() => moneyText('1 650,00', 'EUR', 'fr'))).toBe('AMOUNT_FORMAT');
    expect(code(() => moneyText('10', 'XXY', 'fr'))).toBe('CURRENCY_UNKNOWN');
  });
});

describe('shareText', () => {
  it('writes a decimal share as a percentage, a fraction as written', () => {
    expect(shareText('0.6', 'fr')).toBe(nb('60·%'));
    expect(shareText('0.6', 'en')).toBe('60%');
    expect(shareText('0.125', 'fr')).toBe(nb('12,5·%'));
    expect(shareText('1', 'en')).toBe('100%');
    expect(shareText('0.05', 'en')).toBe('5%');
    expect(shareText('1/3', 'fr')).toBe('1/3');
  });
});
