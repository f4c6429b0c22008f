/**
 * Where a long stream puts what it cannot keep in memory: runs of bytes written once and read back
 * in blocks. The core defines the interface only: `outcome-pay/node` implements it with temporary
 * files; in a browser, OPFS or IndexedDB could hold the runs.
 *
 * @module
 */

/**
 * Storage for runs of bytes, for one settlement. A run is written whole, once, and then read in
 * blocks from any byte offset, in any order. Every method may reject (a full disk, a directory
 * that cannot be written): the streamed settlement then fails with `STREAM_SPILL_FAILED`, quoting
 * the rejection's message, so a message should name what failed (the file, the operation).
 *
 * @example
 * const runs: Uint8Array[] = [];
 * const memoryStore: SpillStore = {
 *   async writeRun(bytes) { runs.push(bytes.slice()); return runs.length - 1; },
 *   async readRun(run, offset, into) {
 *     const part = (runs[run] ?? new Uint8Array()).subarray(offset, offset + into.length);
 *     into.set(part);
 *     return part.length;
 *   },
 *   async dispose() { runs.length = 0; },
 * };
 */
export interface SpillStore {
  /**
   * Stores a copy of `bytes` as a new run (the caller reuses the array once the promise settles)
   * and resolves to the run's number, which `readRun` takes.
   */
  writeRun(bytes: Uint8Array): Promise<number>;
  /**
   * Reads bytes of a run from a byte offset into `into`; resolves to how many were read: at most
   * `into.length`, fewer only at the end of the run (0 at or past the end).
   */
  readRun(run: number, offset: number, into: Uint8Array): Promise<number>;
  /** Removes everything the store wrote. Called once, when the settlement no longer needs it. */
  dispose(): Promise<void>;
}
