/**
 * Reading the command's input files: JSON documents and records files, with errors that name the
 * file and never show a stack trace.
 *
 * @module
 */
import type { CliCode } from '../codes/index.js';
import type { Issue } from '../errors.js';
import { detectFormat, readRecords, type CsvOptions, type RawRecords } from '../records/index.js';
import { parseJsonText } from '../text/index.js';
import { fileError, systemErrorCode } from './file-error.js';
import { CliUsageError, type CliIo } from './io.js';

/** A problem with an input file: the file could not be read (usage) or holds invalid data. */
export class InputError extends Error {
  /** Issues to print. */
  readonly issues: readonly Issue[];

  /**
   * @param message - what went wrong
   * @param issues - the problems found
   */
  constructor(message: string, issues: readonly Issue[] = []) {
    super(message);
    this.name = 'InputError';
    this.issues = issues;
  }
}

/**
 * An input file that cannot be read at all (missing, a directory, not readable): a usage error
 * (exit 2), which also carries the issue `FILE_UNREADABLE` for `validate --json`.
 */
export class FileUnreadableError extends CliUsageError {
  /** The issue, code FILE_UNREADABLE. */
  readonly issue: Issue;

  /**
   * @param message - what could not be read, and why
   */
  constructor(message: string) {
    super(message);
    this.name = 'FileUnreadableError';
    const code: CliCode = 'FILE_UNREADABLE';
    this.issue = { code, path: [], message };
  }
}

/** A file that cannot be read, worded by {@link fileError} (the system's code and its meaning). */
function unreadable(error: unknown, what: string, path: string): FileUnreadableError {
  return new FileUnreadableError(fileError('read', what, path, error).message);
}

/**
 * Reads a file's bytes; a file that cannot be read is a {@link FileUnreadableError} naming it.
 *
 * @example
 * const bytes = await readBytes(io, 'contract.json', 'contract');
 */
export async function readBytes(io: CliIo, path: string, what: string): Promise<Uint8Array> {
  try {
    return await io.readFile(path);
  } catch (error) {
    throw unreadable(error, what, path);
  }
}

/**
 * Reads and parses a JSON file with the strict JSON reader (`parseJsonText`): the bytes must be
 * UTF-8 (a byte-order mark is skipped), the JSON must parse, with no key twice in an object and
 * no number a double cannot hold. Any problem is an {@link InputError} listing every issue, each
 * with its path and line.
 *
 * @example
 * const contract = await readJsonFile(io, 'contract.json', 'contract');
 */
export async function readJsonFile(io: CliIo, path: string, what: string): Promise<unknown> {
  const read = parseJsonText(await readBytes(io, path, what));
  if (read.ok) return read.value;
  const codes = new Set(read.issues.map((issue) => issue.code));
  const why = codes.has('JSON_SYNTAX')
    ? 'is not valid JSON'
    : codes.has('TEXT_NOT_UTF8') || codes.has('TEXT_ENCODING_UNSUPPORTED')
      ? 'is not UTF-8 text'
      : 'holds JSON that would not be read as written (a key twice, or a number a double cannot hold)';
  throw new InputError(`${what} file ${path} ${why}`, read.issues);
}

/**
 * Reads a records file in the format its extension names (.json, .ndjson/.jsonl, .csv).
 *
 * @example
 * const batch = await readRecordsFile(io, 'records.csv');
 * const french = await readRecordsFile(io, 'participants.csv', { preset: 'fr' });
 */
export async function readRecordsFile(io: CliIo, path: string, csv?: CsvOptions): Promise<RawRecords> {
  const format = detectFormat(path);
  if (format === undefined) {
    throw new CliUsageError(`cannot tell the format of records file ${JSON.stringify(path)}: name it .json, .ndjson, .jsonl or .csv`);
  }
  if (csv !== undefined && format !== 'csv') throw new CliUsageError(`the --csv-* options describe a CSV records file, and ${JSON.stringify(path)} is not one (.csv)`);
  const result = readRecords(await readBytes(io, path, 'records'), format, csv);
  if (!result.ok) throw new InputError(`records file ${path} cannot be read`, result.issues);
  return result.value;
}

/**
 * Opens a records file for streaming when it is NDJSON or CSV and the environment can stream
 * it (a regular file); otherwise returns undefined (the caller reads the file whole). A failure
 * to open it, or to read it while the settlement streams it, is a usage error naming the file.
 *
 * @example
 * const stream = await openRecordsStream(io, 'records.csv'); // { format: 'csv', chunks }
 */
export async function openRecordsStream(
  io: CliIo,
  path: string,
  csv?: CsvOptions,
): Promise<{ format: 'ndjson' | 'csv'; chunks: () => AsyncIterable<Uint8Array | string>; csv?: CsvOptions } | undefined> {
  const format = detectFormat(path);
  if (csv !== undefined && format !== undefined && format !== 'csv') throw new CliUsageError(`the --csv-* options describe a CSV records file, and ${JSON.stringify(path)} is not one (.csv)`);
  if ((format !== 'ndjson' && format !== 'csv') || io.streamFile === undefined) return undefined;
  let open: (() => AsyncIterable<Uint8Array | string>) | undefined;
  try {
    open = await io.streamFile(path);
  } catch (error) {
    throw unreadable(error, 'records', path);
  }
  if (open === undefined) return undefined;
  const opened = open;
  return {
    format,
    ...(csv === undefined || format !== 'csv' ? {} : { csv }),
    chunks: async function* chunks(): AsyncGenerator<Uint8Array | string> {
      try {
        yield* opened();
      } catch (error) {
        throw systemErrorCode(error) !== undefined ? unreadable(error, 'records', path) : error;
      }
    },
  };
}
