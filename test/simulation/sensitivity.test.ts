/**
 * Scenarios and the tornado table on common random numbers: a probability no rule reads changes
 * nothing, exactly; a rate card costs no less when a probability goes up (property); certain
 * outcomes give the hand-worked n × p × price whatever the seed; beta quantiles against closed
 * forms.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaQuantile } from '../../src/simulation/beta-quantile.js';
import { scenarioAssumptions } from '../../src/simulation/scenarios.js';
import { scenarios, tornado } from '../../src/simulation/sensitivity.js';
import { expectedSchedule, summarize, type Assumptions } from '../../src/simulation/index.js';
import { rateCardContract, regionSud, regionSudAssumptions } from './region-sud-fixtures.js';
import { expectedCounts } from '../../src/simulation/binomial.js';

/** The rate card (placement at 1000.00, one cohort of 1,000) with two outcomes no rule pays: a milestone and a wage progression. */
function rateCardWithUnpaidOutcomes(): ReturnType<typeof rateCardContract> {
  const contract = rateCardContract();
  const all = regionSud().outcomes;
  contract.outcomes = all.filter((outcome) => ['training', 'placement', 'wage-10pc'].includes(outcome['id'] as string));
  return contract;
}

const assumptionsWith = (placement: number, extra = {}): Assumptions => ({ schemaVersion: '1.0', daysToExit: 30, outcomes: { placement: { probability: placement }, ...extra } });

describe('betaQuantile', () => {
  it('matches closed forms: Beta(1, 1) is uniform, Beta(2, 1) has CDF x², Beta(1, 2) has CDF 1 − (1 − x)²', () => {
    expect(betaQuantile(0.1, 1, 1)).toBe(0.1);
    expect(betaQuantile(0.9, 1, 1)).toBe(0.9);
    // √0.1 = 0.316227766...
    expect(betaQuantile(0.1, 2, 1)).toBe(0.316228);
    // 1 − √0.1 = 0.683772233...
    expect(betaQuantile(0.9, 1, 2)).toBe(0.683772);
    // symmetric: the median of Beta(55, 55) is 0.5
    expect(betaQuantile(0.5, 55, 55)).toBe(0.5);
  });
});

describe('scenarioAssumptions', () => {
  it('fixes every probability: central at the mean, pessimistic and optimistic a step away or at the 10th and 90th percentiles, timing at the slow and fast ends', () => {
    const assumptions = {
      schemaVersion: '1.0',
      daysToExit: { uniform: { min: 90, max: 150 } },
      outcomes: { placement: { probability: { beta: { alpha: 1, beta: 1 } }, days: { uniform: { min: 5, max: 170 } } }, 'retention-6m': { probability: 0.75 } },
    } as Assumptions;
    const central = scenarioAssumptions(assumptions, 'central', 0.05);
    expect(central.outcomes).toEqual({ placement: { probability: 0.5, days: { uniform: { min: 5, max: 170 } } }, 'retention-6m': { probability: 0.75 } });
    const low = scenarioAssumptions(assumptions, 'pessimistic', 0.05);
    expect(low.outcomes).toEqual({ placement: { probability: 0.1, days: 170 }, 'retention-6m': { probability: 0.7 } });
    expect(low.daysToExit).toBe(150);
    const high = scenarioAssumptions(assumptions, 'optimistic', 0.05);
    expect(high.outcomes).toEqual({ placement: { probability: 0.9, days: 5 }, 'retention-6m': { probability: 0.8 } });
    expect(high.daysToExit).toBe(90);
  });
});

describe('tornado', () => {
  it('moving a probability that no rule reads changes the mean total by exactly zero (common random numbers)', () => {
    const contract = rateCardWithUnpaidOutcomes();
    const assumptions = assumptionsWith(0.6, { training: { probability: 0.8, days: 20 }, 'wage-10pc': { probability: 0.35 } });
    // the participant path (the default here): every participant's draws keep their order in every variant
    const table = tornado(contract, assumptions, { runs: 20, seed: 3, step: 0.1 });
    if (!table.ok) throw new Error(JSON.stringify(table.issues));
    const row = (name: string) => table.value.rows.find((candidate) => candidate.assumption === name);
    for (const name of ['outcomes.training.probability', 'outcomes.wage-10pc.probability', 'outcomes.training.days', 'daysToExit']) {
      expect(row(name)).toMatchObject({ down: '0.00', up: '0.00', swing: '0.00' });
    }
    // placement moves by 0.1 of 1,000 participants at 1000.00: about 100000.00 each way, and it tops the table
    expect(table.value.rows[0]?.assumption).toBe('outcomes.placement.probability');
    expect(Math.abs(Number(row('outcomes.placement.probability')?.up) - 100000)).toBeLessThan(15000);
    // the count path re-aligns the timing draws after a moved count: a small change, not zero (documented)
    const counted = tornado(contract, assumptions, { runs: 20, seed: 3, step: 0.1, path: 'auto' });
    if (!counted.ok) throw new Error(JSON.stringify(counted.issues));
    const training = counted.value.rows.find((candidate) => candidate.assumption === 'outcomes.training.probability');
    expect(Math.abs(Number(training?.swing))).toBeLessThan(5000);
  }, 120_000);

  it('a rate card never costs less when its probability goes up, nor more when it goes down (property, common random numbers)', () => {
    const contract = rateCardContract();
    contract.cohorts = [{ ...contract.cohorts[0], targetSize: 60 }];
    let paid = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 0xffff_ffff }), fc.integer({ min: 1, max: 20 }), (percent, seed, stepPercent) => {
        const table = tornado(contract, assumptionsWith(percent / 100), { runs: 4, seed, step: stepPercent / 100, path: 'auto' });
        fc.pre(table.ok);
        if (!table.ok) return;
        const row = table.value.rows.find((candidate) => candidate.assumption === 'outcomes.placement.probability');
        expect(row).toBeDefined();
        if (Number(row?.up) > 0) paid++;
        expect(Number(row?.up)).toBeGreaterThanOrEqual(0);
        expect(Number(row?.down)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 25, seed: 17 },
    );
    // the case is reached: moving the probability up pays more in most draws
    expect(paid).toBeGreaterThan(10);
  }, 120_000);
});

