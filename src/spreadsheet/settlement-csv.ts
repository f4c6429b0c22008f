/**
 * `settlementCsv`: a settlement as CSV files for a spreadsheet, one per table, as text (no file
 * is written: the command line writes them, a browser offers them for download).
 *
 * @module
 */
import { invalidArgument, readFields } from '../guard.js';
import { settlementArgument, type Settlement } from '../settlement/index.js';
import { csvTable, type CsvLocale } from './csv-text.js';
import { SETTLEMENT_TABLES } from './settlement-tables.js';

const WHERE = 'settlementCsv';

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
 * docs/spreadsheets.md. Pure: no file is written. Throws an `OutcomePayError`
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
  const checked = settlementArgument(WHERE, settlement);
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
