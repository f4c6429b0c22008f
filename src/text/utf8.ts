/**
 * Bytes to text: strict UTF-8 decoding, whole or in chunks. A byte that is not UTF-8 is never
 * replaced by U+FFFD: decoding stops there and says where (byte offset); UTF-16 and UTF-32 input
 * is recognised (by its byte-order mark, or by the NUL bytes of ASCII text) and named.
 *
 * @module
 */
import type { Issue } from '../errors.js';
import { lineOfOffset } from './line-ends.js';

/**
 * Why bytes could not be read as UTF-8 text: an invalid byte (`byteOffset` from the start of the
 * input, `byte` its value), or an encoding other than UTF-8.
 *
 * @example
 * const failure: TextFailure = { code: 'TEXT_NOT_UTF8', byteOffset: 12, byte: 0xe9 };
 */
export type TextFailure =
  | { readonly code: 'TEXT_NOT_UTF8'; readonly byteOffset: number; readonly byte: number | undefined }
  | { readonly code: 'TEXT_ENCODING_UNSUPPORTED'; readonly encoding: string; readonly sign: string };

/**
 * Decoded text: all of it, or the text before the first bad byte and the failure. Both keys are
 * always present (`failure: undefined` when there is none), so reading `failure` never reaches a
 * property of the same name on `Object.prototype`.
 *
 * @example
 * const decoded: Decoded = { text: 'P1,', failure: { code: 'TEXT_NOT_UTF8', byteOffset: 3, byte: 0xe9 } };
 */
export interface Decoded {
  readonly text: string;
  readonly failure: TextFailure | undefined;
}

/**
 * The UTF-16 or UTF-32 encoding the first bytes of an input show, or `undefined`: a byte-order
 * mark (`FF FE`, `FE FF`, `FF FE 00 00`, `00 00 FE FF`), or, without one, the NUL bytes that
 * ASCII characters have in those encodings (`xx 00` for UTF-16LE, `00 xx` for UTF-16BE). Give it
 * at least the first 4 bytes when the input has them.
 *
 * @param head - the first bytes of the input
 * @example
 * unsupportedEncoding(new Uint8Array([0xff, 0xfe, 0x5b, 0x00])); // { encoding: 'UTF-16LE', sign: 'byte-order mark FF FE' }
 * unsupportedEncoding(new TextEncoder().encode('[{"id"'));      // undefined
 */
export function unsupportedEncoding(head: Uint8Array): { encoding: string; sign: string } | undefined {
  const [b0, b1, b2, b3] = head;
  if (b0 === 0xff && b1 === 0xfe) {
    return b2 === 0 && b3 === 0 ? { encoding: 'UTF-32LE', sign: 'byte-order mark FF FE 00 00' } : { encoding: 'UTF-16LE', sign: 'byte-order mark FF FE' };
  }
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'UTF-16BE', sign: 'byte-order mark FE FF' };
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return { encoding: 'UTF-32BE', sign: 'byte-order mark 00 00 FE FF' };
  if (b0 === undefined || b1 === undefined) return undefined;
  if (b0 !== 0 && b1 === 0) {
    return b2 === 0 && b3 === 0 ? { encoding: 'UTF-32LE', sign: 'NUL bytes after each character' } : { encoding: 'UTF-16LE', sign: 'NUL bytes after each character' };
  }
  if (b0 === 0 && b1 !== 0) return { encoding: 'UTF-16BE', sign: 'NUL bytes before each character' };
  if (b0 === 0 && b1 === 0 && b2 === 0 && b3 !== undefined && b3 !== 0) return { encoding: 'UTF-32BE', sign: 'NUL bytes before each character' };
  return undefined;
}

/**
 * The index of the first byte in `bytes[from, to)` that does not belong to a well-formed UTF-8
 * sequence (Unicode table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF; a
 * sequence cut by `to` is bad at its first byte), or -1 when all of them are well formed.
 *
 * @param bytes - the bytes
 * @param from - the first byte to check (default 0)
 * @param to - where to stop (default the end)
 * @example
 * firstInvalidUtf8(new Uint8Array([0x50, 0xe9, 0x2c])); // 1 (Latin-1 "é")
 * firstInvalidUtf8(new TextEncoder().encode('Pé,'));    // -1
 */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let i = from;
  while (i < to) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      else if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      else if (b === 0xf4) high = 0x8f;
    } else return i;
    if (i + length > to) return i;
    const second = bytes[i + 1] as number;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k] as number;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}

