/**
 * Every amount a settlement computes is exact at the money core's limits (amounts below 10^15,
 * 12 decimal places, up to 10,000,000 participants): count × price, multiplier × price rounded,
 * chains of price factors, a cohort rate as a fraction and a linear schedule at it, a reinvested
 * share, the split among payers, sums over many claims, wage progression comparisons. The engine
 * (a real session, its records multiplied by merging sessions, so ten million participants cost
 * a few merges) is checked against an independent model written here with exact fractions of
 * bigints, from docs/settlement.md, docs/contract.md and docs/money.md.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { ContractInput } from '../../../src/contract/index.js';
import { parseContract, validateRecords } from '../../../src/index.js';
import { checkOptions, openSession, readPrevious, type SettlementSession } from '../../../src/internal.js';
import { MAX_AMOUNT_DECIMALS, MAX_AMOUNT_INTEGER_DIGITS } from '../../../src/money/index.js';
import { runs, timeLimit } from '../../runs.js';

vi.setConfig({ testTimeout: timeLimit(120_000) });

// ---- an independent model: fractions of bigints --------------------------------------------

/** n / d, d > 0 (not necessarily in lowest terms). */
type Q = readonly [bigint, bigint];
const q = (text: string): Q => {
  const [whole = '0', fraction = ''] = text.split('.');
  return [BigInt(whole + fraction), 10n ** BigInt(fraction.length)];
};
const qi = (n: number | bigint): Q => [BigInt(n), 1n];
const mul = (a: Q, b: Q): Q => [a[0] * b[0], a[1] * b[1]];
const add = (a: Q, b: Q): Q => [a[0] * b[1] + b[0] * a[1], a[1] * b[1]];
const sub = (a: Q, b: Q): Q => [a[0] * b[1] - b[0] * a[1], a[1] * b[1]];
const div = (a: Q, b: Q): Q => (b[0] < 0n ? [-a[0] * b[1], a[1] * -b[0]] : [a[0] * b[1], a[1] * b[0]]);
const cmp = (a: Q, b: Q): number => Number(a[0] * b[1] - b[0] * a[1] > 0n) - Number(a[0] * b[1] - b[0] * a[1] < 0n);
const max = (a: Q, b: Q): Q => (cmp(a, b) >= 0 ? a : b);
const min = (a: Q, b: Q): Q => (cmp(a, b) <= 0 ? a : b);

/** Rounds a non-negative fraction to `places` decimals: an integer of minor units. */
function roundUnits(x: Q, places: number, mode: string): bigint {
  const scaled = x[0] * 10n ** BigInt(places);
  const floor = scaled / x[1];
  const rest = scaled - floor * x[1]; // 0 <= rest < d
  if (rest === 0n) return floor;
  const half = rest * 2n - x[1]; // > 0 above the half
  const up = { up: true, ceiling: true, down: false, floor: false, 'half-up': half >= 0n, 'half-down': half > 0n, 'half-even': half > 0n || (half === 0n && floor % 2n === 1n) }[mode];
  if (up === undefined) throw new Error(`mode ${mode}`);
  return up ? floor + 1n : floor;
}
const units = (x: Q, places: number): Q => [roundUnits(x, places, 'down'), 1n];
const money = (minor: bigint, places: number): string => {
  if (places === 0) return minor.toString();
  const digits = minor.toString().padStart(places + 1, '0');
  return `${digits.slice(0, -places)}.${digits.slice(-places)}`;
};

// ---- generators at the limits ---------------------------------------------------------------

const CURRENCIES = [['EUR', 2], ['JPY', 0], ['KWD', 3], ['CLF', 4]] as const;
const MODES = ['half-even', 'half-up', 'half-down', 'up', 'down', 'ceiling', 'floor'] as const;
const LIMIT = 10n ** BigInt(MAX_AMOUNT_INTEGER_DIGITS); // every amount is below it

/** A decimal of `places` places below 10^15: at the limit, near it, or anywhere. */
const decimal = (places: number, below: bigint = LIMIT): fc.Arbitrary<string> => {
  const top = below * 10n ** BigInt(places) - 1n;
  return fc.oneof(fc.constant(top), fc.bigInt({ min: top - 1000n, max: top }), fc.bigInt({ min: 0n, max: top }), fc.bigInt({ min: 0n, max: 10n ** BigInt(places + 4) })).map((n) => money(n < 0n ? 0n : n, places));
};
/** A rate in [0, 1] of 12 decimal places. */
const rate = fc.oneof(fc.constantFrom(0n, 10n ** 12n, 1n, 10n ** 12n - 1n), fc.bigInt({ min: 0n, max: 10n ** 12n })).map((n) => money(n, MAX_AMOUNT_DECIMALS));

