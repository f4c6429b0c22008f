import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/contract/schema.js';
import { parseAmount, type Amount } from '../../src/money/index.js';
import type { CompiledWageThreshold } from '../../src/outcomes/compiled-form.js';
import { passes } from '../../src/outcomes/wage.js';
import { decimalString } from '../money/arbitraries.js';
import { placement, record, resolveText } from './helpers.js';

type Wage = Extract<Outcome, { kind: 'wageProgression' }>;
function wage(extra: Partial<Wage> = {}): Wage {
  return {
    kind: 'wageProgression',
    id: 'wage',
    name: 'Wage +10% at 6 months',
    placementOutcome: 'placement',
    months: 6,
    baseline: 'preProgramme',
    threshold: { kind: 'percent', percent: '10' },
    ...extra,
  };
}

describe('wage progression', () => {
  // Placement 2023-08-31; W = addMonths(2023-08-31, 6) = 2024-02-29.
  const spells = [{ start: '2023-08-31' }];

  it('passes an exact 10 % rise (1650 vs 1500) and fails just below it', () => {
    const rec = record({ enrolledOn: '2023-08-01', baselineWage: '1500', spells, wages: [['2024-02-29', '1650']] });
    expect(resolveText([placement(), wage()], rec, '2024-12-31')[1]).toEqual({ status: 'achieved', on: '2024-02-29', anchor: '2023-08-31', reason: 'WAGE_ROSE' });
    const below = record({ enrolledOn: '2023-08-01', baselineWage: '1500', spells, wages: [['2024-02-29', '1649.99']] });
    expect(resolveText([placement(), wage()], below, '2024-12-31')[1]).toEqual({ status: 'failed', on: '2024-02-29', anchor: '2023-08-31', reason: 'WAGE_BELOW_THRESHOLD' });
  });

  it('is pending before W, and uses the latest observation in [P, W]', () => {
    const rec = record({
      enrolledOn: '2023-08-01', baselineWage: '1500', spells,
      wages: [['2023-12-01', '1700'], ['2024-02-01', '1600'], ['2024-03-01', '2000']],
    });
    expect(resolveText([placement(), wage()], rec, '2024-02-28')[1]).toEqual({ status: 'pending', anchor: '2023-08-31', reason: 'AWAITING_MEASURE_DATE' });
    // Latest in [2023-08-31, 2024-02-29] is 1600 on 2024-02-01 (< 1650): failed; the 2024-03-01 raise is too late.
    expect(resolveText([placement(), wage()], rec, '2024-12-31')[1]?.reason).toBe('WAGE_BELOW_THRESHOLD');
  });

  it('falls back to the wage of a spell covering W, else fails with NO_WAGE_DATA', () => {
    const covered = record({ enrolledOn: '2023-08-01', baselineWage: '1500', spells: [{ start: '2023-08-31', wage: '1800' }] });
    expect(resolveText([placement(), wage()], covered, '2024-12-31')[1]?.reason).toBe('WAGE_ROSE');
    const none = record({ enrolledOn: '2023-08-01', baselineWage: '1500', spells: [{ start: '2023-08-31', end: '2024-01-31', wage: '1800' }] });
    expect(resolveText([placement(), wage()], none, '2024-12-31')[1]).toEqual({ status: 'failed', on: '2024-02-29', anchor: '2023-08-31', reason: 'NO_WAGE_DATA' });
  });

  it('fails with NO_BASELINE when the pre-programme wage is missing', () => {
    const rec = record({ enrolledOn: '2023-08-01', spells, wages: [['2024-02-29', '1650']] });
    expect(resolveText([placement(), wage()], rec, '2024-12-31')[1]).toEqual({ status: 'failed', on: '2024-02-29', anchor: '2023-08-31', reason: 'NO_BASELINE' });
  });

  it('with a placement baseline, uses the placing spell wage, else the first observation within 31 days', () => {
    const o = [placement(), wage({ baseline: 'placement', threshold: { kind: 'amount', amount: '100' } })];
    const fromSpell = record({ enrolledOn: '2023-08-01', spells: [{ start: '2023-08-31', wage: '1500' }], wages: [['2024-02-29', '1600']] });
    expect(resolveText(o, fromSpell, '2024-12-31')[1]?.reason).toBe('WAGE_ROSE'); // 1600 - 1500 = 100 >= 100
    // P + 31 = 2023-10-01; observation 2023-10-01 is the baseline (1550): 1600 - 1550 = 50 < 100.
    const fromObs = record({ enrolledOn: '2023-08-01', spells, wages: [['2023-10-01', '1550'], ['2024-02-29', '1600']] });
    expect(resolveText(o, fromObs, '2024-12-31')[1]?.reason).toBe('WAGE_BELOW_THRESHOLD');
    // An observation on 2023-10-02 is too late to be a baseline.
    const late = record({ enrolledOn: '2023-08-01', spells, wages: [['2023-10-02', '1550'], ['2024-02-29', '1600']] });
    expect(resolveText(o, late, '2024-12-31')[1]).toEqual({ status: 'failed', on: '2024-02-29', anchor: '2023-08-31', reason: 'NO_BASELINE' });
  });

  it('at 0 months waits for the baseline observation window (W = P)', () => {
    // W = P = 2023-08-31; no spell wage; baseline window [2023-08-31, 2023-10-01]; observation on 2023-09-10.
    const o = [placement(), wage({ months: 0, baseline: 'placement', threshold: { kind: 'amount', amount: '0' } })];
    const rec = record({ enrolledOn: '2023-08-01', spells: [{ start: '2023-08-31' }], wages: [['2023-08-31', '1500'], ['2023-09-10', '1400']] });
    // Earliest observation in window: 2023-08-31 (1500), decided on W.
    expect(resolveText(o, rec, '2023-12-31')[1]).toEqual({ status: 'achieved', on: '2023-08-31', anchor: '2023-08-31', reason: 'WAGE_ROSE' });
    const noObs = record({ enrolledOn: '2023-08-01', spells: [{ start: '2023-08-31' }] });
    expect(resolveText(o, noObs, '2023-10-01')[1]).toEqual({ status: 'pending', anchor: '2023-08-31', reason: 'AWAITING_BASELINE' });
    // Window closes empty: failed the day after its last day, 2023-10-02.
    expect(resolveText(o, noObs, '2023-12-31')[1]).toEqual({ status: 'failed', on: '2023-10-02', anchor: '2023-08-31', reason: 'NO_BASELINE' });
  });

  it('a zero baseline with a percent threshold passes iff the wage is positive', () => {
    const pos = record({ enrolledOn: '2023-08-01', baselineWage: '0', spells, wages: [['2024-02-01', '0.01']] });
    expect(resolveText([placement(), wage()], pos, '2024-12-31')[1]?.reason).toBe('WAGE_ROSE');
    const zero = record({ enrolledOn: '2023-08-01', baselineWage: '0', spells, wages: [['2024-02-01', '0']] });
    expect(resolveText([placement(), wage()], zero, '2024-12-31')[1]?.reason).toBe('WAGE_BELOW_THRESHOLD');
  });
});

