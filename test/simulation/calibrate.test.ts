/**
 * Calibration: the largest price scale or cap amount within a budget. Hand-worked answers on a
 * tiny contract whose runs are certain, then properties on uncertain runs: the answer is within
 * the budget and one precision above it is not (checked by simulating those contracts and taking
 * the percentile with code of this file), and the steps share their random numbers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContract, type Contract } from '../../src/contract/index.js';
import { calibrate, simulate, type Calibration } from '../../src/simulation/index.js';
import { scaledPrices, withCapAmount } from '../../src/simulation/scaled-contract.js';
import { Decimal } from 'decimal.js';
import { tinyContract, type Json } from './tiny-contract.js';

// Two participants a cohort, all placed 10 days after enrolment, none retained (as in summary-figures.test.ts).
const certain: Json = {
  schemaVersion: '1.0',
  cohorts: { A: { size: 2, enrolment: { from: '2024-01-10', to: '2024-01-10' } }, B: { size: 2, enrolment: { from: '2024-04-10', to: '2024-04-10' } } },
  daysToExit: 30,
  outcomes: { placement: { probability: 1, days: 10 }, ret3: { probability: 0 } },
};

/** The tiny contract with other caps and no reinvestment. */
function tiny(caps: Json[], extra: Json = {}): Json {
  const rest = Object.fromEntries(Object.entries(tinyContract).filter(([key]) => key !== 'reinvestment'));
  return { ...rest, caps, ...extra };
}

/** The tiny contract's tranches, the last paying a fee rule `start` too. */
const trancheWithFee: Json[] = [
  { id: 't1', name: 'Cohort A', rules: ['pay-pl'], cohorts: ['A'], measuredOn: '2024-06-30', dueOn: '2024-07-15' },
  { id: 't2', name: 'Cohort B', rules: ['pay-pl'], cohorts: ['B'], measuredOn: '2024-08-31', dueOn: '2024-09-10' },
  { id: 't3', name: 'Retention', rules: ['pay-pl', 'pay-r3', 'start'], cohorts: ['A', 'B'], measuredOn: '2024-12-31', dueOn: '2025-01-15' },
];

