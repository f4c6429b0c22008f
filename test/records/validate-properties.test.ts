import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateRecords } from '../../src/records/index.js';
import { mutatedRecord } from './arbitraries.js';
import { CONTEXT } from './fixtures.js';

describe('validateRecords properties', () => {
  it('lenient mode accounts for every record exactly once; strict fails exactly when something is excluded', () => {
    fc.assert(
      fc.property(fc.array(mutatedRecord, { maxLength: 8 }), (raw) => {
        const lenient = validateRecords(raw, CONTEXT, { mode: 'lenient' });
        const strict = validateRecords(raw, CONTEXT);
        expect(lenient.ok).toBe(true);
        if (!lenient.ok) return;
        const excludedIndexes = lenient.value.excluded.map((entry) => entry.recordIndex);
        expect(lenient.value.records.length + excludedIndexes.length).toBe(raw.length);
        expect(new Set(excludedIndexes).size).toBe(excludedIndexes.length);
        for (const entry of lenient.value.excluded) expect(entry.issues.length).toBeGreaterThan(0);
        expect(strict.ok).toBe(lenient.value.excluded.length === 0);
        expect(strict.issues.map((i) => i.code)).toEqual(lenient.issues.map((i) => i.code));
      }),
    );
  });

  it('the set of valid ids does not depend on record order', () => {
    fc.assert(
      fc.property(fc.array(mutatedRecord, { maxLength: 8 }).chain((raw) => fc.tuple(fc.constant(raw), fc.shuffledSubarray(raw, { minLength: raw.length, maxLength: raw.length }))), ([raw, shuffled]) => {
        const ids = (list: unknown[]): string[] => {
          const result = validateRecords(list, CONTEXT, { mode: 'lenient' });
          return result.ok ? result.value.records.map((r) => r.id).sort() : [];
        };
        expect(ids(shuffled)).toEqual(ids(raw));
      }),
    );
  });
});
