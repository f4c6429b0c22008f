import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDate, formatDate, type CalendarDate } from '../../src/calendar/index.js';
import { checkRecordMeaning } from '../../src/records/check-meaning.js';
import { checkRecordShape } from '../../src/records/check-record.js';
import { isWageText, NO_DATE, plainDateDay } from '../../src/records/fast-fields.js';
import { createAmountCache } from '../../src/records/amount-cache.js';
import { fastRecord } from '../../src/records/fast-record.js';
import { PLAIN_DATE_PATTERN, WAGE_PATTERN } from '../../src/records/limits.js';
import { sortRecordLists } from '../../src/records/sort-record.js';
import type { OutcomeRecord } from '../../src/records/index.js';
import { mutatedRecord, shapeValidRecord, wireWage } from './arbitraries.js';
import { CONTEXT } from './fixtures.js';

/** The full checks: the parsed, sorted record, or undefined when any issue is reported. */
function fullChecks(raw: unknown): OutcomeRecord | undefined {
  let issues = 0;
  const report = (): void => {
    issues++;
  };
  const record = checkRecordShape(raw, report);
  if (record === undefined) return undefined;
  checkRecordMeaning(record, CONTEXT, report);
  return issues === 0 ? sortRecordLists(record) : undefined;
}

const DAY_1950 = -7305;

/** A record valid by construction, lists in order, so the fast path must accept it. */
const orderedValidRecord = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    cohort: fc.constantFrom('2023-A', '2023-B'),
    groups: fc.subarray(['rsa', 'ltu', 'youth']),
    enrolled: fc.integer({ min: 0, max: 40_000 }),
    exitAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    baselineWage: fc.option(wireWage, { nil: undefined }),
    gaps: fc.array(fc.tuple(fc.integer({ min: 1, max: 90 }), fc.integer({ min: 0, max: 400 }), fc.option(fc.integer({ min: 0, max: 168 }), { nil: undefined }), fc.option(wireWage, { nil: undefined })), { maxLength: 3 }),
    openLast: fc.boolean(),
    wageDays: fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), wireWage), { maxLength: 3 }),
    eventDays: fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.constantFrom('a1', 'job-offer', 'training-completed')), { maxLength: 3 }),
  })
  .map((r) => {
    const day = (n: number): string => formatDate((DAY_1950 + n) as CalendarDate);
    const record: Record<string, unknown> = { id: r.id, cohort: r.cohort, groups: r.groups, enrolledOn: day(r.enrolled) };
    if (r.exitAfter !== undefined) record.exitedOn = day(r.enrolled + r.exitAfter);
    if (r.baselineWage !== undefined) record.baselineWage = r.baselineWage;
    let at = r.enrolled - 1;
    record.spells = r.gaps.map(([gap, length, hours, wage], i) => {
      const spell: Record<string, unknown> = { start: day(at + gap) };
      at += gap + length;
      if (!(r.openLast && i === r.gaps.length - 1)) spell.end = day(at);
      if (hours !== undefined) spell.hoursPerWeek = hours;
      if (wage !== undefined) spell.monthlyWage = wage;
      return spell;
    });
    let on = r.enrolled;
    record.wages = r.wageDays.map(([step, monthlyWage]) => ({ on: day((on += step)), monthlyWage }));
    on = r.enrolled;
    const events = r.eventDays.map(([step, kind]) => ({ kind, on: (on += step) }));
    events.sort((a, b) => a.on - b.on || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
    record.events = events.map((e) => ({ kind: e.kind, on: day(e.on) }));
    return record;
  });

describe('validation fast path', () => {
  it('never accepts a record the full checks refuse, and builds the same record', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedRecord, shapeValidRecord, orderedValidRecord), (raw) => {
        const fast = fastRecord(raw, CONTEXT, createAmountCache());
        if (fast !== undefined) expect(fast).toEqual(fullChecks(raw));
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every valid record whose lists are in order (so it is actually taken)', () => {
    fc.assert(
      fc.property(orderedValidRecord, (raw) => {
        const full = fullChecks(raw);
        expect(full).toBeDefined();
        expect(fastRecord(raw, CONTEXT, createAmountCache())).toEqual(full);
      }),
      { numRuns: 1000 },
    );
  });

  it('plainDateDay agrees with the calendar core on plain dates and refuses everything else', () => {
    const dateLike = fc.oneof(
      fc.integer({ min: -719_162, max: 2_932_896 }).map((n) => formatDate(n as CalendarDate)),
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(
        ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      ),
      fc.string({ maxLength: 12 }),
      fc.constantFrom('2024-02-29T00:00Z', '2024-1-01', '+024-01-01', '2024/01/01', '0000-01-01', '9999-12-31', '1969-12-31'),
    );
    fc.assert(
      fc.property(dateLike, (text) => {
        const checked = checkDate(text);
        const expected = checked.ok && PLAIN_DATE_PATTERN.test(text) ? checked.value : NO_DATE;
        expect(plainDateDay(text)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('isWageText is WAGE_PATTERN', () => {
    const wageLike = fc.oneof(fc.stringMatching(/^[0-9.\-e ]{0,8}$/), fc.string({ maxLength: 6 }), fc.constantFrom('1.', '.5', '1..2', '007.10', '0', ''));
    fc.assert(fc.property(wageLike, (text) => {
      expect(isWageText(text)).toBe(WAGE_PATTERN.test(text));
    }), { numRuns: 3000 });
  });
});
