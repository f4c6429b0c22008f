import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idHashKey } from '../../src/streaming/id-hash-set.js';
import { SpillFailure } from '../../src/streaming/spill-failure.js';
import type { SpillStore } from '../../src/streaming/spill-store.js';
import { createSpilledIds, type SpilledIds } from '../../src/streaming/spilled-ids.js';
import { memoryStore } from './memory-spill-store.js';

/** The model: the keys of the ids a Set has already seen when they come again. */
function repeatedKeys(ids: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) repeated.add(idHashKey(id));
    seen.add(id);
  }
  return repeated;
}

async function addAll(finder: SpilledIds, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    if (finder.full) await finder.flush();
    finder.add(id);
  }
}

const sortedKeys = (keys: ReadonlySet<string>): string[] => [...keys].sort();

describe('createSpilledIds', () => {
  it('finds exactly the ids a Set finds repeated, through many runs and blocks', async () => {
    // A small alphabet makes repeats likely, within a run and across runs.
    const id = fc.oneof(fc.constantFrom('P1', 'P2', 'P3', 'P10', 'x'), fc.string({ maxLength: 3 }), fc.string({ maxLength: 6, unit: 'binary' }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(id, { maxLength: 120 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 4 }),
        async (ids, bufferIds, blockIds) => {
          const store = memoryStore();
          const finder = createSpilledIds(() => store, { bufferIds, blockIds });
          await addAll(finder, ids);
          expect(sortedKeys(await finder.repeats())).toEqual(sortedKeys(repeatedKeys(ids)));
          await finder.dispose();
          // A run per full buffer, plus the rest; a stream within the buffer never touches the store.
          const expectedRuns = ids.length <= bufferIds ? 0 : Math.ceil(ids.length / bufferIds);
          expect(store.log.writes).toBe(expectedRuns);
          expect(store.log.disposed).toBe(expectedRuns === 0 ? 0 : 1);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads every run back in several blocks when the blocks are small', async () => {
    const ids = Array.from({ length: 24 }, (_, i) => `P${i % 10}`); // 10 ids, each seen 2 or 3 times
    const store = memoryStore();
    const finder = createSpilledIds(() => store, { bufferIds: 8, blockIds: 3 });
    await addAll(finder, ids);
    expect(sortedKeys(await finder.repeats())).toEqual(sortedKeys(repeatedKeys(ids)));
    expect(store.log.writes).toBe(3);
    expect(store.log.reads).toBe(3 * 4); // the 8-hash buffer shared by 3 runs: blocks of 2 hashes
  });

  it('gives nothing for an empty stream, or one without repeats, and opens no store', async () => {
    let opened = 0;
    const open = (): SpillStore => {
      opened++;
      return memoryStore();
    };
    const empty = createSpilledIds(open, { bufferIds: 2 });
    expect((await empty.repeats()).size).toBe(0);
    const few = createSpilledIds(open, { bufferIds: 4 });
    await addAll(few, ['a', 'b', 'c']);
    expect((await few.repeats()).size).toBe(0);
    await few.dispose();
    expect(opened).toBe(0);
  });

  it('a store that rejects, or answers nonsense, fails with a SpillFailure naming the operation', async () => {
    const failing = (overrides: Partial<SpillStore>): SpillStore => ({ ...memoryStore(), ...overrides });
    const ids = ['a', 'b', 'c', 'a'];

    const write = createSpilledIds(() => failing({ writeRun: () => Promise.reject(new Error('ENOSPC: no space left on device')) }), { bufferIds: 2 });
    const written = addAll(write, ids);
    await expect(written).rejects.toBeInstanceOf(SpillFailure);
    await expect(written).rejects.toThrow('writing run 0 (16 bytes): ENOSPC: no space left on device');

    const read = createSpilledIds(() => failing({ readRun: () => Promise.resolve(0) }), { bufferIds: 2 });
    await addAll(read, ids);
    await expect(read.repeats()).rejects.toThrow('reading run 0 at byte 0: the store read 0 bytes where 8 were left in the run');

    const open = createSpilledIds(() => {
      throw new Error('no temporary directory');
    }, { bufferIds: 2 });
    await expect(addAll(open, ids)).rejects.toThrow('opening the spill store: no temporary directory');

    const dispose = createSpilledIds(() => failing({ dispose: () => Promise.reject(new Error('EBUSY')) }), { bufferIds: 2 });
    await addAll(dispose, ids);
    await dispose.repeats();
    await expect(dispose.dispose()).rejects.toThrow('removing the spill store: EBUSY');
  });

  it('refuses buffer sizes it cannot use, and an add past a full buffer', () => {
    expect(() => createSpilledIds(() => memoryStore(), { bufferIds: 0 })).toThrow('bufferIds must be an integer');
    expect(() => createSpilledIds(() => memoryStore(), { bufferIds: 1.5 })).toThrow('bufferIds must be an integer');
    const finder = createSpilledIds(() => memoryStore(), { bufferIds: 1 });
    finder.add('a');
    expect(finder.full).toBe(true);
    expect(() => {
      finder.add('b');
    }).toThrow('await flush()');
  });

  it('lets its buffer go once the repeats are known', async () => {
    const finder = createSpilledIds(() => memoryStore(), { bufferIds: 4 });
    await addAll(finder, ['a', 'b', 'a']);
    expect(sortedKeys(await finder.repeats())).toEqual([idHashKey('a')]);
    expect(() => {
      finder.add('c');
    }).toThrow('after repeats()');
  });
});
