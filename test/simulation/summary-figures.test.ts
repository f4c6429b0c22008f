/**
 * The figures of a simulation summary beyond the amounts per tranche and payer: the cash flow by
 * month and by quarter, how often each cap binds, what reinvestment sets aside and the cost per
 * successful outcome. On a tiny contract with certain outcomes (probabilities 0 and 1, fixed
 * dates) every run is the same, so every figure is worked out by hand below; and the cash flow
 * equals the settlement of the same records, its tranches grouped by the month they fall due.
 */
import { describe, expect, it } from 'vitest';
import { parseAmount, type Amount } from '../../src/money/index.js';
import { settle } from '../../src/settlement/index.js';
import { simulate, summarize, type AmountStatistics, type SimulationSummary } from '../../src/simulation/index.js';
import { tinyContract as contract, type Json } from './tiny-contract.js';

// Two participants a cohort, enrolled on a fixed day, all placed 10 days later, none retained.
const assumptions: Json = {
  schemaVersion: '1.0',
  cohorts: { A: { size: 2, enrolment: { from: '2024-01-10', to: '2024-01-10' } }, B: { size: 2, enrolment: { from: '2024-04-10', to: '2024-04-10' } } },
  daysToExit: 30,
  outcomes: { placement: { probability: 1, days: 10 }, ret3: { probability: 0 } },
};

/** Every statistic of an amount that is the same in every run. */
function always(amount: string): AmountStatistics {
  return { mean: amount, sd: '0.00', min: amount, p5: amount, p25: amount, p50: amount, p75: amount, p95: amount, max: amount };
}

function summaryOf(runs: number): SimulationSummary {
  const result = simulate(contract, assumptions, { runs, seed: 11 });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return summarize(result.value);
}

describe('simulation summary figures, worked by hand on a tiny certain contract', () => {
  const runs = 5;
  const summary = summaryOf(runs);

  it('cash flow by month and by quarter, per payer', () => {
    // Each placement claims 1000.00, cut to 900.00 by the per-participant cap.
    // t1 (cohort A, due 2024-07-15): 2 × 900.00 = 1800.00; contract cap 3500.00 has 1700.00 left.
    // t2 (cohort B, due 2024-09-10): 2 × 900.00 = 1800.00, cut to 1700.00 by the contract cap.
    // t3 (due 2025-01-15): the placements are taken already, nobody is retained: 0.00.
    // Payers 0.6 / 0.4: 1800.00 → 1080.00 / 720.00; 1700.00 → 1020.00 / 680.00.
    const period = (name: string, tranches: string[], total: string, state: string, city: string): unknown => ({
      period: name,
      tranches,
      total: always(total),
      payers: [{ payer: 'state', ...always(state) }, { payer: 'city', ...always(city) }],
    });
    expect(summary.cashFlow.months).toEqual([
      period('2024-07', ['t1'], '1800.00', '1080.00', '720.00'),
      period('2024-09', ['t2'], '1700.00', '1020.00', '680.00'),
      period('2025-01', ['t3'], '0.00', '0.00', '0.00'),
    ]);
    // July and September are both in the third quarter: 1800.00 + 1700.00 = 3500.00 (2100.00 / 1400.00)
    expect(summary.cashFlow.quarters).toEqual([period('2024-Q3', ['t1', 't2'], '3500.00', '2100.00', '1400.00'), period('2025-Q1', ['t3'], '0.00', '0.00', '0.00')]);
  });

  it('a cap that must bind binds in every run, one that cannot in none', () => {
    expect(summary.caps).toEqual([
      { cap: 'per-person', kind: 'participant', bound: runs, probability: '1.000000' },
      { cap: 'cap-t3', kind: 'tranche', bound: 0, probability: '0.000000' },
      { cap: 'cap-city', kind: 'payer', bound: 0, probability: '0.000000' },
      { cap: 'cap-total', kind: 'contract', bound: runs, probability: '1.000000' },
    ]);
  });

  it('reinvestment: 0.1 of what is paid above 1000.00', () => {
    // paid 3500.00 in all: 0.1 × (3500.00 − 1000.00) = 250.00 (80.00 at t1, 170.00 at t2), under its cap of 10000.00
    expect(summary.reinvestment).toEqual([{ reinvestment: 'fund', ...always('250.00') }]);
  });

  it('cost per successful outcome: paid over achievers, null when nobody achieves it', () => {
    // 3500.00 / 4 placements = 875.00; state 2100.00 / 4 = 525.00; city 1400.00 / 4 = 350.00
    expect(summary.costPerOutcome).toEqual([
      { outcome: 'placement', runsWith: runs, runsWithout: 0, cost: always('875.00'), payers: [{ payer: 'state', cost: always('525.00') }, { payer: 'city', cost: always('350.00') }] },
      { outcome: 'ret3', runsWith: 0, runsWithout: runs, cost: null, payers: [{ payer: 'state', cost: null }, { payer: 'city', cost: null }] },
    ]);
  });

  it('the cash flow is the settlement of the same records, its tranches grouped by the month they fall due', () => {
    // the records the assumptions describe: placed 10 days after enrolment, out of work before the 3-month anniversary
    const person = (id: string, cohort: string, enrolled: string, start: string, end: string): Json => ({ id, cohort, groups: [], enrolledOn: enrolled, spells: [{ start, end }], wages: [], events: [] });
    const settled = settle(
      contract,
      [
        person('a1', 'A', '2024-01-10', '2024-01-20', '2024-02-29'),
        person('a2', 'A', '2024-01-10', '2024-01-20', '2024-02-29'),
        person('b1', 'B', '2024-04-10', '2024-04-20', '2024-05-31'),
        person('b2', 'B', '2024-04-10', '2024-04-20', '2024-05-31'),
      ],
      { asOf: '2024-12-31' },
    );
    if (!settled.ok) throw new Error(JSON.stringify(settled.issues));
    const byMonth = new Map<string, Amount[]>();
    for (const tranche of settled.value.tranches) {
      const month = tranche.dueOn.slice(0, 7);
      const amounts = [tranche.earned, ...tranche.payers.map((payer) => payer.earned)].map((amount) => parseAmount(amount));
      const before = byMonth.get(month);
      byMonth.set(month, before === undefined ? amounts : amounts.map((amount, k) => amount.plus(before[k] ?? 'NaN')));
    }
    const settledMonths = [...byMonth.entries()].map(([month, amounts]) => [month, amounts.map((amount) => amount.toFixed(2))]);
    expect(settledMonths.length).toBe(3);
    expect(summary.cashFlow.months.map((month) => [month.period, [month.total.mean, ...month.payers.map((payer) => payer.mean)]])).toEqual(settledMonths);
  });
});
