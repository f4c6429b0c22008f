/**
 * Chunks of one set of runs (`firstRun`, on worker threads say): the check that they follow one
 * another, shared by the merges of simulations and forecasts.
 *
 * @module
 */
import { invalidArgument } from '../guard.js';

/**
 * The first of `chunks` after checking that each is `alike` the first and starts where the one
 * before ended (`firstRun` plus its runs, the length of `total`); throws an invalid-argument error
 * naming `fn` and saying `what` chunks it merges otherwise.
 *
 * @example
 * const first = consecutiveChunks('mergeSamples', chunks, (a, b) => a.seed === b.seed, 'consecutive chunks of one simulation');
 */
export function consecutiveChunks<T extends { readonly firstRun: number; readonly total: readonly unknown[] }>(fn: string, chunks: readonly T[], alike: (first: T, chunk: T) => boolean, what: string): T {
  const [first] = chunks;
  if (first === undefined) throw invalidArgument(fn, 'chunks', 'at least one chunk', chunks);
  let next = first.firstRun;
  for (const chunk of chunks) {
    if (!alike(first, chunk) || chunk.firstRun !== next) throw invalidArgument(fn, 'chunks', what, chunk.firstRun);
    next += chunk.total.length;
  }
  return first;
}
