/**
 * The k-way merge of sorted runs of id hashes read back from a spill store in blocks, to find the
 * hashes that occur more than once across all runs, in memory that does not depend on how long
 * the runs are.
 *
 * @module
 */
import { idHashKeyOf } from './id-hash-set.js';
import { spillStep, SpillFailure } from './spill-failure.js';
import type { SpillStore } from './spill-store.js';
import { compareHashes } from './sorted-hashes.js';

/**
 * A run in the store: its number (from `writeRun`) and how many hashes it holds.
 *
 * @example
 * const run: StoredRun = { run: 0, hashes: 1_048_576 };
 */
export interface StoredRun {
  readonly run: number;
  readonly hashes: number;
}

/**
 * Merges the runs (each sorted by `sortHashes`) and returns the keys (`idHashKeyOf`) of the
 * hashes found more than once. Each run is read in blocks of `block` hashes, all blocks in
 * `scratch` when it holds them (one block per run; otherwise an array of that size is allocated).
 * A store that rejects, or answers with a byte count that does not fit, throws a
 * {@link SpillFailure}.
 *
 * @param store - where the runs are
 * @param runs - the runs to merge
 * @param block - hashes per block (at least 1)
 * @param scratch - memory to reuse for the blocks (8 bytes per hash)
 * @example
 * const repeats = await repeatsInRuns(store, [{ run: 0, hashes: 4 }, { run: 1, hashes: 3 }], 2, new ArrayBuffer(32));
 */
export async function repeatsInRuns(
  store: SpillStore,
  runs: readonly StoredRun[],
  block: number,
  scratch: ArrayBuffer,
): Promise<Set<string>> {
  const k = runs.length;
  const words = scratch.byteLength >= k * block * 8 ? new Uint32Array(scratch, 0, k * block * 2) : new Uint32Array(k * block * 2);
  const bytes = new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
  const taken = new Float64Array(k); // hashes of run r read from the store so far
  const loaded = new Float64Array(k); // hashes in run r's current block
  const at = new Int32Array(k); // the next hash of run r's block (absolute pair index in `words`)

  async function load(r: number): Promise<boolean> {
    const { run, hashes } = runs[r] as StoredRun;
    const count = Math.min(block, hashes - (taken[r] ?? 0));
    if (count <= 0) return false;
    const start = r * block * 8;
    const wanted = count * 8;
    let got = 0;
    while (got < wanted) {
      const offset = (taken[r] ?? 0) * 8 + got;
      const operation = `reading run ${run} at byte ${offset}`;
      const read = await spillStep(operation, () => store.readRun(run, offset, bytes.subarray(start + got, start + wanted)));
      if (!Number.isInteger(read) || read <= 0 || read > wanted - got) {
        throw new SpillFailure(operation, `the store read ${String(read)} bytes where ${wanted - got} were left in the run`);
      }
      got += read;
    }
    taken[r] = (taken[r] ?? 0) + count;
    loaded[r] = count;
    at[r] = r * block;
    return true;
  }

  // A binary min-heap of the runs that still have hashes, ordered by their current hash.
  const heap: number[] = [];
  const less = (r: number, s: number): boolean => compareHashes(words, at[r] ?? 0, words, at[s] ?? 0) < 0;
  function siftDown(from: number): void {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) return;
      const right = left + 1;
      const child = right < heap.length && less(heap[right] ?? 0, heap[left] ?? 0) ? right : left;
      if (!less(heap[child] ?? 0, heap[i] ?? 0)) return;
      const swapped = heap[i] ?? 0;
      heap[i] = heap[child] ?? 0;
      heap[child] = swapped;
      i = child;
    }
  }
  for (let r = 0; r < k; r++) if (await load(r)) heap.push(r);
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);

  const repeats = new Set<string>();
  let started = false;
  let low = 0;
  let high = 0;
  while (heap.length > 0) {
    const r = heap[0] ?? 0;
    const pair = at[r] ?? 0;
    const nextLow = words[2 * pair] ?? 0;
    const nextHigh = words[2 * pair + 1] ?? 0;
    if (started && nextLow === low && nextHigh === high) repeats.add(idHashKeyOf(low, high));
    started = true;
    low = nextLow;
    high = nextHigh;
    at[r] = pair + 1;
    if (pair + 1 === r * block + (loaded[r] ?? 0) && !(await load(r))) {
      const last = heap.pop() ?? 0;
      if (heap.length > 0) heap[0] = last;
    }
    siftDown(0);
  }
  return repeats;
}
