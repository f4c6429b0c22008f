import type { SpillStore } from '../../src/streaming/spill-store.js';
import type { StreamStorage } from '../../src/streaming/index.js';

/** A spill store in memory that counts what is asked of it, for tests. */
export interface MemoryStore extends SpillStore {
  readonly runs: Uint8Array[];
  readonly log: { writes: number; reads: number; disposed: number };
}

export function memoryStore(): MemoryStore {
  const runs: Uint8Array[] = [];
  const log = { writes: 0, reads: 0, disposed: 0 };
  return {
    runs,
    log,
    writeRun(bytes) {
      log.writes++;
      runs.push(bytes.slice());
      return Promise.resolve(runs.length - 1);
    },
    readRun(run, offset, into) {
      log.reads++;
      const part = (runs[run] ?? new Uint8Array()).subarray(offset, offset + into.length);
      into.set(part);
      return Promise.resolve(part.length);
    },
    dispose() {
      log.disposed++;
      runs.length = 0;
      return Promise.resolve();
    },
  };
}

/** A storage on memory stores (ids buffered `bufferIds` at a time), keeping every store it opens. */
export function memoryStorage(bufferIds: number, issueBlockBytes?: number): StreamStorage & { readonly stores: MemoryStore[] } {
  const stores: MemoryStore[] = [];
  return {
    bufferIds,
    ...(issueBlockBytes === undefined ? {} : { issueBlockBytes }),
    stores,
    openSpill: () => {
      const store = memoryStore();
      stores.push(store);
      return store;
    },
  };
}
