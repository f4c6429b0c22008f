/**
 * A file the command line cannot read or write, said in words: a usage error naming the file, the
 * system's code and what it means, never an internal error.
 *
 * @module
 */
import { hasOwn } from '../own-data.js';
import { CliUsageError } from './io.js';

/** What the common system codes mean, for a person. */
const MEANINGS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EIO: 'input/output error',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EBUSY: 'the file is busy',
  ENXIO: 'no such device or address',
};

/**
 * The code of a system error (`'EIO'`, `'EISDIR'`...), or undefined for any other value.
 *
 * @example
 * systemErrorCode(Object.assign(new Error('gone'), { code: 'ENOENT' })); // 'ENOENT'
 */
export function systemErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error && hasOwn(error, 'code'))) return undefined;
  const code = error.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The usage error for a file that could not be read or written, for whatever reason the system
 * gave: `cannot read records file "dir.csv" (EISDIR): it is a directory`.
 *
 * @param action - `'read'` or `'write'`
 * @param what - what the file holds (`records`, `contract`, `issues`, ...)
 * @param path - the path as given on the command line
 * @param error - what the file system threw
 * @example
 * throw fileError('read', 'records', 'dir.csv', Object.assign(new Error('EISDIR'), { code: 'EISDIR' }));
 */
export function fileError(action: 'read' | 'write', what: string, path: string, error: unknown): CliUsageError {
  const code = systemErrorCode(error);
  const meaning = code === undefined ? undefined : MEANINGS[code];
  const detail =
    code !== undefined
      ? ` (${code})${meaning === undefined ? '' : `: ${meaning}`}`
      : `: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : action === 'read' ? 'unreadable' : 'unwritable'}`;
  return new CliUsageError(`cannot ${action} ${what} file ${JSON.stringify(path)}${detail}`);
}
