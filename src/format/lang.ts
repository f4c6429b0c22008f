/**
 * The languages of the text written for people (summaries, explanations, statements).
 *
 * @module
 */

/** A language of the text written for people: English or French. */
export type Lang = 'en' | 'fr';

/** Every language, in the order the command line lists them. */
export const LANGS: readonly Lang[] = ['en', 'fr'];

/**
 * Whether a value names a language outcome-pay writes.
 *
 * @example
 * isLang('fr'); // true
 * isLang('de'); // false
 */
export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'fr';
}

/** The BCP 47 locale of each language: British English (day month year), French of France. */
export const LOCALES: Readonly<Record<Lang, string>> = { en: 'en-GB', fr: 'fr-FR' };
