/**
 * How a streamed settlement runs, apart from its options: a spill store for the participant ids
 * of long streams, and where the data-quality issues go. Passed to `settleStream` apart from its
 * options because they change where state is kept and where issues are reported, never the
 * figures or the fingerprint (options feed the settlement's fingerprint).
 *
 * @module
 */
import { OutcomePayError, type Issue } from '../errors.js';
import { describeValue, isPlainObject, thrownReason } from '../guard.js';
import { hasOwn, memberOf, ownFields } from '../own-data.js';
import type { SpillStore } from './spill-store.js';
import { MAX_SPILL_IDS, spillSize } from './spilled-ids.js';

/**
 * The largest block of issue text: 2^30 bytes, 1 GB.
 *
 * @example
 * spillSize('issueBlockBytes', 4096, MAX_ISSUE_BLOCK_BYTES); // 4096
 */
export const MAX_ISSUE_BLOCK_BYTES = 2 ** 30;

/**
 * Storage for `settleStream`. With it, the ids of a stream are hashed into a buffer of
 * `bufferIds` hashes (default 1,048,576: 8 MB); each time the buffer is full it is sorted and
 * written to a store as a run, and the runs are merged at the end to find repeated ids. The
 * issues of excluded records are kept as text in blocks of `issueBlockBytes` (default 262,144),
 * each written to a store as a run when full and read back at the end. Memory stays the same
 * however long the stream. `openSpill` is called once for the ids, the first time their buffer
 * is full, and once per read of the records for the issues, the first time a block is full (a
 * short stream never opens a store); every store is disposed of before `settleStream` returns,
 * whatever the outcome (the ids' store as soon as the repeated ids are known). In Node,
 * `tempFileStorage()` from `outcome-pay/node` gives one that writes temporary files.
 *
 * @example
 * import { tempFileStorage } from 'outcome-pay/node';
 * const storage: StreamStorage = tempFileStorage();
 * const result = await settleStream(contractJson, source, { asOf: '2025-06-30' }, { storage });
 */
export interface StreamStorage {
  /** Opens an empty spill store. */
  readonly openSpill: () => SpillStore;
  /** Hashes kept in memory before a run is written (an integer from 1 to 2^27). */
  readonly bufferIds?: number | undefined;
  /** Bytes of issue text kept in memory before a run is written (an integer from 1 to 2^30). */
  readonly issueBlockBytes?: number | undefined;
}

/**
 * The fourth argument of `settleStream`. `storage`: see {@link StreamStorage}. `onIssue`: receives
 * each data-quality issue of a settlement, one at a time, in the order `dataQuality.issues` would
 * list them, instead of the settlement listing them; the settlement then has an empty `issues`
 * and their number as `issuesDelivered`, and the same figures and fingerprint. It is called after
 * the last read and the schedule (a settlement that fails before, say for a missing indicator,
 * delivers nothing), before `settleStream` resolves; the issues are built from compact text one
 * at a time, so that they are never in memory all together. When `onIssue` returns a promise
 * (writing to a database, say), the next issue waits for it. An exception thrown by `onIssue`, or
 * a promise it returns that rejects, rejects `settleStream` with it. With a spill store, the issue text is read back from the store during delivery and the
 * store removed after it: should the store fail then, the result is `STREAM_SPILL_FAILED` and the
 * issues already delivered belong to no settlement. In strict mode, problems refuse the
 * settlement, which lists them as always (`onIssue` is not called); a strict settlement without
 * problems has `issuesDelivered: 0`.
 *
 * @example
 * const problems: string[] = [];
 * const settings: StreamSettings = { storage: tempFileStorage(), onIssue: (issue) => problems.push(issue.message) };
 * const result = await settleStream(contractJson, source, { asOf: '2025-06-30' }, settings);
 */
export interface StreamSettings {
  /** A spill store for the participant ids and the issue text of long streams. */
  readonly storage?: StreamStorage | undefined;
  /** Receives each data-quality issue instead of the settlement listing it; a promise it returns is awaited before the next. */
  readonly onIssue?: ((issue: Issue) => unknown) | undefined;
}