/** How many bytes the sequence led by `lead` has; 1 for ASCII and for a byte that leads nothing. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 1;
}

/** Whether every byte of `bytes` from `from` on is a continuation byte (`10xxxxxx`). */
function continuesAll(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x80 || b > 0xbf) return false;
  }
  return true;
}

/** Where the complete sequences of `bytes[from, end)` end: before a sequence the end cuts short. */
function completeEnd(bytes: Uint8Array, from: number): number {
  const end = bytes.length;
  for (let i = end - 1; i >= from && i >= end - 3; i--) {
    const b = bytes[i] as number;
    if (b < 0x80 || b > 0xbf) return i + sequenceLength(b) > end ? i : end;
  }
  return end;
}

/**
 * Decodes chunks of UTF-8 bytes (or passes text chunks through), strictly: see
 * {@link createTextDecoder}.
 *
 * @example
 * const decoder: TextChunkDecoder = createTextDecoder();
 */
export interface TextChunkDecoder {
  /** The text of the next chunk (a sequence split between chunks is completed by the next). */
  push(chunk: string | Uint8Array): Decoded;
  /** The end of the input: a sequence still incomplete is a failure. */
  end(): Decoded;
}

/**
 * A strict decoder for input that arrives in chunks: byte chunks are decoded as UTF-8 with a fatal
 * decoder (a byte that is not UTF-8 stops the input with `TEXT_NOT_UTF8` and its byte offset;
 * `text` then holds what came before it); text chunks are passed through as they are. The first
 * bytes are checked for UTF-16 and UTF-32 (`TEXT_ENCODING_UNSUPPORTED`), the first characters of
 * text for the NUL characters that UTF-16 read as UTF-8 gives. A UTF-8 byte-order mark is kept
 * (as U+FEFF) for the reader to skip. After a failure, the decoder gives nothing more.
 *
 * @example
 * const decoder = createTextDecoder();
 * decoder.push(new Uint8Array([0x50, 0xc3])).text; // 'P' (the é is incomplete)
 * decoder.push(new Uint8Array([0xa9])).text;       // 'é'
 * decoder.push(new Uint8Array([0xe9, 0x0a]));      // { text: '', failure: { code: 'TEXT_NOT_UTF8', byteOffset: 3, byte: 0xe9 } }
 */
export function createTextDecoder(): TextChunkDecoder {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let head: Uint8Array | undefined = new Uint8Array(0); // the first bytes, until 4 are known
  let checkedText = false;
  let pending: Uint8Array = new Uint8Array(0); // the start of a sequence the last chunk cut
  let offset = 0; // bytes decoded before `pending`
  let failed = false;

  function decodeRun(bytes: Uint8Array): Decoded {
    try {
      const text = decoder.decode(bytes);
      offset += bytes.length;
      return { text, failure: undefined };
    } catch {
      const bad = Math.max(0, firstInvalidUtf8(bytes));
      const text = decoder.decode(bytes.subarray(0, bad));
      failed = true;
      return { text, failure: { code: 'TEXT_NOT_UTF8', byteOffset: offset + bad, byte: bytes[bad] } };
    }
  }

  function decodeBytes(bytes: Uint8Array): Decoded {
    let text = '';
    let from = 0;
    if (pending.length > 0) {
      const need = sequenceLength(pending[0] as number) - pending.length;
      const joined = new Uint8Array(pending.length + Math.min(need, bytes.length));
      joined.set(pending);
      joined.set(bytes.subarray(0, joined.length - pending.length), pending.length);
      from = joined.length - pending.length;
      if (joined.length < pending.length + need && continuesAll(joined, pending.length)) {
        pending = joined;
        return { text, failure: undefined };
      }
      pending = new Uint8Array(0);
      const first = decodeRun(joined);
      if (first.failure !== undefined) return first;
      text = first.text;
    }
    const cut = completeEnd(bytes, from);
    const rest = decodeRun(bytes.subarray(from, cut));
    pending = bytes.slice(cut);
    return { text: text + rest.text, failure: rest.failure };
  }

  function unsupported(found: { encoding: string; sign: string }): Decoded {
    failed = true;
    return { text: '', failure: { code: 'TEXT_ENCODING_UNSUPPORTED', ...found } };
  }

  function pushBytes(chunk: Uint8Array, atEnd: boolean): Decoded {
    let bytes = chunk;
    if (head !== undefined) {
      const joined = new Uint8Array(head.length + chunk.length);
      joined.set(head);
      joined.set(chunk, head.length);
      if (joined.length < 4 && !atEnd) {
        head = joined;
        return { text: '', failure: undefined };
      }
      head = undefined;
      const found = unsupportedEncoding(joined);
      if (found !== undefined) return unsupported(found);
      bytes = joined;
    }
    return decodeBytes(bytes);
  }

  return {
    push(chunk) {
      if (failed) return { text: '', failure: undefined };
      if (typeof chunk !== 'string') return pushBytes(chunk, false);
      if (!checkedText && chunk.length > 0) {
        checkedText = true;
        const nul = chunk.slice(0, 4).indexOf('\u0000');
        if (nul >= 0) return unsupported({ encoding: 'UTF-16 or UTF-32', sign: `a NUL character at character ${nul + 1} (the file was read as UTF-8 but is not)` });
      }
      return { text: chunk, failure: undefined };
    },
    end() {
      if (failed) return { text: '', failure: undefined };
      const last = head !== undefined && head.length > 0 ? pushBytes(new Uint8Array(0), true) : { text: '', failure: undefined };
      if (last.failure !== undefined || pending.length === 0) return last;
      failed = true;
      return { text: last.text, failure: { code: 'TEXT_NOT_UTF8', byteOffset: offset, byte: undefined } };
    },
  };
}

