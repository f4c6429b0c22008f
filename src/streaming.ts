/**
 * `outcome-pay/streaming`: settling records that arrive in chunks (a file read as a stream, an
 * HTTP body, a database cursor), in bounded memory, with the result `settle` gives on the same
 * records (docs/streaming.md). In Node, `outcome-pay/node` adds temporary files for the ids and
 * issues of streams beyond about a million records. An entry point of its own, so the settlement
 * core a browser bundles does not carry it (docs/browser.md, Size).
 *
 * @example
 * import { createReadStream } from 'node:fs';
 * import { settleStream } from 'outcome-pay/streaming';
 * const result = await settleStream(contract, { format: 'ndjson', chunks: () => createReadStream('records.ndjson') }, { asOf: '2025-06-30' });
 *
 * @module outcome-pay/streaming
 */
export { readCsvStream, readNdjsonStream } from './streaming/index.js';
export type { ChunkSource, RecordSource, SpillStore, StreamFormat, StreamSettings, StreamStorage } from './streaming/index.js';
export { settleStream } from './settlement/index.js';
