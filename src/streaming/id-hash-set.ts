/**
 * A compact set of participant ids for streams: each id is kept as a 64-bit hash in a typed
 * array of 8-byte slots at most 3/4 full (8 to 16 bytes per id as the table doubles, plus the
 * old table while it is copied), not as a string. Two different ids can share a hash (about
 * once in 10^12 pairs): `add` then reports a repeat, so a repeat is a *candidate* duplicate that
 * the caller confirms with the ids themselves.
 *
 * @module
 */

/**
 * The set: `add` returns false when the id's hash was already present (a candidate duplicate).
 *
 * @example
 * const ids = createIdHashSet();
 * ids.add('P1'); // true
 * ids.add('P1'); // false
 */
export interface IdHashSet {
  add(id: string): boolean;
  readonly size: number;
}

function hash(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= text.length;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The low 32-bit word of an id's 64-bit hash.
 *
 * @example
 * idHashLow('P1') === idHashLow('P1'); // true
 */
export function idHashLow(id: string): number {
  return hash(id, 0x811c9dc5);
}

/**
 * The high 32-bit word of an id's 64-bit hash, never 0 (an empty slot of the table is 0).
 *
 * @example
 * idHashHigh('P1') !== 0; // true
 */
export function idHashHigh(id: string): number {
  return (hash(id, 0x9e3779b9) | 1) >>> 0;
}

/**
 * The 64-bit hash of an id as text, to name candidate duplicates.
 *
 * @example
 * idHashKey('P1') === idHashKey('P1'); // true
 */
export function idHashKey(id: string): string {
  return idHashKeyOf(idHashLow(id), idHashHigh(id));
}

/**
 * {@link idHashKey} from the hash's two words (as {@link idHashLow} and {@link idHashHigh} give them).
 *
 * @example
 * idHashKeyOf(idHashLow('P1'), idHashHigh('P1')) === idHashKey('P1'); // true
 */
export function idHashKeyOf(low: number, high: number): string {
  return `${low.toString(36)}:${high.toString(36)}`;
}

/**
 * An empty set of id hashes, growing as needed.
 *
 * @example
 * const ids = createIdHashSet();
 */
export function createIdHashSet(): IdHashSet {
  let capacity = 1024;
  let table = new Uint32Array(capacity * 2);
  let size = 0;

  function insert(into: Uint32Array, mask: number, low: number, high: number): boolean {
    let slot = low & mask;
    for (;;) {
      const at = slot * 2;
      const storedHigh = into[at + 1] ?? 0;
      if (storedHigh === 0) {
        into[at] = low;
        into[at + 1] = high;
        return true;
      }
      if (storedHigh === high && into[at] === low) return false;
      slot = (slot + 1) & mask;
    }
  }

  function grow(): void {
    const old = table;
    capacity *= 2;
    table = new Uint32Array(capacity * 2);
    for (let at = 0; at < old.length; at += 2) {
      const high = old[at + 1] ?? 0;
      if (high !== 0) insert(table, capacity - 1, old[at] ?? 0, high);
    }
  }

  return {
    add(id) {
      const added = insert(table, capacity - 1, idHashLow(id), idHashHigh(id));
      if (added && ++size * 4 > capacity * 3) grow(); // load at most 3/4
      return added;
    },
    get size() {
      return size;
    },
  };
}
