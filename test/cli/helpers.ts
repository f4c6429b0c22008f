import type { CliIo } from '../../src/cli/io.js';

/** Any control character but the newline, or a bidirectional formatting character: what must never be printed raw for a person. */
export const ACTING = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u; // eslint-disable-line no-control-regex

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