describe('passes', () => {
  /** The threshold test in decimal arithmetic only: the definition. */
  function reference(wage: Amount, base: Amount, threshold: CompiledWageThreshold): boolean {
    if (threshold.kind === 'amount') return wage.minus(base).gte(threshold.amount);
    if (base.isZero()) return wage.gt(0);
    return wage.minus(base).times(100).gte(base.times(threshold.percent));
  }

  it('compares in hundredths exactly at the boundary: 1320 is +10 % of 1200, 1319.99 is not', () => {
    const ten: CompiledWageThreshold = { kind: 'percent', percent: parseAmount('10') };
    // (132000 − 120000) × 10,000 = 120,000,000 = 120000 × 1000: equal, so it passes
    expect(passes(parseAmount('1320'), parseAmount('1200'), ten)).toBe(true);
    expect(passes(parseAmount('1319.99'), parseAmount('1200'), ten)).toBe(false);
    // 12.5 % of 1000.01 is 125.00125: 1125.01 is short of it by 0.00125, 1125.02 is over
    const twelveAndHalf: CompiledWageThreshold = { kind: 'percent', percent: parseAmount('12.5') };
    expect(passes(parseAmount('1125.01'), parseAmount('1000.01'), twelveAndHalf)).toBe(false);
    expect(passes(parseAmount('1125.02'), parseAmount('1000.01'), twelveAndHalf)).toBe(true);
    const rise: CompiledWageThreshold = { kind: 'amount', amount: parseAmount('150.50') };
    expect(passes(parseAmount('1650.50'), parseAmount('1500'), rise)).toBe(true);
    expect(passes(parseAmount('1650.49'), parseAmount('1500'), rise)).toBe(false);
  });

  it('gives the answer of decimal arithmetic for any amounts, in or out of the integer range', () => {
    const amount = fc.oneof(
      decimalString({ maxScale: 2, min: 0n, max: 10n ** 9n }), // whole hundredths: the integer path
      decimalString({ maxScale: 5, min: 0n, max: 10n ** 14n }), // any: more places, or too large
    ).map((text) => parseAmount(text));
    const threshold: fc.Arbitrary<CompiledWageThreshold> = fc.oneof(
      decimalString({ maxScale: 3, min: 0n, max: 10n ** 8n }).map((text) => ({ kind: 'percent' as const, percent: parseAmount(text) })),
      decimalString({ maxScale: 3, min: -(10n ** 8n), max: 10n ** 8n }).map((text) => ({ kind: 'amount' as const, amount: parseAmount(text) })),
    );
    fc.assert(
      fc.property(amount, amount, threshold, fc.boolean(), (wage, base, t, near) => {
        // near the boundary too: a wage exactly at base + threshold, or one hundredth over it
        const over = wage.isZero() ? 0 : '0.01';
        const boundary = t.kind === 'amount' ? base.plus(t.amount) : base.times(t.percent.plus(100)).dividedBy(100);
        const w = near ? boundary.plus(over) : wage;
        expect(passes(w, base, t)).toBe(reference(w, base, t));
      }),
      { numRuns: 3000 },
    );
  });
});
