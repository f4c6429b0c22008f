/**
 * An order-independent digest of the outcome records, computed field by field without
 * serialising them: each record hashes to two 32-bit words, and the words are added up, so the
 * digest of shuffled records (or of shards merged) is the same.
 *
 * @module
 */
import type { Amount } from '../money/index.js';
import { writeAmountText } from '../money/text-hash.js';
import type { EmploymentSpell, OutcomeRecord, RecordEvent, WageObservation } from '../records/index.js';

/** The running digest of a set of records. */
export interface RecordDigest {
  /** Records digested. */
  count: number;
  /** Sum of the first hash words, modulo 2^32. */
  low: number;
  /** Sum of the second hash words, modulo 2^32. */
  high: number;
  /** Scratch space: the text of one amount, as character codes (no string is built). */
  readonly scratch: Uint8Array;
  /** The text of weekly hours already seen (`String(hours)`); bounded, a cache only. */
  readonly hoursTexts: Map<number, string>;
}

const FNV_PRIME = 0x01000193;
const LOW_SEED = 0x811c9dc5;
const HIGH_SEED = 0x9e3779b9;
const BAR = 124; // '|'
const DASH = 45; // '-'
const MAX_CACHED_TEXTS = 4096;

/*
 * Each record hashes to two words, one per seed ("lanes" low and high), both the FNV-1a mix of the
 * same field texts: the id, cohort, groups, `toFixed()` of the amounts, `hours|contract|wage` per
 * spell, event kinds (each text's characters, then its length), and the day numbers. Both lanes
 * are computed in one pass, reading each text once; amounts are written as character codes into the
 * digest's scratch buffer (no string), hours to text once per digest (cached).
 */

