import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDate, formatDate, type CalendarDate } from '../../src/calendar/index.js';
import { isWageText, NO_DATE, plainDateDay } from '../../src/records/fast-fields.js';
import { createAmountCache } from '../../src/records/amount-cache.js';
import { fastRecord } from '../../src/records/fast-record.js';
import { PLAIN_DATE_PATTERN, WAGE_PATTERN } from '../../src/records/limits.js';
import { mutatedRecord, orderedValidRecord, shapeValidRecord } from './arbitraries.js';
import { CONTEXT } from './fixtures.js';
import { fullChecks } from './full-checks.js';
import { runs } from '../runs.js';

describe('validation fast path', () => {
  it('never accepts a record the full checks refuse, and builds the same record', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedRecord, shapeValidRecord, orderedValidRecord), (raw) => {
        const fast = fastRecord(raw, CONTEXT, createAmountCache());
        if (fast !== undefined) expect(fast).toEqual(fullChecks(raw));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('accepts every valid record whose lists are in order (so it is actually taken)', () => {
    fc.assert(
      fc.property(orderedValidRecord, (raw) => {
        const full = fullChecks(raw);
        expect(full).toBeDefined();
        expect(fastRecord(raw, CONTEXT, createAmountCache())).toEqual(full);
      }),
      { numRuns: runs(1000) },
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
      { numRuns: runs(3000) },
    );
  });

  it('isWageText is WAGE_PATTERN', () => {
    const wageLike = fc.oneof(fc.stringMatching(/^[0-9.\-e ]{0,8}$/), fc.string({ maxLength: 6 }), fc.constantFrom('1.', '.5', '1..2', '007.10', '0', ''));
    fc.assert(fc.property(wageLike, (text) => {
      expect(isWageText(text)).toBe(WAGE_PATTERN.test(text));
    }), { numRuns: runs(3000) });
  });
});
