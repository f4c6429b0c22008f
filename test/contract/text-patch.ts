/**
 * Text-level edits of a contract file's bytes for the invalid-contract corpus: the faults JSON
 * patches cannot express because they live in the text, not in the value (a key written twice, a
 * number written with more digits than a double holds, bytes that are not UTF-8, another
 * encoding, a stray byte-order mark, line ends).
 */

/**
 * One edit. `replace`: the text `find` (which must occur exactly once) becomes `with`;
 * `replaceWithBytes`: `find` becomes the raw bytes `hex` (which need not be UTF-8); `lineEnds`:
 * every LF becomes `eol` (`"\r"`, `"\r\n"`, or `"mixed"`: CRLF, LF and CR in turn); `encode`: the
 * text is written in UTF-16 or UTF-32 (with or without a byte-order mark); `prepend`: raw bytes
 * `hex` before the text.
 */
export type TextOp =
  | { readonly op: 'replace'; readonly find: string; readonly with: string }
  | { readonly op: 'replaceWithBytes'; readonly find: string; readonly hex: string }
  | { readonly op: 'lineEnds'; readonly eol: '\r' | '\r\n' | 'mixed' }
  | { readonly op: 'encode'; readonly encoding: 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be'; readonly bom: boolean }
  | { readonly op: 'prepend'; readonly hex: string };

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function hexBytes(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/i.test(hex)) throw new Error(`bad hex ${hex}`);
  return new Uint8Array((hex.match(/../g) ?? []).map((pair) => Number.parseInt(pair, 16)));
}

/**
 * The bytes of `parts`, one after the other.
 *
 * @example
 * concat(new Uint8Array([1]), new Uint8Array([2, 3])); // Uint8Array [1, 2, 3]
 */
export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function indexOfOnce(text: string, find: string): number {
  const at = text.indexOf(find);
  if (at === -1 || text.indexOf(find, at + 1) !== -1) throw new Error(`${JSON.stringify(find)} must occur exactly once`);
  return at;
}

/**
 * `text` written in UTF-16 or UTF-32, little- or big-endian, with or without a byte-order mark.
 *
 * @example
 * encode('A', 'utf-16le', true); // Uint8Array [0xff, 0xfe, 0x41, 0x00]
 */
export function encode(text: string, encoding: 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be', bom: boolean): Uint8Array {
  const points = [...(bom ? [0xfeff] : []), ...Array.from(text, (c) => c.codePointAt(0) ?? 0)];
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const units = String.fromCodePoint(...points);
    const out = new Uint8Array(units.length * 2);
    for (let i = 0; i < units.length; i++) {
      const unit = units.charCodeAt(i);
      out[2 * i + (encoding === 'utf-16be' ? 1 : 0)] = unit & 0xff;
      out[2 * i + (encoding === 'utf-16be' ? 0 : 1)] = unit >> 8;
    }
    return out;
  }
  const out = new Uint8Array(points.length * 4);
  points.forEach((point, i) => {
    for (let b = 0; b < 4; b++) out[4 * i + (encoding === 'utf-32be' ? 3 - b : b)] = (point >> (8 * b)) & 0xff;
  });
  return out;
}

/**
 * Applies `ops` in turn to `bytes` (a UTF-8 file; the text edits decode it, so put byte-level
 * edits last).
 *
 * @example
 * applyTextPatch(new TextEncoder().encode('{"a": 1}'), [{ op: 'replace', find: '1', with: '1, "a": 2' }]); // {"a": 1, "a": 2}
 */
export function applyTextPatch(bytes: Uint8Array, ops: readonly TextOp[]): Uint8Array {
  let out = bytes;
  for (const op of ops) {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(out);
    if (op.op === 'replace') {
      const at = indexOfOnce(text, op.find);
      out = utf8(`${text.slice(0, at)}${op.with}${text.slice(at + op.find.length)}`);
    } else if (op.op === 'replaceWithBytes') {
      const at = indexOfOnce(text, op.find);
      out = concat(utf8(text.slice(0, at)), hexBytes(op.hex), utf8(text.slice(at + op.find.length)));
    } else if (op.op === 'lineEnds') {
      let k = 0;
      out = utf8(text.replace(/\n/g, () => (op.eol === 'mixed' ? (['\r\n', '\n', '\r'][k++ % 3] ?? '\n') : op.eol)));
    } else if (op.op === 'encode') {
      out = encode(text, op.encoding, op.bom);
    } else {
      out = concat(hexBytes(op.hex), out);
    }
  }
  return out;
}
