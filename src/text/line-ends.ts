/**
 * Line ends, the same for every reader: LF, CRLF and a lone CR each end one line.
 *
 * @module
 */

const LF = 10;
const CR = 13;

/**
 * The number of line ends in `text` between `from` and `to` (CRLF, LF or a lone CR each count
 * once; a CR at `to - 1` counts, whatever follows it).
 *
 * @param text - the text
 * @param from - where to start counting (default 0)
 * @param to - where to stop (default the end of the text)
 * @example
 * countLineEnds('a\r\nb\rc\nd'); // 3
 */
export function countLineEnds(text: string, from = 0, to = text.length): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR) {
      count++;
      if (i + 1 < to && text.charCodeAt(i + 1) === LF) i++;
    }
  }
  return count;
}

/**
 * The 1-based line of the character at `offset` (CRLF, LF or a lone CR each end a line).
 *
 * @param text - the text
 * @param offset - a character offset (clamped to the text)
 * @example
 * lineOfOffset('a\rb\r\nc', 5); // 3
 */
export function lineOfOffset(text: string, offset: number): number {
  return 1 + countLineEnds(text, 0, Math.max(0, Math.min(offset, text.length)));
}
