/**
 * The random numbers of a simulation: pure-rand's xoroshiro128+ (the generator of fast-check),
 * one stream per run, each `jump()`ed 2^64 draws past the one before, so run `r` draws the same
 * numbers whichever chunk or worker computes it. Draws are integers and 53-bit doubles; the only
 * floating-point functions are `Math.log`, `Math.sqrt` and `Math.pow` in the beta draws (V8's own
 * implementations, the same on every machine), and money never comes from them.
 *
 * @module
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/** A stream of random numbers (pure-rand's mutable generator). */
export type Stream = JumpableRandomGenerator;

/**
 * The streams of runs `first`, `first + 1`, ... of a seed: call `next()` for each run in order.
 *
 * @example
 * const streams = runStreams(42, 0);
 * const run0 = streams.next();
 * const run1 = streams.next();
 */
export function runStreams(seed: number, first: number): { next(): Stream } {
  const cursor = xoroshiro128plus(seed);
  for (let k = 0; k < first; k++) cursor.jump();
  return {
    next(): Stream {
      const stream = cursor.clone();
      cursor.jump();
      return stream;
    },
  };
}

/**
 * A whole number drawn uniformly from `[from, to]`, both inclusive.
 *
 * @example
 * wholeBetween(stream, 0, 90);
 */
export function wholeBetween(stream: Stream, from: number, to: number): number {
  return from === to ? from : uniformInt(stream, from, to);
}

/**
 * A double in [0, 1), a multiple of 2^-53.
 *
 * @example
 * if (unit(stream) < 0.6) placed();
 */
export function unit(stream: Stream): number {
  return uniformFloat64(stream);
}

/**
 * True with probability `p` (no draw when `p` is 0 or 1, so certain outcomes cost nothing).
 *
 * @example
 * bernoulli(stream, 0.6);
 */
export function bernoulli(stream: Stream, p: number): boolean {
  if (p <= 0) return false;
  if (p >= 1) return true;
  return uniformFloat64(stream) < p;
}

/** A standard normal draw (Marsaglia's polar method). */
function normal(stream: Stream): number {
  for (;;) {
    const u = 2 * uniformFloat64(stream) - 1;
    const v = 2 * uniformFloat64(stream) - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** A Gamma(shape, 1) draw (Marsaglia and Tsang, 2000; shape below 1 boosted by U^(1/shape)). */
function gamma(stream: Stream, shape: number): number {
  if (shape < 1) return gamma(stream, shape + 1) * Math.pow(1 - uniformFloat64(stream), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(stream);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - uniformFloat64(stream);
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A Beta(alpha, beta) draw, as X / (X + Y) of two gamma draws.
 *
 * @example
 * betaDraw(stream, 60, 40); // near 0.6
 */
export function betaDraw(stream: Stream, alpha: number, beta: number): number {
  const x = gamma(stream, alpha);
  const y = gamma(stream, beta);
  return x + y === 0 ? (alpha >= beta ? 1 : 0) : x / (x + y);
}