function answerOf(result: ReturnType<typeof calibrate>): Calibration {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function parsed(json: Json): Contract {
  const result = parseContract(json);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('calibrate, worked by hand on certain runs', () => {
  it('the price scale: four placements at 1000.00 × s within 3111.00', () => {
    // Total = 4 × round(1000.00 × s). 4 × 1000 s ≤ 3111 ⇔ s ≤ 0.77775; on steps of 0.0001:
    // s = 0.7777 → 777.70 a placement → 3110.80 (within); s = 0.7778 → 777.80 → 3111.20 (above).
    const answer = answerOf(calibrate(tiny([]), certain, { budget: '3111.00', runs: 3, seed: 1 }));
    expect(answer).toMatchObject({ target: 'priceScale', cap: null, result: 'found', value: '0.7777', cost: '3110.80', above: '0.7778', precision: '0.0001', percentile: 95 });
    // Every run costs the same: the interval of the percentile is that one amount.
    expect(answer.interval).toEqual({ lower: '3110.80', upper: '3110.80' });
    // The search starts at 0 (nothing paid) and 1 (4000.00, above), then halves: 0.5 → 2000.00.
    expect(answer.steps.slice(0, 3)).toEqual([
      { value: '0', cost: '0.00', withinBudget: true },
      { value: '1', cost: '4000.00', withinBudget: false },
      { value: '0.5', cost: '2000.00', withinBudget: true },
    ]);
  });

  it('a cap: the contract cap that keeps four placements of 900.00 within 2000.00', () => {
    // The per-person cap cuts each placement to 900.00: 3600.00 before the contract cap, so the
    // cost at a contract cap x (partial payment) is min(3600.00, x): within 2000.00 up to x = 2000.00.
    const caps = [
      { kind: 'participant', id: 'per-person', amount: '900.00', partialPayment: true, claimOrder: 'achievementDate' },
      { kind: 'contract', id: 'cap-total', amount: '3500.00', partialPayment: true },
    ];
    const answer = answerOf(calibrate(tiny(caps), certain, { budget: '2000.00', cap: 'cap-total', runs: 2, seed: 3 }));
    expect(answer).toMatchObject({ target: 'cap', cap: 'cap-total', result: 'found', value: '2000.00', cost: '2000.00', above: '2000.01', precision: '0.01' });
    // 0.00 first (nothing paid), then the contract's 3500.00 (3500.00, above 2000.00).
    expect(answer.steps.slice(0, 2)).toEqual([
      { value: '0.00', cost: '0.00', withinBudget: true },
      { value: '3500.00', cost: '3500.00', withinBudget: false },
    ]);
    // Within 5000.00: 3500.00 still binds (3600.00 > 3500.00), doubled to 7000.00 it binds in no
    // run, so raising it further changes nothing: unlimited.
    const loose = answerOf(calibrate(tiny(caps), certain, { budget: '5000.00', cap: 'cap-total', runs: 2, seed: 3 }));
    expect(loose).toMatchObject({ result: 'unlimited', value: '7000.00', cost: '3600.00', above: null, precision: null });
  });

  it('a precision the start is not a multiple of: above is exactly one precision higher', () => {
    // As above, the cost at a contract cap x is min(3600.00, x). With --precision 3 the start
    // 3500.00 is rounded up to 3501.00 (1167 × 3; 3500 / 3 = 1166.67), above 3499.00; the largest
    // multiple of 3 within 3499.00 is 3498.00 (1166 × 3), the next 3501.00 (3501.00 > 3499.00).
    // Without the rounding, 3498.00 and the start 3500.00 were 2.00 apart, less than the 3 asked.
    const caps = [
      { kind: 'participant', id: 'per-person', amount: '900.00', partialPayment: true, claimOrder: 'achievementDate' },
      { kind: 'contract', id: 'cap-total', amount: '3500.00', partialPayment: true },
    ];
    const answer = answerOf(calibrate(tiny(caps), certain, { budget: '3499.00', cap: 'cap-total', precision: '3', runs: 2, seed: 3 }));
    expect(answer).toMatchObject({ result: 'found', value: '3498.00', cost: '3498.00', above: '3501.00', precision: '3.00' });
    expect(answer.steps[1]).toEqual({ value: '3501.00', cost: '3501.00', withinBudget: false });
    expect(answer.steps.every((step) => new Decimal(step.value).mod(3).isZero())).toBe(true);
    // A scale with precision 0.3: 1 rounded up to 1.2 (4 × 1200.00 = 4800.00, above 3000.00);
    // 4 × 1000.00 × s ≤ 3000.00 ⇔ s ≤ 0.75: the multiples 0.6 (2400.00) within and 0.9 (3600.00) above.
    const scale = answerOf(calibrate(tiny([]), certain, { budget: '3000.00', precision: '0.3', runs: 2, seed: 3 }));
    expect(scale).toMatchObject({ result: 'found', value: '0.6', cost: '2400.00', above: '0.9', precision: '0.3' });
    expect(scale.steps[1]).toEqual({ value: '1.2', cost: '4800.00', withinBudget: false });
  });

  it('unlimited: a contract cap of 3500.00 holds any price scale within 5000.00', () => {
    const answer = answerOf(calibrate(tiny([{ kind: 'contract', id: 'cap-total', amount: '3500.00', partialPayment: true }]), certain, { budget: '5000.00', runs: 2, seed: 1 }));
    // 0, 1, 2, 4, …, 1024: twelve steps, each 3500.00 (at 1: 4000.00 cut to 3500.00).
    expect(answer.result).toBe('unlimited');
    expect(answer.value).toBe('1024');
    expect(answer.steps.map((step) => step.value)).toEqual(['0', '1', '2', '4', '8', '16', '32', '64', '128', '256', '512', '1024']);
    expect(answer.steps.slice(1).every((step) => step.cost === '3500.00')).toBe(true);
  });

  it('impossible: a start fee of 600.00 for four participants is 2400.00 at a scale of 0', () => {
    const contract = tiny([], {
      rules: [...(tinyContract['rules'] as Json[]), { kind: 'fee', id: 'start', name: 'Start', charge: { kind: 'perStart', amount: '600.00' } }],
      tranches: trancheWithFee,
    });
    const answer = answerOf(calibrate(contract, certain, { budget: '2000.00', runs: 2, seed: 1 }));
    expect(answer).toMatchObject({ result: 'impossible', value: null, cost: null, interval: null, above: '0', precision: null });
    expect(answer.steps).toEqual([{ value: '0', cost: '2400.00', withinBudget: false }]);
  });
});

describe('calibrate an amended contract', () => {
  // The placement price is raised from 1000.00 to 2000.00 by an amendment in force from
  // 2024-04-01: cohort A is placed on 2024-01-20 (base, 1000.00), cohort B on 2024-04-20
  // (amended, 2000.00). At a scale s: 2 × 1000.00 s + 2 × 2000.00 s = 6000.00 s, within 3000.00
  // up to s = 0.5 (3000.00); at 0.5001: 2 × 1000.10 + 2 × 2000.20 = 6000.60 (above). Scaling the
  // base price alone, the amended price would still cost 4000.00 at a scale of 0 (impossible).
  const amendments = { pricedBy: 'achievement', versions: [{ id: 'renewal', effectiveFrom: '2024-04-01', changes: { rules: [{ rule: 'pay-pl', price: '2000.00' }] } }] };

  it('the price scale multiplies the prices an amendment sets too', () => {
    for (const path of ['participants', 'auto'] as const) {
      const answer = answerOf(calibrate(tiny([], { amendments }), certain, { budget: '3000.00', runs: 2, seed: 1, path }));
      expect(answer).toMatchObject({ result: 'found', value: '0.5', cost: '3000.00', above: '0.5001' });
    }
  });

  it("a cap's amount is set in every version: the amendment's amount of the cap too", () => {
    // Four placements at 1000.00 (4000.00); the contract cap of 3500.00 is raised to 10000.00
    // from 2024-04-01, before every tranche's due date (2024-07-15, 2024-09-10, 2025-01-15), so
    // the amount in force is the amendment's. At a cap x in every version the cost is
    // min(4000.00, x): within 2000.00 up to x = 2000.00. Setting the base amount alone moves
    // nothing (4000.00 at x = 0: impossible).
    const raised = { pricedBy: 'achievement', versions: [{ id: 'renewal', effectiveFrom: '2024-04-01', changes: { caps: [{ cap: 'cap-total', amount: '10000.00' }] } }] };
    const contract = tiny([{ kind: 'contract', id: 'cap-total', amount: '3500.00', partialPayment: true }], { amendments: raised });
    const answer = answerOf(calibrate(contract, certain, { budget: '2000.00', cap: 'cap-total', runs: 2, seed: 3 }));
    expect(answer).toMatchObject({ result: 'found', value: '2000.00', cost: '2000.00', above: '2000.01' });
    expect(withCapAmount(parsed(contract), 'cap-total', new Decimal('12.5')).amendments?.versions[0]?.changes.caps).toEqual([{ cap: 'cap-total', amount: '12.50' }]);
  });

  it("scaledPrices scales an amendment's price and group prices, not its increment", () => {
    const contract = parsed(
      tiny([], {
        groups: [{ id: 'ltu', name: 'Long-term unemployed', priceMultiplier: '1.4' }],
        rules: [
          { kind: 'rateCard', id: 'pay-pl', name: 'Placement', outcome: 'placement', price: '1000.00', groupPricing: { kind: 'multipliers', rounding: 'up', increment: '1.00', severalGroups: 'highest' }, prerequisites: [] },
          { kind: 'rateCard', id: 'pay-r3', name: 'Retention', outcome: 'ret3', price: '600.00', groupPricing: { kind: 'prices', prices: [{ group: 'ltu', price: '750.00' }], severalGroups: 'highest' }, prerequisites: [] },
        ],
        amendments: {
          pricedBy: 'achievement',
          versions: [
            {
              id: 'renewal',
              effectiveFrom: '2024-04-01',
              changes: {
                rules: [
                  { rule: 'pay-pl', price: '2000.00', groupPricing: { kind: 'multipliers', rounding: 'up', increment: '5.00', severalGroups: 'highest' } },
                  { rule: 'pay-r3', groupPricing: { kind: 'prices', prices: [{ group: 'ltu', price: '801.00' }], severalGroups: 'highest' } },
                ],
              },
            },
          ],
        },
      }),
    );
    const scaled = scaledPrices(contract, new Decimal('0.5'));
    // 2000.00 × 0.5 = 1000.00; 801.00 × 0.5 = 400.50; the increment 5.00 stays.
    expect(scaled.amendments?.versions[0]?.changes.rules).toEqual([
      { rule: 'pay-pl', price: '1000.00', groupPricing: { kind: 'multipliers', rounding: 'up', increment: '5.00', severalGroups: 'highest' } },
      { rule: 'pay-r3', groupPricing: { kind: 'prices', prices: [{ group: 'ltu', price: '400.50' }], severalGroups: 'highest' } },
    ]);
    expect(contract.amendments?.versions[0]?.changes.rules?.[0]?.price).toBe('2000.00');
    expect(parseContract(scaled).ok).toBe(true);
  });
});

describe('scaled prices', () => {
  it('scales prices with the contract rounding; fees, increments and caps stay', () => {
    const contract = parsed(
      tiny([{ kind: 'contract', id: 'cap-total', amount: '3500.00', partialPayment: true }], {
        rounding: 'up',
        groups: [{ id: 'ltu', name: 'Long-term unemployed', priceMultiplier: '1.4' }],
        rules: [
          { kind: 'rateCard', id: 'pay-pl', name: 'Placement', outcome: 'placement', price: '333.33', groupPricing: { kind: 'multipliers', rounding: 'up', increment: '1.00', severalGroups: 'highest' }, prerequisites: [] },
          { kind: 'rateCard', id: 'pay-r3', name: 'Retention', outcome: 'ret3', price: '600.00', groupPricing: { kind: 'prices', prices: [{ group: 'ltu', price: '750.00' }], severalGroups: 'highest' }, prerequisites: [] },
          { kind: 'fee', id: 'start', name: 'Start', charge: { kind: 'perStart', amount: '60.00' } },
        ],
        tranches: trancheWithFee,
      }),
    );
    const scaled = scaledPrices(contract, new Decimal('0.5'));
    // 333.33 × 0.5 = 166.665, rounded up (the contract's mode) to 166.67; 600.00 × 0.5 = 300.00; 750.00 × 0.5 = 375.00.
    expect(scaled.rules[0]).toMatchObject({ price: '166.67', groupPricing: { kind: 'multipliers', increment: '1.00' } });
    expect(scaled.rules[1]).toMatchObject({ price: '300.00', groupPricing: { prices: [{ group: 'ltu', price: '375.00' }] } });
    expect(scaled.rules[2]).toEqual(contract.rules[2]);
    expect(scaled.caps).toEqual(contract.caps);
    // The original is unchanged and the variant is a valid contract.
    expect(contract.rules[0]).toMatchObject({ price: '333.33' });
    expect(parseContract(scaled).ok).toBe(true);
    expect(withCapAmount(contract, 'cap-total', new Decimal('12.5')).caps).toEqual([{ kind: 'contract', id: 'cap-total', amount: '12.50', partialPayment: true }]);
  });
});

describe('calibrate refuses bad options with CALIBRATION_OPTIONS, naming the option', () => {
  const base = { budget: '1000.00', runs: 2, seed: 1 };
  const cases: [string, Record<string, unknown>, string][] = [
    ['a budget that is a number', { ...base, budget: 1000 }, 'budget'],
    ['a budget finer than a cent', { ...base, budget: '1000.001' }, 'budget'],
    ['a negative budget', { ...base, budget: '-1.00' }, 'budget'],
    ['a percentile of 0', { ...base, percentile: 0 }, 'percentile'],
    ['a percentile above 100', { ...base, percentile: 101 }, 'percentile'],
    ['an unknown cap', { ...base, cap: 'nope' }, 'cap'],
    ['a share cap', { ...base, cap: 'share' }, 'cap'],
    ['a precision of 0', { ...base, precision: '0' }, 'precision'],
    ["a cap's precision finer than a cent", { ...base, cap: 'cap-total', precision: '0.001' }, 'precision'],
  ];
  const contract = tiny([
    { kind: 'contract', id: 'cap-total', amount: '3500.00', partialPayment: true },
    { kind: 'share', id: 'share', rule: 'pay-pl', share: '0.5', rounding: 'down' },
  ]);
  it.each(cases)('%s', (_label, options, field) => {
    const result = calibrate(contract, certain, options as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ code: 'CALIBRATION_OPTIONS', path: ['options', field] });
    expect(result.issues[0]?.message).toContain(`options.${field}`);
  });

  it('passes on the contract and simulation issues', () => {
    const bad = calibrate({ ...contract, currency: 'XXX' }, certain, base);
    expect(!bad.ok && bad.issues.some((issue) => issue.path[0] === 'currency')).toBe(true);
    const runs = calibrate(contract, certain, { ...base, runs: 0 });
    expect(!runs.ok && runs.issues[0]?.code).toBe('SIMULATION_OPTIONS');
  });
});

/** The nearest-rank percentile of the totals, in cents, by this file's own arithmetic. */
function percentileCents(contract: Contract, assumptions: Json, runs: number, seed: number, percentile: number): bigint {
  const result = simulate(contract, assumptions, { runs, seed });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const cents = result.value.total.map((amount) => BigInt(amount.toFixed(2).replace('.', ''))).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // rank = ceil(p × n / 100) with p a whole number: integer arithmetic.
  const rank = Math.max(Math.ceil((percentile * runs) / 100), 1);
  return cents[rank - 1] as bigint;
}

describe('calibrate on uncertain runs (properties)', () => {
  const uncertain: Json = { ...certain, cohorts: { A: { size: 20, enrolment: { from: '2024-01-10', to: '2024-02-10' } }, B: { size: 20, enrolment: { from: '2024-04-10', to: '2024-05-10' } } }, outcomes: { placement: { probability: 0.5, days: 10 }, ret3: { probability: 0.5 } } };
  const contract = parsed(tiny([{ kind: 'participant', id: 'per-person', amount: '1500.00', partialPayment: true, claimOrder: 'achievementDate' }]));

  it('the answer is within the budget and one precision above it is not; costs grow with the scale on common random numbers', () => {
    let found = 0;
    fc.assert(
      fc.property(fc.integer({ min: 100_000, max: 3_000_000 }), fc.constantFrom(50, 90, 95, 100), fc.integer({ min: 0, max: 1000 }), (budgetCents, percentile, seed) => {
        const budget = new Decimal(budgetCents).dividedBy(100).toFixed(2);
        const runs = 20;
        const answer = answerOf(calibrate(contract, uncertain, { budget, percentile, runs, seed, precision: '0.001' }));
        // A budget above the most four placements and retentions at the 1024 scale could cost would be unlimited; these are not.
        expect(answer.result).toBe('found');
        found++;
        const value = new Decimal(answer.value as string);
        const above = new Decimal(answer.above as string);
        expect(above.minus(value).toFixed()).toBe('0.001');
        expect(percentileCents(scaledPrices(contract, value), uncertain, runs, seed, percentile) <= BigInt(budgetCents)).toBe(true);
        expect(percentileCents(scaledPrices(contract, above), uncertain, runs, seed, percentile) > BigInt(budgetCents)).toBe(true);
        expect(answer.cost).toBe(new Decimal(String(percentileCents(scaledPrices(contract, value), uncertain, runs, seed, percentile))).dividedBy(100).toFixed(2));
        // Common random numbers: sorted by value, the costs never fall (the prices only grow, the cap cuts in part).
        const byValue = [...answer.steps].sort((a, b) => new Decimal(a.value).comparedTo(b.value));
        for (let i = 1; i < byValue.length; i++) expect(new Decimal(byValue[i]?.cost as string).gte(byValue[i - 1]?.cost as string)).toBe(true);
        // The interval holds the cost.
        const interval = answer.interval as { lower: string; upper: string };
        expect(new Decimal(interval.lower).lte(answer.cost as string) && new Decimal(interval.upper).gte(answer.cost as string)).toBe(true);
      }),
      { numRuns: 8, seed: 2026 },
    );
    expect(found).toBe(8);
  });
});