interface Template {
  readonly groups: readonly string[];
  readonly placed: boolean;
  readonly baseline: string;
  readonly wage: string;
  /** The wage exactly at the threshold over the baseline, 10^-12 below it, or as drawn. */
  readonly boundary: 'at' | 'below' | 'none';
  readonly count: number;
}

const template: fc.Arbitrary<Template> = fc.record({
  groups: fc.subarray(['g1', 'g2', 'g3']),
  placed: fc.boolean(),
  baseline: fc.oneof(decimal(MAX_AMOUNT_DECIMALS), decimal(2, 10n ** 12n)),
  wage: decimal(MAX_AMOUNT_DECIMALS),
  boundary: fc.constantFrom('at' as const, 'below' as const, 'none' as const),
  count: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2_500_000 })),
});

/** The exact decimal text of `x` with `places` decimals, or undefined when it has more. */
function exactText(x: Q, places: number): string | undefined {
  const scaled = x[0] * 10n ** BigInt(places);
  return scaled % x[1] === 0n && x[0] >= 0n ? money(scaled / x[1], places) : undefined;
}

/** A template's wage: at the threshold `baseline × (1 + percent / 100)` (or just below) when that fits 12 decimals. */
function wageOf(t: Template, percent: string): string {
  if (t.boundary === 'none') return t.wage;
  const at = mul(q(t.baseline), div(add(qi(100), q(percent)), qi(100)));
  const text = exactText(t.boundary === 'at' ? at : sub(at, q('0.000000000001')), MAX_AMOUNT_DECIMALS);
  return text !== undefined && cmp(q(text), qi(LIMIT)) < 0 ? text : t.wage;
}

