/**
 * Values inside the engine's texts, written for a French reader: decimals with a comma and
 * thousands grouped (`1 000,00`), calendar dates in words (`15 mai 2024`), lists joined by
 * `ou`, units, rounding modes and contract types in French words.
 *
 * @module
 */
import { dateText, decimalText } from '../format/index.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A decimal written in English (`1000.00`, `0.408163`, `-5`) as in French (`1 000,00`,
 * `0,408163`, `-5`); a fraction (`1/3`) or any other text is kept as it is (src/format's
 * `decimalText`).
 *
 * @example
 * frenchNumber('58962.4'); // '58 962,4' (with a no-break space)
 */
export function frenchNumber(text: string): string {
  return decimalText(text, 'fr');
}

/**
 * A calendar date `YYYY-MM-DD` in French words; any other text is kept as it is.
 *
 * @example
 * frenchDate('2024-05-01'); // '1er mai 2024'
 */
export function frenchDate(text: string): string {
  return DATE.test(text) ? dateText(text, 'fr') : text;
}

/**
 * A list the engine joined with `or` (`A or B`), joined with `ou`; ids are kept.
 *
 * @example
 * frenchList('62 or 72'); // '62 ou 72'
 */
export function frenchList(text: string): string {
  return text.split(' or ').join(' ou ');
}

const ROUNDING: Readonly<Record<string, string>> = {
  'half-even': 'au plus proche (moitié au pair)',
  'half-up': 'au plus proche (moitié vers le haut)',
  'half-down': 'au plus proche (moitié vers le bas)',
  up: 'par excès',
  down: 'par défaut',
  ceiling: 'vers le haut',
  floor: 'vers le bas',
  nearest: 'au plus proche',
};

/**
 * A rounding mode of the contract (or of a share cap) in French words.
 *
 * @example
 * frenchRounding('down'); // 'par défaut'
 */
export function frenchRounding(mode: string): string {
  return ROUNDING[mode] ?? mode;
}

const UNITS: Readonly<Record<string, readonly [string, string]>> = {
  day: ['jour', 'jours'],
  days: ['jour', 'jours'],
  week: ['semaine', 'semaines'],
  weeks: ['semaine', 'semaines'],
  month: ['mois', 'mois'],
  months: ['mois', 'mois'],
};

/**
 * A count of a duration unit (`6 months`, `1 week`) in French.
 *
 * @example
 * frenchDuration('13', 'weeks'); // '13 semaines'
 */
export function frenchDuration(count: string, unit: string): string {
  const words = UNITS[unit];
  return words === undefined ? `${count} ${unit}` : `${count} ${count === '1' ? words[0] : words[1]}`;
}

const CONTRACT_TYPES: Readonly<Record<string, string>> = {
  permanent: 'CDI',
  'fixed-term': 'CDD',
  temporary: 'intérim',
  apprenticeship: 'apprentissage',
};

/**
 * A list of employment contract types (`permanent or fixed-term`) as a French reader names them
 * (`CDI ou CDD`); a type without a French name is kept.
 *
 * @example
 * frenchContractTypes('permanent or apprenticeship'); // 'CDI ou apprentissage'
 */
export function frenchContractTypes(text: string): string {
  return text
    .split(' or ')
    .map((type) => CONTRACT_TYPES[type] ?? type)
    .join(' ou ');
}

/** `s` when a count (written as digits) is not 0 or 1: French plurals. */
export function plural(count: string): string {
  return count === '0' || count === '1' ? '' : 's';
}
