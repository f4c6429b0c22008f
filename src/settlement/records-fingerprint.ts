/**
 * The records' fingerprint: the record digest (the settled records' values, summed over records)
 * and the data-quality issues, each hashed by what it says about its record (its code, the field
 * path within the record and the participant id), never by where the record was (its index or
 * line), and added up, so that shuffled or sharded records give the same value.
 *
 * @module
 */
import { ownValue } from '../own-data.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Issue } from '../errors.js';
import { canonicalJson } from './canonical-json.js';

/**
 * What an issue says about its record, as canonical JSON: `[code, path within the record,
 * participant id or null]`. A record issue's path starts with the record index, which is left out;
 * a reader issue (a row that could not be read) has no record index and an empty path.
 *
 * @example
 * issueIdentity({ code: 'COHORT_UNKNOWN', path: [7, 'cohort'], recordIndex: 7, participantId: 'P8', message: '...' });
 * // '["COHORT_UNKNOWN",["cohort"],"P8"]'
 */
export function issueIdentity(issue: Issue): string {
  // own fields only: an issue without a record index is not given one by Object.prototype
  const path = ownValue(issue, 'recordIndex') === undefined ? issue.path : issue.path.slice(1);
  return canonicalJson([issue.code, path, ownValue(issue, 'participantId') ?? null]);
}

/**
 * A multiset of texts hashed without regard to order: each text's SHA-256, read as a 256-bit
 * integer, is added modulo 2^256 (eight 32-bit words with carries). Constant memory, any order,
 * and two halves add into the whole. Not collision-resistant against someone choosing texts to
 * collide (sums of hashes can be steered); the evidence fingerprint sorts digests instead.
 *
 * @example
 * const sum = createHashSum();
 * sum.add('a'); sum.add('b');
 * sum.hex(); // the same after add('b'); add('a')
 */
export interface HashSum {
  add(text: string): void;
  readonly count: number;
  hex(): string;
}

/**
 * An empty {@link HashSum}.
 *
 * @example
 * const sum = createHashSum();
 */
export function createHashSum(): HashSum {
  const encoder = new TextEncoder();
  const words = new Uint32Array(8); // little-endian: words[0] is the least significant
  let count = 0;
  return {
    add(text) {
      const digest = sha256(encoder.encode(text));
      let carry = 0;
      for (let i = 0; i < 8; i++) {
        const at = 28 - 4 * i; // big-endian digest: its last four bytes are the least significant word
        const word = ((digest[at] as number) << 24) | ((digest[at + 1] as number) << 16) | ((digest[at + 2] as number) << 8) | (digest[at + 3] as number);
        const total = (words[i] as number) + (word >>> 0) + carry;
        words[i] = total >>> 0;
        carry = total > 0xffffffff ? 1 : 0;
      }
      count++;
    },
    get count() {
      return count;
    },
    hex() {
      const bytes = new Uint8Array(32);
      for (let i = 0; i < 8; i++) {
        const word = words[7 - i] as number;
        bytes[4 * i] = word >>> 24;
        bytes[4 * i + 1] = (word >>> 16) & 0xff;
        bytes[4 * i + 2] = (word >>> 8) & 0xff;
        bytes[4 * i + 3] = word & 0xff;
      }
      return bytesToHex(bytes);
    },
  };
}

/**
 * The records' fingerprint being built: `add` each data-quality issue (in any order), then
 * `hex()`: the SHA-256 of `records:<digest text>|issues:<count>:<sum of the issues' hashes>`.
 *
 * @example
 * const fingerprint = recordsFingerprint(digestText(digest));
 * for (const issue of issues) fingerprint.add(issue);
 * fingerprint.hex();
 */
export function recordsFingerprint(digest: string): { add(issue: Issue): void; hex(): string } {
  const issues = createHashSum();
  return {
    add(issue) {
      issues.add(issueIdentity(issue));
    },
    hex() {
      return bytesToHex(sha256(new TextEncoder().encode(`records:${digest}|issues:${issues.count}:${issues.hex()}`)));
    },
  };
}
