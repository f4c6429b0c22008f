/**
 * The {@link CliIo} of the real process: standard output and error, the file system, temporary
 * files for long streams and the environment. Used by the executable (src/cli/main.ts) and by the
 * tests that run the command line on real files.
 *
 * @module
 */
import { closeSync, createReadStream, openSync, rmSync, writeSync } from 'node:fs';
import { access, constants, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tempFileStorage } from '../node/index.js';
import type { CliIo } from './io.js';

/**
 * The process's input and output for the command line.
 *
 * @example
 * process.exitCode = await run(process.argv.slice(2), nodeIo());
 */
export function nodeIo(): Required<CliIo> {
  return {
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    // undefined at run time when stderr is not a terminal (typed boolean): progressBar reads only true
    stderrIsTerminal: process.stderr.isTTY,
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
    createDirectory: async (path) => {
      await mkdir(path, { recursive: true });
      await access(path, constants.W_OK);
    },
    pathExists: async (path) => {
      try {
        await stat(path);
        return true;
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return false;
        throw error;
      }
    },
    writeTextFile: (path, text, replace) => writeFile(path, text, { encoding: 'utf8', flag: replace ? 'w' : 'wx' }),
    env: process.env,
  };
}
