/**
 * CSV files of other locales, declared, never guessed: the delimiter, the decimal and thousands
 * separators of amounts, the date format, and a mapping from the file's headers to the records
 * CSV columns, or the French preset. Without options the reader is today's (`,`, `1650.00`,
 * `YYYY-MM-DD`, the column names of docs/records.md).
 *
 * @module
 */
import { invalidArgument } from '../guard.js';
import { ownData } from '../own-data.js';
import type { CsvColumn } from './csv-columns.js';
import type { RecordIssue } from './issues.js';
import { readerIssue } from './reader-issue.js';

/**
 * How a records CSV file is written, when not as docs/records.md says (options of
 * `readCsvRecords`, `readRecords`, `readCsvStream` and of a CSV file source of `settleStream`).
 * Every option not given keeps the default; `preset: 'fr'` gives the French spreadsheet's
 * (`;`, `1 650,00`, `DD/MM/YYYY`, French headers), and the other options override it.
 *
 * @example
 * const fr: CsvOptions = { preset: 'fr' };
 * const custom: CsvOptions = { delimiter: ';', decimal: ',', thousands: '.', dateFormat: 'DD.MM.YYYY', columns: { 'Participant': 'id' } };
 */
export interface CsvOptions {
  /** `fr`: the French preset. */
  readonly preset?: 'fr';
  /** The cell delimiter: `,` (default), `;`, a tab or `|`. */
  readonly delimiter?: ',' | ';' | '\t' | '|';
  /** The decimal separator of amounts and hours: `.` (default) or `,`. */
  readonly decimal?: '.' | ',';
  /**
   * The thousands separator of amounts: none (`''`, default), a space (an ASCII space, a no-break
   * space U+00A0 and a narrow no-break space U+202F are all read as one), `.`, `,` or `'`.
   */
  readonly thousands?: '' | ' ' | '.' | ',' | "'";
  /** The date format: `YYYY-MM-DD` (default), `DD/MM/YYYY`, `MM/DD/YYYY` or `DD.MM.YYYY`. */
  readonly dateFormat?: 'YYYY-MM-DD' | 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'DD.MM.YYYY';
  /** The file's header → the records CSV column it holds (`{ "Date d'entrée": "enrolledOn" }`); headers not listed keep their name. */
  readonly columns?: Readonly<Record<string, string>>;
}

/** The options resolved: every one set. */
export interface CsvDialect {
  readonly delimiter: string;
  readonly decimal: string;
  readonly thousands: string;
  readonly dateFormat: string;
  readonly columns: ReadonlyMap<string, string>;
  /** The headers of the preset, translated by pattern (French numbered columns), after `columns`. */
  readonly translate: ((name: string) => string | undefined) | undefined;
  /** The pattern of an amount written with the declared separators. */
  readonly amount: RegExp;
}

const DELIMITERS = [',', ';', '\t', '|'];
const DECIMALS = ['.', ','];
const THOUSANDS = ['', ' ', '.', ',', "'"];
const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY'];
const KEYS = ['preset', 'delimiter', 'decimal', 'thousands', 'dateFormat', 'columns'];

/** The French preset's headers: fixed fields, then numbered spells (`emploi1_debut`), wages (`salaire1_date`), earnings (`revenus1_debut`) and events (`evenement_<kind>`). */
const FRENCH_FIELDS: Readonly<Record<string, string>> = {
  identifiant: 'id',
  cohorte: 'cohort',
  groupes: 'groups',
  date_entree: 'enrolledOn',
  date_sortie: 'exitedOn',
  salaire_reference: 'baselineWage',
};
const FRENCH_SPELL: Readonly<Record<string, string>> = { debut: 'start', fin: 'end', heures: 'hours', contrat: 'contract', salaire: 'wage', secteur: 'sector', employeur: 'employer' };
const FRENCH_WAGE: Readonly<Record<string, string>> = { date: 'on', montant: 'amount' };
const FRENCH_EARNINGS: Readonly<Record<string, string>> = { debut: 'from', fin: 'to', montant: 'amount' };
/** A French numbered list → the records CSV list and its suffixes. */
const FRENCH_LISTS: Readonly<Record<string, readonly [string, Readonly<Record<string, string>>]>> = {
  emploi: ['spell', FRENCH_SPELL],
  salaire: ['wage', FRENCH_WAGE],
  revenus: ['earnings', FRENCH_EARNINGS],
};

