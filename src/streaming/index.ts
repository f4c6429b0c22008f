/**
 * Streaming: what works over a stream of text chunks or spills. The records readers of a file
 * that arrives in chunks, and the stores a long stream spills to.
 *
 * @module
 */
export { readNdjsonStream } from './read-ndjson-stream.js';
export { readCsvStream } from './read-csv-stream.js';
export type { SpillStore } from './spill-store.js';
export { DEFAULT_SPILL_BUFFER_IDS } from './spilled-ids.js';
export type { ChunkSource, RecordSource, StreamFormat } from './stream-source.js';
export type { StreamSettings, StreamStorage } from './stream-storage.js';
