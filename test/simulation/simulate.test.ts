/**
 * simulate: certain outcomes give what settling the same records by hand gives, exactly, per
 * tranche and payer; the mean of a rate card is within three standard errors of its expectation;
 * the same seed gives the same bytes; chunks merged equal one run. Contract fixtures are the
 * region-sud example, changed in as few places as possible.
 */
import { describe, expect, it } from 'vitest';
import { settle } from '../../src/settlement/index.js';
import { summarize, type SimulationSamples } from '../../src/simulation/index.js';
import { mergeSamples } from '../../src/simulation/simulate.js';
import { tinyContract } from './tiny-contract.js';
import { certainAssumptions, certainRecords, expectSettlementOf, regionSud, regionSudAssumptions, samplesOf, expectChunksMerge, distinct, rateCardContract, rateCardAssumptions } from './region-sud-fixtures.js';

describe('simulate', () => {
  it('with probabilities 0 and 1 and fixed timings, equals settling the corresponding records, per tranche and payer', () => {
    const contract = regionSud();
    // the assumptions and records of certain-region-sud.ts: two participants a cohort
    const settled = settle(contract, certainRecords(2, 2), { asOf: '2028-12-31' });
    if (!settled.ok) throw new Error(JSON.stringify(settled.issues));
    expectSettlementOf(summarize(samplesOf(contract, certainAssumptions(2, 2), { runs: 3, seed: 5 })), settled.value);
    // and the figures are not zero: placement, 6-month retention and wage are paid
    expect(Number(settled.value.totals.earned)).toBeGreaterThan(0);
  });

  it('a rate card (p = 0.6, n = 1,000, price 1000.00) drawn participant by participant has a mean within 3 standard errors of 600000.00', () => {
    const contract = rateCardContract();
    const assumptions = rateCardAssumptions();
    const runs = 1000;
    const summary = summarize(samplesOf(contract, assumptions, { runs, seed: 20240617, path: 'participants' }));
    // each run pays 1000.00 × Binomial(1000, 0.6): mean 600000.00, sd 1000 × √(1000 × 0.6 × 0.4) = 15491.93;
    // the standard error of the mean of 1,000 runs is 15491.93 / √1000 = 489.90, three of them 1469.70
    expect(Math.abs(Number(summary.total.mean) - 600000)).toBeLessThanOrEqual(1469.7);
    // the sample sd is near the binomial one (within 10 %: its own standard error is about 2.2 %)
    expect(Math.abs(Number(summary.total.sd) - 15491.93)).toBeLessThan(1549.2);
    // every amount is a whole number of placements at 1000.00
    expect(summary.total.p50).toMatch(/^\d+000\.00$/);
  }, 120_000);

  it('the same seed gives byte-identical results; another seed other results', () => {
    const once = JSON.stringify(summarize(samplesOf(regionSud(), regionSudAssumptions(), { runs: 20, seed: 7 })));
    const again = JSON.stringify(summarize(samplesOf(regionSud(), regionSudAssumptions(), { runs: 20, seed: 7 })));
    const other = JSON.stringify(summarize(samplesOf(regionSud(), regionSudAssumptions(), { runs: 20, seed: 8 })));
    expect(again).toBe(once);
    expect(other).not.toBe(once);
  });

  it('chunks merged equal one run of all of them, byte for byte', () => {
    const whole = samplesOf(regionSud(), regionSudAssumptions(), { runs: 12, seed: 3 });
    const chunks = [
      samplesOf(regionSud(), regionSudAssumptions(), { runs: 5, seed: 3 }),
      samplesOf(regionSud(), regionSudAssumptions(), { runs: 1, seed: 3, firstRun: 5 }),
      samplesOf(regionSud(), regionSudAssumptions(), { runs: 6, seed: 3, firstRun: 6 }),
    ];
    const merged = mergeSamples(chunks);
    const text = (samples: SimulationSamples): string => JSON.stringify({ samples, summary: summarize(samples) });
    expect(text(merged)).toBe(text(whole));
    expect(() => mergeSamples([chunks[0] as SimulationSamples, chunks[2] as SimulationSamples])).toThrow(/consecutive chunks/);
  });

  it('chunks merged equal one run of all of them, byte for byte: cash flow, caps binding, reinvestment and cost per outcome too', () => {
    // the tiny contract under uncertain assumptions, so that runs differ in every figure
    const assumptions = {
      schemaVersion: '1.0',
      cohorts: { A: { size: 3 }, B: { size: 3 } },
      daysToExit: 30,
      outcomes: { placement: { probability: { beta: { alpha: 2, beta: 2 } }, days: { uniform: { min: 0, max: 60 } } }, ret3: { probability: 0.5 } },
    };
    const whole = expectChunksMerge(tinyContract, assumptions);
    // the figures vary from run to run: a merge that mixed runs up would show
    expect([whole.reinvested[0], whole.achieved[0], whole.achieved[1], whole.capBound[0], whole.capBound[3]].map((values) => distinct(values ?? []) > 1)).toEqual([true, true, true, true, true]);
  });
});

