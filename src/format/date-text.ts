/**
 * Calendar dates for people, through date-fns and its locales: `30 juin 2025`, `1er juillet 2025`
 * (fr), `30 June 2025` (en). A date is a calendar date: the text is the same in every time zone.
 *
 * @module
 */
import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { fr } from 'date-fns/locale/fr';
import { OutcomePayError } from '../errors.js';
import type { Lang } from './lang.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date-fns locale and pattern of each language: French writes the first of a month `1er`. */
const STYLE = { en: { locale: enGB, pattern: 'd MMMM yyyy' }, fr: { locale: fr, pattern: 'do MMMM yyyy' } } as const;

/**
 * Writes a `YYYY-MM-DD` date in words for the language. Throws `DATE_FORMAT` for text that is not
 * such a date, `DATE_IMPOSSIBLE` for a day the month does not have.
 *
 * @example
 * dateText('2025-06-30', 'fr'); // '30 juin 2025'
 * dateText('2025-07-01', 'fr'); // '1er juillet 2025'
 * dateText('2025-06-30', 'en'); // '30 June 2025'
 */
export function dateText(date: string, lang: Lang): string {
  const match = DATE.exec(date);
  const [year, month, day] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  // A local date at noon: format() reads local fields, so the zone never moves the day.
  const local = new Date(2000, 0, 1, 12);
  local.setFullYear(year, month - 1, day);
  if (match === null) throw new OutcomePayError('DATE_FORMAT', `dateText: ${JSON.stringify(date)} is not a calendar date written YYYY-MM-DD`);
  if (local.getFullYear() !== year || local.getMonth() !== month - 1 || local.getDate() !== day) {
    throw new OutcomePayError('DATE_IMPOSSIBLE', `dateText: ${date} is not a day of the calendar`);
  }
  const style = STYLE[lang];
  return format(local, style.pattern, { locale: style.locale });
}
