/**
 * The record digest (src/settlement/record-digest.ts), the fields the digest's property test of
 * test/settlement/ does not generate or change: a spell's sector and employer, a record's
 * earnings, a group's text, and a text's last code unit. Two records that differ in one of them
 * digest apart; an empty list of earnings digests as none.
 */
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../../src/calendar/index.js';
import { parseAmount } from '../../../src/money/index.js';
import type { EmploymentSpell, OutcomeRecord } from '../../../src/records/index.js';
import { addToDigest, digestText, emptyDigest } from '../../../src/settlement/record-digest.js';

const day = (n: number) => n as CalendarDate;
const base: OutcomeRecord = { id: 'P1', cohort: 'A', groups: [], enrolledOn: day(19_000), spells: [], wages: [], events: [] };
const withSpell = (fields: Partial<EmploymentSpell>): OutcomeRecord => ({ ...base, spells: [{ start: day(19_001), ...fields }] });
const digestOf = (record: OutcomeRecord): string => {
  const digest = emptyDigest();
  addToDigest(digest, record);
  return digestText(digest);
};
const earning = (amount: string, from = 19_100) => ({ from: day(from), to: day(from + 29), amount: parseAmount(amount) });

describe('record digest: fields the property test leaves out', () => {
  it('a spell’s sector and employer, each alone or together, by their texts', () => {
    const spells = [
      withSpell({}),
      withSpell({ sector: 'S' }),
      withSpell({ sector: 'T' }),
      withSpell({ employer: 'S' }),
      withSpell({ employer: 'E' }),
      withSpell({ sector: 'S', employer: 'E' }),
      withSpell({ sector: 'T', employer: 'E' }),
      withSpell({ sector: 'S', employer: 'F' }),
    ];
    const texts = spells.map(digestOf);
    // eight different spells: eight different digests
    expect(new Set(texts).size).toBe(8);
  });

  it('earnings: present or not, by their amounts and periods; an empty list as none', () => {
    const texts = [
      base,
      { ...base, earnings: [earning('1500.00')] },
      { ...base, earnings: [earning('1500.01')] },
      { ...base, earnings: [earning('1500.00', 19_130)] },
    ].map(digestOf);
    expect(new Set(texts).size).toBe(4);
    // a record with no earnings mixes nothing for them, with the key or without it
    expect(digestOf({ ...base, earnings: [] })).toBe(digestOf(base));
  });

  it('a group by its text, and a text of odd length by its last code unit', () => {
    // same number of groups and same lengths: only the texts differ
    expect(digestOf({ ...base, groups: ['g'] })).not.toBe(digestOf({ ...base, groups: ['h'] }));
    // 'abc' and 'abd': one pair of code units ('ab') then the last one alone
    expect(digestOf({ ...base, id: 'abc' })).not.toBe(digestOf({ ...base, id: 'abd' }));
  });
});

/*
 * The digest's value, recomputed independently from its description in record-digest.ts (two FNV-1a
 * style lanes of 32-bit multiplies; texts by pairs of UTF-16 code units then their length; days as
 * integers; markers for absent fields and zero amounts; each lane finished by the mixer and added up
 * modulo 2^32), for records of the fields below only: so the markers of absent fields, the zero
 * amount, a text's last code unit and the sums are pinned, not just told apart.
 */
const LANES = [
  { seed: 0x811c9dc5 | 0, prime: 0x01000193 },
  { seed: 0x9e3779b9 | 0, prime: 0x2c1b3c6d },
] as const;
const ABSENT = 0x7fffffff;
const ZERO = 0x7ffffffe;

interface Simple {
  id: string;
  cohort: string;
  enrolledOn: number;
  /** 0 for a zero baseline wage, 1 for a wage of 1 (sign 1, exponent 0, one base-10^7 word: 1), undefined for none. */
  baseline: 0 | 1 | undefined;
  /** Spells with a start only (no end, hours, contract type, wage, sector or employer). */
  starts: number[];
}

function lane(record: Simple, seed: number, prime: number): number {
  const step = (h: number, value: number): number => Math.imul(h ^ value, prime);
  const text = (h: number, s: string): number => {
    let x = h;
    let i = 0;
    for (; i + 1 < s.length; i += 2) x = step(x, s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16));
    if (i < s.length) x = step(x, s.charCodeAt(i));
    return step(x, s.length);
  };
  // a day (|day| < 2^31): its 32 bits, then its high bits, 0
  const day = (h: number, d: number): number => step(step(h, d | 0), 0);
  let h = text(text(seed, record.id), record.cohort);
  h = step(h, 0); // no groups
  h = day(h, record.enrolledOn);
  h = day(h, -1e9); // no exit
  h = record.baseline === undefined ? step(h, ABSENT) : record.baseline === 0 ? step(h, ZERO) : step(step(step(step(h, 1), 0), 1), 1);
  h = step(h, record.starts.length);
  for (const start of record.starts) {
    h = day(day(h, start), -1e9); // the start, no end
    h = step(step(step(h, ABSENT), ABSENT), ABSENT); // no hours, contract type, monthly wage; no sector nor employer: nothing
  }
  h = step(step(h, 0), 0); // no wages, no events; no earnings: nothing
  return h;
}

function finish(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

function expectedText(records: readonly Simple[]): string {
  const sums = LANES.map(({ seed, prime }) => records.reduce((sum, r) => (sum + finish(lane(r, seed, prime))) >>> 0, 0));
  return `${records.length}:${sums.map((s) => s.toString(16).padStart(8, '0')).join(':')}`;
}

const asRecord = (s: Simple): OutcomeRecord => ({
  id: s.id,
  cohort: s.cohort,
  groups: [],
  enrolledOn: day(s.enrolledOn),
  ...(s.baseline === undefined ? {} : { baselineWage: parseAmount(String(s.baseline)) }),
  spells: s.starts.map((start) => ({ start: day(start) })),
  wages: [],
  events: [],
});

describe('record digest: its value, recomputed independently', () => {
  it('records of absent fields, a zero and a unit wage, texts of even and odd lengths, summed', () => {
    const records: Simple[] = [
      { id: 'P1', cohort: 'A', enrolledOn: 19_000, baseline: 0, starts: [19_001] },
      { id: 'P22', cohort: 'AB', enrolledOn: 19_010, baseline: undefined, starts: [] },
      { id: 'Q', cohort: 'A', enrolledOn: 19_020, baseline: 1, starts: [19_030, 19_100] },
    ];
    const digest = emptyDigest();
    for (const r of records) addToDigest(digest, asRecord(r));
    expect(digestText(digest)).toBe(expectedText(records));
  });
});
