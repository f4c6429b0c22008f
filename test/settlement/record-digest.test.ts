import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/calendar/index.js';
import { parseAmount } from '../../src/money/index.js';
import { Dec } from '../../src/money/decimal.js';
import type { EmploymentSpell, OutcomeRecord } from '../../src/records/index.js';
import { addToDigest, digestText, emptyDigest, mergeDigest } from '../../src/settlement/record-digest.js';
import { runs } from '../runs.js';

/*
 * The record digest feeds the records fingerprint: it must depend on the records' values and on
 * nothing else (not their order, not how an amount was written or computed, not a sign of zero),
 * and change when any field changes.
 */

const decimalText = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 6 }))
  .map(([negative, digits, places, zeros]) => {
    const text = (digits * 10n ** BigInt(zeros)).toString().padStart(places + 1, '0');
    const body = places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
    return `${negative ? '-' : ''}${body}`;
  });
const wage = fc.oneof(
  fc.integer({ min: 0, max: 999_999 }).map((cents) => parseAmount(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`)),
  fc.integer({ min: 0, max: 10_000_000 }).map((units) => parseAmount(units)),
  decimalText.map((text) => parseAmount(text).abs()),
);
const day = fc.integer({ min: -200_000, max: 2_900_000 }).map((d) => d as CalendarDate);
const hours = fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 168 }), fc.integer({ min: 0, max: 336 }).map((h) => h / 2), fc.double({ min: 0, max: 168, noNaN: true }));
const text = (maxLength: number) => fc.string({ minLength: 1, maxLength, unit: 'binary' });
const spell = fc.record(
  { start: day, end: day, hoursPerWeek: hours, contractType: text(8), monthlyWage: wage },
  { requiredKeys: ['start'] },
) as fc.Arbitrary<EmploymentSpell>;
const record = fc.record(
  {
    id: text(12),
    cohort: text(6),
    groups: fc.array(text(5), { maxLength: 3 }),
    enrolledOn: day,
    exitedOn: day,
    baselineWage: wage,
    spells: fc.array(spell, { maxLength: 3 }),
    wages: fc.array(fc.record({ on: day, monthlyWage: wage }), { maxLength: 3 }),
    events: fc.array(fc.record({ kind: text(10), on: day }), { maxLength: 3 }),
  },
  { requiredKeys: ['id', 'cohort', 'groups', 'enrolledOn', 'spells', 'wages', 'events'] },
) as fc.Arbitrary<OutcomeRecord>;

function digestOf(records: readonly OutcomeRecord[]): string {
  const digest = emptyDigest();
  for (const r of records) addToDigest(digest, r);
  return digestText(digest);
}

/** Every way to change one field of a record (each yields a record that differs in value). */
function mutations(r: OutcomeRecord): OutcomeRecord[] {
  const plusCent = (a: NonNullable<OutcomeRecord['baselineWage']>) => a.plus('0.01');
  const out: OutcomeRecord[] = [
    { ...r, id: `${r.id}x` },
    { ...r, id: r.id.slice(1) + r.id.charAt(0) === r.id ? `${r.id}y` : r.id.slice(1) + r.id.charAt(0) },
    { ...r, cohort: `${r.cohort}x` },
    { ...r, groups: [...r.groups, 'g'] },
    { ...r, enrolledOn: (r.enrolledOn + 1) as CalendarDate },
    { ...r, exitedOn: ((r.exitedOn ?? 0) + 1) as CalendarDate },
    { ...r, baselineWage: r.baselineWage === undefined ? parseAmount('0') : plusCent(r.baselineWage) },
    { ...r, spells: [...r.spells, { start: r.enrolledOn }] },
    { ...r, wages: [...r.wages, { on: r.enrolledOn, monthlyWage: parseAmount('1') }] },
    { ...r, events: [...r.events, { kind: 'x', on: r.enrolledOn }] },
  ];
  const withoutExit: { -readonly [K in keyof OutcomeRecord]?: OutcomeRecord[K] } = { ...r };
  delete withoutExit.exitedOn;
  const withoutBaseline: { -readonly [K in keyof OutcomeRecord]?: OutcomeRecord[K] } = { ...r };
  delete withoutBaseline.baselineWage;
  if (r.exitedOn !== undefined) out.push(withoutExit as OutcomeRecord);
  if (r.baselineWage !== undefined) out.push(withoutBaseline as OutcomeRecord);
  const first = r.spells[0];
  if (first !== undefined) {
    const rest = r.spells.slice(1);
    out.push(
      { ...r, spells: [{ ...first, start: (first.start + 1) as CalendarDate }, ...rest] },
      { ...r, spells: [{ ...first, end: ((first.end ?? 0) + 1) as CalendarDate }, ...rest] },
      { ...r, spells: [{ ...first, hoursPerWeek: (first.hoursPerWeek ?? 0) + 0.5 }, ...rest] },
      { ...r, spells: [{ ...first, contractType: `${first.contractType ?? ''}z` }, ...rest] },
      { ...r, spells: [{ ...first, monthlyWage: first.monthlyWage === undefined ? parseAmount('0') : plusCent(first.monthlyWage) }, ...rest] },
    );
  }
  const observation = r.wages[0];
  if (observation !== undefined) {
    out.push({ ...r, wages: [{ on: observation.on, monthlyWage: plusCent(observation.monthlyWage) }, ...r.wages.slice(1)] });
    out.push({ ...r, wages: [{ on: (observation.on + 1) as CalendarDate, monthlyWage: observation.monthlyWage }, ...r.wages.slice(1)] });
  }
  const event = r.events[0];
  if (event !== undefined) {
    out.push({ ...r, events: [{ kind: `${event.kind}z`, on: event.on }, ...r.events.slice(1)] });
    out.push({ ...r, events: [{ kind: event.kind, on: (event.on + 1) as CalendarDate }, ...r.events.slice(1)] });
  }
  return out;
}

describe('record digest', () => {
  it('does not depend on the order of the records, and digests of shards merge', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 6 }), fc.nat(6), (records, cut) => {
        const reversed = [...records].reverse();
        expect(digestOf(reversed)).toBe(digestOf(records));
        const left = emptyDigest();
        const right = emptyDigest();
        records.forEach((r, i) => { addToDigest(i < cut ? left : right, r); });
        mergeDigest(left, right);
        expect(digestText(left)).toBe(digestOf(records));
      }),
      { numRuns: runs(300) },
    );
  });

  it('changes when any single field of a record changes', () => {
    fc.assert(
      fc.property(record, fc.array(record, { maxLength: 2 }), (r, others) => {
        const before = digestOf([r, ...others]);
        for (const changed of mutations(r)) expect(digestOf([changed, ...others])).not.toBe(before);
      }),
      { numRuns: runs(300) },
    );
  });

  it('depends on amounts by value: however written or computed, and zero of either sign', () => {
    const base: OutcomeRecord = { id: 'P1', cohort: 'A', groups: [], enrolledOn: 19_000 as CalendarDate, spells: [], wages: [], events: [] };
    const same = (a: string | Dec, b: string | Dec) => { expect(digestOf([{ ...base, baselineWage: new Dec(a) }])).toBe(digestOf([{ ...base, baselineWage: new Dec(b) }])); };
    same('1650.5', '1650.50');
    same('1650.50', new Dec('1500').times('1.1').plus('0.5'));
    same('10000000', new Dec('20000000').dividedBy(2));
    same('0', '-0');
    same('0', new Dec('1').minus('1'));
    same('0.3', new Dec('0.1').plus('0.2'));
    same('123456789', new Dec('123456789.1').minus('0.1'));
    expect(digestOf([{ ...base, baselineWage: new Dec('1650.5') }])).not.toBe(digestOf([{ ...base, baselineWage: new Dec('165.05') }]));
    expect(digestOf([{ ...base, baselineWage: new Dec('1') }])).not.toBe(digestOf([{ ...base, baselineWage: new Dec('-1') }]));
    expect(digestOf([{ ...base, baselineWage: new Dec('0') }])).not.toBe(digestOf([base]));
  });

  it('hours by exact value: 0 and -0 alike, 37.5 and 37.50000000000001 apart', () => {
    const spellWith = (hoursPerWeek: number): OutcomeRecord => ({
      id: 'P1', cohort: 'A', groups: [], enrolledOn: 19_000 as CalendarDate, spells: [{ start: 19_001 as CalendarDate, hoursPerWeek }], wages: [], events: [],
    });
    expect(digestOf([spellWith(0)])).toBe(digestOf([spellWith(-0)]));
    expect(digestOf([spellWith(37.5)])).not.toBe(digestOf([spellWith(37.50000000000001)]));
  });

  it('counts the records', () => {
    expect(digestText(emptyDigest())).toBe('0:00000000:00000000');
    expect(digestOf([{ id: 'P1', cohort: 'A', groups: [], enrolledOn: 19_000 as CalendarDate, spells: [], wages: [], events: [] }])).toMatch(/^1:[0-9a-f]{8}:[0-9a-f]{8}$/);
  });
});
