/**
 * An order-independent digest of the outcome records, computed field by field without
 * serialising them: each record hashes to two 32-bit words, and the words are added up, so the
 * digest of shuffled records (or of shards merged) is the same.
 *
 * @module
 */
import type { OutcomeRecord } from '../records/index.js';

/** The running digest of a set of records. */
export interface RecordDigest {
  /** Records digested. */
  count: number;
  /** Sum of the first hash words, modulo 2^32. */
  low: number;
  /** Sum of the second hash words, modulo 2^32. */
  high: number;
}

function mixText(h: number, text: string): number {
  let x = h;
  for (let i = 0; i < text.length; i++) x = Math.imul(x ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(x ^ text.length, 0x01000193);
}

function mixNumber(h: number, value: number): number {
  return Math.imul(h ^ (value | 0), 0x01000193) ^ Math.imul((value / 0x100000000) | 0, 0x85ebca6b);
}

function finish(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

function hashRecord(record: OutcomeRecord, seed: number): number {
  let h = mixText(seed, record.id);
  h = mixText(h, record.cohort);
  for (const group of record.groups) h = mixText(h, group);
  h = mixNumber(h, record.enrolledOn);
  h = mixNumber(h, record.exitedOn ?? -1e9);
  h = mixText(h, record.baselineWage?.toFixed() ?? '-');
  for (const spell of record.spells) {
    h = mixNumber(h, spell.start);
    h = mixNumber(h, spell.end ?? -1e9);
    h = mixText(h, `${String(spell.hoursPerWeek ?? '-')}|${spell.contractType ?? '-'}|${spell.monthlyWage?.toFixed() ?? '-'}`);
  }
  for (const wage of record.wages) {
    h = mixNumber(h, wage.on);
    h = mixText(h, wage.monthlyWage.toFixed());
  }
  for (const event of record.events) {
    h = mixNumber(h, event.on);
    h = mixText(h, event.kind);
  }
  return finish(h);
}

/**
 * A digest of no records.
 *
 * @example
 * const digest = emptyDigest(); addToDigest(digest, record);
 */
export function emptyDigest(): RecordDigest {
  return { count: 0, low: 0, high: 0 };
}

/**
 * Adds a record to a digest.
 *
 * @example
 * addToDigest(digest, record);
 */
export function addToDigest(digest: RecordDigest, record: OutcomeRecord): void {
  digest.count += 1;
  digest.low = (digest.low + hashRecord(record, 0x811c9dc5)) >>> 0;
  digest.high = (digest.high + hashRecord(record, 0x9e3779b9)) >>> 0;
}

/**
 * Merges the digest of another shard.
 *
 * @example
 * mergeDigest(left, right);
 */
export function mergeDigest(into: RecordDigest, from: RecordDigest): void {
  into.count += from.count;
  into.low = (into.low + from.low) >>> 0;
  into.high = (into.high + from.high) >>> 0;
}

/**
 * The digest as text.
 *
 * @example
 * digestText(digest); // '3:1a2b3c4d:5e6f7a8b'
 */
export function digestText(digest: RecordDigest): string {
  return `${digest.count}:${digest.low.toString(16).padStart(8, '0')}:${digest.high.toString(16).padStart(8, '0')}`;
}
