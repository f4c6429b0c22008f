/**
 * The issues of a stream's excluded records, kept as text in byte arrays while the stream runs
 * and built into issue objects only at the end.
 *
 * Kept as objects, an issue costs some 330 bytes of heap (the object, its path, its message, the
 * id), and a long list of them, promoted among the garbage of the stream, makes the engine's heap
 * grow by about twice that. Kept here, an issue costs about the length of its message in bytes,
 * outside the managed heap. Each record with issues is one line of JSON text (ASCII only: other
 * characters are written as `\u` escapes, which JSON reads back to the very same code units)
 * holding exactly what the checks reported: the record's place, and for each issue its code,
 * path within the record and message. At the end, each issue is built by `makeIssue` from what
 * was reported, as if it had been built at once.
 *
 * @module
 */
import type { PathSegment } from '../errors.js';
import { issuePath, makeIssue, recordPlace, type IssueSink, type RecordPlace } from '../records/check-one.js';
import type { RecordIssue, RecordIssueAction, RecordIssueCode } from '../records/index.js';

/** Bytes per block of text; a longer line gets a block of its own. */
const BLOCK_BYTES = 1 << 16;

/** What one line holds: index, line or null, id or null, then [code number, path, message] per issue. */
type LoggedRecord = [number, number | null, string | null, [number, readonly PathSegment[], string][]];

/**
 * A log of record issues. `sink` receives them as the checks report them, records in order;
 * `each(visit)` builds them one at a time, in that order, passes each to `visit`, and empties
 * the log (one block of text is read at a time, so the issues never need to be in memory
 * together); `issues()` does the same into a list.
 *
 * @example
 * const log = createIssueLog('excluded');
 * checkOneRecord(raw, 0, 1, run, log.sink);
 * const issues = log.issues();
 */
export interface IssueLog {
  readonly sink: IssueSink;
  each(visit: (issue: RecordIssue) => void): void;
  issues(): RecordIssue[];
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

/**
 * An empty issue log whose issues take `action`.
 *
 * @example
 * const log = createIssueLog('rejected');
 */
export function createIssueLog(action: RecordIssueAction): IssueLog {
  const blocks: Uint8Array[] = [];
  const filled: number[] = [];
  const codes: RecordIssueCode[] = [];
  const codeNumbers = new Map<RecordIssueCode, number>();
  let place: RecordPlace | undefined;
  let pending: LoggedRecord | undefined;

  function write(line: string): void {
    const needed = line.length + 1;
    let last = blocks.length - 1;
    if (last < 0 || (filled[last] ?? 0) + needed > (blocks[last]?.length ?? 0)) {
      blocks.push(new Uint8Array(Math.max(BLOCK_BYTES, needed)));
      filled.push(0);
      last++;
    }
    const block = blocks[last] as Uint8Array;
    let at = filled[last] ?? 0;
    for (let i = 0; i < line.length; i++) block[at++] = line.charCodeAt(i);
    block[at++] = 10;
    filled[last] = at;
  }

  function settlePending(): void {
    if (pending !== undefined) write(asciiJson(pending));
    pending = undefined;
  }

  function each(visit: (issue: RecordIssue) => void): void {
    settlePending();
    place = undefined;
    for (let b = 0; b < blocks.length; b++) {
      const lines = blockText(blocks[b] as Uint8Array, filled[b] ?? 0).split('\n');
      blocks[b] = new Uint8Array(0); // free the block as soon as it is read
      for (const line of lines) {
        if (line === '') continue;
        const [recordIndex, lineNumber, id, reported] = JSON.parse(line) as LoggedRecord;
        const where = recordPlace(recordIndex, id ?? undefined, lineNumber ?? undefined);
        for (const [number, path, message] of reported) {
          visit(makeIssue(codes[number] as RecordIssueCode, issuePath(recordIndex, path), message, where, action));
        }
      }
    }
    blocks.length = 0;
    filled.length = 0;
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
    each,
    issues() {
      const issues: RecordIssue[] = [];
      each((issue) => issues.push(issue));
      return issues;
    },
  };
}
