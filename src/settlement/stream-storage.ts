/**
 * How a streamed settlement runs, apart from its options: a spill store for the participant ids
 * of long streams, and where the data-quality issues go. Passed to `settleStream` apart from its
 * options because they change where state is kept and where issues are reported, never the
 * figures or the fingerprint (options feed the settlement's fingerprint).
 *
 * @module
 */
import { OutcomePayError, type Issue } from '../errors.js';
import type { SpillStore } from '../records/spill-store.js';

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
  readonly bufferIds?: number;
  /** Bytes of issue text kept in memory before a run is written (an integer from 1 to 2^30). */
  readonly issueBlockBytes?: number;
}

/**
 * The fourth argument of `settleStream`. `storage`: see {@link StreamStorage}. `onIssue`: receives
 * each data-quality issue of a settlement, one at a time, in the order `dataQuality.issues` would
 * list them, instead of the settlement listing them; the settlement then has an empty `issues`
 * and their number as `issuesDelivered`, and the same figures and fingerprint. It is called only
 * once the settlement is sure to succeed (after the last read and the schedule), before
 * `settleStream` resolves; the issues are built from compact text one at a time, so that they are
 * never in memory all together. An exception thrown by `onIssue` rejects `settleStream` with it.
 * In strict mode, problems refuse the settlement, which lists them as always (`onIssue` is not
 * called).
 *
 * @example
 * const problems: string[] = [];
 * const settings: StreamSettings = { storage: tempFileStorage(), onIssue: (issue) => problems.push(issue.message) };
 * const result = await settleStream(contractJson, source, { asOf: '2025-06-30' }, settings);
 */
export interface StreamSettings {
  /** A spill store for the participant ids of long streams. */
  readonly storage?: StreamStorage;
  /** Receives each data-quality issue instead of the settlement listing it. */
  readonly onIssue?: (issue: Issue) => void;
}

/**
 * The settings `settleStream` was given: a {@link StreamStorage} alone (as before settings had
 * `onIssue`) stands for `{ storage }`. A value of the wrong kind throws an `OutcomePayError`
 * `STREAM_SETTINGS` naming it.
 *
 * @example
 * readStreamSettings(tempFileStorage()); // { storage: ... }
 * readStreamSettings(undefined);         // {}
 */
export function readStreamSettings(given: StreamSettings | StreamStorage | undefined): StreamSettings {
  const value: unknown = given; // JavaScript callers may pass anything
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null) {
    throw settingsError([], `the fourth argument of settleStream must be an object ({ storage?, onIssue? }) or a StreamStorage, not ${value === null ? 'null' : typeof value}`);
  }
  if ('openSpill' in value) return { storage: checkedStorage(value as StreamStorage) };
  for (const key of Object.keys(value)) {
    if (key !== 'storage' && key !== 'onIssue') throw settingsError([key], `unknown stream setting "${key}"; known: storage, onIssue`);
  }
  const { storage, onIssue } = value as { storage?: unknown; onIssue?: unknown };
  if (onIssue !== undefined && typeof onIssue !== 'function') throw settingsError(['onIssue'], `onIssue must be a function, not ${onIssue === null ? 'null' : typeof onIssue}`);
  if (storage !== undefined && (typeof storage !== 'object' || storage === null || typeof (storage as { openSpill?: unknown }).openSpill !== 'function')) {
    throw settingsError(['storage'], 'storage must be a StreamStorage: an object with an openSpill function');
  }
  if (storage !== undefined) checkedStorage(storage as StreamStorage);
  return value;
}

/** The storage, its `issueBlockBytes` checked (`bufferIds` is checked where it is used). */
function checkedStorage(storage: StreamStorage): StreamStorage {
  const bytes: unknown = storage.issueBlockBytes;
  if (bytes !== undefined && (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes < 1 || bytes > 2 ** 30)) {
    throw new OutcomePayError('SPILL_SIZE', `issueBlockBytes must be an integer from 1 to 1073741824 (1 GB), not ${typeof bytes === 'number' ? String(bytes) : typeof bytes}`, ['storage', 'issueBlockBytes']);
  }
  return storage;
}

function settingsError(path: readonly string[], message: string): OutcomePayError {
  return new OutcomePayError('STREAM_SETTINGS', message, path);
}
