/**
 * The count path: which contracts take it, that it pays exactly what settling the same records
 * pays when nothing is uncertain, that it draws the same distribution as the participant path
 * (means and quantiles within bounds from their standard errors, fixed seeds), the rate card of
 * issue #17 over 20,000 runs, and chunks merged byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { settle } from '../../src/settlement/index.js';
import { simulate, summarize, type SimulationSamples } from '../../src/simulation/index.js';
import { mergeSamples } from '../../src/simulation/simulate.js';
import { tinyContract } from './tiny-contract.js';
import { certainAssumptions, certainRecords, expectSettlementOf, regionSud, regionSudAssumptions, samplesOf, expectChunksMerge, distinct, type ContractJson, type Json, rateCardContract, rateCardAssumptions } from './region-sud-fixtures.js';

/** Region-sud without its per-participant cap: every payment depends on counts only. */
function countable(): ContractJson {
  const contract = regionSud();
  contract.caps = contract.caps.filter((cap) => cap['kind'] !== 'participant');
  return contract;
}

/** The tiny contract without its reinvestment. */
function tinyWithoutReinvestment(): Json {
  return Object.fromEntries(Object.entries(tinyContract).filter(([key]) => key !== 'reinvestment'));
}

/**
 * Two runs of `contract` on each path, under certain assumptions: cohort A (2 participants)
 * enrolled 2024-01-10 and cohort B (2) 2024-04-10, all exiting 30 days after enrolment and placed
 * 10 days after their exit (A on 2024-02-19, B on 2024-05-20), none retained.
 */
function bothPaths(contract: Json): [string, SimulationSamples][] {
  const assumptions = {
    schemaVersion: '1.0',
    cohorts: { A: { size: 2, enrolment: { from: '2024-01-10', to: '2024-01-10' } }, B: { size: 2, enrolment: { from: '2024-04-10', to: '2024-04-10' } } },
    daysToExit: 30,
    outcomes: { placement: { probability: 1, days: 10 }, ret3: { probability: 0 } },
  };
  return (['auto', 'participants'] as const).map((path) => [path, samplesOf(contract, assumptions, { runs: 2, seed: 1, path })]);
}

describe('simulate: which path runs', () => {
  it('takes the count path only where no cap or rule needs each participant, says which and why, and can be made to draw participants', () => {
    const assumptions = regionSudAssumptions();
    const withCap = samplesOf(regionSud(), assumptions, { runs: 1, seed: 1 });
    expect([withCap.path, withCap.pathReason]).toEqual(['participants', 'cap cap-participant (participant) limits what each participant is paid']);
    const counted = samplesOf(countable(), assumptions, { runs: 1, seed: 1 });
    expect([counted.path, counted.pathReason]).toEqual(['count', '']);
    const forced = samplesOf(countable(), assumptions, { runs: 1, seed: 1, path: 'participants' });
    expect([forced.path, forced.pathReason]).toEqual(['participants', 'asked for (path: "participants")']);
    const summary = summarize(counted);
    expect([summary.path, summary.pathReason]).toEqual(['count', '']);
    // a share cap chooses the participants a rate card pays; sustainment pays each one's periods in work
    const share = countable();
    share.caps = [...share.caps, { kind: 'share', id: 'cap-share', rule: 'pay-placement', share: '0.5', rounding: 'down' }];
    expect(samplesOf(share, assumptions, { runs: 1, seed: 1 }).pathReason).toBe('cap cap-share (share) chooses the participants a rate card pays');
    const jobDays = { ...assumptions, jobDays: 400 };
    expect(samplesOf(countable(), jobDays, { runs: 1, seed: 1 }).pathReason).toBe('jobDays is given (how long each job lasts)');
    const bad = simulate(countable(), assumptions, { runs: 1, seed: 1, path: 'counts' as 'auto' });
    expect(bad.ok ? [] : bad.issues.map((issue) => [issue.code, issue.message])).toEqual([['SIMULATION_OPTIONS', 'options: path must be "auto" or "participants"']]);
  });
});

