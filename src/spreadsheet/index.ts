/**
 * Spreadsheet outputs: a settlement as CSV files (docs/spreadsheets.md).
 *
 * @module
 */
export { settlementCsv } from './settlement-csv.js';
export type { SettlementCsvFile, SettlementCsvOptions } from './settlement-csv.js';
export type { CsvLocale } from './csv-text.js';
