/**
 * Whether a JSON number token survives `JSON.parse`: the double it becomes, written back in its
 * shortest form, must have the token's value. `1000.00000000000001` becomes 1000, and `1e400`
 * becomes Infinity: both lose what was written.
 *
 * @module
 */

/** The value of a decimal text as significant digits and a power of ten (`digits × 10^exponent`). */
interface DecimalParts {
  readonly digits: string;
  readonly exponent: number;
}

/**
 * Reads `[-]int[.frac][(e|E)[+|-]exp]` (a JSON number token, or `String(double)`): the digits
 * without leading or trailing zeros (`''` for zero) and the power of ten of the last one.
 */
function decimalParts(text: string): DecimalParts {
  const sign = text.charCodeAt(0) === 45 ? 1 : 0; // '-'
  let e = text.indexOf('e');
  if (e < 0) e = text.indexOf('E');
  const mantissaEnd = e < 0 ? text.length : e;
  const dot = text.indexOf('.');
  const fraction = dot < 0 || dot > mantissaEnd ? '' : text.slice(dot + 1, mantissaEnd);
  const all = text.slice(sign, dot < 0 || dot > mantissaEnd ? mantissaEnd : dot) + fraction;
  const written = e < 0 ? 0 : Number(text.slice(e + 1));
  let first = 0;
  while (first < all.length && all.charCodeAt(first) === 48) first++;
  let last = all.length;
  while (last > first && all.charCodeAt(last - 1) === 48) last--;
  return { digits: all.slice(first, last), exponent: written - fraction.length + (all.length - last) };
}

/**
 * True when the JSON number token `text[start, end)` (valid JSON number syntax) is read by
 * `JSON.parse` without losing information: its value equals the value of the shortest text that
 * reads back as the same double. A token of at most 15 characters without an exponent always is
 * (15 significant digits fit a double), and is answered without converting anything.
 *
 * @param text - the text holding the token
 * @param start - where the token starts
 * @param end - where it ends
 * @example
 * isExactNumberToken('1185.5', 0, 6);               // true
 * isExactNumberToken('1000.00000000000001', 0, 19); // false: JSON.parse gives 1000
 * isExactNumberToken('1e400', 0, 5);                // false: JSON.parse gives Infinity
 */
export function isExactNumberToken(text: string, start: number, end: number): boolean {
  if (end - start <= 15) {
    let plain = true;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 101 || c === 69) plain = false;
    }
    if (plain) return true;
  }
  const token = text.slice(start, end);
  const value = Number(token);
  if (!Number.isFinite(value)) return false;
  const written = decimalParts(token);
  const read = decimalParts(String(Math.abs(value)));
  return written.digits === read.digits && (written.digits === '' || written.exponent === read.exponent);
}
