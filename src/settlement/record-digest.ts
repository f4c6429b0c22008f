/**
 * An order-independent digest of the outcome records, computed field by field without
 * serialising them: each record hashes to two 32-bit words, and the words are added up, so the
 * digest of shuffled records (or of shards merged) is the same.
 *
 * @module
 */
import type { Amount } from '../money/index.js';
import { amountDigits, isZeroDigits } from '../money/amount-digits.js';
import type { OutcomeRecord } from '../records/index.js';

/** The running digest of a set of records. */
export interface RecordDigest {
  /** Records digested. */
  count: number;
  /** Sum of the first hash words, modulo 2^32. */
  low: number;
  /** Sum of the second hash words, modulo 2^32. */
  high: number;
  /** Scratch space: one float64, read as two 32-bit words (to hash hours exactly). */
  readonly float: Float64Array;
  /** The same memory as `float`. */
  readonly floatWords: Uint32Array;
  /** Scratch space: the two lanes of the record being hashed. */
  readonly lanes: Int32Array;
}

const LOW_SEED = 0x811c9dc5 | 0;
const HIGH_SEED = 0x9e3779b9 | 0;
/** Mixed for an absent optional field (no day number, count or code unit pair is this). */
const ABSENT_DAY = -1e9;
const ABSENT_MARK = 0x7fffffff;
const ZERO_MARK = 0x7ffffffe;

/*
 * A record hashes, in each of two lanes (seeds and primes), to the FNV-1a style mix of its fields
 * in a fixed order: texts (id, cohort, groups, contract types, event kinds) by pairs of UTF-16 code
 * units then their length; day numbers as integers; hours by the 64 bits of the float; amounts by value: sign,
 * exponent and base-10^7 digit words of the decimal (`amountDigits`: decimal.js keeps them
 * normalised, no trailing zero word), so 1650.5, 1650.50 and 1500 × 1.1 hash alike, and every zero (−0 too) alike.
 * Absent optional fields mix a marker no present value can take. Lists mix their length first.
 */

/**
 * The two lanes of the hash being computed, mixed together so that each field is read once and
 * the two multiply chains run side by side. Index 0 is the low lane, 1 the high lane.
 */
type Lanes = Int32Array;

const LOW_PRIME = 0x01000193;
const HIGH_PRIME = 0x2c1b3c6d;

function mix(lanes: Lanes, value: number): void {
  lanes[0] = Math.imul((lanes[0] as number) ^ value, LOW_PRIME);
  lanes[1] = Math.imul((lanes[1] as number) ^ value, HIGH_PRIME);
}

/** A text: two UTF-16 code units per step, then its length. */
function mixText(lanes: Lanes, text: string): void {
  let low = lanes[0] as number;
  let high = lanes[1] as number;
  const length = text.length;
  let i = 0;
  for (; i + 1 < length; i += 2) {
    const pair = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
    low = Math.imul(low ^ pair, LOW_PRIME);
    high = Math.imul(high ^ pair, HIGH_PRIME);
  }
  if (i < length) {
    const unit = text.charCodeAt(i);
    low = Math.imul(low ^ unit, LOW_PRIME);
    high = Math.imul(high ^ unit, HIGH_PRIME);
  }
  lanes[0] = Math.imul(low ^ length, LOW_PRIME);
  lanes[1] = Math.imul(high ^ length, HIGH_PRIME);
}

/** An integer (a day number, a count) up to 2^53: its low 32 bits, then its high bits. */
function mixNumber(lanes: Lanes, value: number): void {
  mix(lanes, value | 0);
  mix(lanes, (value / 0x100000000) | 0);
}

function mixAmount(lanes: Lanes, amount: Amount | undefined): void {
  if (amount === undefined) {
    mix(lanes, ABSENT_MARK);
    return;
  }
  const parts = amountDigits(amount);
  if (isZeroDigits(parts)) {
    mix(lanes, ZERO_MARK); // zero, whatever its sign
    return;
  }
  const d = parts.d;
  mix(lanes, parts.s);
  mix(lanes, parts.e);
  const words = d.length;
  mix(lanes, words);
  for (let i = 0; i < words; i++) mix(lanes, d[i] as number);
}

function mixHours(lanes: Lanes, digest: RecordDigest, hours: number | undefined): void {
  if (hours === undefined) {
    mix(lanes, ABSENT_MARK);
    return;
  }
  digest.float[0] = hours + 0; // −0 becomes 0
  mix(lanes, digest.floatWords[0] as number);
  mix(lanes, digest.floatWords[1] as number);
}

function finish(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Mixes one record into both lanes. */
function hashRecord(lanes: Lanes, digest: RecordDigest, record: OutcomeRecord): void {
  mixText(lanes, record.id);
  mixText(lanes, record.cohort);
  const groups = record.groups;
  mix(lanes, groups.length);
  for (let i = 0; i < groups.length; i++) mixText(lanes, groups[i] as string);
  mixNumber(lanes, record.enrolledOn);
  mixNumber(lanes, record.exitedOn ?? ABSENT_DAY);
  mixAmount(lanes, record.baselineWage);
  const spells = record.spells;
  mix(lanes, spells.length);
  for (let i = 0; i < spells.length; i++) {
    const spell = spells[i];
    if (spell === undefined) continue;
    mixNumber(lanes, spell.start);
    mixNumber(lanes, spell.end ?? ABSENT_DAY);
    mixHours(lanes, digest, spell.hoursPerWeek);
    if (spell.contractType === undefined) mix(lanes, ABSENT_MARK);
    else mixText(lanes, spell.contractType);
    mixAmount(lanes, spell.monthlyWage);
  }
  const wages = record.wages;
  mix(lanes, wages.length);
  for (let i = 0; i < wages.length; i++) {
    const observation = wages[i];
    if (observation === undefined) continue;
    mixNumber(lanes, observation.on);
    mixAmount(lanes, observation.monthlyWage);
  }
  const events = record.events;
  mix(lanes, events.length);
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (event === undefined) continue;
    mixNumber(lanes, event.on);
    mixText(lanes, event.kind);
  }
}

/**
 * A digest of no records.
 *
 * @example
 * const digest = emptyDigest(); addToDigest(digest, record);
 */
export function emptyDigest(): RecordDigest {
  const float = new Float64Array(1);
  return { count: 0, low: 0, high: 0, float, floatWords: new Uint32Array(float.buffer), lanes: new Int32Array(2) };
}

/**
 * Adds a record to a digest.
 *
 * @example
 * addToDigest(digest, record);
 */
export function addToDigest(digest: RecordDigest, record: OutcomeRecord): void {
  digest.count += 1;
  const lanes = digest.lanes;
  lanes[0] = LOW_SEED;
  lanes[1] = HIGH_SEED;
  hashRecord(lanes, digest, record);
  digest.low = (digest.low + finish(lanes[0])) >>> 0;
  digest.high = (digest.high + finish(lanes[1])) >>> 0;
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