describe('simulate: the count path', () => {
  it('with probabilities 0 and 1 and fixed timings, equals settling the corresponding records, per tranche and payer', () => {
    const contract = countable();
    // the assumptions and records of certain-region-sud.ts: three participants in 2023-A, two in 2023-B
    const assumptions = certainAssumptions(3, 2);
    const settled = settle(contract, certainRecords(3, 2), { asOf: '2028-12-31' });
    if (!settled.ok) throw new Error(JSON.stringify(settled.issues));
    const samples = samplesOf(contract, assumptions, { runs: 3, seed: 5 });
    expect(samples.path).toBe('count');
    expectSettlementOf(summarize(samples), settled.value);
    // by hand, RSA prices × 1.25: placement 1200.00 → 1500.00 and retention-6m 800.00 → 1000.00,
    // both by t1 (2024-06-30) in both cohorts; the wage rise 500.00 (flat) at t2 for both
    // (2024-07-09 and 2025-01-09, after 2024-06-30 and by 2025-06-30); retention-12m failed
    expect(settled.value.totals.earned).toBe('15000.00'); // 5 × (1500.00 + 1000.00 + 500.00)
    // nobody achieving anything pays nothing, on the count path too
    const nothing = { ...assumptions, outcomes: { training: { probability: 0 }, placement: { probability: 0 }, 'retention-6m': { probability: 0 }, 'retention-12m': { probability: 0 }, 'wage-10pc': { probability: 0 } } };
    const none = samplesOf(contract, nothing, { runs: 2, seed: 5 });
    expect([none.path, summarize(none).total.max]).toEqual(['count', '0.00']);
  });

  it('an amended contract, priced by achievement or by enrolment, equals settling the corresponding records: an amendment\'s first day splits the periods', () => {
    // placement 1200.00 (RSA × 1.25, rounded up) renewed at 2400.00 from 2023-06-01 and 3000.00 from
    // 2023-12-15; 2023-A enrolled 2023-03-01 (base) and placed 2023-07-09 (renewal-1), 2023-B enrolled
    // 2023-09-01 (renewal-1) and placed 2024-01-09 (renewal-2): a class dated by the end of its
    // period without the amendments' days (2024-06-30, t1) would be priced by renewal-2 throughout
    for (const pricedBy of ['achievement', 'enrolment'] as const) {
      const contract = countable();
      contract['amendments'] = {
        pricedBy,
        versions: [
          { id: 'renewal-1', effectiveFrom: '2023-06-01', changes: { rules: [{ rule: 'pay-placement', price: '2400.00' }] } },
          { id: 'renewal-2', effectiveFrom: '2023-12-15', changes: { rules: [{ rule: 'pay-placement', price: '3000.00' }] } },
        ],
      };
      const settled = settle(contract, certainRecords(3, 2), { asOf: '2028-12-31' });
      if (!settled.ok) throw new Error(JSON.stringify(settled.issues));
      const samples = samplesOf(contract, certainAssumptions(3, 2), { runs: 3, seed: 5 });
      expect(samples.path).toBe('count');
      expectSettlementOf(summarize(samples), settled.value);
      // by hand: retention-6m 1000.00 and the wage rise 500.00 each as before; placement × 1.25:
      // by achievement 2023-A at renewal-1's 2400.00 → 3000.00, 2023-B at renewal-2's 3000.00 → 3750.00
      // (3 × 4500.00 + 2 × 5250.00 = 24000.00); by enrolment 2023-A at the base's 1200.00 → 1500.00,
      // 2023-B at renewal-1's 2400.00 → 3000.00 (3 × 3000.00 + 2 × 4500.00 = 18000.00)
      expect(settled.value.totals.earned).toBe(pricedBy === 'achievement' ? '24000.00' : '18000.00');
    }
  });

  it('draws the same distribution as the participant path (region-sud without its per-participant cap): means and quantiles within 4 standard errors', () => {
    const contract = countable();
    const assumptions = regionSudAssumptions();
    const counted = samplesOf(contract, assumptions, { runs: 1500, seed: 11 });
    const drawn = samplesOf(contract, assumptions, { runs: 300, seed: 12, path: 'participants' });
    expect([counted.path, drawn.path]).toEqual(['count', 'participants']);
    const series = (samples: SimulationSamples): [string, number[]][] => [
      ['total', samples.total.map(Number)],
      ...samples.tranches.map((tranche, slot): [string, number[]] => [tranche, (samples.trancheEarned[slot] ?? []).map(Number)]),
      ...samples.outcomes.map((outcome, k): [string, number[]] => [`achieved ${outcome}`, samples.achieved[k] ?? []]),
    ];
    const left = series(counted);
    const right = series(drawn);
    const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = (xs: readonly number[]): number => xs.reduce((a, b) => a + (b - mean(xs)) ** 2, 0) / (xs.length - 1);
    const failures: string[] = [];
    left.forEach(([name, xs], k) => {
      const ys = (right[k] as [string, number[]])[1];
      // the difference of two independent means has standard error √(s²/n + t²/m)
      const se = Math.sqrt(variance(xs) / xs.length + variance(ys) / ys.length);
      if (Math.abs(mean(xs) - mean(ys)) > 4 * se + 1e-9) failures.push(`${name}: mean ${mean(xs)} vs ${mean(ys)}, se ${se}`);
      // quantiles: the count path's q-quantile x must have about q of the participant path's runs
      // at or below it; the share of runs at or below a value has standard error √(q(1 − q)/n),
      // here for both samples √(q(1 − q)(1/n + 1/m)); ties (whole placements) widen it by the
      // share of runs equal to x
      const sorted = [...xs].sort((a, b) => a - b);
      for (const q of [0.1, 0.25, 0.5, 0.75, 0.9]) {
        const x = sorted[Math.ceil(q * sorted.length) - 1] as number;
        const below = ys.filter((y) => y < x).length / ys.length;
        const atOrBelow = ys.filter((y) => y <= x).length / ys.length;
        const bound = 4 * Math.sqrt(q * (1 - q) * (1 / xs.length + 1 / ys.length));
        if (q < below - bound || q > atOrBelow + bound) failures.push(`${name}: q ${q} at ${x}, participant path ${below} to ${atOrBelow} below it (bound ${bound})`);
      }
    });
    expect(failures).toEqual([]);
    // and the totals vary from run to run (a path that drew one fixed programme would pass the means only by chance)
    expect(new Set(counted.total.map(String)).size).toBeGreaterThan(100);
  }, 240_000);

  it('a rate card (p = 0.6, n = 1,000, price 1000.00): the mean of 20,000 runs is within 3 standard errors of 600000.00', () => {
    const contract = rateCardContract();
    const assumptions = rateCardAssumptions();
    const samples = samplesOf(contract, assumptions, { runs: 20_000, seed: 20251205 });
    expect(samples.path).toBe('count');
    const summary = summarize(samples);
    // each run pays 1000.00 × Binomial(1000, 0.6): mean 600000.00, sd 1000 × √(1000 × 0.6 × 0.4) = 15491.93;
    // the standard error of the mean of 20,000 runs is 15491.93 / √20000 = 109.54, three of them 328.63
    expect(Math.abs(Number(summary.total.mean) - 600000)).toBeLessThanOrEqual(328.63);
    // the sample sd is near the binomial one: its standard error is about sd / √(2 × 20000) = 0.5 %; within 2 %
    expect(Math.abs(Number(summary.total.sd) - 15491.93)).toBeLessThan(309.84);
    expect(summary.total.p50).toMatch(/^\d+000\.00$/);
  }, 240_000);

  it("an amended contract: a claim is priced by the version in force on its own day, not its period's last day", () => {
    // Cohort A (2 participants) enrolled 2024-01-10 and cohort B (2) 2024-04-10, all placed 10
    // days after their exit (30 days after enrolment): A on 2024-02-19, B on 2024-05-20. The
    // placement price is 1000.00, raised to 2000.00 from 2024-04-01: A 2 × 1000.00 = 2000.00 in
    // t1, B 2 × 2000.00 = 4000.00 in t2, 6000.00 in all. A's placement lies in the period that
    // ends on t1's measurement (2024-06-30), after the amendment: dated by that day, it was
    // priced 2000.00 (8000.00 in all).
    const contract = { ...tinyWithoutReinvestment(), caps: [], amendments: { pricedBy: 'achievement', versions: [{ id: 'raise', effectiveFrom: '2024-04-01', changes: { rules: [{ rule: 'pay-pl', price: '2000.00' }] } }] } };
    for (const [path, samples] of bothPaths(contract)) {
      expect(samples.path).toBe(path === 'auto' ? 'count' : 'participants');
      expect(samples.total.map((amount) => amount.toFixed(2))).toEqual(['6000.00', '6000.00']);
      expect(samples.trancheEarned.slice(0, 2).map((runs) => runs[0]?.toFixed(2))).toEqual(['2000.00', '4000.00']);
    }
  });

  it("a results indicator counting participants: an achievement counts by its own day, not its period's last day", () => {
    // Cohort A (2 participants) placed on 2024-02-19, cohort B (2) on 2024-05-20; period y1 counts
    // the placed by 2024-03-31: 2 of a target of 2 above a baseline of 0, proportional: the whole
    // allocation, 1000.00, paid by t1 (measured 2024-06-30). A's placements lie in the period that
    // ends on 2024-06-30: dated by that day, none counted by 2024-03-31 and nothing paid.
    const contract = {
      ...tinyWithoutReinvestment(),
      caps: [],
      rules: [{ kind: 'resultsIndicator', id: 'dli', name: 'DLI', baseline: '0', rounding: 'down', payment: { kind: 'proportional' }, participants: { outcome: 'placement' }, periods: [{ id: 'y1', verifiedOn: '2024-03-31', target: '2', allocation: '1000.00' }] }],
      tranches: [{ id: 't1', name: 'T1', rules: ['dli'], cohorts: ['A', 'B'], measuredOn: '2024-06-30', dueOn: '2024-07-15' }],
    };
    for (const [path, samples] of bothPaths(contract)) {
      expect(samples.path).toBe(path === 'auto' ? 'count' : 'participants');
      expect(samples.total.map((amount) => amount.toFixed(2))).toEqual(['1000.00', '1000.00']);
    }
  });

  it('chunks merged equal one run of all of them, byte for byte', () => {
    const assumptions = {
      schemaVersion: '1.0',
      cohorts: { A: { size: 40 }, B: { size: 40 } },
      daysToExit: { uniform: { min: 10, max: 40 } },
      outcomes: { placement: { probability: { beta: { alpha: 2, beta: 2 } }, days: { uniform: { min: 0, max: 60 } } }, ret3: { probability: 0.5 } },
    };
    const contract = { ...tinyContract, caps: (tinyContract['caps'] as Json[]).filter((cap) => cap['kind'] !== 'participant' && cap['kind'] !== 'contract') };
    const whole = expectChunksMerge(contract, assumptions);
    expect(whole.path).toBe('count');
    expect([whole.total, whole.achieved[0], whole.achieved[1]].map((values) => distinct(values ?? []) > 1)).toEqual([true, true, true]);
    // chunks of the two paths do not merge
    const other = samplesOf(contract, assumptions, { runs: 16, seed: 4, firstRun: 7, path: 'participants' });
    expect(() => mergeSamples([samplesOf(contract, assumptions, { runs: 7, seed: 4 }), other])).toThrow(/consecutive chunks/);
  });
});
