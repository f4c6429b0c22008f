/**
 * Counts by date: the mergeable building block of every tally. A participant counted on date d
 * is counted at every measurement date m ≥ d.
 *
 * @module
 */

/** A histogram: day number → number of participants. */
export type DateCounts = Map<number, number>;

/**
 * Adds one (or `count`) at a date.
 *
 * @example
 * const counts: DateCounts = new Map(); bump(counts, 19782); countUpTo(counts, 19782); // 1
 */
export function bump(counts: DateCounts, date: number, count = 1): void {
  counts.set(date, (counts.get(date) ?? 0) + count);
}

/**
 * How many were counted on or before `date`.
 *
 * @example
 * countUpTo(new Map([[10, 2], [20, 3]]), 15); // 2
 */
export function countUpTo(counts: DateCounts, date: number): number {
  let total = 0;
  for (const [day, count] of counts) if (day <= date) total += count;
  return total;
}

/**
 * Adds every count of `from` into `into` (tallies of two shards merge into the tally of both).
 *
 * @example
 * const a: DateCounts = new Map([[1, 1]]); mergeCounts(a, new Map([[1, 2]])); a.get(1); // 3
 */
export function mergeCounts(into: DateCounts, from: DateCounts): void {
  for (const [day, count] of from) bump(into, day, count);
}
