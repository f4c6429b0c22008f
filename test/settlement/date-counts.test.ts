import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DateCounts } from '../../src/settlement/date-counts.js';
import { runs } from '../runs.js';

/** The model: a plain map of day → count, summed by a scan. */
function modelUpTo(model: Map<number, number>, day: number): number {
  let total = 0;
  for (const [at, count] of model) if (at <= day) total += count;
  return total;
}

/** Counts as the model does: up to each query and each day counted (and the day before it), and visited day by day. */
function expectLikeModel(counts: DateCounts, model: Map<number, number>, queries: readonly number[]): void {
  for (const q of [...queries, ...model.keys()]) {
    expect(counts.upTo(q)).toBe(modelUpTo(model, q));
    expect(counts.upTo(q - 1)).toBe(modelUpTo(model, q - 1));
  }
  const seen = new Map<number, number>();
  counts.forEach((at, n) => seen.set(at, (seen.get(at) ?? 0) + n));
  expect(seen).toEqual(model);
}

// Days near a cohort's dates, far before and after them (past the dense span), and the calendar's ends.
const day = fc.oneof(
  fc.integer({ min: 19_000, max: 21_000 }),
  fc.integer({ min: -719_162, max: 2_932_896 }),
  fc.constantFrom(-719_162, 2_932_896, 19_000 - 16_384, 19_000 + 16_384),
);
const adds = fc.array(fc.tuple(day, fc.integer({ min: 1, max: 5 })), { maxLength: 60 });

describe('DateCounts', () => {
  it('counts up to any day exactly as a map of day → count does, in any order of adds and queries', () => {
    fc.assert(
      fc.property(adds, fc.array(day, { minLength: 1, maxLength: 10 }), (entries, queries) => {
        const counts = new DateCounts();
        const model = new Map<number, number>();
        entries.forEach(([at, n], i) => {
          counts.add(at, n);
          model.set(at, (model.get(at) ?? 0) + n);
          // query between adds: the cumulative counts must follow every change
          const probe = queries[i % queries.length] ?? at;
          expect(counts.upTo(probe)).toBe(modelUpTo(model, probe));
        });
        expectLikeModel(counts, model, queries);
      }),
      { numRuns: runs(300) },
    );
  });

  it('cleared and refilled (a simulation refills one ledger per run), counts as a fresh map: the days walked are only those added since the clear', () => {
    let reach = 0; // rounds in which a clear dropped counts that later queries would have seen
    fc.assert(
      fc.property(fc.array(adds, { minLength: 2, maxLength: 5 }), fc.array(day, { minLength: 1, maxLength: 10 }), (rounds, queries) => {
        fc.pre(rounds.some((entries, i) => i > 0 && entries.length > 0) && (rounds[0]?.length ?? 0) > 0);
        const counts = new DateCounts();
        rounds.forEach((entries, i) => {
          if (i > 0) {
            if (counts.upTo(2_932_896) > 0) reach += 1;
            counts.clear();
            expect(counts.upTo(2_932_896)).toBe(0);
          }
          const model = new Map<number, number>();
          for (const [at, n] of entries) {
            counts.add(at, n);
            model.set(at, (model.get(at) ?? 0) + n);
          }
          expectLikeModel(counts, model, queries);
          const copy = counts.copy();
          for (const q of queries) expect(copy.upTo(q)).toBe(modelUpTo(model, q));
        });
      }),
      { numRuns: runs(300) },
    );
    expect(reach).toBeGreaterThan(runs(300) / 2);
  });

  it('after a clear, a day outside the days added since reads 0 below them and their total above them', () => {
    // 19,723 = 2024-01-01; the first add allocates days 19,595 to 20,106 (512 days from 128 before it)
    const counts = new DateCounts();
    counts.add(19_723, 4);
    counts.add(20_000, 1);
    counts.clear();
    counts.add(19_800, 2);
    counts.add(19_900, 3);
    expect(counts.upTo(19_723)).toBe(0); // counted before the clear: gone
    expect(counts.upTo(19_799)).toBe(0);
    expect(counts.upTo(19_800)).toBe(2);
    expect(counts.upTo(19_899)).toBe(2);
    expect(counts.upTo(20_000)).toBe(5); // 2 + 3, above the last day added
    counts.add(19_600, 1); // below the lowest day since the clear, inside the array
    expect(counts.upTo(19_700)).toBe(1);
    expect(counts.upTo(20_100)).toBe(6);
    counts.add(21_000, 7); // past the array: it grows
    expect(counts.upTo(20_999)).toBe(6);
    expect(counts.upTo(21_000)).toBe(13);
  });

  it('merges: the counts of two shards are the counts of both', () => {
    fc.assert(
      fc.property(adds, adds, fc.array(day, { maxLength: 10 }), (left, right, queries) => {
        const a = new DateCounts();
        const b = new DateCounts();
        const whole = new DateCounts();
        for (const [at, n] of left) {
          a.add(at, n);
          whole.add(at, n);
        }
        for (const [at, n] of right) {
          b.add(at, n);
          whole.add(at, n);
        }
        a.merge(b);
        for (const q of [...queries, ...left.map(([at]) => at), ...right.map(([at]) => at)]) expect(a.upTo(q)).toBe(whole.upTo(q));
      }),
      { numRuns: runs(200) },
    );
  });

  it('holds a stray date far away as an outlier, not by stretching its array', () => {
    // 2024-01-01 is day 19723; 9999-12-31 is day 2932896
    const counts = new DateCounts();
    counts.add(19_723, 3);
    counts.add(2_932_896);
    counts.add(19_723 - 500, 2); // grows the dense span downwards
    expect(counts.upTo(19_722)).toBe(2);
    expect(counts.upTo(19_723)).toBe(5);
    expect(counts.upTo(2_932_895)).toBe(5);
    expect(counts.upTo(2_932_896)).toBe(6);
    expect(new DateCounts().upTo(19_723)).toBe(0);
  });
});
