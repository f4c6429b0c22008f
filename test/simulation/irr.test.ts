/**
 * The IRR solver against worked examples whose rate is known exactly (hand arithmetic in the
 * comments), a closed form computed here with decimal.js's square root, and, on generated flows,
 * an independent net present value: decimal.js's own fractional power `(1 + r)^(t / 365)` at 60
 * digits (the solver uses whole powers of a daily factor at 40), checked to change sign within
 * the stated tolerance of the returned rate.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { internalRateOfReturn, type DatedFlow } from '../../src/simulation/irr.js';
import { runs } from '../runs.js';

/** An independent decimal constructor for the checks. */
const Check = Decimal.clone({ defaults: true, precision: 60 });

/** Days between two dates, by the Julian day arithmetic of UTC milliseconds (never the machine's zone). */
function daysBetween(from: string, to: string): number {
  return (Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10))) - Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)))) / 86_400_000;
}

/** NPV at rate r by decimal.js's fractional power: Σ c / (1 + r)^(t/365), t in days from the first flow; its sign (r = −1: the last flow's sign). */
function npvSign(flows: readonly DatedFlow[], rate: Decimal): number {
  const first = flows.reduce((min, flow) => (flow.on < min ? flow.on : min), flows[0]?.on ?? '');
  const onePlus = new Check(1).plus(rate);
  if (onePlus.lte(0)) {
    const last = flows.reduce((max, flow) => (flow.on > max ? flow.on : max), first);
    return flows.filter((flow) => flow.on === last).reduce((sum, flow) => sum.plus(flow.amount), new Check(0)).comparedTo(0);
  }
  let npv = new Check(0);
  for (const flow of flows) npv = npv.plus(new Check(flow.amount).dividedBy(onePlus.pow(new Check(daysBetween(first, flow.on)).dividedBy(365))));
  return npv.comparedTo(0);
}

const rateOf = (flows: readonly DatedFlow[]): string => {
  const result = internalRateOfReturn(flows);
  if (!result.defined) throw new Error(`no IRR: ${result.reason}`);
  return result.rate;
};

describe('internalRateOfReturn: worked examples', () => {
  it('-100 then +121 two years (730 days, no 29 February) later: 10 % (100 × 1.1 × 1.1 = 121)', () => {
    expect(rateOf([{ on: '2021-01-01', amount: '-100' }, { on: '2023-01-01', amount: '121' }])).toBe('0.1000000000');
  });

  it('-100 then +110 365 days later: 10 %; +100 back: 0 %; +90 back: -10 %', () => {
    expect(rateOf([{ on: '2022-03-01', amount: '-100' }, { on: '2023-03-01', amount: '110' }])).toBe('0.1000000000');
    expect(rateOf([{ on: '2022-03-01', amount: '-100' }, { on: '2023-03-01', amount: '100' }])).toBe('0.0000000000');
    expect(rateOf([{ on: '2022-03-01', amount: '-100' }, { on: '2023-03-01', amount: '90' }])).toBe('-0.1000000000');
  });

  it('a bond that loses almost everything: -100, +0.01 a year later: 1 + r = 0.01 / 100 = 0.0001, r = -99.99 %', () => {
    expect(rateOf([{ on: '2021-06-30', amount: '-100.00' }, { on: '2022-06-30', amount: '0.01' }])).toBe('-0.9999000000');
  });

  it('-1,000,000.00, +0.01 after 730 days: (1 + r)^2 = 10^-8, 1 + r = 10^-4, r = -0.9999', () => {
    expect(rateOf([{ on: '2021-01-01', amount: '-1000000.00' }, { on: '2023-01-01', amount: '0.01' }])).toBe('-0.9999000000');
  });

  it('-100, +1 the next day: (1 + r)^(1/365) = 0.01, 1 + r = 10^-730: the rate rounds to -100 %', () => {
    expect(rateOf([{ on: '2021-01-01', amount: '-100' }, { on: '2021-01-02', amount: '1' }])).toBe('-1.0000000000');
  });

  it('-100, +60 after one year and +60 after two: the root of 60x^2 + 60x = 100 (x = 1/(1+r)) is r = (sqrt(69) - 7) / 10', () => {
    // 3x^2 + 3x - 5 = 0, x = (sqrt(69) - 3) / 6, 1 + r = 6 / (sqrt(69) - 3) = (sqrt(69) + 3) / 10
    const exact = new Check(69).sqrt().minus(7).dividedBy(10).toDecimalPlaces(10, Decimal.ROUND_HALF_EVEN).toFixed(10);
    expect(exact).toBe('0.1306623863');
    expect(rateOf([{ on: '2021-01-01', amount: '-100' }, { on: '2022-01-01', amount: '60' }, { on: '2023-01-01', amount: '60' }])).toBe(exact);
  });

  it('the day count is actual/365: -100, +110 across 29 February (366 days) is 1.1^(365/366) - 1', () => {
    const exact = new Check('1.1').pow(new Check(365).dividedBy(366)).minus(1).toDecimalPlaces(10, Decimal.ROUND_HALF_EVEN).toFixed(10);
    // ln 1.1 = 0.0953101798, × 365/366 = 0.0950497691, exp = 1 + 0.0950497691 + 0.0045172293 + 0.0001431193 + 0.0000034009 + 0.0000000647 + ... = 1.0997135...
    expect(exact).toBe('0.0997135859'); // a little below 10 %: the year had a day more
    expect(rateOf([{ on: '2024-01-01', amount: '-100' }, { on: '2025-01-01', amount: '110' }])).toBe(exact);
  });

  it('a rate far above the grid\'s steps: -0.01, +375,717.47 after 183 days (g^183 = 37,571,747, g just above the grid point 1.1), +0.01 later (found by the property below)', () => {
    const flows: DatedFlow[] = [{ on: '2021-08-07', amount: '-0.01' }, { on: '2022-02-06', amount: '375717.47' }, { on: '2024-09-25', amount: '0.01' }];
    const rate = new Check(rateOf(flows));
    // 1 + r = (1 + g^183 ...)^(365/183): 37,571,747^(365/183), the +0.01 at the end changes it by far less than the tolerance
    const closedForm = new Check(37_571_747).pow(new Check(365).dividedBy(183)).minus(1);
    expect(rate.minus(closedForm).abs().lte(closedForm.plus(1).times('1e-10'))).toBe(true);
  });

  it('flows on the same day are netted; the order of the list does not matter', () => {
    const flows: DatedFlow[] = [{ on: '2023-01-01', amount: '60' }, { on: '2021-01-01', amount: '-150' }, { on: '2021-01-01', amount: '50' }, { on: '2022-01-01', amount: '60' }];
    expect(rateOf(flows)).toBe(rateOf([{ on: '2021-01-01', amount: '-100' }, { on: '2022-01-01', amount: '60' }, { on: '2023-01-01', amount: '60' }]));
  });
});