function frenchHeader(name: string): string | undefined {
  if (Object.hasOwn(FRENCH_FIELDS, name)) return FRENCH_FIELDS[name];
  if (name.startsWith('evenement_')) return `event_${name.slice('evenement_'.length)}`;
  const match = /^(emploi|salaire|revenus)([1-9]\d{0,2})_([a-z]+)$/.exec(name);
  if (match === null) return undefined;
  const [, list = '', n = '', suffix = ''] = match;
  const [english, table] = FRENCH_LISTS[list] ?? ['', {}];
  return Object.hasOwn(table, suffix) ? `${english}${n}_${table[suffix] ?? ''}` : undefined;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The pattern of an amount written with these separators: groups of three after the first, or none. */
function amountPattern(decimal: string, thousands: string): RegExp {
  const d = escape(decimal);
  if (thousands === '') return new RegExp(`^-?\\d+(?:${d}\\d+)?$`);
  const t = thousands === ' ' ? '[ \\u00a0\\u202f]' : escape(thousands);
  return new RegExp(`^-?(?:\\d{1,3}(?:${t}\\d{3})+|\\d+)(?:${d}\\d+)?$`);
}

/**
 * Checks CSV options and resolves them, or `undefined` for none (the default reader, unchanged).
 * Throws {@link OutcomePayError} `ARGUMENT_INVALID` naming the option for anything else than the
 * values {@link CsvOptions} lists (options are the program's, not data).
 *
 * @param where - the function checked, for the message
 * @param options - the options, or undefined
 * @example
 * csvDialect('readCsvRecords', { preset: 'fr' })?.delimiter; // ';'
 */
export function csvDialect(where: string, options: unknown): CsvDialect | undefined {
  if (options === undefined) return undefined;
  const given = ownData(options);
  if (typeof given !== 'object' || given === null || Array.isArray(given)) throw invalidArgument(where, 'csv', 'CSV options (an object: preset, delimiter, decimal, thousands, dateFormat, columns)', options);
  const value = given as Record<string, unknown>;
  for (const key of Object.keys(value)) if (!KEYS.includes(key)) throw invalidArgument(where, `csv.${key}`, `one of the CSV options ${KEYS.join(', ')}`, value[key]);
  const pick = (key: string, allowed: readonly string[], fallback: string): string => {
    const chosen = value[key];
    if (chosen === undefined) return fallback;
    if (typeof chosen !== 'string' || !allowed.includes(chosen)) throw invalidArgument(where, `csv.${key}`, `one of ${allowed.map((item) => JSON.stringify(item)).join(', ')}`, chosen);
    return chosen;
  };
  const preset = pick('preset', ['fr'], '');
  const french = preset === 'fr';
  const delimiter = pick('delimiter', DELIMITERS, french ? ';' : ',');
  const decimal = pick('decimal', DECIMALS, french ? ',' : '.');
  const thousands = pick('thousands', THOUSANDS, french ? ' ' : '');
  const dateFormat = pick('dateFormat', DATE_FORMATS, french ? 'DD/MM/YYYY' : 'YYYY-MM-DD');
  if (decimal === thousands || decimal === delimiter || thousands === delimiter) {
    throw invalidArgument(where, 'csv', `a decimal separator, thousands separator and delimiter that differ (decimal ${JSON.stringify(decimal)}, thousands ${JSON.stringify(thousands)}, delimiter ${JSON.stringify(delimiter)})`, options);
  }
  const columns = new Map<string, string>();
  const mapping = value['columns'];
  if (mapping !== undefined) {
    if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) throw invalidArgument(where, 'csv.columns', "a mapping of the file's headers to records CSV columns", mapping);
    for (const [header, column] of Object.entries(mapping as Record<string, unknown>)) {
      if (typeof column !== 'string') throw invalidArgument(where, `csv.columns.${header}`, 'a records CSV column name (docs/records.md)', column);
      columns.set(header.trim(), column);
    }
  }
  return { delimiter, decimal, thousands, dateFormat, columns, translate: french ? frenchHeader : undefined, amount: amountPattern(decimal, thousands) };
}

/**
 * The records CSV column a header of the file stands for: its mapping in `columns`, the preset's
 * name for it, or itself.
 *
 * @example
 * mappedHeader(csvDialect('x', { preset: 'fr' }) as CsvDialect, 'date_entree'); // 'enrolledOn'
 */
export function mappedHeader(dialect: CsvDialect, name: string): string {
  return dialect.columns.get(name) ?? dialect.translate?.(name) ?? name;
}

/** Whether a column holds an amount (or hours), converted from the declared separators. */
function isAmount(column: CsvColumn): boolean {
  return (
    (column.kind === 'field' && column.key === 'baselineWage') ||
    (column.kind === 'spell' && (column.key === 'monthlyWage' || column.key === 'hoursPerWeek')) ||
    (column.kind === 'wage' && column.key === 'monthlyWage') ||
    (column.kind === 'earnings' && column.key === 'amount')
  );
}

