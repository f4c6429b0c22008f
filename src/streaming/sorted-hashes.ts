/**
 * Arrays of 64-bit id hashes as pairs of 32-bit words (`words[2i]` the low word, `words[2i + 1]`
 * the high word, as `idHashLow` and `idHashHigh` give them), sorted natively without a BigInt per
 * hash.
 *
 * @module
 */
import { idHashKeyOf } from './id-hash-set.js';

/**
 * Which word of a pair is the more significant one when the pair's 8 bytes are read as one native
 * 64-bit integer: 1 on a little-endian machine, 0 on a big-endian one. {@link sortHashes} sorts by
 * that integer, so comparisons must follow the same order.
 */
const NATIVE_HIGH = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * Sorts the first `count` hashes of `words` in place, by their native 64-bit value (equal hashes
 * end up next to each other, whatever the machine's byte order).
 *
 * @example
 * const words = new Uint32Array([5, 9, 1, 2, 5, 9]);
 * sortHashes(words, 3); // the two (5, 9) pairs are now adjacent
 */
export function sortHashes(words: Uint32Array, count: number): void {
  new BigUint64Array(words.buffer, words.byteOffset, count).sort();
}

/**
 * Compares the hash at pair `i` of `a` with the hash at pair `j` of `b` in the order of
 * {@link sortHashes}: negative, zero or positive.
 *
 * @example
 * compareHashes(words, 0, words, 1) <= 0; // after sortHashes(words, 2)
 */
export function compareHashes(a: Uint32Array, i: number, b: Uint32Array, j: number): number {
  const highA = a[2 * i + NATIVE_HIGH] ?? 0;
  const highB = b[2 * j + NATIVE_HIGH] ?? 0;
  if (highA !== highB) return highA < highB ? -1 : 1;
  const lowA = a[2 * i + 1 - NATIVE_HIGH] ?? 0;
  const lowB = b[2 * j + 1 - NATIVE_HIGH] ?? 0;
  return lowA === lowB ? 0 : lowA < lowB ? -1 : 1;
}

/**
 * Adds to `into` the key (`idHashKeyOf`) of every hash that occurs more than once among the first
 * `count` hashes of `words`, which must be sorted.
 *
 * @example
 * const repeats = new Set<string>();
 * addAdjacentRepeats(new Uint32Array([1, 2, 1, 2, 3, 4]), 3, repeats); // repeats has idHashKeyOf(1, 2)
 */
export function addAdjacentRepeats(words: Uint32Array, count: number, into: Set<string>): void {
  for (let i = 1; i < count; i++) {
    if (words[2 * i] === words[2 * i - 2] && words[2 * i + 1] === words[2 * i - 1]) {
      into.add(idHashKeyOf(words[2 * i] ?? 0, words[2 * i + 1] ?? 0));
    }
  }
}
