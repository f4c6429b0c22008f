/**
 * Streaming: what works over a stream of text chunks or spills. The records readers of a file
 * that arrives in chunks, the stores a long stream spills to, the compact log of a stream's
 * issues, and the tracking of its ids (one hash per id, in memory or in sorted runs).
 *
 * @module
 */
export { readNdjsonStream } from './read-ndjson-stream.js';
export { readCsvStream } from './read-csv-stream.js';
export type { SpillStore } from './spill-store.js';
export { DEFAULT_SPILL_BUFFER_IDS } from './spilled-ids.js';
export type { ChunkSource, RecordSource, StreamFormat } from './stream-source.js';
export type { StreamSettings, StreamStorage } from './stream-storage.js';

// For settleStream (src/settlement/) and the Node entry (src/node/); src/index.ts decides what the package exports
export { idHashKey } from './id-hash-set.js';
export { isThenable } from './issue-log.js';
export { SpillFailure } from './spill-failure.js';
export { MAX_SPILL_IDS, spillSize } from './spilled-ids.js';
export { streamIds } from './stream-ids.js';
export type { StreamIds } from './stream-ids.js';
export { NO_PASS_ISSUES, createStreamIssues } from './stream-issues.js';
export type { LogSpill, PassIssues } from './stream-issues.js';
export { expectRecordSource, openRows } from './stream-source.js';
export type { TypedReaders } from './stream-source.js';
export { keepSpills } from './stream-spills.js';
export { MAX_ISSUE_BLOCK_BYTES, readStreamSettings } from './stream-storage.js';
