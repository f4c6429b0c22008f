/**
 * Finding repeated participant ids in a stream of any length in fixed memory: each id's 64-bit
 * hash goes into a buffer; a full buffer is sorted and written to a spill store as a run; at the
 * end the runs are merged, read back in blocks, and the hashes found more than once are the
 * candidate duplicates. A stream whose ids fit in the buffer never touches the store.
 *
 * @module
 */
import { OutcomePayError } from '../errors.js';
import { idHashHigh, idHashLow } from './id-hash-set.js';
import { repeatsInRuns, type StoredRun } from './merge-runs.js';
import { spillStep } from './spill-failure.js';
import type { SpillStore } from './spill-store.js';
import { addAdjacentRepeats, sortHashes } from './sorted-hashes.js';

/**
 * Hashes kept in memory before a run is written, unless told otherwise: 2^20, an 8 MB buffer.
 *
 * @example
 * DEFAULT_SPILL_BUFFER_IDS * 8; // 8388608 bytes
 */
export const DEFAULT_SPILL_BUFFER_IDS = 1 << 20;

/**
 * Sizes of a {@link SpilledIds}: `bufferIds` hashes in memory (default
 * {@link DEFAULT_SPILL_BUFFER_IDS}); `blockIds` hashes per block when the runs are read back
 * (default: the buffer shared among the runs; tests set it small to read many blocks).
 *
 * @example
 * const sizes: SpillSizes = { bufferIds: 4, blockIds: 1 };
 */
export interface SpillSizes {
  readonly bufferIds?: number;
  readonly blockIds?: number;
}

/**
 * The ids of a stream, as hashes: `add` each id (when the buffer is `full`, await `flush()`
 * first: it writes the buffer as a run), then `repeats()` once (it releases the buffer: no `add`
 * after it), then `dispose()`.
 *
 * @example
 * const ids = createSpilledIds(() => store);
 * if (ids.full) await ids.flush();
 * ids.add('P1');
 * const repeats = await ids.repeats(); // keys (idHashKey) of the hashes seen more than once
 * await ids.dispose();
 */
export interface SpilledIds {
  readonly full: boolean;
  add(id: string): void;
  flush(): Promise<void>;
  repeats(): Promise<Set<string>>;
  dispose(): Promise<void>;
}

/** The largest buffer or block of id hashes: 2^27 hashes, 1 GB. */
export const MAX_SPILL_IDS = 2 ** 27;

/**
 * Checks a spill size given by a caller: `value` when it is an integer from 1 to `max`,
 * `fallback` when it is undefined; anything else throws an `OutcomePayError` `SPILL_SIZE` naming
 * `name`, at `path` (where the size was given) followed by `name`.
 *
 * @example
 * spillSize('bufferIds', 1024, MAX_SPILL_IDS, DEFAULT_SPILL_BUFFER_IDS); // 1024
 * spillSize('issueBlockBytes', 0, 2 ** 30);                             // throws SPILL_SIZE
 */
export function spillSize(name: string, value: unknown, max: number, fallback?: number, path: readonly string[] = []): number | undefined {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > max) {
    const given = typeof value === 'number' ? String(value) : typeof value;
    throw new OutcomePayError('SPILL_SIZE', `${name} must be an integer from 1 to ${max}, not ${given}`, [...path, name]);
  }
  return value;
}

/**
 * An empty set of stream ids that spills to the store `openStore` opens (called once, when the
 * buffer is first full). The buffer starts small and doubles up to `bufferIds`. Store failures
 * throw a `SpillFailure`.
 *
 * @param openStore - opens the spill store
 * @param sizes - buffer and block sizes
 * @example
 * const ids = createSpilledIds(() => openMyStore(), { bufferIds: 1 << 16 });
 */
export function createSpilledIds(openStore: () => SpillStore, sizes: SpillSizes = {}): SpilledIds {
  const capacity = spillSize('bufferIds', sizes.bufferIds, MAX_SPILL_IDS, DEFAULT_SPILL_BUFFER_IDS) as number;
  const blockIds = spillSize('blockIds', sizes.blockIds, MAX_SPILL_IDS, capacity) as number;
  let words = new Uint32Array(2 * Math.min(capacity, 1024));
  let count = 0;
  let store: SpillStore | undefined;
  let disposed = false;
  let done = false;
  const runs: StoredRun[] = [];

  async function flush(): Promise<void> {
    if (count === 0) return;
    sortHashes(words, count);
    const opened = store ?? (await spillStep('opening the spill store', () => Promise.resolve(openStore())));
    store = opened;
    const bytes = new Uint8Array(words.buffer, 0, count * 8);
    const run = await spillStep(`writing run ${runs.length} (${bytes.length} bytes)`, () => opened.writeRun(bytes));
    runs.push({ run, hashes: count });
    count = 0;
  }

  return {
    get full() {
      return count === capacity;
    },
    add(id) {
      if (done) throw new OutcomePayError('SPILL_IDS_DONE', 'an id was added after repeats() was called');
      if (count === capacity) throw new OutcomePayError('SPILL_BUFFER_FULL', 'the id buffer is full: await flush() before add() when full is true');
      if (2 * count === words.length) {
        const grown = new Uint32Array(2 * Math.min(capacity, 2 * count));
        grown.set(words);
        words = grown;
      }
      words[2 * count] = idHashLow(id);
      words[2 * count + 1] = idHashHigh(id);
      count++;
    },
    flush,
    async repeats() {
      let repeats: Set<string>;
      if (runs.length === 0) {
        sortHashes(words, count);
        repeats = new Set();
        addAdjacentRepeats(words, count, repeats);
      } else {
        await flush();
        const block = Math.max(1, Math.min(blockIds, Math.floor(capacity / runs.length)));
        repeats = await repeatsInRuns(store as SpillStore, runs, block, words.buffer);
      }
      done = true;
      words = new Uint32Array(0); // not needed any more: let the buffer go before the settlement is built
      return repeats;
    },
    async dispose() {
      const opened = store;
      if (opened === undefined || disposed) return;
      disposed = true;
      await spillStep('removing the spill store', () => opened.dispose());
    },
  };
}