/** Mixes the characters of `text` (no length). */
function mixChars(h: number, text: string): number {
  let x = h;
  for (let i = 0; i < text.length; i++) x = Math.imul(x ^ text.charCodeAt(i), FNV_PRIME);
  return x;
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

/** Mixes the bytes `[0, length)` of `codes` (no length). */
function mixCodes(h: number, codes: Uint8Array, length: number): number {
  let x = h;
  for (let i = 0; i < length; i++) x = Math.imul(x ^ (codes[i] as number), FNV_PRIME);
  return x;
}

/** `amount.toFixed()` into the scratch buffer: its length, or -1 (then use the string). */
function amountCodes(digest: RecordDigest, amount: Amount): number {
  return writeAmountText(amount, digest.scratch);
}

function hoursText(digest: RecordDigest, hours: number): string {
  const known = digest.hoursTexts.get(hours);
  if (known !== undefined) return known;
  const text = String(hours);
  if (digest.hoursTexts.size < MAX_CACHED_TEXTS) digest.hoursTexts.set(hours, text);
  return text;
}

/** Adds the hash words of one record to the digest. */
function addRecord(digest: RecordDigest, record: OutcomeRecord): void {
  let low = LOW_SEED;
  let high = HIGH_SEED;
  let text = record.id;
  low = Math.imul(mixChars(low, text) ^ text.length, FNV_PRIME);
  high = Math.imul(mixChars(high, text) ^ text.length, FNV_PRIME);
  text = record.cohort;
  low = Math.imul(mixChars(low, text) ^ text.length, FNV_PRIME);
  high = Math.imul(mixChars(high, text) ^ text.length, FNV_PRIME);
  const groups = record.groups;
  for (let i = 0; i < groups.length; i++) {
    text = groups[i] as string;
    low = Math.imul(mixChars(low, text) ^ text.length, FNV_PRIME);
    high = Math.imul(mixChars(high, text) ^ text.length, FNV_PRIME);
  }
  low = mixNumber(mixNumber(low, record.enrolledOn), record.exitedOn ?? -1e9);
  high = mixNumber(mixNumber(high, record.enrolledOn), record.exitedOn ?? -1e9);
  const baseline = record.baselineWage;
  if (baseline === undefined) {
    low = Math.imul(Math.imul(low ^ DASH, FNV_PRIME) ^ 1, FNV_PRIME);
    high = Math.imul(Math.imul(high ^ DASH, FNV_PRIME) ^ 1, FNV_PRIME);
  } else {
    const length = amountCodes(digest, baseline);
    if (length >= 0) {
      low = Math.imul(mixCodes(low, digest.scratch, length) ^ length, FNV_PRIME);
      high = Math.imul(mixCodes(high, digest.scratch, length) ^ length, FNV_PRIME);
    } else {
      text = baseline.toFixed();
      low = Math.imul(mixChars(low, text) ^ text.length, FNV_PRIME);
      high = Math.imul(mixChars(high, text) ^ text.length, FNV_PRIME);
    }
  }
  const spells = record.spells;
  for (let i = 0; i < spells.length; i++) {
    const spell = spells[i] as EmploymentSpell;
    low = mixNumber(mixNumber(low, spell.start), spell.end ?? -1e9);
    high = mixNumber(mixNumber(high, spell.start), spell.end ?? -1e9);
    // the text `${String(hoursPerWeek ?? '-')}|${contractType ?? '-'}|${monthlyWage?.toFixed() ?? '-'}`
    text = spell.hoursPerWeek === undefined ? '-' : hoursText(digest, spell.hoursPerWeek);
    let length = text.length + 2;
    low = Math.imul(mixChars(low, text) ^ BAR, FNV_PRIME);
    high = Math.imul(mixChars(high, text) ^ BAR, FNV_PRIME);
    text = spell.contractType ?? '-';
    length += text.length;
    low = Math.imul(mixChars(low, text) ^ BAR, FNV_PRIME);
    high = Math.imul(mixChars(high, text) ^ BAR, FNV_PRIME);
    const wage = spell.monthlyWage;
    const written = wage === undefined ? -1 : amountCodes(digest, wage);
    if (written >= 0) {
      length += written;
      low = mixCodes(low, digest.scratch, written);
      high = mixCodes(high, digest.scratch, written);
    } else {
      text = wage === undefined ? '-' : wage.toFixed();
      length += text.length;
      low = mixChars(low, text);
      high = mixChars(high, text);
    }
    low = Math.imul(low ^ length, FNV_PRIME);
    high = Math.imul(high ^ length, FNV_PRIME);
  }
  const wages = record.wages;
  for (let i = 0; i < wages.length; i++) {
    const observation = wages[i] as WageObservation;
    low = mixNumber(low, observation.on);
    high = mixNumber(high, observation.on);
    const amount = observation.monthlyWage;
    const length = amountCodes(digest, amount);
    if (length >= 0) {
      low = Math.imul(mixCodes(low, digest.scratch, length) ^ length, FNV_PRIME);
      high = Math.imul(mixCodes(high, digest.scratch, length) ^ length, FNV_PRIME);
    } else {
      text = amount.toFixed();
      low = Math.imul(mixChars(low, text) ^ text.length, FNV_PRIME);
      high = Math.imul(mixChars(high, text) ^ text.length, FNV_PRIME);
    }
  }
  const events = record.events;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as RecordEvent;
    text = event.kind;
    low = Math.imul(mixChars(mixNumber(low, event.on), text) ^ text.length, FNV_PRIME);
    high = Math.imul(mixChars(mixNumber(high, event.on), text) ^ text.length, FNV_PRIME);
  }
  digest.low = (digest.low + finish(low)) >>> 0;
  digest.high = (digest.high + finish(high)) >>> 0;
}

/**
 * A digest of no records.
 *
 * @example
 * const digest = emptyDigest(); addToDigest(digest, record);
 */
export function emptyDigest(): RecordDigest {
  return { count: 0, low: 0, high: 0, scratch: new Uint8Array(64), hoursTexts: new Map() };
}

/**
 * Adds a record to a digest.
 *
 * @example
 * addToDigest(digest, record);
 */
export function addToDigest(digest: RecordDigest, record: OutcomeRecord): void {
  digest.count += 1;
  addRecord(digest, record);
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
