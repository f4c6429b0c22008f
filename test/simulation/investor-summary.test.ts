/**
 * The investor view of a simulation on the tiny certain contract (every run the same, so every
 * figure is worked out by hand): the payments of the runs (1800.00 on 2024-07-15, 1700.00 on
 * 2024-09-10, 0.00 on 2025-01-15; see summary-figures.test.ts) passed down a waterfall of a
 * first-loss fund listed first and a senior bank; the IRRs checked against an independent
 * bisection on decimal.js's fractional powers. Then conservation over the runs of an uncertain
 * simulation: what the payers pay = what the investors are repaid + what the provider keeps.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/money/index.js';
import { simulate, summarize, type InvestorStatistics } from '../../src/simulation/index.js';
import { investorWaterfall } from '../../src/simulation/waterfall.js';
import { tinyContract, type Json } from './tiny-contract.js';

const Check = Decimal.clone({ defaults: true, precision: 60 });

const investors = [
  {
    id: 'fund', name: 'Fund', commitment: '1500.00',
    terms: { principal: '1500.00', firstLoss: true, guarantee: { guarantor: 'Foundation', amount: '400.00' }, drawdowns: [{ on: '2024-01-01', amount: '1000.00' }, { on: '2024-06-01', amount: '500.00' }] },
  },
  { id: 'bank', name: 'Bank', commitment: '2000.00', terms: { principal: '2000.00', returnCap: { kind: 'multiple', multiple: '1.25' } } },
];
const contract: Json = { ...tinyContract, parties: { ...(tinyContract['parties'] as Json), investors } };

// Two participants a cohort, all placed, none retained (as in summary-figures.test.ts)
const certain: Json = {
  schemaVersion: '1.0',
  cohorts: { A: { size: 2, enrolment: { from: '2024-01-10', to: '2024-01-10' } }, B: { size: 2, enrolment: { from: '2024-04-10', to: '2024-04-10' } } },
  daysToExit: 30,
  outcomes: { placement: { probability: 1, days: 10 }, ret3: { probability: 0 } },
};

/** The IRR by bisection on r in (-0.99, 10), NPV by fractional powers (actual/365), 200 halvings. */
function bisectedIrr(flows: readonly { day: number; amount: string }[]): Decimal {
  const npv = (rate: Decimal): Decimal => flows.reduce((sum, flow) => sum.plus(new Check(flow.amount).dividedBy(new Check(1).plus(rate).pow(new Check(flow.day).dividedBy(365)))), new Check(0));
  let lo = new Check('-0.99');
  let hi = new Check(10);
  for (let k = 0; k < 200; k++) {
    const mid = lo.plus(hi).dividedBy(2);
    if (npv(mid).gt(0)) lo = mid;
    else hi = mid;
  }
  return lo.plus(hi).dividedBy(2);
}

function same(value: string): Record<string, string> {
  return { mean: value, min: value, p5: value, p25: value, p50: value, p75: value, p95: value, max: value };
}

