import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settle } from '../../src/index.js';
import { settleStream, type SpillStore, type StreamStorage } from '../../src/streaming.js';
import { memoryStorage, memoryStore, type MemoryStore } from './memory-spill-store.js';
import { asDelivered, chunks, contract, fromArray, manyInvalid, messy, messyNdjson, options, sample } from './fixtures.js';

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

  it('issues spilled in blocks of any size: byte-identical to settle, listed or delivered; every store disposed of once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(messy, { minLength: messy.length, maxLength: messy.length }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 300 }),
        fc.constantFrom('lenient', 'strict' as const),
        async (shuffled, bufferIds, issueBlockBytes, records) => {
          const settleOptions = { ...options, records };
          const expected = settle(contract, shuffled, settleOptions);
          const storage = memoryStorage(bufferIds, issueBlockBytes);
          const listed = await settleStream(contract, () => fromArray(shuffled), settleOptions, storage);
          expect(JSON.stringify(listed)).toBe(JSON.stringify(expected));
          const delivered: unknown[] = [];
          const viaOnIssue = await settleStream(contract, () => fromArray(shuffled), settleOptions, { storage, onIssue: (issue) => delivered.push(issue) });
          if (expected.ok) {
            expect(delivered).toEqual(expected.value.dataQuality.issues);
            expect(JSON.stringify(viaOnIssue)).toBe(JSON.stringify({ ok: true, value: asDelivered(expected.value) }));
          } else expect(JSON.stringify(viaOnIssue)).toBe(JSON.stringify(expected));
          expect(storage.stores.map((store) => store.log.disposed)).toEqual(storage.stores.map(() => 1));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('issue blocks of one byte: each issue line is a run of its own, read back in order', async () => {
    const storage = memoryStorage(1000, 1); // ids never spill: every store is an issue log's
    const runs: string[] = [];
    const listing: StreamStorage = {
      ...storage,
      openSpill: () => {
        const store = storage.openSpill();
        return { ...store, writeRun: (bytes) => (runs.push(new TextDecoder().decode(bytes)), store.writeRun(bytes)) };
      },
    };
    const result = await settleStream(contract, () => fromArray(messy), options, listing);
    expect(JSON.stringify(result)).toBe(JSON.stringify(settle(contract, messy, options)));
    // messy's first read logs records 9 (P002), 11 (X1), 12 (P004) and 13 (42). A record's line is
    // written when the next record with issues comes, and a full block is flushed after that
    // record: the lines of 9 and 11 went to the store, 12 and 13 stayed in memory. The second
    // read holds back P002 and P004 (their ids repeat) and logs 11 and 13 only: nothing spilled.
    expect(runs.map((run) => run.slice(0, run.indexOf(',')))).toEqual(['[9', '[11']);
    expect(runs.every((run) => run.startsWith('[') && run.endsWith(']\n'))).toBe(true);
    expect(storage.stores.map((store) => store.log.disposed)).toEqual(storage.stores.map(() => 1));
  });

  it('an issue store that fails gives STREAM_SPILL_FAILED about the data-quality issues', async () => {
    const storage: StreamStorage = { bufferIds: 100, issueBlockBytes: 10, openSpill: () => ({ ...memoryStore(), writeRun: () => Promise.reject(new Error('ENOSPC')) }) };
    const result = await settleStream(contract, () => fromArray(messy), options, storage);
    expect(result.ok ? undefined : result.issues.map((issue) => [issue.code, issue.message])).toEqual([
      ['STREAM_SPILL_FAILED', expect.stringMatching(/^the spill store for data-quality issues failed while writing issue block 0 \(\d+ bytes\): ENOSPC; nothing was settled$/)],
    ]);
  });

  it('sizes out of range throw SPILL_SIZE naming the size, before anything is read', async () => {
    for (const [sizes, name] of [
      [{ issueBlockBytes: 0 }, 'issueBlockBytes'],
      [{ issueBlockBytes: 1.5 }, 'issueBlockBytes'],
      [{ issueBlockBytes: 2 ** 31 }, 'issueBlockBytes'],
      [{ bufferIds: 0 }, 'bufferIds'],
      [{ bufferIds: 2 ** 28 }, 'bufferIds'],
    ] as const) {
      let opened = 0;
      const source = (): AsyncGenerator => (opened++, fromArray(messy));
      await expect(settleStream(contract, source, options, { openSpill: memoryStore, ...sizes })).rejects.toMatchObject({ code: 'SPILL_SIZE', path: [name] });
      await expect(settleStream({}, source, options, { storage: { openSpill: memoryStore, ...sizes } })).rejects.toMatchObject({ code: 'SPILL_SIZE', path: ['storage', name] });
      expect(opened).toBe(0);
    }
  });

  it('a spill store that fails while the issues are delivered: STREAM_SPILL_FAILED, after the issues delivered so far', async () => {
    let reads = 0;
    const storage: StreamStorage = {
      issueBlockBytes: 1,
      openSpill: () => {
        const store = memoryStore();
        return { ...store, readRun: (run, offset, into) => (++reads > 3 ? Promise.reject(new Error('EIO')) : store.readRun(run, offset, into)) };
      },
    };
    let delivered = 0;
    const result = await settleStream(contract, () => fromArray(manyInvalid), options, { storage, onIssue: () => delivered++ });
    expect(result.ok ? undefined : result.issues.map((issue) => issue.message)).toEqual([
      expect.stringMatching(/^the spill store for data-quality issues failed while reading issue block 3 \(\d+ bytes\): EIO; nothing was settled$/),
    ]);
    expect(delivered).toBe(3); // one issue per block read before the failure
  });

  it('bytes read back that are not the ones written: STREAM_SPILL_FAILED, not an exception', async () => {
    for (const fill of [0x7b, 0x20, 0x5b]) {
      const storage: StreamStorage = {
        issueBlockBytes: 1,
        openSpill: () => ({ ...memoryStore(), readRun: (_run, _offset, into) => (into.fill(fill), Promise.resolve(into.length)) }),
      };
      const result = await settleStream(contract, () => fromArray(manyInvalid), options, storage);
      expect(result.ok ? undefined : result.issues.map((issue) => issue.message)).toEqual([
        expect.stringMatching(/^the spill store for data-quality issues failed while reading issue block 0 \(\d+ bytes\): the store gave back bytes that are not the ones written; nothing was settled$/),
      ]);
    }
  });

  it('the first read of a stream with repeated ids removes its issue store before the second read', async () => {
    const events: string[] = [];
    const storage: StreamStorage = {
      issueBlockBytes: 1,
      openSpill: () => {
        const store = memoryStore();
        const number = events.filter((event) => event.startsWith('open store')).length;
        events.push(`open store ${number}`);
        return { ...store, dispose: () => (events.push(`dispose store ${number}`), store.dispose()) };
      },
    };
    const source = (): AsyncGenerator => (events.push('read'), fromArray(messy));
    const result = await settleStream(contract, source, options, storage);
    expect(JSON.stringify(result)).toBe(JSON.stringify(settle(contract, messy, options)));
    // the second read of messy logs 2 records' issues: one line, kept in memory, no store
    expect(events).toEqual(['read', 'open store 0', 'dispose store 0', 'read']);
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
