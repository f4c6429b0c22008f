/**
 * The count path's binomial draws: edge cases exactly, and the mean and variance of many draws
 * within bounds from their standard errors, for small n, n across several blocks of 512 trials,
 * p above and below one half; the same seed gives the same draws.
 */
import { describe, expect, it } from 'vitest';
import { binomial, conditionalShares, multinomial } from '../../src/simulation/binomial.js';
import { runStreams } from '../../src/simulation/random.js';

describe('binomial', () => {
  it('draws nothing from no trials or probability 0, everything from probability 1', () => {
    const stream = runStreams(1, 0).next();
    expect([binomial(stream, 0, 0.5), binomial(stream, 10, 0), binomial(stream, 10, 1), binomial(stream, 3000, 1)]).toEqual([0, 0, 10, 3000]);
  });

  it.each([
    [5, 0.3],
    [40, 0.95],
    [700, 0.5],
    [2000, 0.7],
    [3000, 0.001],
  ])('Bin(%i, %f): mean and variance of 4,000 draws within 4 standard errors of np and np(1 − p)', (n, p) => {
    const stream = runStreams(2024, 0).next();
    const draws = Array.from({ length: 4000 }, () => binomial(stream, n, p));
    expect(draws.every((k) => Number.isInteger(k) && k >= 0 && k <= n)).toBe(true);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1);
    const sigma2 = n * p * (1 - p);
    // the mean's standard error is √(σ²/N); the sample variance's about σ² √(2/(N − 1)) (plus a kurtosis term, small here)
    expect(Math.abs(mean - n * p)).toBeLessThanOrEqual(4 * Math.sqrt(sigma2 / draws.length));
    expect(Math.abs(variance - sigma2)).toBeLessThanOrEqual(4 * sigma2 * Math.sqrt(2 / (draws.length - 1)) + 0.01);
  });

  it('Bin(3, 0.5) takes each value with its probability 1/8, 3/8, 3/8, 1/8 (8,000 draws, 4 standard errors)', () => {
    const tally = [0, 0, 0, 0];
    const again = runStreams(9, 0).next();
    for (let i = 0; i < 8000; i++) {
      const k = binomial(again, 3, 0.5);
      tally[k] = (tally[k] ?? 0) + 1;
    }
    [1 / 8, 3 / 8, 3 / 8, 1 / 8].forEach((q, k) => {
      expect(Math.abs((tally[k] ?? 0) / 8000 - q)).toBeLessThanOrEqual(4 * Math.sqrt((q * (1 - q)) / 8000));
    });
  });

  it('the same stream gives the same draws', () => {
    const a = runStreams(77, 3).next();
    const b = runStreams(77, 3).next();
    const draw = (stream: typeof a): number[] => [binomial(stream, 1000, 0.6), binomial(stream, 17, 0.2), binomial(stream, 4000, 0.45)];
    expect(draw(a)).toEqual(draw(b));
  });
});

describe('multinomial', () => {
  it('splits every trial over the cells, in proportion to their probabilities', () => {
    // cells 0.5, 0.3, 0.2: conditional shares 0.5, 0.3 / 0.5 = 0.6, 1
    expect(conditionalShares([0.5, 0.3, 0.2]).map((share) => share.toFixed(12))).toEqual(['0.500000000000', '0.600000000000', '1.000000000000']);
    expect(conditionalShares([0, 1, 0])).toEqual([0, 1, 1]);
    const stream = runStreams(5, 0).next();
    const totals = [0, 0, 0];
    for (let i = 0; i < 200; i++) {
      const split = multinomial(stream, 1000, conditionalShares([0.5, 0.3, 0.2]));
      expect(split.reduce((a, b) => a + b, 0)).toBe(1000);
      split.forEach((k, cell) => (totals[cell] = (totals[cell] ?? 0) + k));
    }
    // 200,000 trials: each share within 4 standard errors √(q(1 − q)/200000) ≤ 0.0045
    [0.5, 0.3, 0.2].forEach((q, cell) => { expect(Math.abs((totals[cell] ?? 0) / 200_000 - q)).toBeLessThanOrEqual(4 * Math.sqrt((q * (1 - q)) / 200_000)); });
  });
});