const scenario = fc
  .record({
    currency: fc.constantFrom(...CURRENCIES),
    rounding: fc.constantFrom(...MODES),
    priceRounding: fc.constantFrom(...MODES),
    several: fc.constantFrom('highest' as const, 'lowest' as const),
    multipliers: fc.tuple(decimal(MAX_AMOUNT_DECIMALS), decimal(MAX_AMOUNT_DECIMALS, 10n)),
    factors: fc.array(rate, { maxLength: 6 }),
    percent: fc.oneof(decimal(MAX_AMOUNT_DECIMALS), decimal(8, 1000n)),
    rates: fc.tuple(rate, rate),
    perAchiever: fc.boolean(),
    reinvestShare: rate,
    cuts: fc.uniqueArray(fc.bigInt({ min: 1n, max: 10n ** 12n - 1n }), { maxLength: 2 }),
    templates: fc.array(template, { minLength: 1, maxLength: 4 }),
    seed: fc.integer(),
  })
  .chain((s) => {
    const places = s.currency[1];
    return fc.record({
      fee: decimal(places),
      price: decimal(places),
      wagePrice: decimal(places),
      amounts: fc.tuple(decimal(places), decimal(places), decimal(places)),
      threshold: decimal(places),
      cap: decimal(places),
    }).map((m) => ({ ...s, ...m }));
  });
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function contractOf(s: Scenario): ContractInput {
  const [floor, target] = [s.rates[0], s.rates[1]].sort((a, b) => cmp(q(a), q(b)));
  const [atFloor, atTarget, ceiling] = [...s.amounts].sort((a, b) => cmp(q(a), q(b)));
  const cuts = [...s.cuts].sort((a, b) => (a < b ? -1 : 1));
  const bounds = [0n, ...cuts, 10n ** 12n];
  const shares = bounds.slice(1).map((b, i) => money(b - (bounds[i] ?? 0n), MAX_AMOUNT_DECIMALS));
  return {
    schemaVersion: '2.0', id: 'limits', name: 'At the limits', currency: s.currency[0], rounding: s.rounding,
    period: { start: '2024-01-01', end: '2026-12-31' },
    parties: { payers: shares.map((share, i) => ({ id: `payer-${i}`, name: `Payer ${i}`, share })), provider: { id: 'provider', name: 'Provider' } },
    cohorts: [{ id: 'C', enrolmentStart: '2024-01-01', enrolmentEnd: '2024-01-31' }],
    groups: [
      { id: 'g1', name: 'G1', priceMultiplier: s.multipliers[0] },
      { id: 'g2', name: 'G2', priceMultiplier: s.multipliers[1] },
      { id: 'g3', name: 'G3' },
    ],
    outcomes: [
      { kind: 'placement', id: 'placement', name: 'Placement', window: { from: 'enrolment', days: 90 }, contractTypes: 'any' },
      { kind: 'wageProgression', id: 'wage', name: 'Wage', placementOutcome: 'placement', months: 1, baseline: 'preProgramme', threshold: { kind: 'percent', percent: s.percent } },
    ],
    rules: [
      { kind: 'fee', id: 'fee', name: 'Fee', charge: { kind: 'perStart', amount: s.fee } },
      { kind: 'rateCard', id: 'pay-placement', name: 'Placement', outcome: 'placement', price: s.price, groupPricing: { kind: 'multipliers', rounding: s.priceRounding, severalGroups: s.several }, prerequisites: [] },
      { kind: 'rateCard', id: 'pay-wage', name: 'Wage', outcome: 'wage', price: s.wagePrice, groupPricing: { kind: 'flat' }, prerequisites: [] },
      {
        kind: 'cohortRate', id: 'rate', name: 'Rate', outcome: 'placement', cohorts: ['C'], pooling: 'perCohort', denominator: { kind: 'enrolled' },
        pending: 'exclude', emptyCohort: 'nothing', amountBasis: s.perAchiever ? 'perAchiever' : 'perCohort',
        schedule: { kind: 'linear', floor: floor ?? '0', target: target ?? '1', amountAtFloor: atFloor ?? '0', amountAtTarget: atTarget ?? '0', ceiling: ceiling ?? '0' },
      },
    ],
    tranches: [{ id: 'T1', name: 'T1', rules: ['fee', 'pay-placement', 'pay-wage', 'rate'], cohorts: ['C'], measuredOn: '2025-06-30', dueOn: '2025-07-31' }],
    ...(s.factors.length === 0
      ? {}
      : {
          exitClauses: s.factors.map((factor, i) => ({
            id: `taper-${i}`, name: `Taper ${i}`, checkOn: '2024-01-01', condition: { kind: 'datePassed' as const, date: '2024-01-01' },
            effect: { kind: 'reducePrices' as const, factor, rules: ['pay-placement', 'pay-wage'] },
          })),
        }),
    reinvestment: [{ id: 'reinvest', name: 'Reinvest', trigger: { kind: 'paymentsAboveThreshold', threshold: s.threshold }, share: s.reinvestShare, destination: { kind: 'external', name: 'Fund' }, cap: s.cap }],
  };
}

/** The raw record of a template: enrolled 2024-01-02; placed on 2024-02-01 (a job at its wage), or never. */
function recordOf(t: Template, i: number, percent: string): Record<string, unknown> {
  return {
    id: `P${i}`, cohort: 'C', enrolledOn: '2024-01-02', groups: [...t.groups], baselineWage: t.baseline,
    ...(t.placed ? { spells: [{ start: '2024-02-01', monthlyWage: wageOf(t, percent) }] } : {}),
  };
}

