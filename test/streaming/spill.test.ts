import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settle, settleStream, type SpillStore, type StreamStorage } from '../../src/index.js';
import { memoryStore, type MemoryStore } from '../records/memory-spill-store.js';
import { chunks, contract, fromArray, messy, messyNdjson, options, sample } from './fixtures.js';

/** A storage on memory stores, keeping every store it opens. */
function memoryStorage(bufferIds: number): StreamStorage & { readonly stores: MemoryStore[] } {
  const stores: MemoryStore[] = [];
  return {
    bufferIds,
    stores,
    openSpill: () => {
      const store = memoryStore();
      stores.push(store);
      return store;
    },
  };
}

describe('settleStream with a spill store', () => {
  it('byte-identical to settle, duplicates and invalid records included, in both modes and detail levels', async () => {
    for (const records of ['lenient', 'strict'] as const) {
      for (const detail of ['totals', 'participants'] as const) {
        for (const bufferIds of [1, 2, 3, 7]) {
          const settleOptions = { ...options, records, detail };
          const storage = memoryStorage(bufferIds);
          const fromRecords = await settleStream(contract, () => fromArray(messy), settleOptions, storage);
          expect(JSON.stringify(fromRecords)).toBe(JSON.stringify(settle(contract, messy, settleOptions)));
          const fromFile = await settleStream(contract, { format: 'ndjson', chunks: () => chunks(messyNdjson) }, settleOptions, storage);
          const inMemory = await settleStream(contract, { format: 'ndjson', chunks: () => chunks(messyNdjson) }, settleOptions);
          expect(fromFile.ok).toBe(records === 'lenient');
          expect(JSON.stringify(fromFile)).toBe(JSON.stringify(inMemory));
          expect(storage.stores.map((store) => [store.log.writes > 0, store.log.disposed])).toEqual([[true, 1], [true, 1]]);
        }
      }
    }
  });

  it('in any order, with a buffer of any size: byte-identical to settle', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(messy, { minLength: messy.length, maxLength: messy.length }),
        fc.integer({ min: 1, max: 12 }),
        async (shuffled, bufferIds) => {
          const expected = JSON.stringify(settle(contract, shuffled, { ...options, detail: 'participants' }));
          const streamed = await settleStream(contract, () => fromArray(shuffled), { ...options, detail: 'participants' }, memoryStorage(bufferIds));
          expect(JSON.stringify(streamed)).toBe(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a stream within the buffer opens no store; the result is the one without storage', async () => {
    const storage = memoryStorage(messy.length);
    const spilled = await settleStream(contract, () => fromArray(messy), options, storage);
    expect(storage.stores).toEqual([]);
    expect(JSON.stringify(spilled)).toBe(JSON.stringify(await settleStream(contract, () => fromArray(messy), options)));
  });

  it('a store that fails gives STREAM_SPILL_FAILED naming the operation, never an exception', async () => {
    const failing = (overrides: Partial<SpillStore>): StreamStorage => ({ openSpill: () => ({ ...memoryStore(), ...overrides }), bufferIds: 2 });
    const cases: [StreamStorage, string][] = [
      [failing({ writeRun: () => Promise.reject(new Error('ENOSPC: no space left on device')) }), 'writing run 0 (16 bytes): ENOSPC: no space left on device'],
      [failing({ readRun: () => Promise.reject(new Error('EIO: i/o error')) }), 'reading run 0 at byte 0: EIO: i/o error'],
      [failing({ readRun: () => Promise.resolve(0) }), 'reading run 0 at byte 0: the store read 0 bytes where 8 were left in the run'],
      [failing({ dispose: () => Promise.reject(new Error('EBUSY')) }), 'removing the spill store: EBUSY'],
      [{ openSpill: () => { throw new Error('no storage here'); }, bufferIds: 2 }, 'opening the spill store: no storage here'],
    ];
    for (const [storage, message] of cases) {
      const result = await settleStream(contract, () => fromArray(messy), options, storage);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]?.code).toBe('STREAM_SPILL_FAILED');
      expect(result.issues[0]?.message).toContain(message);
    }
  });

  it('disposes of the store when the settlement fails: a cut file, a source that throws, a store that fails', async () => {
    const cut = memoryStorage(2);
    const truncated = await settleStream(contract, { format: 'ndjson', chunks: () => chunks(`${messyNdjson}{"id":"P0`) }, options, cut);
    expect(truncated.ok ? undefined : truncated.issues[0]?.code).toBe('NDJSON_TRUNCATED');
    expect(cut.stores.map((store) => store.log.disposed)).toEqual([1]);

    async function* breaking(): AsyncGenerator {
      yield* fromArray(sample);
      throw new Error('the database went away');
    }
    const broken = memoryStorage(2);
    await expect(settleStream(contract, breaking, options, broken)).rejects.toThrow('the database went away');
    expect(broken.stores.map((store) => store.log.disposed)).toEqual([1]);

    const stores: MemoryStore[] = [];
    const failingRead: StreamStorage = {
      bufferIds: 2,
      openSpill: () => {
        const store = memoryStore();
        stores.push(store);
        return { ...store, readRun: () => Promise.reject(new Error('EIO: i/o error')) };
      },
    };
    const failed = await settleStream(contract, () => fromArray(messy), options, failingRead);
    expect(failed.ok ? undefined : failed.issues[0]?.code).toBe('STREAM_SPILL_FAILED');
    expect(stores.map((store) => [store.log.writes > 1, store.log.disposed])).toEqual([[true, 1]]);
  });
});
