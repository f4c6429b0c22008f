/**
 * forecast: still to pay from the records known at an as-of date. Every expected figure is worked
 * out by hand in the comments from the contract of forecast-fixtures.ts (placement 1000.00 in t1,
 * 3-month retention 600.00 in t2, payers 0.6 / 0.4), and cross-checked against `settle` where the
 * test says so.
 */
import { describe, expect, it } from 'vitest';
import { settle } from '../../src/settlement/index.js';
import { forecast, summarizeForecast, type ForecastSamples, type ForecastSummary } from '../../src/simulation/index.js';
import { fixedAssumptions, forecastContract, record } from './forecast-fixtures.js';

function samplesOf(records: unknown, assumptions: unknown, options: { asOf: string; runs: number; seed: number }): ForecastSamples {
  const result = forecast(forecastContract, records, assumptions, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.value;
}

/** Still to pay per tranche (mean, min, max), and each payer's total mean. */
function figures(summary: ForecastSummary): unknown {
  return {
    due: [summary.dueAtAsOf.total, ...summary.dueAtAsOf.payers.map((payer) => payer.amount)],
    still: summary.stillToPay.tranches.map((tranche) => [tranche.tranche, tranche.amount.min, tranche.amount.max, ...tranche.payers.map((payer) => payer.mean)]),
    total: [summary.stillToPay.total.min, summary.stillToPay.total.max],
  };
}

/** Per tranche and payer: what a settlement says, as [tranche, amount, state part, city part]. */
function settled(records: readonly unknown[], asOf: string): string[][] {
  const result = settle(forecastContract, records, { asOf });
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.value.tranches.map((tranche) => [tranche.id, tranche.status === 'scheduled' ? '0.00' : tranche.earned, ...tranche.payers.map((payer) => (tranche.status === 'scheduled' ? '0.00' : payer.earned))]);
}

describe('forecast', () => {
  // Known at D = 2024-09-30, every outcome already decided:
  //   P1 enrolled 01-10, job from 02-01, still in it: placed 02-01 (t1), in work on 05-01: retained (t2)
  //   P2 enrolled 01-15, job 03-01 to 04-15: placed 03-01 (t1), out of work on 06-01: not retained
  //   P3 enrolled 02-01, no job: its 90-day window closed on 05-01, not placed
  //   P4 enrolled 03-01, job from 05-20 (day 80 of 90), still in it: placed (t1), in work on 08-20: retained (t2)
  // A settlement at D settles t1 (measured 06-30): 3 placements × 1000.00 = 3000.00, state 1800.00, city 1200.00;
  // t2 (measured 12-31) is still to come: 2 retentions × 600.00 = 1200.00, state 720.00, city 480.00, whatever is drawn.
  const decided = [
    record('P1', 'A', '2024-01-10', '2024-01-31', [['2024-02-01']]),
    record('P2', 'A', '2024-01-15', '2024-02-15', [['2024-03-01', '2024-04-15']]),
    record('P3', 'A', '2024-02-01', '2024-02-20', []),
    record('P4', 'A', '2024-03-01', '2024-03-31', [['2024-05-20']]),
  ];

  it('with every outcome decided at D, still to pay is the same in every run and equals settle at the end − settle at D, by hand', () => {
    const assumptions = fixedAssumptions(0.5, 0.5, { uniform: { min: 0, max: 90 } });
    const summary = summarizeForecast(samplesOf(decided, assumptions, { asOf: '2024-09-30', runs: 20, seed: 3 }));
    expect(figures(summary)).toEqual({
      due: ['3000.00', '1800.00', '1200.00'],
      still: [
        ['t1', '0.00', '0.00', '0.00', '0.00'],
        ['t2', '1200.00', '1200.00', '720.00', '480.00'],
      ],
      total: ['1200.00', '1200.00'],
    });
    expect(summary.stillToPay.total.sd).toBe('0.00');
    expect(summary.contractTotal.mean).toBe('4200.00');
    // the cash flow: t2's 1200.00 falls in January 2025, nothing more in July 2024
    expect(summary.cashFlow.months.map((month) => [month.period, month.total.mean, month.total.p95])).toEqual([
      ['2024-07', '0.00', '0.00'],
      ['2025-01', '1200.00', '1200.00'],
    ]);
    expect(summary.cashFlow.quarters.map((quarter) => quarter.period)).toEqual(['2024-Q3', '2025-Q1']);
    // and the real engine agrees: settle at the end minus settle at D, tranche by tranche
    expect(settled(decided, '2024-09-30')).toEqual([
      ['t1', '3000.00', '1800.00', '1200.00'],
      ['t2', '0.00', '0.00', '0.00'],
    ]);
    expect(settled(decided, '2024-12-31')).toEqual([
      ['t1', '3000.00', '1800.00', '1200.00'],
      ['t2', '1200.00', '720.00', '480.00'],
    ]);
  });

  it('with probabilities 1, equals settling the completed records, exactly: pending placements, an open job, a cohort still to enrol', () => {
    // D = 2024-02-29. Known: P1 (job from 02-01, open), P3 (enrolled 02-01, no job yet, 28 days gone).
    // Placement p = 1 at day 40 (fixed): P3 is placed on 02-01 + 40 = 03-12 (40 > 28, so P(later) = 1 × 1 / (1 − 0) = 1).
    // Retention p = 1, no jobDays: every job stays open. Cohort B: 2 participants enrolling 04-10, placed 05-20.
    // Completed: placements P1 02-01, P3 03-12, B1 and B2 05-20, all by 06-30: t1 4 × 1000.00 = 4000.00;
    // retentions on 05-01, 06-12, 08-20, 08-20, all in work: t2 4 × 600.00 = 2400.00. At D nothing is settled (t1 is measured 06-30).
    const known = [record('P1', 'A', '2024-01-10', '2024-01-31', [['2024-02-01']]), record('P3', 'A', '2024-02-01', '2024-02-20', [])];
    const summary = summarizeForecast(samplesOf(known, fixedAssumptions(1, 1, 40, 2), { asOf: '2024-02-29', runs: 3, seed: 9 }));
    expect(figures(summary)).toEqual({
      due: ['0.00', '0.00', '0.00'],
      still: [
        ['t1', '4000.00', '4000.00', '2400.00', '1600.00'],
        ['t2', '2400.00', '2400.00', '1440.00', '960.00'],
      ],
      total: ['6400.00', '6400.00'],
    });
    expect(summary.participants).toEqual({ known: 2, enrolling: 2 });
    const completed = [
      record('P1', 'A', '2024-01-10', '2024-01-31', [['2024-02-01']]),
      record('P3', 'A', '2024-02-01', '2024-02-20', [['2024-03-12']]),
      record('B1', 'B', '2024-04-10', '2024-05-10', [['2024-05-20']]),
      record('B2', 'B', '2024-04-10', '2024-05-10', [['2024-05-20']]),
    ];
    expect(settled(completed, '2024-12-31')).toEqual([
      ['t1', '4000.00', '2400.00', '1600.00'],
      ['t2', '2400.00', '1440.00', '960.00'],
    ]);
  });

  it('with probabilities 0: nobody pending is placed, an open job ends the day after D (no way left to last), equal to settling those records', () => {
    // P1's job from 02-01 is open at D = 2024-02-29. Retention p = 0: the job would have ended after its
    // minimum length (1 day, 02-01), before D, so no draw keeps it past D: it ends on 03-01, out of
    // work on the anniversary 05-01: not retained. P3 and cohort B are never placed.
    // t1: P1's placement 1000.00 (state 600.00, city 400.00); t2: 0.00.
    const known = [record('P1', 'A', '2024-01-10', '2024-01-31', [['2024-02-01']]), record('P3', 'A', '2024-02-01', '2024-02-20', [])];
    const summary = summarizeForecast(samplesOf(known, fixedAssumptions(0, 0, 40, 2), { asOf: '2024-02-29', runs: 2, seed: 1 }));
    expect(figures(summary)).toEqual({
      due: ['0.00', '0.00', '0.00'],
      still: [
        ['t1', '1000.00', '1000.00', '600.00', '400.00'],
        ['t2', '0.00', '0.00', '0.00', '0.00'],
      ],
      total: ['1000.00', '1000.00'],
    });
    const completed = [
      record('P1', 'A', '2024-01-10', '2024-01-31', [['2024-02-01', '2024-03-01']]),
      record('P3', 'A', '2024-02-01', '2024-02-20', []),
      record('B1', 'B', '2024-04-10', '2024-05-10', []),
      record('B2', 'B', '2024-04-10', '2024-05-10', []),
    ];
    expect(settled(completed, '2024-12-31')).toEqual([
      ['t1', '1000.00', '600.00', '400.00'],
      ['t2', '0.00', '0.00', '0.00'],
    ]);
  });

  it('pending placements: the mean of the runs is within 3 standard errors of n × P(placed later | not by D) × 1000.00', () => {
    // 500 participants enrolled 2024-01-01, none placed by D = 2024-02-19 (t = 49 days). Placement
    // p = 0.75 with days uniform on 0..99 (window 90: a delay above 90 is capped at 90, still after D):
    // P(delay ≤ 49) = 50 / 100 = 0.5, so P(placed later | not by D) = 0.75 × 0.5 / (1 − 0.75 × 0.5) = 0.6.
    // Still to pay per run: 1000.00 × Binomial(500, 0.6): mean 300000.00, sd 1000 × √(500 × 0.6 × 0.4)
    // = 10954.45; the standard error of the mean of 400 runs is 10954.45 / √400 = 547.72, three of them 1643.17.
    const records = Array.from({ length: 500 }, (_, k) => record(`N${k}`, 'A', '2024-01-01', undefined, []));
    const summary = summarizeForecast(samplesOf(records, fixedAssumptions(0.75, 0, { uniform: { min: 0, max: 99 } }), { asOf: '2024-02-19', runs: 400, seed: 20241231 }));
    const tranche = summary.stillToPay.tranches[0];
    expect(Math.abs(Number(tranche?.amount.mean) - 300000)).toBeLessThanOrEqual(1643.17);
    // the sd of the runs is near the binomial one (within 15 %: its own standard error is about 3.5 %)
    expect(Math.abs(Number(tranche?.amount.sd) - 10954.45)).toBeLessThan(1643.17);
    expect(summary.dueAtAsOf.total).toBe('0.00');
  }, 120_000);

  it('the same inputs and seed give byte-identical JSON, in any time zone; another seed other runs', () => {
    const records = [...Array.from({ length: 30 }, (_, k) => record(`N${k}`, 'A', '2024-01-01', undefined, [])), record('P1', 'A', '2024-01-10', '2024-01-31', [['2024-02-01']])];
    const assumptions = fixedAssumptions(0.7, 0.6, { uniform: { min: 0, max: 99 } }, 10);
    const text = (seed: number): string => JSON.stringify(summarizeForecast(samplesOf(records, assumptions, { asOf: '2024-02-19', runs: 30, seed })));
    const once = text(5);
    const zone = process.env['TZ'];
    process.env['TZ'] = 'Pacific/Kiritimati';
    try {
      expect(text(5)).toBe(once);
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
    expect(text(6)).not.toBe(once);
  });

  it('reports invalid records as excluded, with their problems, and records enrolled after D as not known', () => {
    // D = 2024-02-20: P4 (enrolled 03-01) and LATE (03-10) are not known then
    const records = [...decided, { id: 'BAD', cohort: 'A', groups: [], enrolledOn: '2024-13-01', spells: [] }, record('LATE', 'A', '2024-03-10', undefined, [])];
    const summary = summarizeForecast(samplesOf(records, fixedAssumptions(0.5, 0.5, 10), { asOf: '2024-02-20', runs: 1, seed: 1 }));
    expect(summary.records).toMatchObject({ recordsRead: 6, recordsExcluded: 1, recordsKnown: 3, recordsAfterAsOf: 2 });
    expect(summary.records.issues.map((issue) => issue.code)).toEqual(['DATE_IMPOSSIBLE']);
  });

  it('refuses a bad as-of date, and a record in a group the assumptions do not name', () => {
    const bad = forecast(forecastContract, decided, fixedAssumptions(0.5, 0.5, 10), { asOf: '2024-02-30', runs: 1, seed: 1 });
    expect(bad.ok ? [] : bad.issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual([['FORECAST_AS_OF', 'options.asOf']]);
    const missing = forecast(forecastContract, decided, fixedAssumptions(0.5, 0.5, 10), { runs: 1, seed: 1 } as never);
    expect(missing.ok ? [] : missing.issues.map((issue) => issue.code)).toEqual(['FORECAST_AS_OF']);
    const youth = [...decided, record('Y1', 'A', '2024-01-10', undefined, [], ['youth']), record('Y2', 'A', '2024-01-11', undefined, [], ['youth'])];
    const grouped = forecast(forecastContract, youth, fixedAssumptions(0.5, 0.5, 10), { asOf: '2024-06-30', runs: 1, seed: 1 });
    expect(grouped.ok ? [] : grouped.issues.map((issue) => [issue.code, issue.path.join('.'), issue.message])).toEqual([
      ['FORECAST_GROUP_UNASSUMED', 'records.4.groups', expect.stringMatching(/^records\[4\] \(participant Y1\) \(and 1 other record alike\) belongs to the group youth, which no part/)],
    ]);
    // with a part of the mix for them, it forecasts
    const withYouth = { ...fixedAssumptions(0.5, 0.5, 10), mix: [{ groups: [], share: 0.8 }, { groups: ['youth'], share: 0.2 }] };
    expect(forecast(forecastContract, youth, withYouth, { asOf: '2024-06-30', runs: 1, seed: 1 }).ok).toBe(true);
  });
});
