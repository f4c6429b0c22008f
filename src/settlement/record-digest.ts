/**
 * An order-independent digest of the outcome records, computed field by field without
 * serialising them: each record hashes to two 32-bit words, and the words are added up, so the
 * digest of shuffled records (or of shards merged) is the same.
 *
 * @module
 */
import { amountDigits, isZeroDigits, type Amount } from '../money/index.js';
import { recordEarnings, spellEmployer, spellSector, type EmploymentSpell, type OutcomeRecord, type RecordEvent, type WageObservation } from '../records/index.js';

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
  /** Scratch space: the high lane handed back by the helpers that mix a field into both lanes. */
  readonly scratch: Int32Array;
}

const LOW_SEED = 0x811c9dc5 | 0;
const HIGH_SEED = 0x9e3779b9 | 0;
/** Mixed for an absent optional field (no day number, count or code unit pair is this). */
const ABSENT_DAY = -1e9;
const ABSENT_MARK = 0x7fffffff;
const ZERO_MARK = 0x7ffffffe;
/** Mixed before the sector and employer of a spell that has either (a spell with neither mixes nothing, as before they existed). */
const JOB_MARK = 0x7ffffffd;
/** Mixed before the earnings of a record that has any (a record without mixes nothing, as before they existed). */
const EARNINGS_MARK = 0x7ffffffc;

/*
 * A record hashes, in each of two lanes (seeds and primes), to the FNV-1a style mix of its fields
 * in a fixed order: texts (id, cohort, groups, contract types, sectors and employers, event kinds) by pairs of UTF-16 code
 * units then their length; day numbers as integers; hours by the 64 bits of the float; amounts by value: sign,
 * exponent and base-10^7 digit words of the decimal (`amountDigits`: decimal.js keeps them
 * normalised, no trailing zero word), so 1650.5, 1650.50 and 1500 × 1.1 hash alike, and every zero (−0 too) alike.
 * Absent optional fields mix a marker no present value can take. Lists mix their length first.
 */

/**
 * Both lanes are computed in one pass over the record, each in a local variable (a register):
 * each field is loaded once and mixed into both lanes, whose multiply chains are independent
 * and run side by side. A helper that mixes a text or an amount into both lanes returns the low
 * lane and leaves the high lane in the digest's scratch word (one store and load per field, not
 * per step: mixing every step through shared memory put a store and a load on both chains).
 * A pass per lane read every record's objects twice; at a million records those reads, not the
 * arithmetic, were most of the digest's cost.
 */

const LOW_PRIME = 0x01000193;
const HIGH_PRIME = 0x2c1b3c6d;

/** A text or the absent marker into both lanes (the high lane left in the scratch word). */
function mixOptionalText(digest: RecordDigest, low: number, high: number, text: string | undefined): number {
  if (text !== undefined) return mixText(digest, low, high, text);
  digest.scratch[0] = Math.imul(high ^ ABSENT_MARK, HIGH_PRIME);
  return Math.imul(low ^ ABSENT_MARK, LOW_PRIME);
}

/** A text into both lanes: two UTF-16 code units per step, then its length. */
function mixText(digest: RecordDigest, low: number, high: number, text: string): number {
  let lo = low;
  let hi = high;
  const length = text.length;
  let i = 0;
  for (; i + 1 < length; i += 2) {
    const pair = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
    lo = Math.imul(lo ^ pair, LOW_PRIME);
    hi = Math.imul(hi ^ pair, HIGH_PRIME);
  }
  if (i < length) {
    const unit = text.charCodeAt(i);
    lo = Math.imul(lo ^ unit, LOW_PRIME);
    hi = Math.imul(hi ^ unit, HIGH_PRIME);
  }
  digest.scratch[0] = Math.imul(hi ^ length, HIGH_PRIME);
  return Math.imul(lo ^ length, LOW_PRIME);
}

/** An integer (a day number, a count) up to 2^53 into one lane: its low 32 bits, then its high bits. */
function mixNumber(hash: number, value: number, prime: number): number {
  return Math.imul(Math.imul(hash ^ (value | 0), prime) ^ ((value / 0x100000000) | 0), prime);
}