describe('scenarios', () => {
  it('with a certain placement (p = 1), the central scenario of a rate card is n × p × price = 1,000 × 1 × 1000.00 = 1000000.00 in every run, whatever the seed', () => {
    const outputs = [1, 99].map((seed) => {
      const results = scenarios(rateCardContract(), assumptionsWith(1), ['central'], { runs: 3, seed });
      if (!results.ok) throw new Error(JSON.stringify(results.issues));
      const [result] = results.value;
      if (result === undefined) throw new Error('no scenario');
      const total = summarize(result.samples).total;
      expect(total).toMatchObject({ mean: '1000000.00', sd: '0.00', p5: '1000000.00', p95: '1000000.00' });
      return total;
    });
    expect(JSON.stringify(outputs[0])).toBe(JSON.stringify(outputs[1]));
  });

  it('pessimistic ≤ central ≤ optimistic for a rate card, on common random numbers; a user scenario overrides the assumptions', () => {
    const results = scenarios(rateCardContract(), assumptionsWith(0.6), ['pessimistic', 'central', 'optimistic', 'certain'], { runs: 10, seed: 5, step: 0.1 }, { certain: { outcomes: { placement: { probability: 1 } } } });
    if (!results.ok) throw new Error(JSON.stringify(results.issues));
    const [pessimistic, central, optimistic, certain] = results.value.map((result) => Number(summarize(result.samples).total.mean));
    expect(results.value.map((result) => result.scenario)).toEqual(['pessimistic', 'central', 'optimistic', 'certain']);
    expect(pessimistic).toBeLessThanOrEqual(central ?? Number.NaN);
    expect(central).toBeLessThanOrEqual(optimistic ?? Number.NaN);
    expect(certain).toBe(1000000);
  }, 60_000);

  it('a user scenario the assumptions refuse is reported with its name', () => {
    const results = scenarios(rateCardContract(), assumptionsWith(0.6), ['broken'], { runs: 1, seed: 1 }, { broken: { outcomes: { placement: { probability: 2 } } } });
    expect(results.ok).toBe(false);
    if (!results.ok) expect(results.issues[0]).toMatchObject({ code: 'ASSUMPTIONS_INVALID', path: ['scenarios', 'broken', 'outcomes', 'placement', 'probability'] });
    const unknown = scenarios(rateCardContract(), assumptionsWith(0.6), ['rosy'], { runs: 1, seed: 1 });
    expect(unknown.ok ? [] : unknown.issues.map((problem) => problem.code)).toEqual(['SIMULATION_OPTIONS']);
  });
});

describe('expectedSchedule', () => {
  it('a rate card at its expected counts: n × p × price = 1,000 × 0.6 × 1000.00 = 600000.00 exactly, in one tranche due in July 2026', () => {
    const schedule = expectedSchedule(rateCardContract(), assumptionsWith(0.6));
    if (!schedule.ok) throw new Error(JSON.stringify(schedule.issues));
    const summary = summarize(schedule.value);
    expect(summary.runs).toBe(1);
    expect(summary.total).toMatchObject({ mean: '600000.00', sd: '0.00', p5: '600000.00', p95: '600000.00' });
    expect(summary.cashFlow.months.map((month) => [month.period, month.total.mean])).toEqual([['2026-07', '600000.00']]);
  });

  it('a beta probability at its mean: Beta(55, 45) places 1,000 × 0.55 = 550 participants, 550000.00; the same bytes however often it runs', () => {
    const assumptions = { schemaVersion: '1.0', daysToExit: 30, outcomes: { placement: { probability: { beta: { alpha: 55, beta: 45 } } } } };
    const first = expectedSchedule(rateCardContract(), assumptions);
    const second = expectedSchedule(rateCardContract(), assumptions);
    if (!first.ok || !second.ok) throw new Error('refused');
    expect(summarize(first.value).total.mean).toBe('550000.00');
    expect(JSON.stringify(summarize(second.value))).toBe(JSON.stringify(summarize(first.value)));
  });

  it('expected counts add up: a multinomial of 10 over 0.5, 0.3, 0.2 is 5, 3, 2; 7 × 0.5 rounds half up to 4', () => {
    const never = undefined as never; // the stream is never read
    expect(expectedCounts.multinomial(never, 10, [0.5, 0.6, 1])).toEqual([5, 3, 2]);
    expect(expectedCounts.binomial(never, 7, 0.5)).toBe(4);
    expect(expectedCounts.binomial(never, 7, 1)).toBe(7);
  });

  it('refuses a contract that needs each participant on their own, saying why', () => {
    const refused = expectedSchedule(regionSud(), regionSudAssumptions());
    expect(refused.ok ? [] : refused.issues.map((problem) => [problem.code, problem.message.includes('cap-participant')])).toEqual([['SIMULATION_OPTIONS', true]]);
  });
});
