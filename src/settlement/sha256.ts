/**
 * SHA-256 of texts, by `@noble/hashes` (audited, plain JavaScript, the same in Node and
 * browsers), so that fingerprints need no Node-only module. Used on a contract, options, a digest
 * of the records, the record issues (hashed piece by piece, so that a long list is never written
 * out as one text) and, for the evidence fingerprint, each record.
 *
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * A SHA-256 computed piece by piece: `update` with texts (their UTF-8 bytes are hashed one after
 * the other, as if the texts were joined), then `hex()` once. Memory stays at one 64-byte block
 * plus the bytes of the current piece, however long the whole text is. Pieces must not split a
 * surrogate pair (each is encoded on its own).
 *
 * @example
 * const hash = createSha256();
 * hash.update('a');
 * hash.update('bc');
 * hash.hex() === sha256Hex('abc'); // true
 */
export interface Sha256 {
  update(text: string): void;
  hex(): string;
}

/**
 * An empty {@link Sha256}.
 *
 * @example
 * const hash = createSha256();
 */
export function createSha256(): Sha256 {
  const encoder = new TextEncoder();
  const hash = sha256.create();
  return {
    update(text) {
      hash.update(encoder.encode(text));
    },
    hex() {
      return bytesToHex(hash.digest());
    },
  };
}

/**
 * The SHA-256 digest of a text's UTF-8 bytes, as 64 lower-case hex digits.
 *
 * @example
 * sha256Hex('abc'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(text)));
}
