/**
 * A directory a command writes its files to (`settle --format csv --out <dir>`, `statements --out
 * <dir>`): made ready before anything is settled (created if need be, writable), then checked to
 * hold none of the files to be written (unless `--overwrite`), then every file written.
 *
 * @module
 */
import type { CliCode } from '../codes/index.js';
import { systemErrorCode } from './file-error.js';
import { CliUsageError, type CliIo } from './io.js';

/** A file to write: its name in the directory and its text. */
export interface OutFile {
  readonly name: string;
  readonly text: string;
}

/** A usage error carrying one of the command line's codes: `<command>: CODE: message`. */
export function coded(command: string, code: CliCode, message: string): CliUsageError {
  return new CliUsageError(`${command}: ${code}: ${message}`);
}

/** The path of a file in the directory, with `/` (which Node takes on every system). */
export function pathIn(dir: string, name: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? `${dir}${name}` : `${dir}/${name}`;
}

/**
 * Creates the directory if need be (with its parents). Throws `OUT_DIRECTORY_UNWRITABLE` when it
 * cannot, naming `what` the command writes.
 *
 * @example
 * await createOutDirectory(io, 'statements', 'out', 'statements');
 */
export async function createOutDirectory(io: CliIo, command: string, dir: string, what: string): Promise<void> {
  if (io.createDirectory === undefined || io.pathExists === undefined || io.writeTextFile === undefined) {
    throw new CliUsageError(`${command}: --out needs a file system to write to`);
  }
  try {
    await io.createDirectory(dir);
  } catch (error) {
    const code = systemErrorCode(error);
    const why = code ?? (error instanceof Error ? (error.message.split('\n')[0] ?? '') : 'unknown reason');
    throw coded(command, 'OUT_DIRECTORY_UNWRITABLE', `cannot write ${what} to ${JSON.stringify(dir)} (${why}); nothing was settled`);
  }
}

/**
 * Throws `OUT_FILES_EXIST` when the directory holds a file of one of the names (unless
 * `overwrite`); `nothing` says what was not done (`nothing was settled`).
 *
 * @example
 * await refuseExistingFiles(io, 'settle', 'out', ['tranches.csv'], false, 'nothing was settled');
 */
export async function refuseExistingFiles(io: CliIo, command: string, dir: string, names: readonly string[], overwrite: boolean, nothing: string): Promise<void> {
  if (overwrite || io.pathExists === undefined) return;
  const existing: string[] = [];
  for (const name of names) if (await io.pathExists(pathIn(dir, name))) existing.push(name);
  if (existing.length > 0) {
    const listed = existing.length > 3 ? `${existing.slice(0, 3).join(', ')} and ${String(existing.length - 3)} more` : existing.join(', ');
    throw coded(command, 'OUT_FILES_EXIST', `${JSON.stringify(dir)} already holds ${listed}; ${nothing}. Give another directory, or --overwrite to replace them`);
  }
}

/**
 * Writes the files into the directory made ready, and returns their paths.
 *
 * @example
 * const paths = await writeOutFiles(io, 'settle', 'out', files, false);
 */
export async function writeOutFiles(io: CliIo, command: string, dir: string, files: readonly OutFile[], overwrite: boolean): Promise<string[]> {
  const paths: string[] = [];
  for (const file of files) {
    const path = pathIn(dir, file.name);
    try {
      await io.writeTextFile?.(path, file.text, overwrite);
    } catch (error) {
      const code = systemErrorCode(error);
      if (code === 'EEXIST') throw coded(command, 'OUT_FILES_EXIST', `${JSON.stringify(path)} appeared while settling; the files before it were written. Give another directory, or --overwrite`);
      throw coded(command, 'OUT_DIRECTORY_UNWRITABLE', `cannot write ${JSON.stringify(path)} (${code ?? 'unknown reason'}); ${paths.length === 0 ? 'no file was written' : paths.length === 1 ? 'the file before it was written' : `the ${String(paths.length)} files before it were written`}`);
    }
    paths.push(path);
  }
  return paths;
}
