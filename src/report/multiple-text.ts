/**
 * A multiple (what an investor received over what it drew, `"1.123456"`) for people: rounded
 * half-even to two decimal places, with `×` (`1.12×`, in French `1,12×`).
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { decimalText, type Lang } from '../format/index.js';

/** The decimal places a multiple is shown with. */
const PLACES = 2;

/**
 * A multiple rounded half-even to two places, with `×`; text that is not a decimal is written as
 * it is, with `×`.
 *
 * @example
 * multipleText('1.123456', 'en'); // '1.12×'
 * multipleText('0.995', 'fr'); // '1,00×'
 */
export function multipleText(value: string, lang: Lang): string {
  const rounded = /^-?\d+(\.\d+)?$/.test(value) ? new Decimal(value).toDecimalPlaces(PLACES, Decimal.ROUND_HALF_EVEN).toFixed(PLACES) : value;
  return `${decimalText(rounded, lang)}×`;
}