/** An amount into both lanes: a marker when absent or zero, else sign, exponent, word count and words. */
function mixAmount(digest: RecordDigest, low: number, high: number, amount: Amount | undefined): number {
  let lo = low;
  let hi = high;
  if (amount === undefined) {
    lo = Math.imul(lo ^ ABSENT_MARK, LOW_PRIME);
    hi = Math.imul(hi ^ ABSENT_MARK, HIGH_PRIME);
  } else {
    const parts = amountDigits(amount);
    if (isZeroDigits(parts)) {
      // zero, whatever its sign
      lo = Math.imul(lo ^ ZERO_MARK, LOW_PRIME);
      hi = Math.imul(hi ^ ZERO_MARK, HIGH_PRIME);
    } else {
      const d = parts.d;
      const words = d.length;
      lo = Math.imul(Math.imul(Math.imul(lo ^ parts.s, LOW_PRIME) ^ parts.e, LOW_PRIME) ^ words, LOW_PRIME);
      hi = Math.imul(Math.imul(Math.imul(hi ^ parts.s, HIGH_PRIME) ^ parts.e, HIGH_PRIME) ^ words, HIGH_PRIME);
      for (let i = 0; i < words; i++) {
        const word = d[i] as number;
        lo = Math.imul(lo ^ word, LOW_PRIME);
        hi = Math.imul(hi ^ word, HIGH_PRIME);
      }
    }
  }
  digest.scratch[0] = hi;
  return lo;
}