/** What the contract owes, by the model: earned, reinvested and each payer's part, as money text. */
function model(s: Scenario, contract: ContractInput): { earned: string; reinvested: string; payers: string[] } {
  const places = s.currency[1];
  const factor = s.factors.reduce<Q>((f, x) => mul(f, q(x)), qi(1));
  const reduced = (price: Q): Q => (s.factors.length === 0 ? price : [roundUnits(mul(price, factor), places, s.rounding), 10n ** BigInt(places)]);
  const multiplier = new Map([['g1', q(s.multipliers[0])], ['g2', q(s.multipliers[1])]]);
  let earned = qi(0);
  let enrolled = 0n;
  let placed = 0n;
  for (const t of s.templates) {
    const n = BigInt(t.count);
    enrolled += n;
    earned = add(earned, mul(q(s.fee), qi(n)));
    if (!t.placed) continue;
    placed += n;
    // price: the base, or among the participant's groups with a multiplier the highest (lowest) rounded price
    const priced = t.groups.flatMap((g) => {
      const m = multiplier.get(g);
      return m === undefined ? [] : [[roundUnits(mul(q(s.price), m), places, s.priceRounding), 10n ** BigInt(places)] as Q];
    });
    const price = priced.length === 0 ? q(s.price) : priced.reduce((a, b) => (s.several === 'highest' ? max(a, b) : min(a, b)));
    earned = add(earned, mul(reduced(price), qi(n)));
    // wage progression: wage − baseline ≥ baseline × percent / 100 (a zero baseline: any wage above 0)
    const [w, b] = [q(wageOf(t, s.percent)), q(t.baseline)];
    const rose = b[0] === 0n ? w[0] > 0n : cmp(sub(w, b), div(mul(b, q(s.percent)), qi(100))) >= 0;
    if (rose) earned = add(earned, mul(reduced(q(s.wagePrice)), qi(n)));
  }
  const schedule = contract.rules[3];
  if (schedule?.kind !== 'cohortRate' || schedule.schedule.kind !== 'linear') throw new Error('model: rule 3');
  const { floor, target, amountAtFloor, amountAtTarget, ceiling } = schedule.schedule;
  if (enrolled > 0n) {
    const r: Q = [placed, enrolled];
    if (cmp(r, q(floor)) >= 0) {
      const span = sub(q(target), q(floor));
      const linear = span[0] === 0n ? q(amountAtTarget) : add(q(amountAtFloor), mul(div(sub(r, q(floor)), span), sub(q(amountAtTarget), q(amountAtFloor))));
      const value = mul(min(linear, q(ceiling)), s.perAchiever ? qi(placed) : qi(1));
      earned = add(earned, [roundUnits(value, places, s.rounding), 10n ** BigInt(places)]);
    }
  }
  const total = units(earned, places)[0]; // a whole number of minor units already
  const above = max(sub(earned, q(s.threshold)), qi(0));
  const reinvested = min([roundUnits(mul(above, q(s.reinvestShare)), places, s.rounding), 10n ** BigInt(places)], q(s.cap));
  // largest remainder, in minor units: floors, then the units left to the largest remainders (ties: earlier payer)
  const weights = contract.parties.payers.map((p) => q(p.share ?? '0')[0] * (10n ** 12n / q(p.share ?? '0')[1]));
  const sum = weights.reduce((a, b) => a + b, 0n);
  const parts = weights.map((w) => (total * w) / sum);
  const order = weights.map((w, i) => ({ rest: (total * w) % sum, i })).sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  let left = total - parts.reduce((a, b) => a + b, 0n);
  for (const { i } of order) if (left-- > 0n) parts[i] = (parts[i] ?? 0n) + 1n;
  return { earned: money(total, places), reinvested: money(roundUnits(reinvested, places, 'down'), places), payers: parts.map((p) => money(p, places)) };
}

/** A session holding `count` copies of one validated record, made by merging sessions (doubling). */
function copies(open: () => SettlementSession, record: Parameters<SettlementSession['add']>[0], count: number): SettlementSession {
  const total = open();
  let power = open();
  power.add(record);
  for (let rest = count; rest > 0; rest = Math.floor(rest / 2)) {
    if (rest % 2 === 1) total.merge(power);
    if (rest > 1) {
      const doubled = open();
      doubled.merge(power);
      doubled.merge(power);
      power = doubled;
    }
  }
  return total;
}

describe('exact at the limits', () => {
  it('amounts below 10^15 with 12 decimals, up to 10^7 participants: the engine owes what exact fractions give', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const contract = contractOf(s);
        const parsed = parseContract(contract);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
        const options = checkOptions({ asOf: '2025-06-30' }, parsed.value).options;
        if (options === undefined) throw new Error('options');
        const previous = readPrevious([], parsed.value, options.asOf).value;
        const open = (): SettlementSession => openSession(parsed.value, options, previous);
        const context = { cohortIds: new Set(['C']), groupIds: new Set(['g1', 'g2', 'g3']) };
        const all = open();
        s.templates.forEach((t, i) => {
          const valid = validateRecords([recordOf(t, i, s.percent)], context);
          if (!valid.ok) throw new Error(JSON.stringify(valid.issues));
          all.merge(copies(open, valid.value.records[0] as never, t.count));
        });
        const settled = all.finish({ recordsRead: 0, recordsSettled: 0, recordsExcluded: 0, issues: [] }, '{}');
        if (!settled.ok) throw new Error(JSON.stringify(settled.issues));
        const expected = model(s, contract);
        const got = settled.value;
        expect({ earned: got.totals.earned, reinvested: got.totals.reinvested, payers: got.payers.map((p) => p.earned) }).toEqual(expected);
      }),
      { numRuns: runs(100) },
    );
  });
});