describe('internalRateOfReturn: not defined, never a crash', () => {
  it.each([
    ['nothing received (a total loss)', [{ on: '2021-01-01', amount: '-100' }, { on: '2022-01-01', amount: '0' }]],
    ['only receipts', [{ on: '2021-01-01', amount: '100' }, { on: '2022-01-01', amount: '10' }]],
    ['one day only', [{ on: '2021-01-01', amount: '-100' }, { on: '2021-01-01', amount: '100' }]],
    ['no flows', []],
  ])('%s: noSignChange', (_, flows) => {
    expect(internalRateOfReturn(flows)).toEqual({ defined: false, reason: 'noSignChange' });
  });

  it('refuses what is not a list of dated flows', () => {
    expect(() => internalRateOfReturn('x' as never)).toThrow(/flows must be/);
    expect(() => internalRateOfReturn([{ on: '2021-01-01' }] as never)).toThrow(/flows.0/);
    expect(() => internalRateOfReturn([{ on: '2021-02-30', amount: '1' }])).toThrow();
  });
});

/** Flows of an investment: one to three draws, then one to five receipts (cents), within ten years. */
const conventionalFlows = fc
  .tuple(
    fc.array(fc.record({ day: fc.integer({ min: 0, max: 400 }), cents: fc.bigInt({ min: 1n, max: 100_000_000n }) }), { minLength: 1, maxLength: 3 }),
    fc.array(fc.record({ day: fc.integer({ min: 401, max: 3650 }), cents: fc.bigInt({ min: 0n, max: 300_000_000n }) }), { minLength: 1, maxLength: 5 }),
  )
  .map(([draws, receipts]): DatedFlow[] => {
    const on = (day: number): string => new Date(Date.UTC(2021, 0, 1 + day)).toISOString().slice(0, 10);
    const cents = (value: bigint, sign: string): string => `${sign}${(value / 100n).toString()}.${(value % 100n).toString().padStart(2, '0')}`;
    return [...draws.map((draw) => ({ on: on(draw.day), amount: cents(draw.cents, '-') })), ...receipts.map((receipt) => ({ on: on(receipt.day), amount: cents(receipt.cents, '') }))];
  });

describe('internalRateOfReturn: properties', () => {
  it('the NPV, computed by fractional powers, changes sign within the stated tolerance of the returned rate', () => {
    let defined = 0;
    fc.assert(
      fc.property(conventionalFlows, (flows) => {
        const received = flows.some((flow) => !flow.amount.startsWith('-') && new Check(flow.amount).gt(0));
        fc.pre(received);
        const result = internalRateOfReturn(flows);
        expect(result.defined).toBe(true);
        if (!result.defined) return;
        defined++;
        const rate = new Check(result.rate);
        const tolerance = new Check('1e-10').times(Decimal.max(1, rate.plus(1)));
        const below = npvSign(flows, rate.minus(tolerance));
        const above = npvSign(flows, rate.plus(tolerance));
        // NPV decreases with the rate for draws before receipts: positive (or 0) below the root, negative (or 0) above
        expect(below).toBeGreaterThanOrEqual(0);
        expect(above).toBeLessThanOrEqual(0);
      }),
      {
        numRuns: runs(200),
        examples: [
          [[{ on: '2021-08-07', amount: '-0.01' }, { on: '2022-02-06', amount: '375717.47' }, { on: '2024-09-25', amount: '0.01' }]],
          // found by a random seed (536896345): a cent becomes 1,000,000.01 in 4 days, a daily factor just above 100, past the grid's old end
          [[{ on: '2022-02-02', amount: '-0.01' }, { on: '2022-02-06', amount: '999999.96' }, { on: '2022-02-06', amount: '0.05' }]],
        ],
      },
    );
    expect(defined).toBeGreaterThan(0);
  });

  it('a total loss (nothing received) is not defined', () => {
    fc.assert(
      fc.property(conventionalFlows, (flows) => {
        const lost = flows.map((flow) => (flow.amount.startsWith('-') ? flow : { ...flow, amount: '0.00' }));
        expect(internalRateOfReturn(lost)).toEqual({ defined: false, reason: 'noSignChange' });
      }),
      { numRuns: runs(50) },
    );
  });
});
