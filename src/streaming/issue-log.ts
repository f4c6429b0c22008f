/**
 * The issues of a stream's excluded records, kept as text in byte arrays while the stream runs
 * and built into issue objects only at the end.
 *
 * Kept as objects, an issue costs some 340 bytes of heap (the object, its path, its message, the
 * id), and a long list of them, promoted among the garbage of the stream, makes the engine's heap
 * grow by about twice that. Kept here, an issue costs about the length of its message in bytes,
 * outside the managed heap. Each record with issues is one line of JSON text (ASCII only: other
 * characters are written as `\u` escapes, which JSON reads back to the very same code units)
 * holding exactly what the checks reported: the record's place, and for each issue its code,
 * path within the record and message. At the end, each issue is built by `makeIssue` from what
 * was reported, as if it had been built at once.
 *
 * Given a spill store, the log keeps at most two blocks in memory: each full block is written to
 * the store as a run (`flush`), its bytes reused for a later block, and read back, one at a time,
 * at the end. Memory then stays the same however many issues there are. Bytes read back that are
 * not a line this log wrote throw a {@link SpillFailure}.
 *
 * @module
 */
import type { PathSegment } from '../errors.js';
import {
  issuePath,
  makeIssue,
  recordPlace,
  type IssueSink,
  type RecordPlace,
  type RecordIssue,
  type RecordIssueAction,
  type RecordIssueCode,
} from '../records/index.js';
import { spillStep, SpillFailure } from './spill-failure.js';
import type { SpillStore } from './spill-store.js';

/** Bytes per block of text kept in memory; a longer line gets a block of its own. */
const BLOCK_BYTES = 1 << 16;

/** Bytes per block of a log with a spill store: each full block is one run in the store. */
export const SPILL_BLOCK_BYTES = 1 << 18;

/** What a spill store holds for the log, as failures name it. */
const SUBJECT = 'data-quality issues';

/** What one line holds: index, line or null, id or null, then [code number, path, message] per issue. */
type LoggedRecord = [number, number | null, string | null, [number, readonly PathSegment[], string][]];

/**
 * A log of record issues. `sink` receives them as the checks report them, records in order.
 * With a spill store, when `mustFlush` is true, `flush()` must be awaited before more issues are
 * reported (it writes the full blocks to the store). `each(visit)` builds the issues one at a
 * time, in order, passes each to `visit`, and empties the log (one block of text is read at a
 * time, so the issues never need to be in memory together); `issues()` does the same into a
 * list. A store that fails throws a {@link SpillFailure}.
 *
 * @example
 * const log = createIssueLog('excluded');
 * checkOneRecord(raw, 0, 1, run, log.sink);
 * const issues = await log.issues();
 */
export interface IssueLog {
  readonly sink: IssueSink;
  readonly mustFlush: boolean;
  flush(): Promise<void>;
  each(visit: IssueVisitor): Promise<void>;
  issues(): Promise<RecordIssue[]>;
}

/**
 * Receives one issue; when it returns a promise (any thenable), the next issue waits for it (a
 * rejection stops the visit with that rejection); any other value is ignored.
 *
 * @example
 * const visit: IssueVisitor = (issue) => table.insert(issue); // a promise: awaited before the next
 */
export type IssueVisitor = (issue: RecordIssue) => unknown;

/**
 * Whether `value` is a thenable, to be awaited.
 *
 * @example
 * isThenable(Promise.resolve()); // true
 * isThenable(3);                 // false
 */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function asciiJson(value: unknown): string {
  const text = JSON.stringify(value);
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(text) ? text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}

function blockText(block: Uint8Array, length: number): string {
  let text = '';
  for (let at = 0; at < length; at += 8192) {
    text += String.fromCharCode.apply(null, block.subarray(at, Math.min(length, at + 8192)) as unknown as number[]);
  }
  return text;
}

/** Whether `value` has the shape of a logged record whose code numbers are below `codes`. */
function isLoggedRecord(value: unknown, codes: number): value is LoggedRecord {
  if (!Array.isArray(value) || value.length !== 4) return false;
  const [recordIndex, line, id, reported] = value as unknown[];
  if (!Number.isSafeInteger(recordIndex) || (line !== null && !Number.isSafeInteger(line)) || (id !== null && typeof id !== 'string') || !Array.isArray(reported)) return false;
  return reported.every((entry: unknown) => {
    if (!Array.isArray(entry) || entry.length !== 3) return false;
    const [number, path, message] = entry as unknown[];
    return Number.isSafeInteger(number) && (number as number) >= 0 && (number as number) < codes && Array.isArray(path) && typeof message === 'string';
  });
}

/** A block of text: its bytes and how many are filled. */
interface Block {
  bytes: Uint8Array;
  filled: number;
}

/** A block written to the store: its run and its length in bytes. */
interface StoredBlock {
  readonly run: number;
  readonly bytes: number;
}

/**
 * An empty issue log whose issues take `action`; with `openSpill`, full blocks go to the store it
 * opens (called once, when the first block is full; the caller disposes of the store).
 *
 * @param action - what was done with the records
 * @param openSpill - opens a spill store for the log's blocks
 * @param blockBytes - bytes per block with a store (default {@link SPILL_BLOCK_BYTES})
 * @example
 * const log = createIssueLog('rejected');
 */
