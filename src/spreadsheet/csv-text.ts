/**
 * CSV text that a spreadsheet opens cleanly (RFC 4180): a byte-order mark, fields separated by
 * `,` (English) or `;` (French), quoted when they hold the separator, a double quote, CR or LF
 * (a quote inside doubled), every row ended by CRLF. Amounts are written as they are in the
 * settlement (exact decimal text, with a decimal comma in French, never through a float);
 * text that a spreadsheet would run as a formula is prefixed with an apostrophe.
 *
 * @module
 */

/** The conventions of a spreadsheet's locale: `en` (`,` and a decimal point) or `fr` (`;` and a decimal comma). */
export type CsvLocale = 'en' | 'fr';

/**
 * What a column holds, which says how its cells are written. A `fraction` (a payer's share, an
 * exact part) is a decimal, written as an amount, or an exact fraction `n/d`, written as it is.
 */
export type ColumnKind = 'text' | 'amount' | 'count' | 'fraction';

/** A cell's value: text, an amount (decimal text), a count, or nothing (an empty cell). */
export type CellValue = string | number | null | undefined;

/** The UTF-8 byte-order mark, written first so that a spreadsheet reads the file as UTF-8. */
export const BOM = '\uFEFF';

/** The separator of each locale. */
export const SEPARATORS: Readonly<Record<CsvLocale, string>> = { en: ',', fr: ';' };

/** A decimal as the settlement writes it: an optional minus, digits, an optional fraction. */
const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;
/** An exact fraction as the settlement writes it (`1/3`, `100001/300`). */
const FRACTION = /^-?[0-9]+\/[0-9]+$/;

/**
 * The first characters a spreadsheet may take as the start of a formula (=, +, -, @) or that
 * hide one (tab, carriage return), and the apostrophe the guard itself adds: a text cell that
 * starts with one gets an apostrophe in front, so it is read as text, and dropping one leading
 * apostrophe gives the text back exactly (docs/spreadsheets.md, Formulas).
 */
const GUARDED_START = /^[=+\-@\t\r']/;

/**
 * Text as a spreadsheet must show it and never run: an apostrophe in front of text that starts
 * with `=`, `+`, `-`, `@`, a tab, a carriage return or an apostrophe.
 *
 * @example
 * guardText('=HYPERLINK("http://x")'); // "'=HYPERLINK(\"http://x\")"
 * guardText('P-001'); // 'P-001'
 */
export function guardText(text: string): string {
  return GUARDED_START.test(text) ? `'${text}` : text;
}

/**
 * One cell as written in the locale, before quoting. An amount is exact decimal text (a decimal
 * comma in French); a fraction is a decimal written as an amount, or `n/d` as it is (in both
 * locales); a count is a whole number; anything else is guarded text. A value that is not of its
 * column's kind is written as guarded text, so nothing reaches the file unguarded.
 *
 * @example
 * cellText('-12.50', 'amount', 'fr'); // '-12,50'
 * cellText('0.2', 'fraction', 'fr'); // '0,2'
 * cellText('1/3', 'fraction', 'fr'); // '1/3'
 * cellText('-12.50', 'text', 'en'); // "'-12.50"
 */
export function cellText(value: CellValue, kind: ColumnKind, locale: CsvLocale): string {
  if (value === null || value === undefined) return '';
  if ((kind === 'amount' || kind === 'fraction') && typeof value === 'string' && DECIMAL.test(value)) return locale === 'fr' ? value.replace('.', ',') : value;
  if (kind === 'fraction' && typeof value === 'string' && FRACTION.test(value)) return value;
  if (kind === 'count' && typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return guardText(typeof value === 'string' ? value : String(value));
}

/**
 * A field quoted as RFC 4180 asks: in double quotes (each inner one doubled) when it holds the
 * separator, a double quote, a carriage return or a line feed; as it is otherwise.
 *
 * @example
 * quoteField('Sud, Nord', ','); // '"Sud, Nord"'
 * quoteField('Sud, Nord', ';'); // 'Sud, Nord'
 */
export function quoteField(field: string, separator: string): string {
  return (separator === ';' ? NEEDS_QUOTES_FR : NEEDS_QUOTES_EN).test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** What makes a field need quotes, by separator. */
const NEEDS_QUOTES_EN = /[",\r\n]/;
const NEEDS_QUOTES_FR = /[";\r\n]/;

/**
 * A table as CSV text: the byte-order mark, the header, then one row per line, every line ended
 * by CRLF.
 *
 * @example
 * csvTable(['payer', 'due'], ['text', 'amount'], [['region', '-12.50']], 'fr');
 * // '\uFEFFpayer;due\r\nregion;-12,50\r\n'
 */
export function csvTable(header: readonly string[], kinds: readonly ColumnKind[], rows: readonly (readonly CellValue[])[], locale: CsvLocale): string {
  const separator = SEPARATORS[locale];
  const lines = [header.map((name) => quoteField(name, separator)).join(separator)];
  for (const row of rows) {
    const fields = new Array<string>(kinds.length);
    for (let column = 0; column < kinds.length; column++) fields[column] = quoteField(cellText(row[column], kinds[column] ?? 'text', locale), separator);
    lines.push(fields.join(separator));
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
