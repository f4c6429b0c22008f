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
/** `low` and `high` before any day is added: beyond every day number, and small integers (V8's fast fields). */
const NO_LOW = 0x3fff_ffff;
const NO_HIGH = -0x3fff_ffff;

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
  /**
   * `cumulative[i]` = counts of `dense` up to index i, for i from `low` to `high` (below `low`: 0;
   * above `high`: as at `high`); kept allocated and recomputed when stale.
   */
  private cumulative: Float64Array | undefined;
  private stale = true;
  /** The lowest and highest day added to `dense` since the last `clear` (no day: low > high). */
  private low = NO_LOW;
  private high = NO_HIGH;
  /** False when nothing was added since the last `clear` (a cleared histogram is visited for free). */
  private touched = false;

  /** Adds `count` (default 1) on day `day` (an integer day number). */
  add(day: number, count = 1): void {
    const dense = this.dense;
    const index = day - this.first;
    if (dense !== undefined && index >= 0 && index < dense.length) {
      dense[index] = (dense[index] as number) + count;
      if (day < this.low) this.low = day;
      if (day > this.high) this.high = day;
    } else this.addOutside(day, count);
    this.stale = true;
    this.touched = true;
  }

  /** How many were counted on or before `day`. */
  upTo(day: number): number {
    let total = 0;
    if (this.outliers !== undefined) for (const [at, count] of this.outliers) if (at <= day) total += count;
    const dense = this.dense;
    if (dense === undefined || day < this.low) return total;
    const cumulative = this.stale ? this.accumulate(dense) : (this.cumulative as Float64Array);
    return total + (cumulative[Math.min(day, this.high) - this.first] as number);
  }

  /** Calls `visit` for every day with a non-zero count, in increasing day order for the dense span. */
  forEach(visit: (day: number, count: number) => void): void {
    if (!this.touched) return;
    const dense = this.dense;
    if (dense !== undefined) {
      for (let index = this.low - this.first, last = this.high - this.first; index <= last; index++) {
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
    if (this.low <= this.high) this.dense?.fill(0, this.low - this.first, this.high - this.first + 1);
    this.low = NO_LOW;
    this.high = NO_HIGH;
    this.outliers = undefined;
    this.stale = true;
  }

  /** A copy: the same counts, changed independently from now on. */
  copy(): DateCounts {
    const copy = new DateCounts();
    copy.first = this.first;
    copy.dense = this.dense?.slice();
    copy.outliers = this.outliers === undefined ? undefined : new Map(this.outliers);
    copy.cumulative = this.cumulative?.slice();
    copy.stale = this.stale;
    copy.low = this.low;
    copy.high = this.high;
    copy.touched = this.touched;
    return copy;
  }

  /** Adds every count of `from` (tallies of two shards merge into the tally of both). */
  merge(from: DateCounts): void {
    from.forEach((day, count) => { this.add(day, count); });
  }

  private accumulate(dense: Int32Array): Float64Array {
    let cumulative = this.cumulative;
    if (cumulative === undefined || cumulative.length !== dense.length) this.cumulative = cumulative = new Float64Array(dense.length);
    let running = 0;
    for (let index = this.low - this.first, last = this.high - this.first; index <= last; index++) {
      running += dense[index] as number;
      cumulative[index] = running;
    }
    this.stale = false;
    return cumulative;
  }

  private addOutside(day: number, count: number): void {
    const dense = this.dense;
    if (dense === undefined) {
      const created = new Int32Array(FIRST_SPAN);
      this.first = day - (FIRST_SPAN >> 2);
      created[day - this.first] = count;
      this.dense = created;
      this.low = this.high = day;
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
    if (day < this.low) this.low = day;
    if (day > this.high) this.high = day;
  }
}
