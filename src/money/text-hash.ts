/**
 * The text of an amount without a string: the characters of `amount.toFixed()` written as
 * character codes into a caller's buffer, from the decimal's digit words, so that fingerprints over
 * many amounts allocate nothing. Internal (not exported from the package).
 *
 * @module
 */
import type { Amount } from './amount.js';

const ZERO_CODE = 48;
const DOT = 46;
const MINUS = 45;
/** decimal.js stores 7 decimal digits per word (the first word has 1 to 7). */
const WORD_DIGITS = 7;

function digitsOf(word: number): number {
  let n = 1;
  for (let scale = 10; n < WORD_DIGITS && word >= scale; scale *= 10) n++;
  return n;
}

/** Writes the `count` decimal digits of `word` (zero-padded) at `at`. */
function writeWord(out: Uint8Array, at: number, word: number, count: number): void {
  let w = word;
  for (let i = at + count - 1; i >= at; i--) {
    out[i] = ZERO_CODE + (w % 10);
    w = (w / 10) | 0;
  }
}

/**
 * Writes the characters of `amount.toFixed()` (no exponent, no trailing fraction zeros, `'-'` for
 * a negative non-zero value) as character codes into `out` from index 0, and returns how many it
 * wrote; returns -1, having written nothing useful, when the text would not fit in `out` or the
 * amount is not finite (then use `toFixed()`).
 *
 * @param amount - any amount
 * @param out - the buffer (64 bytes hold any money amount)
 * @example
 * const out = new Uint8Array(64);
 * const n = writeAmountText(parseAmount('1650.50'), out);
 * String.fromCharCode(...out.subarray(0, n)); // '1650.5', the same as toFixed()
 */
export function writeAmountText(amount: Amount, out: Uint8Array): number {
  const d = amount.d as readonly number[] | null;
  if (d === null || d.length === 0) return -1;
  const first = d[0] as number;
  if (d.length === 1 && first === 0) {
    if (out.length < 1) return -1;
    out[0] = ZERO_CODE;
    return 1;
  }
  const e = amount.e;
  const firstDigits = digitsOf(first);
  const raw = firstDigits + WORD_DIGITS * (d.length - 1); // digits of the words, trailing zeros included
  let at = 0;
  const needed = (amount.s < 0 ? 1 : 0) + (e < 0 ? 1 - e + raw : Math.max(raw, e + 1) + 1);
  if (needed > out.length) return -1;
  if (amount.s < 0) out[at++] = MINUS;
  if (e < 0) {
    out[at++] = ZERO_CODE;
    out[at++] = DOT;
    for (let k = -e - 1; k > 0; k--) out[at++] = ZERO_CODE;
  }
  const start = at;
  writeWord(out, at, first, firstDigits);
  at += firstDigits;
  for (let j = 1; j < d.length; j++) {
    writeWord(out, at, d[j] as number, WORD_DIGITS);
    at += WORD_DIGITS;
  }
  if (e < 0) {
    while (out[at - 1] === ZERO_CODE) at--; // the first digit is not zero
    return at;
  }
  const integerEnd = start + e + 1;
  if (at <= integerEnd) {
    while (at < integerEnd) out[at++] = ZERO_CODE;
    return at;
  }
  while (at > integerEnd && out[at - 1] === ZERO_CODE) at--;
  if (at === integerEnd) return at;
  out.copyWithin(integerEnd + 1, integerEnd, at);
  out[integerEnd] = DOT;
  return at + 1;
}
