/**
 * The check at the entry of the streaming readers: the chunks of a file must be an async
 * iterable (a Node stream, an async generator).
 *
 * @module
 */
import { invalidArgument, isAsyncIterable } from '../guard.js';

/**
 * Throws {@link OutcomePayError} `ARGUMENT_INVALID` unless `chunks` is an async iterable: a Node
 * stream (`fs.createReadStream`), a web stream, an async generator. Each chunk's type is checked
 * as it is read.
 *
 * @example
 * expectChunks('readCsvStream', createReadStream('records.csv')); // passes
 */
export function expectChunks(where: string, chunks: unknown): asserts chunks is AsyncIterable<string | Uint8Array> {
  if (!isAsyncIterable(chunks)) throw invalidArgument(where, 'chunks', 'an async iterable of strings or Uint8Array chunks (a stream, an async generator)', chunks);
}
