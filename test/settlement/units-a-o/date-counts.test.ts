/**
 * DateCounts (src/settlement/date-counts.ts) on hand-picked days: the first span (512 days, the
 * first day a quarter in), its edges, growth upwards and downwards, the 16,384-day limit past
 * which a day is an outlier (outliers are visited after the dense span, in the order added),
 * cumulative counts recomputed after a change, clear, copy and merge. The spans are worked out in
 * the comments.
 */
import { describe, expect, it } from 'vitest';
import { DateCounts } from '../../../src/settlement/date-counts.js';

/** The days visited, in visiting order, as `day:count`. */
function visited(counts: DateCounts): string[] {
  const seen: string[] = [];
  counts.forEach((day, count) => seen.push(`${day}:${count}`));
  return seen;
}

describe('DateCounts', () => {
  it('an empty histogram counts nothing and visits nothing', () => {
    const counts = new DateCounts();
    expect(counts.upTo(0)).toBe(0);
    expect(counts.upTo(1_000_000)).toBe(0);
    expect(visited(counts)).toEqual([]);
  });

  it('counts on or before a day: the day itself counts, the day before does not; the default count is 1', () => {
    const counts = new DateCounts();
    counts.add(100);
    counts.add(100, 3);
    counts.add(102, 2);
    expect(counts.upTo(99)).toBe(0);
    expect(counts.upTo(100)).toBe(4); // 1 + 3
    expect(counts.upTo(101)).toBe(4);
    expect(counts.upTo(102)).toBe(6); // 4 + 2
    // past the dense span's end: the last cumulative count
    expect(counts.upTo(100_000)).toBe(6);
    // before the span's first day (100 − 128 = −28)
    expect(counts.upTo(-29)).toBe(0);
    expect(counts.upTo(-28)).toBe(0);
    expect(visited(counts)).toEqual(['100:4', '102:2']);
  });

  it('the first span runs from a quarter of 512 days before the first day to 383 after it: both edges are held', () => {
    // first day 100: span −28 … 483 (100 − 128 = −28; −28 + 511 = 483)
    const counts = new DateCounts();
    counts.add(100);
    counts.add(-28, 2);
    counts.add(483, 4);
    counts.add(484, 8); // one past the end: the span grows, nothing is lost
    counts.add(-29, 16); // one before the start: grows downwards
    expect(counts.upTo(-30)).toBe(0);
    expect(counts.upTo(-29)).toBe(16);
    expect(counts.upTo(-28)).toBe(18);
    expect(counts.upTo(100)).toBe(19);
    expect(counts.upTo(483)).toBe(23);
    expect(counts.upTo(484)).toBe(31);
    expect(visited(counts)).toEqual(['-29:16', '-28:2', '100:1', '483:4', '484:8']);
  });

  it('grows upwards and downwards by at least its length, keeping every count at its day', () => {
    const counts = new DateCounts();
    counts.add(0, 1); // span −128 … 383
    counts.add(600, 2); // −128 … 895 (1,024 days: twice 512)
    counts.add(-300, 3); // below: 2,048 days ending at 895: −1152 … 895
    counts.add(-1152, 4); // the new first day: held densely
    counts.add(-1153, 5); // one before: grows again
    counts.add(3000, 6);
    expect(visited(counts)).toEqual(['-1153:5', '-1152:4', '-300:3', '0:1', '600:2', '3000:6']);
    expect(counts.upTo(-1153)).toBe(5);
    expect(counts.upTo(-1152)).toBe(9);
    expect(counts.upTo(-301)).toBe(9);
    expect(counts.upTo(-300)).toBe(12);
    expect(counts.upTo(599)).toBe(13);
    expect(counts.upTo(600)).toBe(15);
    expect(counts.upTo(2999)).toBe(15);
    expect(counts.upTo(3000)).toBe(21);
  });

  it('a growth far down jumps straight to the day (span of both ends, not just twice the length)', () => {
    const counts = new DateCounts();
    counts.add(0); // −128 … 383
    counts.add(-5000, 2); // span −5000 … 383 (5,384 days > 1,024)
    counts.add(-4999, 3);
    expect(visited(counts)).toEqual(['-5000:2', '-4999:3', '0:1']);
    expect(counts.upTo(-5001)).toBe(0);
    expect(counts.upTo(-5000)).toBe(2);
    expect(counts.upTo(-1)).toBe(5);
  });

  it('a day that would stretch the span past 16,384 days is an outlier: counted, visited after the span', () => {
    // first day 0: span −128 … 383. Downwards, 383 − d + 1 ≤ 16,384 holds down to d = −16,000.
    const dense = new DateCounts();
    dense.add(0);
    dense.add(-16_000, 2);
    expect(visited(dense)).toEqual(['-16000:2', '0:1']); // in the span: day order
    const outlier = new DateCounts();
    outlier.add(0);
    outlier.add(-16_001, 2); // 383 + 16,001 + 1 = 16,385 days: too wide
    outlier.add(-16_001, 3);
    outlier.add(-20_000, 4);
    expect(visited(outlier)).toEqual(['0:1', '-16001:5', '-20000:4']); // the span, then outliers as added
    expect(outlier.upTo(-20_001)).toBe(0);
    expect(outlier.upTo(-20_000)).toBe(4);
    expect(outlier.upTo(-16_002)).toBe(4);
    expect(outlier.upTo(-16_001)).toBe(9);
    expect(outlier.upTo(-1)).toBe(9);
    expect(outlier.upTo(0)).toBe(10);
    // upwards: −128 + 16,384 − 1 = 16,255 is the last day the span can reach
    const up = new DateCounts();
    up.add(0);
    up.add(16_256, 2);
    up.add(16_255, 3);
    expect(visited(up)).toEqual(['0:1', '16255:3', '16256:2']);
    const atLimit = new DateCounts();
    atLimit.add(0);
    atLimit.add(16_255, 3);
    atLimit.add(-128, 1); // still inside the grown span
    expect(visited(atLimit)).toEqual(['-128:1', '0:1', '16255:3']);
    atLimit.add(-129, 5); // would make 16,385 days
    expect(visited(atLimit)).toEqual(['-128:1', '0:1', '16255:3', '-129:5']);
    expect(atLimit.upTo(-129)).toBe(5);
    expect(atLimit.upTo(16_254)).toBe(7);
  });

  it('a day on the span first day is held in place: the span does not grow (its end stays where the limit is measured from)', () => {
    // first day 0: span −128 … 383. Adding −128 changes nothing; the limit downwards is then
    // 383 − 16,384 + 1 = −16,000 (had the span grown to 1,024 days, −16,000 would be an outlier)
    const counts = new DateCounts();
    counts.add(0);
    counts.add(-128, 2);
    expect(counts.upTo(-129)).toBe(0);
    expect(counts.upTo(-128)).toBe(2);
    counts.add(-16_000, 3);
    expect(visited(counts)).toEqual(['-16000:3', '-128:2', '0:1']);
  });

  it('grows to twice its length when that covers the new day (amortised), not just to the day', () => {
    // first day 0: span −128 … 383; adding 400 grows it to 1,024 days: −128 … 895
    const counts = new DateCounts();
    counts.add(0);
    counts.add(400);
    // downwards the limit is now 895 − 16,384 + 1 = −15,488: −15,600 is an outlier (with a span
    // grown only to 400 it would be held: 400 + 15,600 + 1 = 16,001 days)
    counts.add(-15_600, 2);
    expect(visited(counts)).toEqual(['0:1', '400:1', '-15600:2']);
    // and −15,488 is not
    const edge = new DateCounts();
    edge.add(0);
    edge.add(400);
    edge.add(-15_488, 2);
    expect(visited(edge)).toEqual(['-15488:2', '0:1', '400:1']);
  });

  it('cumulative counts follow each change after a query', () => {
    const counts = new DateCounts();
    counts.add(10);
    expect(counts.upTo(20)).toBe(1);
    counts.add(15, 2);
    expect(counts.upTo(20)).toBe(3);
    expect(counts.upTo(14)).toBe(1);
    counts.add(5000, 1); // growth after a query
    expect(counts.upTo(20)).toBe(3);
    expect(counts.upTo(5000)).toBe(4);
  });

  it('clear removes every count, dense and outlying; counting starts again after it', () => {
    const counts = new DateCounts();
    counts.add(0, 2);
    counts.add(100_000, 3); // outlier
    expect(counts.upTo(100_000)).toBe(5);
    counts.clear();
    expect(counts.upTo(100_000)).toBe(0);
    expect(visited(counts)).toEqual([]);
    counts.clear();
    counts.add(1, 7);
    expect(counts.upTo(0)).toBe(0);
    expect(counts.upTo(1)).toBe(7);
    expect(counts.upTo(100_000)).toBe(7);
    expect(visited(counts)).toEqual(['1:7']);
  });

  it('a copy has the same counts and changes on its own', () => {
    const counts = new DateCounts();
    counts.add(0, 2);
    counts.add(100_000, 3);
    expect(counts.upTo(0)).toBe(2); // cumulative computed before the copy
    const copy = counts.copy();
    expect(copy.upTo(0)).toBe(2);
    expect(copy.upTo(100_000)).toBe(5);
    expect(visited(copy)).toEqual(['0:2', '100000:3']);
    copy.add(0, 10);
    copy.add(100_000, 10);
    counts.add(1, 1);
    expect(counts.upTo(0)).toBe(2);
    expect(counts.upTo(100_000)).toBe(6);
    expect(copy.upTo(0)).toBe(12);
    expect(copy.upTo(1)).toBe(12);
    expect(copy.upTo(100_000)).toBe(25);
    // a copy of an empty or cleared histogram is empty
    expect(visited(new DateCounts().copy())).toEqual([]);
    counts.clear();
    expect(visited(counts.copy())).toEqual([]);
    expect(counts.copy().upTo(100_000)).toBe(0);
  });

  it('merge adds every count of the other histogram, outliers included', () => {
    const a = new DateCounts();
    a.add(10, 1);
    const b = new DateCounts();
    b.add(10, 2);
    b.add(12, 3);
    b.add(-100_000, 4);
    a.merge(b);
    expect(visited(a)).toEqual(['10:3', '12:3', '-100000:4']);
    expect(a.upTo(11)).toBe(7);
    expect(visited(b)).toEqual(['10:2', '12:3', '-100000:4']); // unchanged
  });
});

describe('DateCounts where mutants survived the tests above', () => {
  it('a growth downwards keeps the span end: the room is added below, not above', () => {
    // first day 0: span −128 … 383 (512 days); each day just past the end doubles it upwards:
    // 384 → −128 … 895, 896 → … 1,919, 1,920 → … 3,967, 3,968 → −128 … 8,063 (8,192 days)
    const counts = new DateCounts();
    for (const day of [0, 384, 896, 1920, 3968]) counts.add(day);
    // −129, just below: twice the length (16,384 days, the limit) ending at 8,063: −8,320 … 8,063
    counts.add(-129);
    // −5,000 lies in that span: held, visited in day order (an outlier would be visited last)
    counts.add(-5000);
    expect(visited(counts)).toEqual(['-5000:1', '-129:1', '0:1', '384:1', '896:1', '1920:1', '3968:1']);
  });
});
