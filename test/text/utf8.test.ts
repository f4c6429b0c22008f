import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../runs.js';
import { createTextDecoder, decodeText, describeTextFailure, firstInvalidUtf8, unsupportedEncoding, type Decoded } from '../../src/text/utf8.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The input cut at the given offsets, decoded chunk by chunk: the text and the failure. */
function decodeInChunks(bytes: Uint8Array, cuts: readonly number[]): Decoded {
  const decoder = createTextDecoder();
  let text = '';
  let at = 0;
  for (const cut of [...cuts, bytes.length].sort((a, b) => a - b)) {
    if (cut < at) continue;
    const step = decoder.push(bytes.subarray(at, cut));
    text += step.text;
    at = cut;
    if (step.failure !== undefined) return { text, failure: step.failure };
  }
  const last = decoder.end();
  text += last.text;
  return { text, failure: last.failure };
}

/**
 * The independent oracle: the first bad byte is where a replacing decoder first writes U+FFFD
 * (the inputs hold no U+FFFD of their own: EF BF BD is never generated whole).
 */
function oracleFirstBad(bytes: Uint8Array): number {
  const replaced = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const at = replaced.indexOf('\uFFFD');
  return at < 0 ? -1 : utf8(replaced.slice(0, at)).length;
}

// bytes around the UTF-8 boundaries, so that short arrays hit every case of table 3-7
const interesting = fc.constantFrom(0x00, 0x0a, 0x0d, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff);
// valid UTF-8 of any characters, sometimes with one byte overwritten
const textBytes = fc
  .tuple(fc.string({ unit: 'binary', maxLength: 12 }), fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }))))
  .map(([text, change]) => {
    const bytes = [...utf8(text)];
    if (change !== null && bytes.length > 0) bytes[change[0] % bytes.length] = change[1];
    return bytes;
  });
const byteArrays = fc
  .oneof(fc.array(fc.oneof(interesting, fc.integer({ min: 0, max: 255 })), { maxLength: 40 }), textBytes)
  .map((bytes) => new Uint8Array([0x61, 0x62, ...bytes])) // "ab": not UTF-16 by its first bytes
  .filter((bytes) => !new TextDecoder('latin1').decode(bytes).includes('\u00ef\u00bf\u00bd'));

describe('strict UTF-8 decoding', () => {
  it('firstInvalidUtf8 finds the byte where a replacing decoder first writes U+FFFD', () => {
    fc.assert(
      fc.property(byteArrays, (bytes) => {
        expect(firstInvalidUtf8(bytes)).toBe(oracleFirstBad(bytes));
      }),
      { numRuns: runs(3000) },
    );
  });

  it('in chunks cut anywhere: the same text and the same failure as the whole input', () => {
    fc.assert(
      fc.property(byteArrays, fc.array(fc.integer({ min: 0, max: 45 }), { maxLength: 8 }), (bytes, cuts) => {
        const whole = decodeText(bytes);
        const bad = oracleFirstBad(bytes);
        if (bad < 0) expect(whole).toEqual({ text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) });
        else {
          expect(whole.failure?.code).toBe('TEXT_NOT_UTF8');
          if (whole.failure?.code === 'TEXT_NOT_UTF8') expect(whole.failure.byteOffset).toBe(bad);
          // the text before the failure is the text of the bytes before the bad byte
          expect(whole.text).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, bad)));
        }
        expect(decodeInChunks(bytes, cuts)).toEqual(whole);
      }),
      { numRuns: runs(3000) },
    );
  });

  it('two Latin-1 ids are refused at the first bad byte, not turned into the same U+FFFD', () => {
    const bytes = new Uint8Array([...utf8('{"id":"P'), 0xe9, ...utf8('"}\n{"id":"P'), 0xfc, ...utf8('"}\n')]);
    expect(decodeText(bytes)).toEqual({ text: '{"id":"P', failure: { code: 'TEXT_NOT_UTF8', byteOffset: 8, byte: 0xe9 } });
  });

  it('an input cut inside a sequence fails at the sequence, with no byte to blame', () => {
    expect(decodeText(new Uint8Array([0x61, 0x62, 0xe2, 0x82]))).toEqual({ text: 'ab', failure: { code: 'TEXT_NOT_UTF8', byteOffset: 2, byte: undefined } });
  });

  it('keeps a UTF-8 byte-order mark for the reader, and passes text through', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x5b, 0x5d]))).toEqual({ text: '\uFEFF[]' });
    expect(decodeText('P\u00e9')).toEqual({ text: 'P\u00e9' });
  });

  it('names UTF-16 and UTF-32, with or without a byte-order mark, even when the first chunk is one byte', () => {
    const codes = (text: string): number[] => Array.from({ length: text.length }, (_, k) => text.charCodeAt(k));
    const utf16le = (text: string): number[] => codes(text).flatMap((c) => [c, 0]);
    const utf16be = (text: string): number[] => codes(text).flatMap((c) => [0, c]);
    const cases: [number[], string][] = [
      [[0xff, 0xfe, ...utf16le('[{')], 'UTF-16LE'],
      [[0xfe, 0xff, ...utf16be('[{')], 'UTF-16BE'],
      [[0xff, 0xfe, 0, 0, 0x5b, 0, 0, 0], 'UTF-32LE'],
      [[0, 0, 0xfe, 0xff, 0, 0, 0, 0x5b], 'UTF-32BE'],
      [utf16le('id,cohort'), 'UTF-16LE'],
      [utf16be('id,cohort'), 'UTF-16BE'],
      [[0x5b, 0, 0, 0, 0x7b, 0, 0, 0], 'UTF-32LE'],
      [[0, 0, 0, 0x5b, 0, 0, 0, 0x7b], 'UTF-32BE'],
    ];
    for (const [bytes, encoding] of cases) {
      const input = new Uint8Array(bytes);
      const whole = decodeText(input);
      expect(whole.failure).toMatchObject({ code: 'TEXT_ENCODING_UNSUPPORTED', encoding });
      expect(decodeInChunks(input, [1, 2, 3])).toEqual(whole);
      expect(unsupportedEncoding(input)?.encoding).toBe(encoding);
    }
    // UTF-16 text already decoded as UTF-8 by the caller: NUL characters
    expect(decodeText('\uFFFD\uFFFD[\u0000{\u0000').failure?.code).toBe('TEXT_ENCODING_UNSUPPORTED');
    // a short UTF-8 input is not mistaken for anything
    expect(decodeText(new Uint8Array([0x5b]))).toEqual({ text: '[' });
    expect(decodeText(new Uint8Array([]))).toEqual({ text: '' });
  });

  it('describes failures with the line and byte offset', () => {
    expect(describeTextFailure({ code: 'TEXT_NOT_UTF8', byteOffset: 12, byte: 0xe9 }, 2)).toBe(
      'line 2, byte offset 12: byte 0xE9 is not valid UTF-8 (save the file as UTF-8; was it Latin-1 or Windows-1252?)',
    );
    expect(describeTextFailure({ code: 'TEXT_ENCODING_UNSUPPORTED', encoding: 'UTF-16LE', sign: 'byte-order mark FF FE' }, undefined)).toBe(
      'the text is UTF-16LE (byte-order mark FF FE), not UTF-8: save the file as UTF-8',
    );
  });
});