describe('the investor view, worked by hand', () => {
  const runs = 4;
  const samples = simulate(contract, certain, { runs, seed: 3 });
  if (!samples.ok) throw new Error(JSON.stringify(samples.issues));
  const view = summarize(samples.value).investors;
  const byId = (id: string): InvestorStatistics => view?.investors.find((investor) => investor.investor === id) as InvestorStatistics;

  it('repays the bank first: the fund is first-loss although listed first', () => {
    expect(view?.waterfall).toEqual(['bank', 'fund']);
  });

  it('the bank: 1800.00 on 2024-07-15, then 1.25 × 2000.00 - 1800.00 = 700.00 on 2024-09-10; its cap holds back the other 1000.00', () => {
    const bank = byId('bank');
    expect(bank.received).toMatchObject(same('2500.00'));
    expect(bank.multiple).toMatchObject(same('1.250000')); // 2500.00 / 2000.00
    expect([bank.capReached, bank.capitalLost, bank.guaranteeCalled]).toEqual([{ runs, probability: '1.000000' }, { runs: 0, probability: '0.000000' }, { runs: 0, probability: '0.000000' }]);
    // -2000.00 on day 0 (2024-01-01), +1800.00 on day 196 (2024-07-15: 182 days to 1 July in a leap year, + 14), +700.00 on day 253 (2024-09-10: 244 to 1 September, + 9)
    const independent = bisectedIrr([{ day: 0, amount: '-2000' }, { day: 196, amount: '1800' }, { day: 253, amount: '700' }]);
    expect(new Check(bank.irr.p50 as string).minus(independent).abs().lte('1e-10')).toBe(true);
    expect(bank.irr).toMatchObject({ runsWith: runs, runsWithout: 0, ...same(bank.irr.p50 as string) });
  });

  it('the fund: the 1000.00 the bank leaves on 2024-09-10; its guarantee pays 400.00 of the 500.00 not recovered on 2025-01-15, the waterfall\'s last day; it loses 100.00', () => {
    const fund = byId('fund');
    expect(fund.repaid).toMatchObject(same('1000.00'));
    expect(fund.guaranteePaid).toMatchObject(same('400.00'));
    expect(fund.received).toMatchObject(same('1400.00'));
    expect(fund.loss).toMatchObject(same('100.00'));
    expect(fund.multiple).toMatchObject(same('0.933333')); // 1400 / 1500 = 0.9333333..., half-even to 6 places
    expect([fund.capReached, fund.capitalLost, fund.guaranteeCalled]).toEqual([{ runs: 0, probability: '0.000000' }, { runs, probability: '1.000000' }, { runs, probability: '1.000000' }]);
    // -1000.00 on day 0, -500.00 on day 152 (2024-06-01), +1000.00 on day 253, +400.00 on day 380 (2025-01-15: 366 + 14)
    const independent = bisectedIrr([{ day: 0, amount: '-1000' }, { day: 152, amount: '-500' }, { day: 253, amount: '1000' }, { day: 380, amount: '400' }]);
    expect(new Check(fund.irr.p50 as string).minus(independent).abs().lte('1e-10')).toBe(true);
  });

  it('the provider keeps nothing: 3500.00 = 2500.00 + 1000.00', () => {
    expect(view?.provider).toMatchObject(same('0.00'));
  });

  it('a contract without investors has no investor view', () => {
    const plain = simulate(tinyContract, certain, { runs: 1, seed: 3 });
    if (!plain.ok) throw new Error('simulate');
    expect(summarize(plain.value).investors).toBeNull();
  });
});

describe('the investor view over uncertain runs', () => {
  it('conservation in every run: paid = repaid to the investors + kept by the provider; the summary is reproducible', () => {
    const uncertain: Json = { ...certain, outcomes: { placement: { probability: { beta: { alpha: 2, beta: 2 } }, days: 10 }, ret3: { probability: 0.5 } } };
    const result = simulate(contract, uncertain, { runs: 60, seed: 9 });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const samples = result.value;
    let differ = 0;
    for (let run = 0; run < samples.total.length; run++) {
      const payments = samples.trancheDueOn.map((on, slot) => ({ on, amount: samples.trancheEarned[slot]?.[run] ?? parseAmount('0') }));
      const waterfall = investorWaterfall(payments, samples.investors, samples.currency);
      const repaid = waterfall.investors.reduce((sum, investor) => sum.plus(investor.repaid), new Check(0));
      expect(repaid.plus(waterfall.provider).eq(samples.total[run] as Decimal)).toBe(true);
      if (!(samples.total[run] as Decimal).eq(samples.total[0] as Decimal)) differ++;
    }
    expect(differ).toBeGreaterThan(0);
    expect(JSON.stringify(summarize(samples).investors)).toBe(JSON.stringify(summarize(samples).investors));
  });
});