/**
 * Decodes a whole input with {@link createTextDecoder}: text is returned as it is, bytes are
 * decoded strictly as UTF-8.
 *
 * @param input - the text, or its UTF-8 bytes
 * @example
 * decodeText(new Uint8Array([0x50, 0x31])); // { text: 'P1', failure: undefined }
 * decodeText(new Uint8Array([0x50, 0xe9])); // { text: 'P', failure: { code: 'TEXT_NOT_UTF8', byteOffset: 1, byte: 0xe9 } }
 */
export function decodeText(input: string | Uint8Array): Decoded {
  const decoder = createTextDecoder();
  const first = decoder.push(input);
  if (first.failure !== undefined) return first;
  const last = decoder.end();
  return { text: first.text + last.text, failure: last.failure };
}

/**
 * A sentence naming a decoding failure, for an issue's message; `line` is the line of the bad
 * byte, when known.
 *
 * @param failure - the failure
 * @param line - the 1-based line the bad byte is on
 * @example
 * describeTextFailure({ code: 'TEXT_NOT_UTF8', byteOffset: 12, byte: 0xe9 }, 2);
 * // 'line 2, byte offset 12: byte 0xE9 is not valid UTF-8 (save the file as UTF-8; was it Latin-1 or Windows-1252?)'
 */
export function describeTextFailure(failure: TextFailure, line: number | undefined): string {
  if (failure.code === 'TEXT_ENCODING_UNSUPPORTED') {
    return `the text is ${failure.encoding} (${failure.sign}), not UTF-8: save the file as UTF-8`;
  }
  const where = `${line === undefined ? '' : `line ${line}, `}byte offset ${failure.byteOffset}`;
  const what = failure.byte === undefined ? 'the text ends inside a UTF-8 sequence' : `byte 0x${failure.byte.toString(16).toUpperCase().padStart(2, '0')} is not valid UTF-8`;
  return `${where}: ${what} (save the file as UTF-8; was it Latin-1 or Windows-1252?)`;
}

/**
 * The issue of a decoding failure (path `[]`): for TEXT_NOT_UTF8 with the line of the bad byte,
 * found from the text decoded before it, or given (`line`) by a reader that counted the lines.
 *
 * @param failure - the failure
 * @param before - the text decoded before the bad byte, or the line of the bad byte
 * @example
 * textFailureIssue({ code: 'TEXT_NOT_UTF8', byteOffset: 9, byte: 0xe9 }, '[\n{"id":"P');
 * // { code: 'TEXT_NOT_UTF8', path: [], line: 2, message: 'line 2, byte offset 9: byte 0xE9 is not valid UTF-8 (...)' }
 */
export function textFailureIssue(failure: TextFailure, before: string | number): Issue {
  if (failure.code === 'TEXT_ENCODING_UNSUPPORTED') return { code: failure.code, path: [], message: describeTextFailure(failure, undefined) };
  const line = typeof before === 'number' ? before : lineOfOffset(before, before.length);
  return { code: failure.code, path: [], line, message: describeTextFailure(failure, line) };
}
