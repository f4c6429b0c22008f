import type { CliIo } from '../../src/cli/io.js';

export interface FakeIo extends CliIo {
  readonly out: string[];
  readonly err: string[];
  stdoutText(): string;
  stderrText(): string;
}

/** An in-memory CliIo: `files` by path, as text (read as its UTF-8 bytes) or as bytes. */
export function fakeIo(
  files: Readonly<Record<string, string | Uint8Array>> = {},
  env: Readonly<Record<string, string | undefined>> = {},
): FakeIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    env,
    stdout: (text) => {
      out.push(text);
    },
    stderr: (text) => {
      err.push(text);
    },
    readFile: (path) => {
      const content = files[path];
      return content === undefined
        ? Promise.reject(new Error(`ENOENT: no such file or directory, open '${path}'`))
        : Promise.resolve(typeof content === 'string' ? new TextEncoder().encode(content) : content);
    },
    stdoutText: () => out.join(''),
    stderrText: () => err.join(''),
  };
}