describe('simulate, retentions in weeks and months', () => {
  it('orders a job\'s retentions by their end from its own start, whatever their units: 26 weeks before 6 months from 2023-03-01', () => {
    // From 2023-03-01: 26 weeks = + 182 days = 2023-08-30, 6 months = 2023-09-01 (both excluded):
    // the 26-week period ends first. With 26 weeks certain and 6 months impossible, each job is
    // kept to 2023-08-29 (the 26-week period's last day) and left: 26 weeks achieved, 6 months
    // failed (out of work on 2023-08-30, no gap allowed). 2 participants × 1000.00 = 2000.00 in
    // every run. Ordered by count instead (6 < 26), the impossible 6 months would come first and
    // no retention would be kept: 0.00.
    const contract = {
      schemaVersion: '2.0', id: 'weeks-months', name: 'Weeks and months', currency: 'GBP', rounding: 'half-even',
      period: { start: '2023-01-01', end: '2025-12-31' },
      parties: { payers: [{ id: 'dwp', name: 'DWP', share: '1' }], provider: { id: 'provider', name: 'Provider' } },
      cohorts: [{ id: 'A', enrolmentStart: '2023-03-01', enrolmentEnd: '2023-03-01', targetSize: 2 }],
      outcomes: [
        { kind: 'placement', id: 'job', name: 'Job', window: { from: 'enrolment', days: 30 }, contractTypes: 'any' },
        { kind: 'retention', id: 'ret-6m', name: '6 months', placementOutcome: 'job', months: 6, measure: { kind: 'continuous', allowedGapDays: 0 }, endBoundary: 'exclusive' },
        { kind: 'retention', id: 'ret-26w', name: '26 weeks', placementOutcome: 'job', weeks: 26, measure: { kind: 'continuous', allowedGapDays: 0 }, endBoundary: 'exclusive' },
      ],
      rules: [
        { kind: 'rateCard', id: 'pay-6m', name: '6 months', outcome: 'ret-6m', price: '500.00', groupPricing: { kind: 'flat' }, prerequisites: [] },
        { kind: 'rateCard', id: 'pay-26w', name: '26 weeks', outcome: 'ret-26w', price: '1000.00', groupPricing: { kind: 'flat' }, prerequisites: [] },
      ],
      tranches: [{ id: 'T1', name: 'T1', rules: ['pay-6m', 'pay-26w'], cohorts: ['A'], measuredOn: '2024-12-31', dueOn: '2025-01-31' }],
    };
    const assumptions = {
      schemaVersion: '1.0',
      daysToExit: 0,
      outcomes: { job: { probability: 1, days: 0 }, 'ret-6m': { probability: 0 }, 'ret-26w': { probability: 1 } },
    };
    const summary = summarize(samplesOf(contract, assumptions, { runs: 3, seed: 7 }));
    expect([summary.total.min, summary.total.max]).toEqual(['2000.00', '2000.00']);
  });
});
