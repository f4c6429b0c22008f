/**
 * outcome-pay for Node.js (`outcome-pay/node`): what needs the file system, kept out of the
 * platform-neutral core.
 *
 * @module outcome-pay/node
 */
import { expectString, readFields } from '../guard.js';
import { MAX_SPILL_IDS, spillSize, MAX_ISSUE_BLOCK_BYTES, type StreamStorage } from '../streaming/index.js';
import { openTempFileStore, type TempFileOptions } from './temp-file-store.js';

export { openTempFileStore } from './temp-file-store.js';
export type { TempFileOptions } from './temp-file-store.js';

/**
 * Storage for `settleStream` on temporary files: the participant ids of a long stream are spilled
 * to a directory made under `options.dir` (default `os.tmpdir()`) when they outgrow the in-memory
 * buffer (`bufferIds` hashes, default 1,048,576: 8 MB), and so are the issues of excluded records
 * when they outgrow a block (`issueBlockBytes`, default 262,144); each directory is removed before
 * `settleStream` returns, also when it fails. The CLI's `settle` uses it. Options of the wrong type
 * throw {@link "outcome-pay".OutcomePayError | OutcomePayError} (`ARGUMENT_INVALID`: not an object, an unknown field, `dir` not a
 * string; `SPILL_SIZE`: a size that is not a whole number in range).
 *
 * @param options - the parent directory of the temporary files, and the buffer sizes
 * @example
 * import { createReadStream } from 'node:fs';
 * import { settleStream } from 'outcome-pay/streaming';
 * import { tempFileStorage } from 'outcome-pay/node';
 * const result = await settleStream(
 *   contractJson,
 *   { format: 'csv', chunks: () => createReadStream('records.csv') },
 *   { asOf: '2025-06-30' },
 *   tempFileStorage({ dir: '/var/tmp' }),
 * );
 */
export function tempFileStorage(options: TempFileOptions & { readonly bufferIds?: number; readonly issueBlockBytes?: number } = {}): StreamStorage {
  const { dir, bufferIds, issueBlockBytes } = readFields('tempFileStorage', 'options', options, ['dir', 'bufferIds', 'issueBlockBytes']);
  if (dir !== undefined) expectString('tempFileStorage', 'options.dir', dir);
  spillSize('bufferIds', bufferIds, MAX_SPILL_IDS, undefined, ['options']);
  spillSize('issueBlockBytes', issueBlockBytes, MAX_ISSUE_BLOCK_BYTES, undefined, ['options']);
  const files: TempFileOptions = dir === undefined ? {} : { dir };
  const openSpill = (): ReturnType<StreamStorage['openSpill']> => openTempFileStore(files);
  return { openSpill, ...(bufferIds === undefined ? {} : { bufferIds: bufferIds as number }), ...(issueBlockBytes === undefined ? {} : { issueBlockBytes: issueBlockBytes as number }) };
}
