/**
 * Percentages for people, in one layout for every output (summary, explanation, statements,
 * report): `60%`, `7.34%` in English; `60 %`, `7,34 %` in French (U+00A0 before the sign, a
 * decimal comma). A payer's share is written exactly ({@link shareText}); a rate such as an
 * investor's IRR or a probability is rounded to a stated number of places ({@link ratioText}).
 * The digits move as text or through decimal.js, never through a float.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { decimalText } from './decimal-text.js';
import type { Lang } from './lang.js';

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * A percentage already computed, as decimal text (`'40.8'`, `'-5.25'`), with its sign for the
 * language: `'40.8%'` (en), `'40,8 %'` (fr, U+00A0 before `%`, groups of thousands as
 * {@link decimalText} writes them). Any other text is written as it is, with the sign.
 *
 * @example
 * percentText('40.8', 'en'); // '40.8%'
 * percentText('40.8', 'fr'); // '40,8 %' (with a no-break space)
 */
export function percentText(percentage: string, lang: Lang): string {
  return `${decimalText(percentage, lang)}${lang === 'fr' ? '\u00A0%' : '%'}`;
}

/**
 * Writes a share (a decimal such as `"0.6"`, or a fraction such as `"1/3"`, as a settlement
 * writes a payer's share) as a percentage for the language: `"60 %"` (fr, U+00A0 before the
 * sign), `"60%"` (en); a fraction stays as written (`"1/3"`). Exact: the digits move, no float,
 * nothing rounded.
 *
 * @example
 * shareText('0.6', 'fr'); // '60 %'
 * shareText('0.125', 'en'); // '12.5%'
 */
export function shareText(share: string, lang: Lang): string {
  const match = DECIMAL.exec(share);
  if (match === null) return share;
  const [whole = '0', fraction = ''] = [match[2], match[3]];
  const digits = `${whole}${fraction.padEnd(2, '0')}`;
  const integer = digits.slice(0, whole.length + 2).replace(/^0+(?=\d)/, '');
  const rest = fraction.slice(2);
  const negative = match[1] === '-' && /[1-9]/.test(digits);
  return percentText(`${negative ? '-' : ''}${integer}${rest === '' ? '' : `.${rest}`}`, lang);
}

/**
 * A ratio (`"0.0734123456"`, an IRR, a probability) as a percentage rounded half-even to
 * `places` decimal places, the places always written: `ratioText('0.0734123456', 2, 'en')` is
 * `'7.34%'`, in French `'7,34 %'`; `ratioText('0.25', 1, 'en')` is `'25.0%'`. A ratio that rounds
 * to zero is written without a sign. Text that is not a decimal is written as it is.
 *
 * @example
 * ratioText('0.0734123456', 2, 'fr'); // '7,34 %' (with a no-break space)
 * ratioText('-0.051', 2, 'en'); // '-5.10%'
 */
export function ratioText(ratio: string, places: number, lang: Lang): string {
  if (!DECIMAL.test(ratio)) return ratio;
  const rounded = new Decimal(ratio).times(100).toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN);
  return percentText((rounded.isZero() ? rounded.abs() : rounded).toFixed(places), lang);
}
