/**
 * The words, amounts and dates of the command line's text for people in one language. English
 * keeps the text it always had (amounts as the settlement writes them, `1650.00`; dates
 * `YYYY-MM-DD`), so that what reads it still does; French writes amounts and dates as a French
 * reader does (`1 650,00 €`, `30 juin 2025`).
 *
 * @module
 */
import { dateText, decimalText, isLang, MESSAGES, moneyText, shareText, type Lang, type Messages } from '../format/index.js';
import { engineText, frenchContractTypes } from '../wording/index.js';
import { CliUsageError } from './io.js';
import { textOption, type OptionValues } from './options.js';

/** The text of one language: its messages and how it writes amounts, dates and shares. */
export interface PeopleText {
  readonly lang: Lang;
  readonly m: Messages;
  /** An amount of the currency (a settlement's decimal string). */
  readonly amount: (value: string) => string;
  /** A `YYYY-MM-DD` date. */
  readonly date: (value: string) => string;
  /** A payer's share. */
  readonly share: (value: string) => string;
  /** A decimal that is not money (a rate, a level, units): `0,4` in French. */
  readonly decimal: (value: string) => string;
  /** An employment contract type of a record (`fixed-term`): `CDD` in French. */
  readonly contractType: (value: string) => string;
  /** Between the items of a list: `; ` in English, ` ; ` in French. */
  readonly separator: string;
  /** A sentence the engine wrote (a formula, an explanation, the terms of an outcome), in the language. */
  readonly engine: (value: string) => string;
}

/**
 * The text of a language for amounts in a currency.
 *
 * @example
 * peopleText('fr', 'EUR').amount('1650.00'); // '1 650,00 €'
 * peopleText('en', 'EUR').amount('1650.00'); // '1650.00'
 * peopleText('fr', 'EUR').engine('the contract had already ended'); // 'la convention avait déjà pris fin'
 */
export function peopleText(lang: Lang, currency: string): PeopleText {
  const m = MESSAGES[lang];
  const engine = (value: string): string => engineText(value, lang);
  const decimal = (value: string): string => decimalText(value, lang);
  if (lang === 'en') return { lang, m, amount: (value) => value, date: (value) => value, share: (value) => shareText(value, lang), decimal, engine, contractType: (value) => value, separator: '; ' };
  return {
    lang,
    m,
    amount: (value) => moneyText(value, currency, lang),
    date: (value) => dateText(value, lang),
    share: (value) => shareText(value, lang),
    decimal,
    engine,
    contractType: frenchContractTypes,
    separator: '\u00A0; ',
  };
}

/** The help of `--lang` on every command that writes text for people. */
export const LANG_HELP = '"en" (default) or "fr": the language of the text for people (amounts and dates in French as a French reader writes them: 1 650,00 €, 30 juin 2025); JSON and CSV stay language-neutral';

/**
 * The language given with `--lang` (English when absent); a usage error when the command writes
 * no text for people with the options given (`what` says which option does).
 *
 * @example
 * langOption({ lang: 'fr', summary: true }, 'settle', true, '--summary'); // 'fr'
 */
export function langOption(values: OptionValues, command: string, writesText: boolean, what: string): Lang {
  const lang = textOption(values, 'lang');
  if (lang === undefined) return 'en';
  if (!writesText) throw new CliUsageError(`${command}: --lang is for ${what} (the JSON stays language-neutral)`);
  if (!isLang(lang)) throw new CliUsageError(`${command}: --lang takes "en" or "fr"`);
  return lang;
}
