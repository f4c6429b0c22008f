/**
 * Reading the command's input files: JSON documents and records files, with errors that name the
 * file and never show a stack trace.
 *
 * @module
 */
import type { Issue } from '../errors.js';
import { detectFormat, readRecords, type RawRecords } from '../records/index.js';
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

async function readText(io: CliIo, path: string, what: string): Promise<string> {
  try {
    return await io.readFile(path);
  } catch (error) {
    throw fileError('read', what, path, error);
  }
}

/**
 * Reads and parses a JSON file.
 *
 * @example
 * const contract = await readJsonFile(io, 'contract.json', 'contract');
 */
export async function readJsonFile(io: CliIo, path: string, what: string): Promise<unknown> {
  const text = await readText(io, path, what);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'invalid JSON';
    throw new InputError(`${what} file ${path} is not valid JSON`, [{ code: 'JSON_SYNTAX', path: [], message: `${path}: ${detail}` }]);
  }
}

/**
 * Reads a records file in the format its extension names (.json, .ndjson/.jsonl, .csv).
 *
 * @example
 * const batch = await readRecordsFile(io, 'records.csv');
 */
export async function readRecordsFile(io: CliIo, path: string): Promise<RawRecords> {
  const format = detectFormat(path);
  if (format === undefined) {
    throw new CliUsageError(`cannot tell the format of records file ${JSON.stringify(path)}: name it .json, .ndjson, .jsonl or .csv`);
  }
  const text = await readText(io, path, 'records');
  const result = readRecords(text, format);
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
): Promise<{ format: 'ndjson' | 'csv'; chunks: () => AsyncIterable<string> } | undefined> {
  const format = detectFormat(path);
  if ((format !== 'ndjson' && format !== 'csv') || io.streamFile === undefined) return undefined;
  let open: (() => AsyncIterable<string>) | undefined;
  try {
    open = await io.streamFile(path);
  } catch (error) {
    throw fileError('read', 'records', path, error);
  }
  if (open === undefined) return undefined;
  const opened = open;
  return {
    format,
    chunks: async function* chunks(): AsyncGenerator<string> {
      try {
        yield* opened();
      } catch (error) {
        throw systemErrorCode(error) !== undefined ? fileError('read', 'records', path, error) : error;
      }
    },
  };
}
