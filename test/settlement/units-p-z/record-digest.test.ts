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
