/**
 * A decimal that is not money (a rate, a level, a share, a count of units) as a reader of the
 * language writes it: as written in English, with a decimal comma and thousands grouped in French.
 *
 * @module
 */
import { GROUP_SEPARATOR_FOR_NARROW_SPACE } from './money-text.js';
import type { Lang } from './lang.js';

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * `text` written for a reader of `lang`: English keeps it (`0.408163`, `1000.00`); French moves the
 * digits, never through a float (`0,408163`, `1 000,00`, U+00A0 between groups of an integer part
 * of four digits or more). A fraction (`1/3`) or any other text is kept as it is.
 *
 * @example
 * decimalText('58962.4', 'fr'); // '58 962,4' (with a no-break space)
 * decimalText('0.25', 'en'); // '0.25'
 */
export function decimalText(text: string, lang: Lang): string {
  const match = lang === 'en' ? null : DECIMAL.exec(text);
  if (match === null) return text;
  const digits = match[2] ?? '';
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  const whole = digits.length < 4 ? digits : groups.join(GROUP_SEPARATOR_FOR_NARROW_SPACE);
  return `${match[1] ?? ''}${whole}${match[3] === undefined ? '' : `,${match[3]}`}`;
}
