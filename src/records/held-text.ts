/**
 * The text of a record that a chunk of a stream has begun and a later chunk will end.
 *
 * @module
 */

/**
 * The pieces of an unfinished record, kept as they arrive and joined once, when the record ends:
 * appending to one growing string instead would copy it again for each chunk, and searching it
 * from its start for each chunk would scan it again (a long line would then cost time growing with
 * its square). Beyond `limit` characters the pieces are dropped (`over`) and only their number is
 * kept.
 *
 * @example
 * const held = createHeldText(1_048_576);
 * held.keep('{"id":"P', 0, 8);
 * held.take('1"}\n', 0, 3); // '{"id":"P1"}'
 */
export interface HeldText {
  /** The characters kept (or, once over the limit, seen) since the last `take`. */
  readonly length: number;
  /** Whether the record went beyond the limit (its text was dropped). */
  readonly over: boolean;
  /** Keeps `text[from, to)` as the next piece. */
  keep(text: string, from: number, to: number): void;
  /** The pieces kept, followed by `text[from, to)`, as one string; the held text is then empty. */
  take(text: string, from: number, to: number): string;
  /** Forgets the pieces. */
  clear(): void;
}

/**
 * An empty {@link HeldText} that keeps at most `limit` characters.
 *
 * @param limit - the most characters kept
 * @example
 * const held = createHeldText(10);
 */
export function createHeldText(limit: number): HeldText {
  let pieces: string[] = [];
  let length = 0;
  return {
    get length() {
      return length;
    },
    get over() {
      return length > limit;
    },
    keep(text, from, to) {
      if (to <= from) return;
      length += to - from;
      if (length > limit) pieces = [];
      else pieces.push(from === 0 && to === text.length ? text : text.slice(from, to));
    },
    take(text, from, to) {
      const last = from === 0 && to === text.length ? text : text.slice(from, to);
      const joined = pieces.length === 0 ? last : pieces.join('') + last;
      pieces = [];
      length = 0;
      return joined;
    },
    clear() {
      pieces = [];
      length = 0;
    },
  };
}
