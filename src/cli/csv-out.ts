/**
 * `settle --format csv --out <dir>`: the directory the CSV files of a settlement are written to.
 * It is made ready before anything is settled (created if need be, checked writable, no file of
 * the names written already there unless `--overwrite`), so that a long settlement is not computed
 * for nothing; then every file is written.
 *
 * @module
 */
import type { CliCode } from '../codes/index.js';
import type { SettlementCsvFile } from '../spreadsheet/index.js';
import { SETTLEMENT_TABLES } from '../spreadsheet/settlement-tables.js';
import { systemErrorCode } from './file-error.js';
import { CliUsageError, type CliIo } from './io.js';

/** A usage error carrying one of the command line's codes: `settle: CODE: message`. */
function coded(code: CliCode, message: string): CliUsageError {
  return new CliUsageError(`settle: ${code}: ${message}`);
}

/** The path of a file in the directory, with `/` (which Node takes on every system). */
export function pathIn(dir: string, name: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? `${dir}${name}` : `${dir}/${name}`;
}

/** The names of the files settle writes, in their order. */
const NAMES = SETTLEMENT_TABLES.map((table) => `${table.name}.csv`);

function unwritable(dir: string, error: unknown): CliUsageError {
  const code = systemErrorCode(error);
  const why = code ?? (error instanceof Error ? (error.message.split('\n')[0] ?? '') : 'unknown reason');
  return coded('OUT_DIRECTORY_UNWRITABLE', `cannot write CSV files to ${JSON.stringify(dir)} (${why}); nothing was settled`);
}

/**
 * Refuses `--format csv` without `--out`, and `--out` without `--format csv`.
 *
 * @example
 * checkCsvOptions('csv', undefined); // throws OUT_DIRECTORY_MISSING
 */
export function checkCsvOptions(format: string | undefined, out: string | undefined): void {
  if (format === 'csv' && out === undefined) throw coded('OUT_DIRECTORY_MISSING', '--format csv writes one file per table: give the directory with --out <dir>');
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
  if (io.createDirectory === undefined || io.pathExists === undefined || io.writeTextFile === undefined) {
    throw new CliUsageError('settle: --out needs a file system to write to');
  }
  try {
    await io.createDirectory(dir);
  } catch (error) {
    throw unwritable(dir, error);
  }
  if (overwrite) return;
  const existing: string[] = [];
  for (const name of NAMES) if (await io.pathExists(pathIn(dir, name))) existing.push(name);
  if (existing.length > 0) {
    const listed = existing.length > 3 ? `${existing.slice(0, 3).join(', ')} and ${String(existing.length - 3)} more` : existing.join(', ');
    throw coded('OUT_FILES_EXIST', `${JSON.stringify(dir)} already holds ${listed}; nothing was settled. Give another directory, or --overwrite to replace them`);
  }
}

/**
 * Writes the files into the directory made ready by {@link prepareCsvDirectory}, and returns their paths.
 *
 * @example
 * const paths = await writeCsvFiles(io, 'out', settlementCsv(settlement), false);
 */
export async function writeCsvFiles(io: CliIo, dir: string, files: readonly SettlementCsvFile[], overwrite: boolean): Promise<string[]> {
  const paths: string[] = [];
  for (const file of files) {
    const path = pathIn(dir, file.name);
    try {
      await io.writeTextFile?.(path, file.text, overwrite);
    } catch (error) {
      const code = systemErrorCode(error);
      if (code === 'EEXIST') throw coded('OUT_FILES_EXIST', `${JSON.stringify(path)} appeared while settling; the files before it were written. Give another directory, or --overwrite`);
      throw coded('OUT_DIRECTORY_UNWRITABLE', `cannot write ${JSON.stringify(path)} (${code ?? 'unknown reason'}); ${paths.length === 0 ? 'no file was written' : `the ${String(paths.length)} files before it were written`}`);
    }
    paths.push(path);
  }
  return paths;
}
