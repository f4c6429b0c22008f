/**
 * `outcome-pay/spreadsheets`: a settlement as CSV files a spreadsheet opens cleanly, one per
 * table (tranches, payer splits, lines, cap cuts, adjustments, participant claims, data issues...),
 * with exact amounts and a French option (`;`, decimal commas) (docs/spreadsheets.md). Pure: it
 * returns the files' text, and runs in a browser. An entry point of its own, so the settlement
 * core a browser bundles does not carry it (docs/browser.md, Size).
 *
 * @example
 * import { settlementCsv } from 'outcome-pay/spreadsheets';
 * const files = settlementCsv(settlement, { locale: 'fr' }); // [{ name: 'settlement.csv', text }, ...]
 *
 * @module outcome-pay/spreadsheets
 */
export { settlementCsv } from './spreadsheet/index.js';
export type { CsvLocale, SettlementCsvFile, SettlementCsvOptions } from './spreadsheet/index.js';
