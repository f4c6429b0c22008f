/**
 * A spill store on temporary files, for Node.
 *
 * @module
 */
import type { FileHandle } from 'node:fs/promises';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectInteger, expectString, invalidArgument, isBytes, readFields } from '../guard.js';
import type { SpillStore } from '../streaming/index.js';

/**
 * Where {@link openTempFileStore} puts its files: a new directory made with `mkdtemp` inside
 * `dir` (default `os.tmpdir()`).
 *
 * @example
 * const options: TempFileOptions = { dir: '/var/tmp' };
 */
export interface TempFileOptions {
  readonly dir?: string;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A spill store that writes each run to a file `run-<n>.bin` in a directory of its own, created
 * (with `mkdtemp`, named `outcome-pay-spill-…`) when the first run is written; nothing is created
 * before. `dispose()` closes the files and removes the directory with everything in it. Every
 * failure rejects with a message naming the directory or file and the operation. Arguments of the
 * wrong type throw (or reject) with {@link "outcome-pay".OutcomePayError | OutcomePayError} `ARGUMENT_INVALID`: options that are
 * not `{ dir?: string }`, bytes that are not a `Uint8Array`, a run that was never written, an
 * offset that is not a whole number from 0.
 *
 * @param options - the parent directory (default `os.tmpdir()`)
 * @example
 * const store = openTempFileStore({ dir: '/var/tmp' });
 * const run = await store.writeRun(new Uint8Array([1, 2, 3]));
 * await store.dispose(); // the directory is gone
 */
export function openTempFileStore(options: TempFileOptions = {}): SpillStore {
  const { dir } = readFields('openTempFileStore', 'options', options, ['dir']);
  if (dir !== undefined) expectString('openTempFileStore', 'options.dir', dir);
  const parent = dir ?? tmpdir();
  let directory: Promise<string> | undefined;
  let runs = 0;
  let disposed = false;
  const handles = new Map<number, FileHandle>();

  function ownDirectory(): Promise<string> {
    if (disposed) return Promise.reject(new Error('the spill store was already disposed of'));
    directory ??= mkdtemp(join(parent, 'outcome-pay-spill-')).catch((error: unknown) => {
      throw new Error(`cannot create a temporary directory in ${parent}: ${reason(error)}`, { cause: error });
    });
    return directory;
  }

  return {
    async writeRun(bytes) {
      if (!isBytes(bytes)) throw invalidArgument('store.writeRun', 'bytes', 'a Uint8Array', bytes);
      const path = join(await ownDirectory(), `run-${runs}.bin`);
      const run = runs++;
      try {
        await writeFile(path, bytes, { flag: 'wx' });
      } catch (error) {
        throw new Error(`cannot write ${path}: ${reason(error)}`, { cause: error });
      }
      return run;
    },
    async readRun(run, offset, into) {
      expectInteger('store.readRun', 'run', run, 0);
      if (run >= runs) throw invalidArgument('store.readRun', 'run', `the number of a run written (${runs === 0 ? 'none was' : `0 to ${String(runs - 1)}`})`, run);
      expectInteger('store.readRun', 'offset', offset, 0);
      if (!isBytes(into)) throw invalidArgument('store.readRun', 'into', 'a Uint8Array', into);
      const path = join(await ownDirectory(), `run-${run}.bin`);
      try {
        let handle = handles.get(run);
        if (handle === undefined) {
          handle = await open(path, 'r');
          handles.set(run, handle);
        }
        const { bytesRead } = await handle.read(into, 0, into.length, offset);
        return bytesRead;
      } catch (error) {
        throw new Error(`cannot read ${path} at byte ${offset}: ${reason(error)}`, { cause: error });
      }
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      const opened = [...handles.values()];
      handles.clear();
      await Promise.allSettled(opened.map((handle) => handle.close()));
      const path = await directory?.catch(() => undefined);
      if (path === undefined) return;
      try {
        await rm(path, { recursive: true, force: true });
      } catch (error) {
        throw new Error(`cannot remove the temporary directory ${path}: ${reason(error)}`, { cause: error });
      }
    },
  };
}
