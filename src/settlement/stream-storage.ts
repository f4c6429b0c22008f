/**
 * What a streamed settlement may use besides memory: a spill store for the participant ids of
 * long streams. Passed to `settleStream` apart from its options because it changes where state
 * is kept, never the result (options feed the settlement's fingerprint).
 *
 * @module
 */
import type { SpillStore } from '../records/spill-store.js';

/**
 * Storage for `settleStream`. With it, the ids of a stream are hashed into a buffer of
 * `bufferIds` hashes (default 1,048,576: 8 MB); each time the buffer is full it is sorted and
 * written to a store as a run, and the runs are merged at the end to find repeated ids: memory
 * stays the same however long the stream. `openSpill` is called at most once per settlement, the
 * first time the buffer is full (a stream with fewer ids never opens a store), and the store is
 * disposed of before `settleStream` returns, whatever the outcome. In Node, `tempFileStorage()`
 * from `outcome-pay/node` gives one that writes temporary files.
 *
 * @example
 * import { tempFileStorage } from 'outcome-pay/node';
 * const storage: StreamStorage = tempFileStorage();
 * const result = await settleStream(contractJson, source, { asOf: '2025-06-30' }, storage);
 */
export interface StreamStorage {
  /** Opens an empty spill store for one settlement. */
  readonly openSpill: () => SpillStore;
  /** Hashes kept in memory before a run is written (an integer from 1 to 2^27). */
  readonly bufferIds?: number;
}
