/**
 * `settlementCsv`: a settlement as CSV files for a spreadsheet, one per table, as text (no file
 * is written: the command line writes them, a browser offers them for download).
 *
 * @module
 */
import { OutcomePayError } from '../errors.js';
import { invalidArgument, isObjectValue, readFields, unreadableArgument } from '../guard.js';
import { isKnownCurrency, minorUnits } from '../money/currency.js';
import { ownData } from '../own-data.js';
import { checkSettlementShape } from '../settlement/settlement-schema.js';
import type { Settlement } from '../settlement/index.js';
import { csvTable, type CsvLocale } from './csv-text.js';
import { SETTLEMENT_TABLES } from './settlement-tables.js';

const WHERE = 'settlementCsv';
const EXPECTED = 'a settlement document as settle returns it (its value when ok)';

/** Options of {@link settlementCsv}. */
export interface SettlementCsvOptions {
  /**
   * `en` (the default): fields separated by `,`, amounts with a decimal point; `fr`: separated by
   * `;`, amounts with a decimal comma (`-12,50`), as a spreadsheet set to French reads them.
   * Dates are ISO (`2025-06-30`) in both.
   */
  readonly locale?: CsvLocale;
}

/** One CSV file: its name (`tranches.csv`) and its text, byte-order mark first. */
export interface SettlementCsvFile {
  readonly name: string;
  readonly text: string;
}

/**
 * A settlement as CSV files that open cleanly in a spreadsheet: `settlement.csv` (identity,
 * totals, fingerprints), `previous.csv`, `payers.csv`, `tranches.csv`, `payer-splits.csv`,
 * `lines.csv`, `line-payers.csv`, `cap-cuts.csv`, `reinvestment.csv`, `adjustments.csv`,
 * `exits.csv`, `participant-caps.csv`, `participant-claims.csv`, `unscheduled.csv`,
 * `hiring-guarantees.csv`, `tallies.csv`, `decisions-at-risk.csv` and `data-issues.csv`, always
 * all of them, in that order (a table with no rows has its header). Every value of the settlement
 * is in one of them. UTF-8 text with a byte-order mark, RFC 4180 quoting, CRLF line ends; amounts
 * are the settlement's exact decimal text (a decimal comma with `locale: 'fr'`), and so are shares
 * and exact parts written as decimals (`n/d` fractions as they are); text that starts with
 * `=`, `+`, `-`, `@`, a tab, a carriage return or an apostrophe gets an apostrophe in front so
 * that a spreadsheet never runs it as a formula. The columns of each file are in
 * docs/spreadsheets.md. Pure: no file is written. Throws {@link OutcomePayError}
 * `ARGUMENT_INVALID` for anything but a settlement document of this format version (or one whose
 * `payerSplit` names a payer its tranche does not list).
 *
 * @param settlement - what `settle` returned (its `value` when ok), or a settlement document read back from JSON
 * @param options - `{ locale: 'fr' }` for a spreadsheet set to French
 * @returns the files, in the order above
 * @example
 * const result = settle(contract, records, { asOf: '2025-06-30' });
 * if (result.ok) {
 *   for (const file of settlementCsv(result.value, { locale: 'fr' })) writeFileSync(join('out', file.name), file.text);
 * }
 */
export function settlementCsv(settlement: Settlement, options?: SettlementCsvOptions): readonly SettlementCsvFile[] {
  const locale = readLocale(options);
  const checked = readSettlement(settlement);
  return SETTLEMENT_TABLES.map((table) => ({
    name: `${table.name}.csv`,
    text: csvTable(
      table.columns.map(([name]) => name),
      table.columns.map(([, kind]) => kind),
      table.rows(checked),
      locale,
    ),
  }));
}

function readLocale(options: unknown): CsvLocale {
  const { locale } = readFields(WHERE, 'options', options, ['locale']);
  if (locale === undefined || locale === 'en' || locale === 'fr') return locale ?? 'en';
  throw invalidArgument(WHERE, 'options.locale', '"en" or "fr"', locale);
}

/** The settlement as plain own data, checked against the document's schema (amounts canonical in its currency). */
function readSettlement(value: unknown): Settlement {
  if (!isObjectValue(value)) throw invalidArgument(WHERE, 'settlement', EXPECTED, value);
  let document: unknown;
  try {
    // plain data, own properties only: nothing inherited or computed by a getter is written out
    document = ownData(structuredClone(value));
  } catch (error) {
    throw unreadableArgument(WHERE, 'settlement', error);
  }
  const contract = isObjectValue(document) ? document['contract'] : undefined;
  const currency = isObjectValue(contract) ? contract['currency'] : undefined;
  if (!isKnownCurrency(currency)) throw invalidArgument(WHERE, 'settlement', `${EXPECTED}, in a known currency`, value);
  const shape = checkSettlementShape(document, minorUnits(currency), ['settlement']);
  if (shape.value === undefined) {
    const [first] = shape.issues;
    const more = shape.issues.length > 1 ? ` (and ${String(shape.issues.length - 1)} more problems)` : '';
    throw new OutcomePayError('ARGUMENT_INVALID', `${WHERE}: settlement is not ${EXPECTED}: ${first?.message ?? 'it does not match'}${more}`, ['settlement']);
  }
  return shape.value;
}
