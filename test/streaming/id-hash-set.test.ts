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
    // the ids add refuses (seen before) and the repeats it accepts (not seen), listed rather than
    // asserted one by one: 200,000 expect calls took 4 s of the suite
    const refused: number[] = [];
    for (let i = 0; i < count; i++) if (!set.add(`P${String(i).padStart(8, '0')}`)) refused.push(i);
    expect(refused).toEqual([]);
    expect(set.size).toBe(count);
    const accepted: number[] = [];
    for (let i = 0; i < count; i += 997) if (set.add(`P${String(i).padStart(8, '0')}`)) accepted.push(i);
    expect(accepted).toEqual([]);
    expect(set.size).toBe(count);
  });

  it('names an id by its two hash words', () => {
    expect(idHashKey('P1')).toBe(idHashKey('P1'));
    expect(idHashKey('P1')).not.toBe(idHashKey('P2'));
    expect(idHashKey('P1')).toMatch(/^[0-9a-z]+:[0-9a-z]+$/);
  });
});
