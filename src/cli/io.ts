/**
 * The input/output surface the CLI uses, so commands can be run and tested without a process.
 *
 * @module
 */
import type { StreamStorage } from '../streaming/index.js';

/**
 * Everything a CLI command may touch outside itself. `stdout` and `stderr` receive text exactly
 * as it should appear (the caller adds the trailing newline).
 *
 * @example
 * const io: CliIo = {
 *   stdout: (text) => process.stdout.write(text),
 *   stderr: (text) => process.stderr.write(text),
 *   readFile: (path) => readFile(path),
 *   env: process.env,
 * };
 */
export interface CliIo {
  /** Writes text to standard output, as is. */
  stdout(text: string): void;
  /** Writes text to standard error, as is. */
  stderr(text: string): void;
  /**
   * Reads a file's bytes (the readers decode them as UTF-8 strictly: never read a file as text
   * here, which would replace bytes that are not UTF-8 silently). Rejects when the file cannot be
   * read.
   */
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Opens a file for streaming: resolves, once the file is known to be readable, to a function
   * that opens its bytes as chunks (callable again for a second read; text chunks are taken as
   * they are), or to undefined when the file cannot be read twice (a FIFO, a device: `settle`
   * then reads it whole, once). Optional: without it, `settle` reads records files whole.
   */
  streamFile?(path: string): Promise<(() => AsyncIterable<Uint8Array | string>) | undefined>;
  /**
   * Storage for streamed settlements (the ids of long streams spilled to temporary files, under
   * `dir` when given). Optional: without it, streamed ids are kept in memory.
   */
  spillStorage?(dir: string | undefined): StreamStorage;
  /**
   * Creates (or empties) a file to write text to, for `settle --issues`. Rejects when the file
   * cannot be created. Optional: without it, `--issues` is refused.
   */
  createFile?(path: string): Promise<CliFile>;
  /**
   * Creates a directory and its missing parents (as `mkdir -p`), then checks that files can be
   * written in it, for `settle --out`. Rejects when it cannot be created or written to.
   * Optional: without it, `--out` is refused.
   */
  createDirectory?(path: string): Promise<void>;
  /** Whether something exists at the path (a file, a directory). Optional, with `createDirectory`. */
  pathExists?(path: string): Promise<boolean>;
  /**
   * Writes a whole file as UTF-8 text, created or, with `replace`, emptied first; without
   * `replace`, rejects (EEXIST) when the file exists. Optional, with `createDirectory`.
   */
  writeTextFile?(path: string, text: string, replace: boolean): Promise<void>;
  /**
   * Whether standard error is a terminal: long commands (`simulate`) draw a progress bar on it
   * only then. Optional: absent, no progress bar.
   */
  readonly stderrIsTerminal?: boolean;
  /**
   * Environment variables. Only `OUTCOME_PAY_DEBUG` is read (`1` prints stack traces for
   * internal errors). Omit it in tests to get the default behaviour.
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * A file being written: `write` appends text at once (synchronously), `close` keeps the file,
 * `discard` closes and removes it.
 *
 * @example
 * const file = await io.createFile('issues.ndjson');
 * file.write('{"code":"DATE_FORMAT"}\n');
 * await file.close();
 */
export interface CliFile {
  write(text: string): void;
  close(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Process exit codes used by the CLI (sysexits-style where one exists).
 *
 * @example
 * if (code === EXIT.USAGE) console.error('bad arguments');
 */
export const EXIT = {
  /** Success. */
  OK: 0,
  /** The command ran but found a problem in the input data. */
  DATA: 1,
  /** The command line itself was wrong (unknown command, bad option). */
  USAGE: 2,
  /** `settle` made a settlement, but invalid records were excluded from it: not a clean success. */
  EXCLUDED: 3,
  /** A bug: an unexpected exception escaped a command. */
  INTERNAL: 70,
} as const;

/**
 * Thrown by a command when its arguments are wrong; the dispatcher prints the message to stderr
 * (no stack trace) and exits with {@link EXIT}.USAGE.
 *
 * @example
 * if (args.length === 0) throw new CliUsageError('settle: missing <contract.json>');
 */
export class CliUsageError extends Error {
  /**
   * @param message - one line saying what is wrong with the command line
   */
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}
