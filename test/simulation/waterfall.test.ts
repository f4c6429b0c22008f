/**
 * The investor waterfall on hand-worked runs (the arithmetic beside each), then properties on
 * generated runs: conservation (the payers' payments = what the investors are repaid + what the
 * provider keeps), caps never exceeded (a multiple cap by the amounts; an IRR cap by the net
 * present value at the cap rate, computed here with decimal.js's fractional powers, never above
 * 0), and monotonicity (more outcome payments never lower what an investor receives under a
 * multiple cap or no cap, nor, up to the cent an IRR cap rounds down on each payment day, the IRR
 * of one investor under an IRR cap).
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/money/index.js';
import type { InvestorTerms } from '../../src/simulation/investor-terms.js';
import { internalRateOfReturn } from '../../src/simulation/irr.js';
import { investorWaterfall, type DatedPayment, type InvestorRun } from '../../src/simulation/waterfall.js';
import { runs } from '../runs.js';

const Check = Decimal.clone({ defaults: true, precision: 60 });

const pay = (on: string, amount: string): DatedPayment => ({ on, amount: parseAmount(amount) });
const investor = (id: string, principal: string, more: Partial<InvestorTerms> = {}): InvestorTerms => ({
  investor: id,
  principal,
  drawdowns: [{ on: '2021-01-01', amount: principal }],
  returnCap: null,
  guarantee: null,
  firstLoss: false,
  ...more,
});
const multiple = (value: string): InvestorTerms['returnCap'] => ({ kind: 'multiple', multiple: value });
const irrCap = (rate: string): InvestorTerms['returnCap'] => ({ kind: 'irr', rate });
const text = (run: InvestorRun): Record<string, unknown> => ({
  repaid: run.repaid.toFixed(2),
  guaranteePaid: run.guaranteePaid.toFixed(2),
  received: run.received.toFixed(2),
  loss: run.loss.toFixed(2),
  capReached: run.capReached,
});
const rate = (run: InvestorRun): string => {
  const result = internalRateOfReturn(run.flows);
  return result.defined ? result.rate : result.reason;
};

describe('investorWaterfall: worked runs', () => {
  it('a multiple cap of 1.2 on 100.00, 150.00 paid a year later: 120.00 to the investor (IRR 20 %), 30.00 to the provider', () => {
    const run = investorWaterfall([pay('2022-01-01', '150.00')], [investor('fund', '100.00', { returnCap: multiple('1.2') })], 'EUR');
    expect(text(run.investors[0] as InvestorRun)).toEqual({ repaid: '120.00', guaranteePaid: '0.00', received: '120.00', loss: '0.00', capReached: true });
    expect(run.provider.toFixed(2)).toBe('30.00');
    expect(rate(run.investors[0] as InvestorRun)).toBe('0.2000000000');
  });

  it('an IRR cap of 10 %: 100.00 drawn, 200.00 paid 730 days later: 100.00 × 1.1^2 = 121.00, the provider 79.00', () => {
    const run = investorWaterfall([pay('2023-01-01', '200.00')], [investor('fund', '100.00', { returnCap: irrCap('0.1') })], 'EUR');
    expect(text(run.investors[0] as InvestorRun)).toMatchObject({ received: '121.00', capReached: true });
    expect(run.provider.toFixed(2)).toBe('79.00');
    expect(rate(run.investors[0] as InvestorRun)).toBe('0.1000000000');
  });

  it('an IRR cap of 10 % with a part payment: 50.00 after a year (owed 110.00), then 121.00 - 50.00 × 1.1 = 66.00; NPV -100 + 50/1.1 + 66/1.21 = 0', () => {
    const run = investorWaterfall([pay('2022-01-01', '50.00'), pay('2023-01-01', '200.00')], [investor('fund', '100.00', { returnCap: irrCap('0.1') })], 'EUR');
    expect((run.investors[0] as InvestorRun).flows).toEqual([
      { on: '2021-01-01', amount: '-100' },
      { on: '2022-01-01', amount: '50' },
      { on: '2023-01-01', amount: '66' },
    ]);
    expect(run.provider.toFixed(2)).toBe('134.00'); // 250.00 - 116.00
    expect(rate(run.investors[0] as InvestorRun)).toBe('0.1000000000');
  });

  it('an IRR cap over part of a year rounds down to the cent: 100.00 at 10 % for 182 days = 100 × 1.1^(182/365) = 104.867..., 104.86', () => {
    const exact = new Check('1.1').pow(new Check(182).dividedBy(365)).times(100);
    // ln 1.1 × 182/365 = 0.0953101798 × 0.4986301370 = 0.0475245280; exp = 1 + 0.0475245280 + 0.0011293104 + 0.0000178898 + 0.0000002126 + 0.0000000020 = 1.0486719428
    expect(exact.toFixed(6)).toBe('104.867192');
    const run = investorWaterfall([pay('2021-07-02', '500.00')], [investor('fund', '100.00', { returnCap: irrCap('0.1') })], 'EUR');
    expect((run.investors[0] as InvestorRun).received.toFixed(2)).toBe('104.86');
  });

  it('senior before junior: 130.00 pays the senior its 110.00 (1.1 × 100.00), the junior 20.00 of its 50.00; its guarantee of 20.00 leaves a loss of 10.00', () => {
    const senior = investor('senior', '100.00', { returnCap: multiple('1.1') });
    const junior = investor('junior', '50.00', { returnCap: multiple('1.5'), guarantee: '20.00' });
    const run = investorWaterfall([pay('2022-01-01', '130.00')], [senior, junior], 'EUR');
    expect(run.investors.map(text)).toEqual([
      { repaid: '110.00', guaranteePaid: '0.00', received: '110.00', loss: '0.00', capReached: true },
      { repaid: '20.00', guaranteePaid: '20.00', received: '40.00', loss: '10.00', capReached: false },
    ]);
    expect(run.provider.toFixed(2)).toBe('0.00');
    // junior: -50 on 2021-01-01, +40 on 2022-01-01 (20 repaid, 20 guaranteed, the waterfall's last day): 40/50 - 1 = -20 %
    expect(rate(run.investors[1] as InvestorRun)).toBe('-0.2000000000');
  });

  it('the guarantee pays on the last day of the waterfall, not on the day of the last payment to the investor', () => {
    const junior = investor('junior', '50.00', { guarantee: '50.00' });
    const senior = investor('senior', '100.00', { returnCap: multiple('1') });
    const run = investorWaterfall([pay('2022-01-01', '100.00'), pay('2023-01-01', '0.00')], [senior, junior], 'EUR');
    expect((run.investors[1] as InvestorRun).flows).toEqual([
      { on: '2021-01-01', amount: '-50' },
      { on: '2023-01-01', amount: '50' },
    ]);
  });

  it('a bond that loses almost everything: 0.01 back on 100.00 after a year, IRR -99.99 %; nothing back: no IRR', () => {
    const terms = [investor('fund', '100.00', { returnCap: irrCap('0.06') })];
    expect(rate(investorWaterfall([pay('2022-01-01', '0.01')], terms, 'EUR').investors[0] as InvestorRun)).toBe('-0.9999000000');
    const lost = investorWaterfall([pay('2022-01-01', '0.00')], terms, 'EUR').investors[0] as InvestorRun;
    expect(text(lost)).toMatchObject({ received: '0.00', loss: '100.00' });
    expect(rate(lost)).toBe('noSignChange');
  });

  it('capital drawn on a schedule: a payment before the second draw repays only what is drawn (multiple 1 on 60.00)', () => {
    const terms = [investor('fund', '100.00', { returnCap: multiple('1'), drawdowns: [{ on: '2021-01-01', amount: '60.00' }, { on: '2021-07-01', amount: '40.00' }] })];
    const run = investorWaterfall([pay('2021-03-01', '100.00'), pay('2022-01-01', '100.00')], terms, 'EUR');
    // 2021-03-01: 1 × 60.00 - 0 = 60.00 taken, 40.00 to the provider; 2022-01-01: 1 × 100.00 - 60.00 = 40.00 taken, 60.00 to the provider
    expect((run.investors[0] as InvestorRun).flows).toEqual([
      { on: '2021-01-01', amount: '-60' },
      { on: '2021-03-01', amount: '60' },
      { on: '2021-07-01', amount: '-40' },
      { on: '2022-01-01', amount: '40' },
    ]);
    expect(run.provider.toFixed(2)).toBe('100.00');
  });

  it('an IRR cap lowers the multiple when money comes early: the IRR stays at the cap (why monotonicity is stated for the multiple under multiple caps)', () => {
    const terms = [investor('fund', '100.00', { returnCap: irrCap('0.1') })];
    const late = investorWaterfall([pay('2022-01-01', '0.00'), pay('2023-01-01', '200.00')], terms, 'EUR').investors[0] as InvestorRun;
    const early = investorWaterfall([pay('2022-01-01', '110.00'), pay('2023-01-01', '200.00')], terms, 'EUR').investors[0] as InvestorRun;
    expect([late.received.toFixed(2), early.received.toFixed(2)]).toEqual(['121.00', '110.00']); // 100 × 1.1^2; 100 × 1.1, nothing more owed
    expect([rate(late), rate(early)]).toEqual(['0.1000000000', '0.1000000000']);
  });
});

/** Days from 2021-01-01 as a date (UTC arithmetic, no machine zone). */
const dateOf = (day: number): string => new Date(Date.UTC(2021, 0, 1 + day)).toISOString().slice(0, 10);
const centsText = (cents: bigint): string => `${(cents / 100n).toString()}.${(cents % 100n).toString().padStart(2, '0')}`;

