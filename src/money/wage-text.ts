/**
 * A fast exact amount from a plain non-negative decimal text, for the records fast path.
 * Internal (not exported from the package).
 *
 * @module
 */
import { ZERO, type Amount } from './amount.js';
import type { AmountDigits } from './amount-digits.js';
import { Dec } from './decimal.js';

const ZERO_CODE = 48;
const DOT = 46;
/** decimal.js stores 7 decimal digits per word. */
const WORD_DIGITS = 7;
const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000] as const;


/**
 * The amount of a text made of digits with an optional fraction (`"1650"`, `"1650.50"`,
 * `"0.05"`: the records' wage texts), with exactly the sign, exponent and digit words that
 * `parseAmount(text)` gives (zero is the shared zero), built from the character codes without
 * decimal.js's string parsing. `undefined` for any other text (then use `parseAmount`).
 *
 * @param text - the text
 * @example
 * amountFromPlainText('1650.50')?.equals(parseAmount('1650.50')); // true
 * amountFromPlainText('-1'); // undefined
 */
export function amountFromPlainText(text: string): Amount | undefined {
  const length = text.length;
  let dot = length;
  let first = -1; // index of the first non-zero digit
  let last = -1; // index of the last non-zero digit
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === DOT) {
      if (dot !== length || i === 0 || i === length - 1) return undefined;
      dot = i;
      continue;
    }
    if (code < ZERO_CODE || code > ZERO_CODE + 9) return undefined;
    if (code !== ZERO_CODE) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (length === 0) return undefined;
  if (first < 0) return ZERO;
  const e = first < dot ? dot - first - 1 : dot - first;
  const significant = last - first + 1 - (first < dot && last > dot ? 1 : 0);
  // The first word holds i digits, as decimal.js's parseDecimal cuts them.
  let head = (e + 1) % WORD_DIGITS;
  if (e < 0) head += WORD_DIGITS;
  const words: number[] = [];
  let word = 0;
  let inWord = 0;
  let cut = head < significant ? (head === 0 ? WORD_DIGITS : head) : significant;
  for (let i = first; i <= last; i++) {
    if (i === dot) continue;
    word = word * 10 + (text.charCodeAt(i) - ZERO_CODE);
    inWord++;
    if (inWord === cut) {
      words.push(word);
      word = 0;
      inWord = 0;
      cut = WORD_DIGITS;
    }
  }
  if (head >= significant) {
    // one word: the digits followed by (head - significant) zeros
    words[0] = (words[0] as number) * (POW10[head - significant] as number);
  } else if (inWord > 0) words.push(word * (POW10[WORD_DIGITS - inWord] as number));
  const amount = new Dec(0) as unknown as AmountDigits;
  amount.s = 1;
  amount.e = e;
  // a copy of exactly its length: `words`, grown by push, has room for 17 (the decimal keeps it)
  amount.d = words.slice();
  return amount as unknown as Amount;
}
