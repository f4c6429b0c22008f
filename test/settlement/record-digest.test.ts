import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/calendar/index.js';
import { parseAmount, type Amount } from '../../src/money/index.js';
import { Dec } from '../../src/money/decimal.js';
import { writeAmountText } from '../../src/money/text-hash.js';
import type { EmploymentSpell, OutcomeRecord } from '../../src/records/index.js';
import { addToDigest, digestText, emptyDigest } from '../../src/settlement/record-digest.js';

/** The string-building digest the fast one must reproduce bit for bit (fingerprints depend on it). */
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
function referenceHash(record: OutcomeRecord, seed: number): number {
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
function referenceDigest(records: readonly OutcomeRecord[]): string {
  let low = 0;
  let high = 0;
  for (const record of records) {
    low = (low + referenceHash(record, 0x811c9dc5)) >>> 0;
    high = (high + referenceHash(record, 0x9e3779b9)) >>> 0;
  }
  return `${records.length}:${low.toString(16).padStart(8, '0')}:${high.toString(16).padStart(8, '0')}`;
}
/** The text writeAmountText gives, or toFixed() when it declines (too long for 64 bytes). */
function written(a: Amount): string {
  const out = new Uint8Array(64);
  const n = writeAmountText(a, out);
  return n < 0 ? a.toFixed() : String.fromCharCode(...out.subarray(0, n));
}

const decimalText = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 12 }))
  .map(([negative, digits, places, zeros]) => {
    const text = (digits * 10n ** BigInt(zeros)).toString().padStart(places + 1, '0');
    const body = places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
    return `${negative ? '-' : ''}${body}`;
  });
const amount = decimalText.map((text) => parseAmount(text));
const wage = fc.oneof(
  fc.integer({ min: 0, max: 999_999 }).map((cents) => parseAmount(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`)),
  fc.integer({ min: 0, max: 10_000_000 }).map((units) => parseAmount(units)),
  amount.map((a) => a.abs()),
);
const day = fc.integer({ min: -200_000, max: 2_900_000 }).map((d) => d as CalendarDate);
const hours = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 0, max: 168 }),
  fc.integer({ min: 0, max: 336 }).map((h) => h / 2),
  fc.double({ min: 0, max: 168, noNaN: true }),
  fc.constant(-0),
);
const spell = fc.record(
  { start: day, end: day, hoursPerWeek: hours, contractType: fc.string({ minLength: 1, maxLength: 8 }), monthlyWage: wage },
  { requiredKeys: ['start'] },
) as fc.Arbitrary<EmploymentSpell>;
const record = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 12 }),
    cohort: fc.string({ minLength: 1, maxLength: 6 }),
    groups: fc.array(fc.string({ minLength: 1, maxLength: 5 }), { maxLength: 3 }),
    enrolledOn: day,
    exitedOn: day,
    baselineWage: wage,
    spells: fc.array(spell, { maxLength: 3 }),
    wages: fc.array(fc.record({ on: day, monthlyWage: wage }), { maxLength: 3 }),
    events: fc.array(fc.record({ kind: fc.string({ minLength: 1, maxLength: 10 }), on: day }), { maxLength: 3 }),
  },
  { requiredKeys: ['id', 'cohort', 'groups', 'enrolledOn', 'spells', 'wages', 'events'] },
) as fc.Arbitrary<OutcomeRecord>;

describe('amount text hash', () => {
  it('writes exactly the characters of toFixed()', () => {
    fc.assert(
      fc.property(amount, (a: Amount) => {
        expect(written(a)).toBe(a.toFixed());
      }),
      { numRuns: 2000 },
    );
  });

  it('declines only texts longer than the buffer', () => {
    expect(writeAmountText(new Dec('1e70'), new Uint8Array(64))).toBe(-1);
    expect(writeAmountText(new Dec('1e-70'), new Uint8Array(64))).toBe(-1);
    expect(writeAmountText(new Dec('123.45'), new Uint8Array(11))).toBe(6);
  });

  it('handles zero, negative zero, tiny and huge values, and results of arithmetic', () => {
    const values = [
      '0', '-0', '0.000', '1', '10', '1000000', '10000000', '123456789012345678', '0.0000001', '0.00000001',
      '-0.05', '1650.50', '9999999.9999999', '1e-20', '1.5e25', '7e6', '1e70', '-1234567.0000001', '100.10000000', '0.10000000',
    ].map((text) => new Dec(text));
    values.push(new Dec('1').dividedBy(3), new Dec('1500').times('1.1'), new Dec('0.1').plus('0.2'), new Dec('1').minus('1'));
    for (const a of values) {
      expect(written(a)).toBe(a.toFixed());
    }
  });
});

describe('record digest', () => {
  it('equals the digest of the record texts, bit for bit', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 5 }), (records) => {
        const digest = emptyDigest();
        for (const r of records) addToDigest(digest, r);
        expect(digestText(digest)).toBe(referenceDigest(records));
      }),
      { numRuns: 1000 },
    );
  });

  it('is the same once its text caches are full (amounts mixed from their digits)', () => {
    const records: OutcomeRecord[] = [];
    for (let i = 0; i < 5000; i++) {
      const cents = 150_000 + i * 7;
      const amount = parseAmount(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
      records.push({
        id: `P${i}`,
        cohort: 'A',
        groups: i % 2 === 0 ? ['ltu'] : [],
        enrolledOn: (19_000 + i) as CalendarDate,
        baselineWage: amount,
        spells: [{ start: (19_100 + i) as CalendarDate, hoursPerWeek: 20 + (i % 9000) / 1000, monthlyWage: parseAmount(cents * 3) }],
        wages: [{ on: (19_200 + i) as CalendarDate, monthlyWage: amount.plus('0.1') }],
        events: [],
      });
    }
    const digest = emptyDigest();
    for (const r of records) addToDigest(digest, r);
    expect(digestText(digest)).toBe(referenceDigest(records));
  });
});