/**
 * The settings `settleStream` was given: a {@link StreamStorage} alone (as before settings had
 * `onIssue`) stands for `{ storage }`, and may not also hold `onIssue` or `storage`. A value of
 * the wrong kind throws an `OutcomePayError` `STREAM_SETTINGS` naming it; a `bufferIds` or
 * `issueBlockBytes` out of range, `SPILL_SIZE`.
 *
 * @example
 * readStreamSettings(tempFileStorage()); // { storage: ... }
 * readStreamSettings(undefined);         // {}
 */
export function readStreamSettings(given: StreamSettings | StreamStorage | undefined): StreamSettings {
  const value: unknown = given; // JavaScript callers may pass anything
  if (value === undefined) return { storage: undefined, onIssue: undefined };
  if (!isPlainObject(value)) {
    const what = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? describeValue(value) : typeof value;
    throw new OutcomePayError('STREAM_SETTINGS', `settleStream: settings must be an object ({ storage?, onIssue? }) or a StreamStorage, not ${what}`, []);
  }
  try {
    return readPlainSettings(value);
  } catch (error) {
    if (error instanceof OutcomePayError) throw error;
    throw new OutcomePayError('STREAM_SETTINGS', `settleStream: settings could not be read (${thrownReason(error)})`, []);
  }
}

function readPlainSettings(value: object): StreamSettings {
  // own properties only: a setting not given is not read from Object.prototype
  const fields = ownFields(value);
  if (memberOf(value, 'openSpill') !== undefined) {
    // A StreamStorage alone. Settings spread into it would be lost: refuse them.
    for (const key of ['onIssue', 'storage']) {
      if (hasOwn(fields, key)) throw settingsError([key], `a StreamStorage (an object with openSpill) was given with "${key}": pass { storage, onIssue } instead`);
    }
    return { storage: checkedStorage(value, []), onIssue: undefined };
  }
  for (const key of Object.keys(fields)) {
    if (key !== 'storage' && key !== 'onIssue') throw settingsError([key], `unknown stream setting "${key}"; known: storage, onIssue`);
  }
  const { storage, onIssue } = fields;
  if (onIssue !== undefined && typeof onIssue !== 'function') throw settingsError(['onIssue'], `onIssue must be a function, not ${onIssue === null ? 'null' : typeof onIssue}`);
  if (storage !== undefined && (typeof storage !== 'object' || storage === null)) {
    throw settingsError(['storage'], 'storage must be a StreamStorage: an object with an openSpill function');
  }
  return { storage: storage === undefined ? undefined : checkedStorage(storage, ['storage']), onIssue: onIssue as StreamSettings['onIssue'] };
}

/**
 * The storage, checked: `openSpill` a function, `bufferIds` and `issueBlockBytes` in range, each
 * read as its own property or one of its class, never from `Object.prototype` (`at` is where it
 * was given).
 */
function checkedStorage(storage: object, at: readonly string[]): StreamStorage {
  const openSpill = memberOf(storage, 'openSpill');
  const bufferIds = memberOf(storage, 'bufferIds');
  const issueBlockBytes = memberOf(storage, 'issueBlockBytes');
  if (typeof openSpill !== 'function') {
    throw settingsError(at.length === 0 ? ['openSpill'] : at, 'storage must be a StreamStorage: an object with an openSpill function');
  }
  spillSize('bufferIds', bufferIds, MAX_SPILL_IDS, undefined, at);
  spillSize('issueBlockBytes', issueBlockBytes, MAX_ISSUE_BLOCK_BYTES, undefined, at);
  return {
    openSpill: () => (openSpill as (this: object) => SpillStore).call(storage),
    bufferIds: bufferIds as number | undefined,
    issueBlockBytes: issueBlockBytes as number | undefined,
  };
}

function settingsError(path: readonly string[], message: string): OutcomePayError {
  return new OutcomePayError('STREAM_SETTINGS', `settleStream: settings: ${message}`, path);
}
