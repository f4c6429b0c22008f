/**
 * `settle --format csv --out <dir>`: the directory the CSV files of a settlement are written to.
 * It is made ready before anything is settled (created if need be, checked writable, no file of
 * the names written already there unless `--overwrite`), so that a long settlement is not computed
 * for nothing; then every file is written.
 *
 * @module
 */
import type { SettlementCsvFile } from '../spreadsheet/index.js';
import { SETTLEMENT_TABLES } from '../spreadsheet/settlement-tables.js';
import { CliUsageError, type CliIo } from './io.js';
import { coded, createOutDirectory, refuseExistingFiles, writeOutFiles } from './out-dir.js';

export { pathIn } from './out-dir.js';

/** The names of the files settle writes, in their order. */
const NAMES = SETTLEMENT_TABLES.map((table) => `${table.name}.csv`);

/**
 * Refuses `--format csv` without `--out`, and `--out` without `--format csv`.
 *
 * @example
 * checkCsvOptions('csv', undefined); // throws OUT_DIRECTORY_MISSING
 */
export function checkCsvOptions(format: string | undefined, out: string | undefined): void {
  if (format === 'csv' && out === undefined) throw coded('settle', 'OUT_DIRECTORY_MISSING', '--format csv writes one file per table: give the directory with --out <dir>');
  if (format !== 'csv' && out !== undefined) throw new CliUsageError('settle: --out <dir> is for --format csv (the JSON settlement and the summary go to stdout)');
}

/**
 * Creates the directory if need be and checks it can be written to and holds none of the files
 * settle writes (unless `overwrite`). Throws a usage error with its code otherwise.
 *
 * @example
 * await prepareCsvDirectory(io, 'out', false);
 */
export async function prepareCsvDirectory(io: CliIo, dir: string, overwrite: boolean): Promise<void> {
  await createOutDirectory(io, 'settle', dir, 'CSV files');
  await refuseExistingFiles(io, 'settle', dir, NAMES, overwrite, 'nothing was settled');
}

/**
 * Writes the files into the directory made ready by {@link prepareCsvDirectory}, and returns their paths.
 *
 * @example
 * const paths = await writeCsvFiles(io, 'out', settlementCsv(settlement), false);
 */
export async function writeCsvFiles(io: CliIo, dir: string, files: readonly SettlementCsvFile[], overwrite: boolean): Promise<string[]> {
  return writeOutFiles(io, 'settle', dir, files, overwrite);
}