function finish(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Both lanes' hashes of a record, in one pass: adds them to the digest. */
function mixRecord(digest: RecordDigest, record: OutcomeRecord): void {
  const scratch = digest.scratch;
  let lo = mixText(digest, LOW_SEED, HIGH_SEED, record.id);
  let hi = scratch[0] as number;
  lo = mixText(digest, lo, hi, record.cohort);
  hi = scratch[0] as number;
  const groups = record.groups;
  lo = Math.imul(lo ^ groups.length, LOW_PRIME);
  hi = Math.imul(hi ^ groups.length, HIGH_PRIME);
  for (let i = 0; i < groups.length; i++) {
    lo = mixText(digest, lo, hi, groups[i] as string);
    hi = scratch[0] as number;
  }
  const enrolledOn = record.enrolledOn;
  lo = mixNumber(lo, enrolledOn, LOW_PRIME);
  hi = mixNumber(hi, enrolledOn, HIGH_PRIME);
  const exitedOn = record.exitedOn ?? ABSENT_DAY;
  lo = mixNumber(lo, exitedOn, LOW_PRIME);
  hi = mixNumber(hi, exitedOn, HIGH_PRIME);
  lo = mixAmount(digest, lo, hi, record.baselineWage);
  hi = scratch[0] as number;
  const spells = record.spells;
  lo = Math.imul(lo ^ spells.length, LOW_PRIME);
  hi = Math.imul(hi ^ spells.length, HIGH_PRIME);
  for (let i = 0; i < spells.length; i++) {
    const spell = spells[i] as EmploymentSpell;
    const start = spell.start;
    lo = mixNumber(lo, start, LOW_PRIME);
    hi = mixNumber(hi, start, HIGH_PRIME);
    const end = spell.end ?? ABSENT_DAY;
    lo = mixNumber(lo, end, LOW_PRIME);
    hi = mixNumber(hi, end, HIGH_PRIME);
    const hours = spell.hoursPerWeek;
    if (hours === undefined) {
      lo = Math.imul(lo ^ ABSENT_MARK, LOW_PRIME);
      hi = Math.imul(hi ^ ABSENT_MARK, HIGH_PRIME);
    } else {
      // hours by the two 32-bit words of the float64; −0 becomes 0
      digest.float[0] = hours + 0;
      const first = digest.floatWords[0] as number;
      const second = digest.floatWords[1] as number;
      lo = Math.imul(Math.imul(lo ^ first, LOW_PRIME) ^ second, LOW_PRIME);
      hi = Math.imul(Math.imul(hi ^ first, HIGH_PRIME) ^ second, HIGH_PRIME);
    }
    const contractType = spell.contractType;
    if (contractType === undefined) {
      lo = Math.imul(lo ^ ABSENT_MARK, LOW_PRIME);
      hi = Math.imul(hi ^ ABSENT_MARK, HIGH_PRIME);
    } else {
      lo = mixText(digest, lo, hi, contractType);
      hi = scratch[0] as number;
    }
    lo = mixAmount(digest, lo, hi, spell.monthlyWage);
    hi = scratch[0] as number;
    // `in` first (an inline cache, no call): only a spell with a sector or an employer goes on to
    // the own-property reads (a key on Object.prototype is never read as the spell's)
    const sector = 'sector' in spell ? spellSector(spell) : undefined;
    const employer = 'employer' in spell ? spellEmployer(spell) : undefined;
    if (sector !== undefined || employer !== undefined) {
      lo = mixOptionalText(digest, Math.imul(lo ^ JOB_MARK, LOW_PRIME), Math.imul(hi ^ JOB_MARK, HIGH_PRIME), sector);
      hi = scratch[0] as number;
      lo = mixOptionalText(digest, lo, hi, employer);
      hi = scratch[0] as number;
    }
  }
  const wages = record.wages;
  lo = Math.imul(lo ^ wages.length, LOW_PRIME);
  hi = Math.imul(hi ^ wages.length, HIGH_PRIME);
  for (let i = 0; i < wages.length; i++) {
    const observation = wages[i] as WageObservation;
    const on = observation.on;
    lo = mixNumber(lo, on, LOW_PRIME);
    hi = mixNumber(hi, on, HIGH_PRIME);
    lo = mixAmount(digest, lo, hi, observation.monthlyWage);
    hi = scratch[0] as number;
  }
  const events = record.events;
  lo = Math.imul(lo ^ events.length, LOW_PRIME);
  hi = Math.imul(hi ^ events.length, HIGH_PRIME);
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as RecordEvent;
    const on = event.on;
    lo = mixNumber(lo, on, LOW_PRIME);
    hi = mixNumber(hi, on, HIGH_PRIME);
    lo = mixText(digest, lo, hi, event.kind);
    hi = scratch[0] as number;
  }
  // only a record with earnings has the key (`in` first, then the own-property read)
  const earnings = 'earnings' in record ? recordEarnings(record) : undefined;
  if (earnings !== undefined && earnings.length > 0) {
    lo = Math.imul(Math.imul(lo ^ EARNINGS_MARK, LOW_PRIME) ^ earnings.length, LOW_PRIME);
    hi = Math.imul(Math.imul(hi ^ EARNINGS_MARK, HIGH_PRIME) ^ earnings.length, HIGH_PRIME);
    for (const e of earnings) {
      lo = mixNumber(lo, e.from, LOW_PRIME);
      hi = mixNumber(hi, e.from, HIGH_PRIME);
      lo = mixNumber(lo, e.to, LOW_PRIME);
      hi = mixNumber(hi, e.to, HIGH_PRIME);
      lo = mixAmount(digest, lo, hi, e.amount);
      hi = scratch[0] as number;
    }
  }
  digest.low = (digest.low + finish(lo)) >>> 0;
  digest.high = (digest.high + finish(hi)) >>> 0;
}

/**
 * A digest of no records.
 *
 * @example
 * const digest = emptyDigest(); addToDigest(digest, record);
 */
export function emptyDigest(): RecordDigest {
  const float = new Float64Array(1);
  return { count: 0, low: 0, high: 0, float, floatWords: new Uint32Array(float.buffer), scratch: new Int32Array(1) };
}

/**
 * Adds a record to a digest.
 *
 * @example
 * addToDigest(digest, record);
 */
export function addToDigest(digest: RecordDigest, record: OutcomeRecord): void {
  digest.count += 1;
  mixRecord(digest, record);
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