export function createIssueLog(action: RecordIssueAction, openSpill?: () => SpillStore, blockBytes = SPILL_BLOCK_BYTES): IssueLog {
  const blockSize = openSpill === undefined ? BLOCK_BYTES : blockBytes;
  const blocks: Block[] = []; // in memory, in order; with a store, the full ones wait for flush()
  const stored: StoredBlock[] = [];
  const codes: RecordIssueCode[] = [];
  const codeNumbers = new Map<RecordIssueCode, number>();
  let store: SpillStore | undefined;
  let spare: Uint8Array | undefined; // a written block's bytes, for the next block: two buffers in all, not one per block
  let place: RecordPlace | undefined;
  let pending: LoggedRecord | undefined;

  function write(line: string): void {
    const needed = line.length + 1;
    let block = blocks.at(-1);
    if (block === undefined || block.filled + needed > block.bytes.length) {
      const size = Math.max(blockSize, needed);
      block = { bytes: spare !== undefined && size === blockSize ? spare : new Uint8Array(size), filled: 0 };
      if (size === blockSize) spare = undefined;
      blocks.push(block);
    }
    const bytes = block.bytes;
    let at = block.filled;
    for (let i = 0; i < line.length; i++) bytes[at++] = line.charCodeAt(i);
    bytes[at++] = 10;
    block.filled = at;
  }

  function settlePending(): void {
    if (pending !== undefined) write(asciiJson(pending));
    pending = undefined;
  }

  async function writeBlocks(count: number): Promise<void> {
    if (openSpill === undefined || count === 0) return;
    const opened = store ?? (await spillStep('opening the spill store', () => Promise.resolve(openSpill()), SUBJECT));
    store = opened;
    for (const block of blocks.splice(0, count)) {
      const run = await spillStep(`writing issue block ${stored.length} (${block.filled} bytes)`, () => opened.writeRun(block.bytes.subarray(0, block.filled)), SUBJECT);
      stored.push({ run, bytes: block.filled });
      if (block.bytes.length === blockSize) spare = block.bytes;
    }
  }

  async function readBlock(number: number, into: Uint8Array): Promise<void> {
    const opened = store as SpillStore;
    const { run, bytes } = stored[number] as StoredBlock;
    const operation = `reading issue block ${number} (${bytes} bytes)`;
    let got = 0;
    while (got < bytes) {
      const read = await spillStep(operation, () => opened.readRun(run, got, into.subarray(got, bytes)), SUBJECT);
      if (!Number.isSafeInteger(read) || read <= 0 || read > bytes - got) {
        throw new SpillFailure(operation, `the store read ${String(read)} bytes where ${bytes - got} were left in the run`, SUBJECT);
      }
      got += read;
    }
  }

  async function visitText(text: string, visit: IssueVisitor, readBack?: string): Promise<void> {
    for (const line of text.split('\n')) {
      if (line === '') continue;
      const logged = readBack === undefined ? (JSON.parse(line) as LoggedRecord) : checkedLine(line, readBack);
      const [recordIndex, lineNumber, id, reported] = logged;
      const where = recordPlace(recordIndex, id ?? undefined, lineNumber ?? undefined);
      for (const [number, path, message] of reported) {
        const visited = visit(makeIssue(codes[number] as RecordIssueCode, issuePath(recordIndex, path), message, where, action));
        if (isThenable(visited)) await visited;
      }
    }
  }

  /** A line read back from the store, or a SpillFailure when it is not one this log wrote. */
  function checkedLine(line: string, operation: string): LoggedRecord {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (!isLoggedRecord(value, codes.length)) throw new SpillFailure(operation, 'the store gave back bytes that are not the ones written', SUBJECT);
    return value;
  }

  async function each(visit: IssueVisitor): Promise<void> {
    settlePending();
    place = undefined;
    let into = spare ?? new Uint8Array(0);
    spare = undefined;
    for (let number = 0; number < stored.length; number++) {
      const { bytes } = stored[number] as StoredBlock;
      if (into.length < bytes) into = new Uint8Array(bytes);
      await readBlock(number, into);
      await visitText(blockText(into, bytes), visit, `reading issue block ${number} (${bytes} bytes)`);
    }
    stored.length = 0;
    // Blocks in memory, each let go as soon as it is read.
    for (let block = blocks.shift(); block !== undefined; block = blocks.shift()) await visitText(blockText(block.bytes, block.filled), visit);
  }

  return {
    sink(at, code, path, message) {
      if (at !== place) {
        settlePending();
        place = at;
        pending = [at.recordIndex, at.line ?? null, at.participantId ?? null, []];
      }
      let number = codeNumbers.get(code);
      if (number === undefined) {
        number = codes.length;
        codes.push(code);
        codeNumbers.set(code, number);
      }
      pending?.[3].push([number, path, message]);
    },
    get mustFlush() {
      return openSpill !== undefined && blocks.length > 1;
    },
    flush: () => writeBlocks(blocks.length - 1),
    each,
    async issues() {
      const issues: RecordIssue[] = [];
      await each((issue) => issues.push(issue));
      return issues;
    },
  };
}
