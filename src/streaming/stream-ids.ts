/**
 * How the first pass of a streamed settlement finds candidate duplicate ids: in a hash table in
 * memory (no storage given: 8 to 16 bytes per id), or through sorted runs in a spill store (fixed
 * memory).
 *
 * @module
 */
import { OutcomePayError } from '../errors.js';
import { createIdHashSet, idHashKey, type IdHashSet } from './id-hash-set.js';
import { createSpilledIds } from './spilled-ids.js';
import type { StreamStorage } from './stream-storage.js';

/**
 * The first pass's view of ids. `add` returns false when the id is already known to repeat (the
 * in-memory table knows at once; spilled runs only at the end); when `mustFlush` is true,
 * `flush()` must be awaited before the next `add`. `candidates()` (once, at the end) gives
 * the keys (`idHashKey`) of the hashes seen more than once. `dispose()` releases the store (safe
 * to call more than once).
 *
 * @example
 * const ids = streamIds(undefined);
 * if (ids.mustFlush) await ids.flush();
 * if (!ids.add('P1')) console.log('repeated');
 * const candidates = await ids.candidates();
 */
export interface StreamIds {
  add(id: string): boolean;
  readonly mustFlush: boolean;
  flush(): Promise<void>;
  candidates(): Promise<ReadonlySet<string>>;
  dispose(): Promise<void>;
}

/**
 * The ids of a first pass: spilled when `storage` is given, in memory otherwise.
 *
 * @example
 * const ids = streamIds(tempFileStorage());
 */
export function streamIds(storage: StreamStorage | undefined): StreamIds {
  if (storage === undefined) {
    let table: IdHashSet | undefined = createIdHashSet();
    const found = new Set<string>();
    return {
      add(id) {
        if (table === undefined) throw new OutcomePayError('STREAM_IDS_DONE', 'ids added after the candidates were taken');
        if (table.add(id)) return true;
        found.add(idHashKey(id));
        return false;
      },
      mustFlush: false,
      flush: () => Promise.resolve(),
      candidates: () => {
        table = undefined; // 8 to 16 bytes per id, not needed any more
        return Promise.resolve(found);
      },
      dispose: () => Promise.resolve(),
    };
  }
  const spilled = createSpilledIds(storage.openSpill, storage.bufferIds === undefined ? {} : { bufferIds: storage.bufferIds });
  return {
    add(id) {
      spilled.add(id);
      return true;
    },
    get mustFlush() {
      return spilled.full;
    },
    flush: () => spilled.flush(),
    candidates: () => spilled.repeats(),
    dispose: () => spilled.dispose(),
  };
}