const capArb = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 100, max: 200 }).map((hundredths) => multiple(new Check(hundredths).dividedBy(100).toFixed())),
  fc.integer({ min: 0, max: 30 }).map((percent) => irrCap(new Check(percent).dividedBy(100).toFixed())),
);

/** One to three investors, capital drawn in one or two drawdowns within the first 200 days. */
const investorsArb = fc.array(
  fc.record({
    principal: fc.bigInt({ min: 1n, max: 10_000_000n }),
    split: fc.option(fc.record({ share: fc.integer({ min: 1, max: 99 }), day: fc.integer({ min: 1, max: 200 }) })),
    returnCap: capArb,
    guarantee: fc.option(fc.bigInt({ min: 0n, max: 10_000_000n })),
    firstLoss: fc.boolean(),
  }),
  { minLength: 1, maxLength: 3 },
).map((list) =>
  list.map((raw, k): InvestorTerms => {
    const first = raw.split === null ? raw.principal : (raw.principal * BigInt(raw.split.share)) / 100n;
    const drawdowns = raw.split === null || first === 0n || first === raw.principal ? [{ on: dateOf(0), amount: centsText(raw.principal) }] : [{ on: dateOf(0), amount: centsText(first) }, { on: dateOf(raw.split.day), amount: centsText(raw.principal - first) }];
    return { investor: `i${String(k)}`, principal: centsText(raw.principal), drawdowns, returnCap: raw.returnCap, guarantee: raw.guarantee === null ? null : centsText(raw.guarantee), firstLoss: raw.firstLoss };
  }),
);