function isDate(column: CsvColumn): boolean {
  return (
    (column.kind === 'field' && (column.key === 'enrolledOn' || column.key === 'exitedOn')) ||
    (column.kind === 'spell' && (column.key === 'start' || column.key === 'end')) ||
    (column.kind === 'wage' && column.key === 'on') ||
    (column.kind === 'earnings' && column.key !== 'amount') ||
    column.kind === 'event'
  );
}

const DATE_PATTERNS: Readonly<Record<string, RegExp>> = {
  'DD/MM/YYYY': /^(\d{2})\/(\d{2})\/(\d{4})$/,
  'MM/DD/YYYY': /^(\d{2})\/(\d{2})\/(\d{4})$/,
  'DD.MM.YYYY': /^(\d{2})\.(\d{2})\.(\d{4})$/,
};

function isoDate(cell: string, format: string): string | undefined {
  if (format === 'YYYY-MM-DD') return cell;
  const match = DATE_PATTERNS[format]?.exec(cell);
  if (match === null || match === undefined) return undefined;
  const [, a = '', b = '', year = ''] = match;
  return format === 'MM/DD/YYYY' ? `${year}-${a}-${b}` : `${year}-${b}-${a}`;
}

/**
 * Rewrites a row's cells as the records CSV writes them: amounts and hours as exact decimal text
 * (the thousands separators dropped, the decimal separator a point; text only, never a float),
 * dates as `YYYY-MM-DD`. A cell not written as declared is the row's issue (the record is left
 * out), naming the line, the column and the option to set: CSV_AMOUNT_LOCALE, CSV_DATE_FORMAT.
 *
 * @example
 * localeCells(dialect, columns, names, ['P1', 'A', '09/01/2023', '1 650,00'], 2); // ['P1', 'A', '2023-01-09', '1650.00']
 */
export function localeCells(dialect: CsvDialect, columns: readonly CsvColumn[], names: readonly string[], cells: string[], line: number): RecordIssue | undefined {
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] as CsvColumn;
    const cell = cells[i] ?? '';
    if (cell === '') continue;
    if (isAmount(column)) {
      if (!dialect.amount.test(cell)) {
        const example = `1${dialect.thousands === '' ? '' : dialect.thousands}650${dialect.decimal}00`;
        const message = `the ${JSON.stringify(names[i])} cell on line ${line} is ${JSON.stringify(cell)}, not an amount written with the declared CSV options (decimal ${JSON.stringify(dialect.decimal)}, thousands ${JSON.stringify(dialect.thousands)}, as in ${example}): if the file writes amounts otherwise, set the option decimal or thousands (CLI --csv-decimal, --csv-thousands)`;
        return { ...readerIssue('CSV_AMOUNT_LOCALE', message, line, 'excluded'), path: [names[i] ?? ''] };
      }
      let text = dialect.thousands === '' ? cell : cell.replace(/[ \u00a0\u202f.,']/g, (char) => (char === dialect.decimal ? char : ''));
      if (dialect.decimal !== '.') text = text.replace(dialect.decimal, '.');
      cells[i] = text;
    } else if (isDate(column)) {
      const iso = isoDate(cell, dialect.dateFormat);
      if (iso === undefined) {
        const message = `the ${JSON.stringify(names[i])} cell on line ${line} is ${JSON.stringify(cell)}, not a date written ${dialect.dateFormat} as the CSV options declare: if the file writes dates otherwise, set the option dateFormat (CLI --csv-date-format)`;
        return { ...readerIssue('CSV_DATE_FORMAT', message, line, 'excluded'), path: [names[i] ?? ''] };
      }
      cells[i] = iso;
    }
  }
  return undefined;
}

/**
 * The issue of a header that looks written with another delimiter than the one declared (one
 * column holding another delimiter), naming the option to set; `undefined` when it does not.
 *
 * @example
 * delimiterHint(['id;cohort;enrolledOn'], ',', 1); // CSV_DELIMITER: set the option delimiter to ";"
 */
export function delimiterHint(header: readonly string[], delimiter: string, line: number): RecordIssue | undefined {
  if (header.length !== 1) return undefined;
  const cell = header[0] ?? '';
  const other = DELIMITERS.find((candidate) => candidate !== delimiter && cell.includes(candidate));
  if (other === undefined) return undefined;
  const shown = other === '\t' ? 'a tab' : JSON.stringify(other);
  const preset = other === ';' ? ', or --csv-preset fr for a French spreadsheet' : '';
  const message = `the header is one column, ${JSON.stringify(cell.slice(0, 80))}, which holds ${shown}: the file seems to use ${shown} between cells, but the CSV delimiter is ${JSON.stringify(delimiter)}; set the CSV option delimiter to ${shown} (CLI --csv-delimiter${preset})`;
  return readerIssue('CSV_DELIMITER', message, line, 'rejected');
}
