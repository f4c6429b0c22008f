import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIdHashSet, idHashKey } from '../../src/streaming/id-hash-set.js';

describe('createIdHashSet', () => {
  it('reports a repeat exactly for ids seen before, in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12, unit: 'binary' }), { maxLength: 300 }), (ids) => {
        const set = createIdHashSet();
        const seen = new Set<string>();
        for (const id of ids) {
          expect(set.add(id)).toBe(!seen.has(id));
          seen.add(id);
        }
        expect(set.size).toBe(seen.size);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every id through many doublings of its table', () => {
    const set = createIdHashSet();
    const count = 200_000; // the table starts at 1,024 slots and doubles past 3/4 full
    for (let i = 0; i < count; i++) expect(set.add(`P${String(i).padStart(8, '0')}`)).toBe(true);
    expect(set.size).toBe(count);
    for (let i = 0; i < count; i += 997) expect(set.add(`P${String(i).padStart(8, '0')}`)).toBe(false);
    expect(set.size).toBe(count);
  });

  it('names an id by its two hash words', () => {
    expect(idHashKey('P1')).toBe(idHashKey('P1'));
    expect(idHashKey('P1')).not.toBe(idHashKey('P2'));
    expect(idHashKey('P1')).toMatch(/^[0-9a-z]+:[0-9a-z]+$/);
  });
});