/** One to six payments after the draws (days 201 to 3000). */
const paymentsArb = fc.array(fc.record({ day: fc.integer({ min: 201, max: 3000 }), cents: fc.bigInt({ min: 0n, max: 30_000_000n }) }), { minLength: 1, maxLength: 6 });
const paymentsOf = (list: readonly { day: number; cents: bigint }[]): DatedPayment[] => list.map((payment) => pay(dateOf(payment.day), centsText(payment.cents)));

/** NPV of dated flows at an annual rate, by fractional powers (actual/365). */
function npvAt(flows: readonly { on: string; amount: string }[], annual: string): Decimal {
  const first = Date.UTC(2021, 0, 1);
  const onePlus = new Check(1).plus(annual);
  return flows.reduce((sum, flow) => {
    const days = (Date.UTC(Number(flow.on.slice(0, 4)), Number(flow.on.slice(5, 7)) - 1, Number(flow.on.slice(8, 10))) - first) / 86_400_000;
    return sum.plus(new Check(flow.amount).dividedBy(onePlus.pow(new Check(days).dividedBy(365))));
  }, new Check(0));
}

describe('investorWaterfall: properties', () => {
  it('conservation: paid = repaid to the investors + kept by the provider, none of them negative; received = repaid + guarantee', () => {
    fc.assert(
      fc.property(investorsArb, paymentsArb, (investors, list) => {
        const run = investorWaterfall(paymentsOf(list), investors, 'EUR');
        const paid = list.reduce((sum, payment) => sum + payment.cents, 0n);
        const repaid = run.investors.reduce((sum, one) => sum.plus(one.repaid), new Check(0));
        expect(repaid.plus(run.provider).toFixed(2)).toBe(centsText(paid));
        expect(run.provider.lt(0)).toBe(false);
        for (const one of run.investors) {
          expect(one.repaid.lt(0)).toBe(false);
          expect(one.received.eq(one.repaid.plus(one.guaranteePaid))).toBe(true);
          expect(one.loss.eq(Decimal.max(0, one.drawn.minus(one.received)))).toBe(true);
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it('the capped return is never exceeded: repaid ≤ multiple × capital; the NPV at an IRR cap rate is never above 0', () => {
    let capped = 0;
    fc.assert(
      fc.property(investorsArb, paymentsArb, (investors, list) => {
        fc.pre(investors.some((terms) => terms.returnCap !== null));
        const run = investorWaterfall(paymentsOf(list), investors, 'EUR');
        run.investors.forEach((one) => {
          const terms = investors.find((candidate) => candidate.investor === one.investor) as InvestorTerms;
          if (terms.returnCap === null) return;
          if (one.capReached) capped++;
          if (terms.returnCap.kind === 'multiple') expect(one.repaid.lte(new Check(terms.returnCap.multiple).times(terms.principal))).toBe(true);
          else {
            const repaidFlows = one.flows.map((flow) => flow); // the guarantee only makes up capital, so it is kept: received ≤ capital then
            expect(npvAt(repaidFlows, terms.returnCap.rate).lte('1e-20')).toBe(true);
          }
        });
      }),
      { numRuns: runs(200) },
    );
    expect(capped).toBeGreaterThan(10);
  });

  it('monotone: a larger payment never lowers what an investor under a multiple cap or no cap receives (nor the multiple)', () => {
    fc.assert(
      fc.property(investorsArb, paymentsArb, fc.nat(), fc.bigInt({ min: 1n, max: 10_000_000n }), (investors, list, which, more) => {
        const withoutIrr = investors.map((terms) => (terms.returnCap?.kind === 'irr' ? { ...terms, returnCap: null } : terms));
        const bigger = list.map((payment, k) => (k === which % list.length ? { ...payment, cents: payment.cents + more } : payment));
        const before = investorWaterfall(paymentsOf(list), withoutIrr, 'EUR');
        const after = investorWaterfall(paymentsOf(bigger), withoutIrr, 'EUR');
        before.investors.forEach((one, k) => { expect(after.investors[k]?.received.gte(one.received)).toBe(true); });
      }),
      { numRuns: runs(200) },
    );
  });

  it('monotone: a larger payment never lowers the IRR of a single investor under an IRR cap (up to the cent the cap rounds down each payment day)', () => {
    fc.assert(
      fc.property(investorsArb, paymentsArb, fc.nat(), fc.bigInt({ min: 1n, max: 10_000_000n }), fc.integer({ min: 0, max: 30 }), (investors, list, which, more, percent) => {
        const single = [{ ...(investors[0] as InvestorTerms), returnCap: irrCap(new Check(percent).dividedBy(100).toFixed()) }];
        const bigger = list.map((payment, k) => (k === which % list.length ? { ...payment, cents: payment.cents + more } : payment));
        const before = internalRateOfReturn((investorWaterfall(paymentsOf(list), single, 'EUR').investors[0] as InvestorRun).flows);
        const after = internalRateOfReturn((investorWaterfall(paymentsOf(bigger), single, 'EUR').investors[0] as InvestorRun).flows);
        fc.pre(before.defined);
        if (!before.defined) return;
        fc.pre(new Check(before.rate).gt(-1)); // a rate that rounds to -100 % has no finite NPV to compare at
        // valued at the IRR before, the flows after are worth at least as much (0), up to the cent the cap
        // rounds down on each payment day, discounted at that rate: then the IRR after is at least the one before
        const afterFlows = (investorWaterfall(paymentsOf(bigger), single, 'EUR').investors[0] as InvestorRun).flows;
        const slack = bigger.reduce((sum, payment) => sum.plus(npvAt([{ on: dateOf(payment.day), amount: '0.01' }], before.rate)), new Check(0));
        expect(npvAt(afterFlows, before.rate).plus(slack).gte(0)).toBe(true);
        expect(after.defined).toBe(true);
      }),
      {
        numRuns: runs(100),
        examples: [
          [
            [{ investor: 'i0', principal: '1.00', drawdowns: [{ on: '2021-01-01', amount: '0.01' }, { on: '2021-05-12', amount: '0.99' }], returnCap: irrCap('0'), guarantee: null, firstLoss: false }],
            [{ day: 201, cents: 1n }],
            0,
            1n,
            0,
          ],
        ],
      },
    );
  });
});
