/**
 * An order-independent digest of the outcome records, computed field by field without
 * serialising them: each record hashes to two 32-bit words, and the words are added up, so the
 * digest of shuffled records (or of shards merged) is the same.
 *
 * @module
 */
import type { Amount } from '../money/index.js';
import { amountDigits, isZeroDigits } from '../money/amount-digits.js';
import type { EmploymentSpell, OutcomeRecord, RecordEvent, WageObservation } from '../records/index.js';

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
 * Each lane is computed in a local variable (a register), a field at a time: the helpers below
 * take a lane's hash and its prime and return the new hash, and are called once per lane (the
 * two calls read the same, cached values). Mixing both lanes through a shared array instead put
 * a store and a load on every step of both multiply chains.
 */

const LOW_PRIME = 0x01000193;
const HIGH_PRIME = 0x2c1b3c6d;

/** A text: two UTF-16 code units per step, then its length. */
function textLane(hash: number, text: string, prime: number): number {
  let h = hash;
  const length = text.length;
  let i = 0;
  for (; i + 1 < length; i += 2) h = Math.imul(h ^ (text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16)), prime);
  if (i < length) h = Math.imul(h ^ text.charCodeAt(i), prime);
  return Math.imul(h ^ length, prime);
}

/** An integer (a day number, a count) up to 2^53: its low 32 bits, then its high bits. */
function numberLane(hash: number, value: number, prime: number): number {
  return Math.imul(Math.imul(hash ^ (value | 0), prime) ^ ((value / 0x100000000) | 0), prime);
}

function amountLane(hash: number, amount: Amount | undefined, prime: number): number {
  if (amount === undefined) return Math.imul(hash ^ ABSENT_MARK, prime);
  const parts = amountDigits(amount);
  if (isZeroDigits(parts)) return Math.imul(hash ^ ZERO_MARK, prime); // zero, whatever its sign
  const d = parts.d;
  const words = d.length;
  let h = Math.imul(Math.imul(Math.imul(hash ^ parts.s, prime) ^ parts.e, prime) ^ words, prime);
  for (let i = 0; i < words; i++) h = Math.imul(h ^ (d[i] as number), prime);
  return h;
}

/** Hours by the two 32-bit words of the float64 (scratch space in the digest). */
function hoursLane(hash: number, digest: RecordDigest, hours: number | undefined, prime: number): number {
  if (hours === undefined) return Math.imul(hash ^ ABSENT_MARK, prime);
  digest.float[0] = hours + 0; // −0 becomes 0
  return Math.imul(Math.imul(hash ^ (digest.floatWords[0] as number), prime) ^ (digest.floatWords[1] as number), prime);
}

function finish(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** One lane's hash of a record. */
function recordLane(digest: RecordDigest, record: OutcomeRecord, seed: number, prime: number): number {
  let h = textLane(seed, record.id, prime);
  h = textLane(h, record.cohort, prime);
  const groups = record.groups;
  h = Math.imul(h ^ groups.length, prime);
  for (let i = 0; i < groups.length; i++) h = textLane(h, groups[i] as string, prime);
  h = numberLane(h, record.enrolledOn, prime);
  h = numberLane(h, record.exitedOn ?? ABSENT_DAY, prime);
  h = amountLane(h, record.baselineWage, prime);
  const spells = record.spells;
  h = Math.imul(h ^ spells.length, prime);
  for (let i = 0; i < spells.length; i++) {
    const spell = spells[i] as EmploymentSpell;
    h = numberLane(h, spell.start, prime);
    h = numberLane(h, spell.end ?? ABSENT_DAY, prime);
    h = hoursLane(h, digest, spell.hoursPerWeek, prime);
    h = spell.contractType === undefined ? Math.imul(h ^ ABSENT_MARK, prime) : textLane(h, spell.contractType, prime);
    h = amountLane(h, spell.monthlyWage, prime);
  }
  const wages = record.wages;
  h = Math.imul(h ^ wages.length, prime);
  for (let i = 0; i < wages.length; i++) {
    const observation = wages[i] as WageObservation;
    h = numberLane(h, observation.on, prime);
    h = amountLane(h, observation.monthlyWage, prime);
  }
  const events = record.events;
  h = Math.imul(h ^ events.length, prime);
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as RecordEvent;
    h = numberLane(h, event.on, prime);
    h = textLane(h, event.kind, prime);
  }
  return h;
}

/**
 * A digest of no records.
 *
 * @example
 * const digest = emptyDigest(); addToDigest(digest, record);
 */
export function emptyDigest(): RecordDigest {
  const float = new Float64Array(1);
  return { count: 0, low: 0, high: 0, float, floatWords: new Uint32Array(float.buffer) };
}

/**
 * Adds a record to a digest.
 *
 * @example
 * addToDigest(digest, record);
 */
export function addToDigest(digest: RecordDigest, record: OutcomeRecord): void {
  digest.count += 1;
  digest.low = (digest.low + finish(recordLane(digest, record, LOW_SEED, LOW_PRIME))) >>> 0;
  digest.high = (digest.high + finish(recordLane(digest, record, HIGH_SEED, HIGH_PRIME))) >>> 0;
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
