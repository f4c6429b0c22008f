/**
 * Counts by date: the mergeable building block of every tally. A participant counted on date d
 * is counted at every measurement date m ≥ d.
 *
 * Counts live in a dense `Int32Array` indexed by day over the span of dates seen (a cohort's dates
 * span a few years: a few kilobytes), so adding a participant is an array increment, not a hash
 * lookup. A date that would stretch the span beyond {@link MAX_DENSE_SPAN} days goes to a small
 * map of outliers instead, so one stray date in year 9999 costs one map entry, not megabytes.
 * Cumulative counts are computed once, on the first query after a change.
 *
 * @module
 */

/** The widest span of days held densely (about 45 years). */
const MAX_DENSE_SPAN = 16_384;
/** The span allocated at the first date (about 1.4 years), grown as needed. */
const FIRST_SPAN = 512;

/**
 * A histogram: how many participants were counted on each day number.
 *
 * @example
 * const counts = new DateCounts(); counts.add(19782); counts.upTo(19782); // 1
 */
export class DateCounts {
  /** Day number of index 0 of `dense`. */
  private first = 0;
  private dense: Int32Array | undefined;
  private outliers: Map<number, number> | undefined;
  /** `cumulative[i]` = counts of `dense` up to index i; undefined when stale. */
  private cumulative: Float64Array | undefined;
  /** False when nothing was added since the last `clear` (a cleared histogram is visited for free). */
  private touched = false;

  /** Adds `count` (default 1) on day `day` (an integer day number). */
  add(day: number, count = 1): void {
    const dense = this.dense;
    const index = day - this.first;
    if (dense !== undefined && index >= 0 && index < dense.length) dense[index] = (dense[index] as number) + count;
    else this.addOutside(day, count);
    this.cumulative = undefined;
    this.touched = true;
  }

  /** How many were counted on or before `day`. */
  upTo(day: number): number {
    let total = 0;
    if (this.outliers !== undefined) for (const [at, count] of this.outliers) if (at <= day) total += count;
    const dense = this.dense;
    if (dense === undefined) return total;
    const index = day - this.first;
    if (index < 0) return total;
    const cumulative = this.cumulative ?? this.accumulate(dense);
    return total + (cumulative[Math.min(index, cumulative.length - 1)] as number);
  }

  /** Calls `visit` for every day with a non-zero count, in increasing day order for the dense span. */
  forEach(visit: (day: number, count: number) => void): void {
    if (!this.touched) return;
    const dense = this.dense;
    if (dense !== undefined) {
      for (let index = 0; index < dense.length; index++) {
        const count = dense[index] as number;
        if (count !== 0) visit(this.first + index, count);
      }
    }
    if (this.outliers !== undefined) for (const [day, count] of this.outliers) visit(day, count);
  }

  /** Removes every count (keeping the dense span allocated). */
  clear(): void {
    if (!this.touched) return;
    this.touched = false;
    this.dense?.fill(0);
    this.outliers = undefined;
    this.cumulative = undefined;
  }

  /** A copy: the same counts, changed independently from now on. */
  copy(): DateCounts {
    const copy = new DateCounts();
    copy.first = this.first;
    copy.dense = this.dense?.slice();
    copy.outliers = this.outliers === undefined ? undefined : new Map(this.outliers);
    copy.cumulative = this.cumulative?.slice();
    copy.touched = this.touched;
    return copy;
  }

  /** Adds every count of `from` (tallies of two shards merge into the tally of both). */
  merge(from: DateCounts): void {
    from.forEach((day, count) => { this.add(day, count); });
  }

  private accumulate(dense: Int32Array): Float64Array {
    const cumulative = new Float64Array(dense.length);
    let running = 0;
    for (let index = 0; index < dense.length; index++) {
      running += dense[index] as number;
      cumulative[index] = running;
    }
    this.cumulative = cumulative;
    return cumulative;
  }

  private addOutside(day: number, count: number): void {
    const dense = this.dense;
    if (dense === undefined) {
      const created = new Int32Array(FIRST_SPAN);
      this.first = day - (FIRST_SPAN >> 2);
      created[day - this.first] = count;
      this.dense = created;
      return;
    }
    const last = this.first + dense.length - 1;
    const low = Math.min(this.first, day);
    const high = Math.max(last, day);
    if (high - low + 1 > MAX_DENSE_SPAN) {
      this.outliers ??= new Map();
      this.outliers.set(day, (this.outliers.get(day) ?? 0) + count);
      return;
    }
    // grow towards the new day by at least the current length (amortised), within the limit
    const grown = Math.min(MAX_DENSE_SPAN, Math.max(high - low + 1, dense.length * 2));
    const first = day < this.first ? Math.max(high - grown + 1, low - dense.length) : low;
    const next = new Int32Array(grown);
    next.set(dense, this.first - first);
    this.first = first;
    this.dense = next;
    next[day - first] = (next[day - first] as number) + count;
  }
}
