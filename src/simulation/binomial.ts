/**
 * Binomial and multinomial draws for the count path, by exact inversion: one uniform draw per
 * block of at most {@link BLOCK} trials, compared with the cumulative probabilities built from
 * the recurrence P(k + 1) = P(k) × (n − k) / (k + 1) × p / q. Only +, −, × and ÷ on doubles (no
 * `Math.log`, `Math.exp` or `Math.pow`, whose last bits may differ between engines and versions),
 * so a seed gives the same counts on every machine. Cost: about n × min(p, 1 − p) steps, a few
 * microseconds for n of a few thousand.
 *
 * @module
 */
import { unit, type Stream } from './random.js';

/**
 * Trials per inversion: q^512 ≥ 2^−512 for q ≥ 1/2 stays far from the doubles' underflow, so the
 * starting probability of every block is a normal double.
 */
const BLOCK = 512;

/** q^n by squaring (multiplications only). */
function power(q: number, n: number): number {
  let result = 1;
  let base = q;
  let e = n;
  while (e > 0) {
    if ((e & 1) === 1) result *= base;
    base *= base;
    e >>>= 1;
  }
  return result;
}

/** Bin(n, p) for 0 < p ≤ 1/2 and n ≤ BLOCK, by inversion from 0. */
function invert(stream: Stream, n: number, p: number): number {
  const q = 1 - p;
  const ratio = p / q;
  let f = power(q, n);
  let cumulative = f;
  const u = unit(stream);
  let k = 0;
  while (u >= cumulative && k < n) {
    f *= (ratio * (n - k)) / (k + 1);
    k++;
    cumulative += f;
  }
  return k;
}

/**
 * A draw from Bin(n, p): the number of successes in `n` independent trials of probability `p`.
 * No draw when `n` is 0 or `p` is 0 or 1.
 *
 * @example
 * binomial(stream, 1000, 0.6); // near 600
 */
export function binomial(stream: Stream, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const flip = p > 0.5;
  const small = flip ? 1 - p : p;
  let successes = 0;
  for (let left = n; left > 0; left -= BLOCK) successes += invert(stream, Math.min(left, BLOCK), small);
  return flip ? n - successes : successes;
}

/**
 * Splits `n` trials over cells by sequential conditional binomials: cell i gets
 * Bin(n left, conditional[i]), where conditional[i] is the cell's probability divided by that of
 * the cells from i on (1 for the last). Stops drawing once nothing is left.
 *
 * @example
 * multinomial(stream, 100, [0.5, 0.6, 1]); // counts of three cells of probability 0.5, 0.3, 0.2
 */
export function multinomial(stream: Stream, n: number, conditional: readonly number[]): number[] {
  return splitInOrder(stream, n, conditional, binomial);
}

/** Splits `n` cell by cell: each cell gets `split(what is left, its conditional share)`. */
function splitInOrder(stream: Stream, n: number, conditional: readonly number[], split: (stream: Stream, n: number, p: number) => number): number[] {
  const counts = new Array<number>(conditional.length).fill(0);
  let left = n;
  for (let i = 0; i < conditional.length && left > 0; i++) {
    const k = split(stream, left, conditional[i] as number);
    counts[i] = k;
    left -= k;
  }
  return counts;
}

/**
 * The conditional probabilities {@link multinomial} takes, from the cells' probabilities: each
 * divided by the sum of those from it on (summed from the last, in one fixed order).
 *
 * @example
 * conditionalShares([0.5, 0.3, 0.2]); // [0.5, 0.6, 1]
 */
export function conditionalShares(probabilities: readonly number[]): number[] {
  const shares = new Array<number>(probabilities.length).fill(1);
  let rest = 0;
  for (let i = probabilities.length - 1; i >= 0; i--) {
    const p = probabilities[i] as number;
    rest += p;
    shares[i] = i === probabilities.length - 1 ? 1 : p <= 0 ? 0 : Math.min(1, p / rest);
  }
  return shares;
}

/**
 * How a run splits participants: drawn ({@link binomial}, {@link multinomial}) or at their
 * expected counts ({@link expectedCounts}).
 */
export interface CountDraws {
  readonly binomial: (stream: Stream, n: number, p: number) => number;
  readonly multinomial: (stream: Stream, n: number, conditional: readonly number[]) => number[];
}

/**
 * The random draws of a run: Bin(n, p) and the multinomial by sequential conditional binomials.
 *
 * @example
 * randomCounts.binomial(stream, 1000, 0.6); // near 600
 */
export const randomCounts: CountDraws = { binomial, multinomial };

/** n × p rounded to a whole participant (half up), never drawn: the stream is not read. */
function expectedBinomial(_stream: Stream, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  return Math.min(n, Math.round(n * p));
}

/**
 * Expected counts, no randomness: each split at n × p rounded to a whole participant (half up),
 * a multinomial cell by cell in the order it is drawn (each cell the rounded expectation of what
 * is left), so the counts add up to n. The stream is never read.
 *
 * @example
 * expectedCounts.binomial(stream, 1000, 0.6); // 600
 * expectedCounts.multinomial(stream, 10, [0.5, 0.6, 1]); // [5, 3, 2]
 */
export const expectedCounts: CountDraws = {
  binomial: expectedBinomial,
  multinomial: (stream: Stream, n: number, conditional: readonly number[]): number[] => splitInOrder(stream, n, conditional, expectedBinomial),
};
