/**
 * Amounts for people: `1 650,00 €` in French, `€1,650.00` in English, written from the exact
 * decimal string (never through a float). Intl gives only the layout of the locale (where the
 * sign and the currency go, the decimal and group separators, the currency's symbol), read from
 * the formatting of the integers 1, −1 and 1000; the digits are the amount's own.
 *
 * French: the group separator written is U+00A0 (no-break space), where Intl writes U+202F
 * (narrow no-break space): U+00A0 has the width of a digit's space in every font, so columns of a
 * terminal line up, and it never breaks a line. Before the currency, U+00A0 as Intl writes it.
 *
 * @module
 */
import { OutcomePayError } from '../errors.js';
import { currencyUnits } from '../money/currency.js';
import { LOCALES, type Lang } from './lang.js';

/** The group separator written for U+202F (narrow no-break space): U+00A0. */
export const GROUP_SEPARATOR_FOR_NARROW_SPACE = '\u00A0';

const AMOUNT = /^(-?)(\d+)(?:\.(\d+))?$/;

/** The integer's digits in groups of three, joined by `separator`. */
function grouped(digits: string, separator: string): string {
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return groups.join(separator);
}

function parts(locale: string, currency: string, units: number, value: number): Intl.NumberFormatPart[] {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: units, maximumFractionDigits: units, useGrouping: true }).formatToParts(value);
}

/**
 * Writes a money amount (a canonical decimal string of the settlement, `"1650.00"`, `"-5.5"`)
 * as a reader of the language writes it, with the currency: `"1 650,00 €"` (fr; U+00A0 as the
 * group separator and before the symbol), `"€1,650.00"` (en). The amount gets exactly the
 * currency's minor units (padded with zeros; an amount with more decimals than the currency has is
 * refused with `AMOUNT_NOT_ROUNDED`, as `formatMoney` refuses it). Throws `AMOUNT_FORMAT` for
 * text that is not a decimal, `CURRENCY_UNKNOWN` for a code that is no ISO 4217 currency.
 *
 * @example
 * moneyText('1650', 'EUR', 'fr'); // '1 650,00 €' (U+00A0 as both spaces)
 * moneyText('-1234567.5', 'EUR', 'en'); // '-€1,234,567.50'
 * moneyText('1650', 'JPY', 'fr'); // '1 650 JPY'
 */
export function moneyText(amount: string, currency: string, lang: Lang): string {
  const match = AMOUNT.exec(amount);
  if (match === null) throw new OutcomePayError('AMOUNT_FORMAT', `moneyText: ${JSON.stringify(amount)} is not a decimal amount such as "1650.00"`);
  const units = currencyUnits('moneyText', currency);
  const fraction = match[3] ?? '';
  if (fraction.replace(/0+$/, '').length > units) {
    throw new OutcomePayError('AMOUNT_NOT_ROUNDED', `moneyText: ${amount} has more than ${String(units)} decimal places for ${currency}`);
  }
  const integer = (match[2] ?? '0').replace(/^0+(?=\d)/, '');
  const digits = fraction.slice(0, units).padEnd(units, '0');
  const negative = match[1] === '-' && /[1-9]/.test(integer + digits);
  const locale = LOCALES[lang];
  const group = parts(locale, currency, 0, 1000).find((part) => part.type === 'group')?.value ?? '';
  const separator = group === '\u202F' ? GROUP_SEPARATOR_FOR_NARROW_SPACE : group;
  return parts(locale, currency, units, negative ? -1 : 1)
    .map((part) => {
      if (part.type === 'integer') return grouped(integer, separator);
      if (part.type === 'fraction') return digits;
      return part.value;
    })
    .join('');
}
