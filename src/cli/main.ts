/**
 * Entry point of the `outcome-pay` executable (built to dist/cli.js). Wires {@link run} to the
 * real process; all logic lives in src/cli/run.ts.
 *
 * @example
 * // $ outcome-pay --version
 * // 0.1.0
 *
 * @module
 */
import { closeSync, createReadStream, openSync, rmSync, writeSync } from 'node:fs';
import { access, constants, readFile, stat } from 'node:fs/promises';
import { tempFileStorage } from '../node/index.js';
import { run } from './run.js';
import type { CliIo } from './io.js';

function ignoreBrokenPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') return;
  process.stderr.write(`outcome-pay: internal error: ${error.message}\n`);
  process.exitCode = 70;
}

process.stdout.on('error', ignoreBrokenPipe);

const io: CliIo = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  // bytes, not text: the readers decode them as UTF-8 strictly (a text stream would replace bad bytes)
  readFile: (path) => readFile(path),
  streamFile: async (path) => {
    // only a regular file can be opened again (a second read finds repeated ids): anything else
    // is read whole, once, and a directory is refused by readFile with EISDIR
    if (!(await stat(path)).isFile()) return undefined;
    await access(path, constants.R_OK);
    return () => createReadStream(path) as AsyncIterable<Uint8Array>;
  },
  spillStorage: (dir) => tempFileStorage(dir === undefined ? {} : { dir }),
  createFile: (path) => {
    const fd = openSync(path, 'w');
    let open = true;
    const close = (): void => {
      if (open) closeSync(fd);
      open = false;
    };
    return Promise.resolve({
      write: (text) => {
        writeSync(fd, text);
      },
      close: () => {
        close();
        return Promise.resolve();
      },
      discard: () => {
        close();
        rmSync(path, { force: true });
        return Promise.resolve();
      },
    });
  },
  env: process.env,
};

process.exitCode = await run(process.argv.slice(2), io);
