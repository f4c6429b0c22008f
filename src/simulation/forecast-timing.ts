/**
 * The conditional draws of a forecast: an outcome not achieved by the as-of date, or a delay or a
 * job not over by then, drawn given what is known at that date (docs/simulation.md, "Forecast from
 * actual records"). Delays are whole days, fixed or uniform, as in the assumptions; probabilities
 * are doubles (never money), as in the rest of the simulation.
 *
 * @module
 */
import type { DaysDistribution } from './assumptions.js';
import { bernoulli, wholeBetween, type Stream } from './random.js';

/**
 * P(delay ≤ t), the delay being `min(d, cap)` with d from the distribution (`cap` undefined: no cap).
 *
 * @example
 * delayAtMost({ uniform: { min: 0, max: 9 } }, undefined, 4); // 0.5
 */
export function delayAtMost(distribution: DaysDistribution | undefined, cap: number | undefined, t: number): number {
  if (cap !== undefined && cap <= t) return 1;
  if (distribution === undefined) return t >= 0 ? 1 : 0;
  if (typeof distribution === 'number') return distribution <= t ? 1 : 0;
  const { min, max } = distribution.uniform;
  if (t < min) return 0;
  if (t >= max) return 1;
  return (t - min + 1) / (max - min + 1);
}

/**
 * A delay `min(d, cap)` drawn given that it is above `t` (call it only when that can happen:
 * {@link delayAtMost} below 1): d uniform over the part of its range above `t`.
 *
 * @example
 * delayAbove(stream, { uniform: { min: 0, max: 9 } }, undefined, 4); // 5 to 9
 */
export function delayAbove(stream: Stream, distribution: DaysDistribution | undefined, cap: number | undefined, t: number): number {
  let d: number;
  if (distribution === undefined) d = 0;
  else if (typeof distribution === 'number') d = distribution;
  else d = wholeBetween(stream, Math.max(distribution.uniform.min, t + 1), distribution.uniform.max);
  return cap === undefined ? d : Math.min(d, cap);
}

/**
 * The probability that an outcome not achieved `t` days after its anchor is achieved later:
 * P(achieved and delay > t) / (1 − P(achieved and delay ≤ t)), with P(achieved) = `p`; 0 when the
 * assumptions make it certain by then (the denominator is 0).
 *
 * @example
 * laterProbability(0.6, { uniform: { min: 0, max: 9 } }, undefined, 4); // 0.3 / 0.7
 */
export function laterProbability(p: number, distribution: DaysDistribution | undefined, cap: number | undefined, t: number): number {
  const by = delayAtMost(distribution, cap, t);
  const rest = 1 - p * by;
  return rest <= 0 ? 0 : (p * (1 - by)) / rest;
}

/**
 * Whether an outcome not achieved `t` days after its anchor is achieved later and, if so, its
 * delay from the anchor (above `t`); `undefined` when it is not.
 *
 * @example
 * drawLater(stream, 0.6, { uniform: { min: 0, max: 9 } }, undefined, 4); // undefined, or 5 to 9
 */
export function drawLater(stream: Stream, p: number, distribution: DaysDistribution | undefined, cap: number | undefined, t: number): number | undefined {
  return bernoulli(stream, laterProbability(p, distribution, cap, t)) ? delayAbove(stream, distribution, cap, t) : undefined;
}
