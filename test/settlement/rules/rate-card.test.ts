/**
 * The rate card (src/settlement/rules/rate-card.ts): its prices (flat, a group price table,
 * multipliers rounded to the minor unit or to an increment, with their derivations), the price a
 * participant's groups pick, its claims (dated on the latest achievement of the outcome and its
 * prerequisites; amended contracts priced by the claim's or the enrolment's version), and its
 * closed-form bounds. Worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { ContractVersion, PaymentRule } from '../../../src/contract/index.js';
import type { Amount } from '../../../src/money/index.js';
import type { Resolution } from '../../../src/outcomes/index.js';
import type { OutcomeRecord } from '../../../src/records/index.js';
import { compileRatePrices, priceIndexFor, rateCard } from '../../../src/settlement/rules/rate-card.js';
import type { Claim } from '../../../src/settlement/rules/rule-module.js';
import { boundTerms, claim, day, ledgerOf, paidCohort, ruleTerms, runState, tranche } from './fixtures.js';

type Rule = Extract<PaymentRule, { kind: 'rateCard' }>;
const card = (groupPricing: unknown, extra: Partial<Record<string, unknown>> = {}): Rule =>
  ({ kind: 'rateCard', id: 'pay', name: 'Pay', outcome: 'retention', price: '1000.00', groupPricing, prerequisites: [], ...extra }) as unknown as Rule;
const texts = (amounts: readonly Amount[]): string[] => amounts.map((amount) => amount.toFixed(2));

describe('compileRatePrices', () => {
  it('flat: the base price only, the highest picked', () => {
    const prices = compileRatePrices(card({ kind: 'flat' }), [{ id: 'g', priceMultiplier: '2' }] as never, 'EUR');
    expect(texts(prices.prices)).toEqual(['1000.00']);
    expect(prices.derived).toEqual([undefined]);
    expect(prices.byGroup.size).toBe(0);
    expect(prices.pick).toBe('highest');
  });
  it('a price table: one price per distinct amount, a group at the base price on index 0, no derivation', () => {
    const prices = compileRatePrices(
      card({ kind: 'prices', severalGroups: 'lowest', prices: [{ group: 'g1', price: '1500.00' }, { group: 'g0', price: '1000' }, { group: 'g3', price: '1500' }, { group: 'g2', price: '2000.00' }] }),
      [],
      'EUR',
    );
    expect(texts(prices.prices)).toEqual(['1000.00', '1500.00', '2000.00']);
    expect([...prices.byGroup]).toEqual([['g1', 1], ['g0', 0], ['g3', 1], ['g2', 2]]);
    expect(prices.derived).toEqual([undefined, undefined, undefined]);
    expect(prices.pick).toBe('lowest');
  });
  it('multipliers to the minor unit: the rounding named only where it moved the price; groups without a multiplier or at the base price add nothing', () => {
    const groups = [
      { id: 'a', name: 'a', priceMultiplier: '1.5' },
      { id: 'n', name: 'n' },
      { id: 'one', name: 'one', priceMultiplier: '1' },
      { id: 'b', name: 'b', priceMultiplier: '1.234567' },
    ];
    const prices = compileRatePrices(card({ kind: 'multipliers', rounding: 'half-up', severalGroups: 'highest' }), groups, 'EUR');
    // a: 1000 × 1.5 = 1500 exactly; b: 1000 × 1.234567 = 1234.567 → half-up 1234.57; one: 1000 (the base)
    expect(texts(prices.prices)).toEqual(['1000.00', '1500.00', '1234.57']);
    expect([...prices.byGroup]).toEqual([['a', 1], ['one', 0], ['b', 2]]);
    expect(prices.derived[0]).toBeUndefined();
    expect(prices.derived[1]).toEqual({
      inputs: { priceGroup: 'a', listPrice: '1000', multiplier: '1.5', unrounded: '1500', roundingMode: 'half-up' },
      text: 'group a: 1000 × 1.5 = 1500',
    });
    expect(prices.derived[2]).toEqual({
      inputs: { priceGroup: 'b', listPrice: '1000', multiplier: '1.234567', unrounded: '1234.567', roundingMode: 'half-up' },
      text: 'group b: 1000 × 1.234567 = 1234.567, rounded half-up: 1234.57',
    });
    // half-down would give 1234.57 as well; down gives 1234.56
    expect(texts(compileRatePrices(card({ kind: 'multipliers', rounding: 'down', severalGroups: 'highest' }), groups as never, 'EUR').prices)).toEqual(['1000.00', '1500.00', '1234.56']);
  });
  it('multipliers to an increment: the text names the increment', () => {
    const prices = compileRatePrices(card({ kind: 'multipliers', rounding: 'up', increment: '5', severalGroups: 'lowest' }), [{ id: 'a', name: 'a', priceMultiplier: '1.234' }] as never, 'EUR');
    // 1000 × 1.234 = 1234 → up to a multiple of 5: 1235
    expect(texts(prices.prices)).toEqual(['1000.00', '1235.00']);
    expect(prices.derived[1]).toEqual({
      inputs: { priceGroup: 'a', listPrice: '1000', multiplier: '1.234', unrounded: '1234', roundingIncrement: '5', roundingMode: 'up' },
      text: 'group a: 1000 × 1.234 = 1234, rounded up to a multiple of 5',
    });
    expect(prices.pick).toBe('lowest');
  });
  it('two groups at one derived price: each input once when shared, every group named', () => {
    const groups = [
      { id: 'a', name: 'a', priceMultiplier: '1.5' },
      { id: 'b', name: 'b', priceMultiplier: '1.50' },
    ];
    const prices = compileRatePrices(card({ kind: 'multipliers', rounding: 'down', severalGroups: 'highest' }), groups, 'EUR');
    expect(texts(prices.prices)).toEqual(['1000.00', '1500.00']);
    expect(prices.derived[1]).toEqual({
      inputs: { priceGroup: 'a, b', listPrice: '1000', multiplier: '1.5, 1.50', unrounded: '1500', roundingMode: 'down' },
      text: 'group a: 1000 × 1.5 = 1500; group b: 1000 × 1.50 = 1500',
    });
  });
  it('multipliers without groups: the base price', () => {
    expect(texts(compileRatePrices(card({ kind: 'multipliers', rounding: 'down', severalGroups: 'highest' }), undefined, 'EUR').prices)).toEqual(['1000.00']);
  });
});

describe('priceIndexFor', () => {
  const table = (pick: string) =>
    compileRatePrices(card({ kind: 'prices', severalGroups: pick, prices: [{ group: 'mid', price: '1500.00' }, { group: 'high', price: '2000.00' }, { group: 'base', price: '1000.00' }] }), [], 'EUR');
  it('the base price for no priced group', () => {
    expect(priceIndexFor(table('highest'), [])).toBe(0);
    expect(priceIndexFor(table('highest'), ['unknown'])).toBe(0);
  });
  it('the only priced group, wherever it is', () => {
    expect(priceIndexFor(table('highest'), ['unknown', 'mid'])).toBe(1);
    expect(priceIndexFor(table('lowest'), ['high', 'unknown'])).toBe(2);
  });
  it('highest or lowest among several, in any order', () => {
    expect(priceIndexFor(table('highest'), ['mid', 'high'])).toBe(2);
    expect(priceIndexFor(table('highest'), ['high', 'mid'])).toBe(2);
    expect(priceIndexFor(table('highest'), ['base', 'mid', 'high'])).toBe(2);
    expect(priceIndexFor(table('lowest'), ['mid', 'high'])).toBe(1);
    expect(priceIndexFor(table('lowest'), ['high', 'mid'])).toBe(1);
    expect(priceIndexFor(table('lowest'), ['high', 'mid', 'base'])).toBe(0);
    // a group at the base price (index 0) chosen first is still compared with the next
    expect(priceIndexFor(table('lowest'), ['base', 'mid'])).toBe(0);
    expect(priceIndexFor(table('highest'), ['base', 'mid'])).toBe(1);
    // equal prices keep the first
    const same = compileRatePrices(card({ kind: 'prices', severalGroups: 'lowest', prices: [{ group: 'x', price: '1500.00' }, { group: 'y', price: '1500' }] }), [], 'EUR');
    expect(priceIndexFor(same, ['y', 'x'])).toBe(1);
  });
});

const record = (groups: string[], enrolledOn = day('2024-01-01')): OutcomeRecord => ({ id: 'p1', cohort: 'A', groups, enrolledOn, spells: [], wages: [], events: [] }) as unknown as OutcomeRecord;
const achievedOn = (iso: string): Resolution => ({ status: 'achieved', on: day(iso), reason: 'EVENT_RECORDED' }) as unknown as Resolution;
const pending = { status: 'pending', reason: 'WAITING' } as unknown as Resolution;
const claimsOf = (claims: Claim[]): string[] => claims.map((c) => `${c.rule} ${c.date} ${c.amount.toFixed(2)}${c.version === undefined ? '' : ` v${c.version}`}`);

describe('rate-card claims', () => {
  const rule = card({ kind: 'prices', severalGroups: 'highest', prices: [{ group: 'g1', price: '1500.00' }] }, { prerequisites: ['placement'] });
  const terms = ruleTerms({ rules: [card({ kind: 'flat' }, { id: 'first' }), rule], outcomes: ['placement', 'retention'] });

  it('a claim at the price of the participant\'s groups, dated on the latest of the outcome and its prerequisites', () => {
    const parts = rateCard.prepare(rule, 1, terms);
    expect(texts(parts.prices)).toEqual(['1000.00', '1500.00']);
    expect(parts.scheduled).toEqual([]);
    const claims: Claim[] = [];
    parts.claims?.(record(['g1']), [achievedOn('2024-03-01'), achievedOn('2024-02-01')], claims);
    parts.claims?.(record([]), [achievedOn('2024-02-01'), achievedOn('2024-03-05')], claims);
    expect(claimsOf(claims)).toEqual([`1 ${day('2024-03-01')} 1500.00`, `1 ${day('2024-03-05')} 1000.00`]);
  });
  it('no claim unless the outcome and every prerequisite are achieved', () => {
    const parts = rateCard.prepare(rule, 1, terms);
    const claims: Claim[] = [];
    parts.claims?.(record([]), [pending, achievedOn('2024-02-01')], claims);
    parts.claims?.(record([]), [achievedOn('2024-02-01'), pending], claims);
    parts.claims?.(record([]), [achievedOn('2024-02-01')], claims);
    expect(claims).toEqual([]);
    // an outcome the contract does not list is never achieved
    const unknown = rateCard.prepare(card({ kind: 'flat' }, { outcome: 'nowhere' }), 0, terms);
    unknown.claims?.(record([]), [achievedOn('2024-02-01'), achievedOn('2024-02-01')], claims);
    expect(claims).toEqual([]);
  });
  it('a participant not seen claims the highest price when achieving, nothing otherwise', () => {
    const parts = rateCard.prepare(rule, 1, terms);
    expect(texts(parts.unseenClaims(true, 0))).toEqual(['1500.00']);
    expect(parts.unseenClaims(false, 0)).toEqual([]);
  });
  it('its lines: the claims of its rule index, worded with its outcome and the derivation of a multiplied price', () => {
    const multiplied = card({ kind: 'multipliers', rounding: 'down', severalGroups: 'highest' });
    const t = ruleTerms({ rules: [multiplied], groups: [{ id: 'ev', name: 'ev', priceMultiplier: '1.4' }] });
    const parts = rateCard.prepare(multiplied, 0, t);
    const ledger = ledgerOf();
    claim(ledger, 0, 0, day('2024-01-10'), '1400.00', 'p1');
    claim(ledger, 0, 0, day('2024-01-10'), '1000.00', 'p2');
    claim(ledger, 0, 0, day('2024-01-10'), '1000.00', 'p3');
    const lines = parts.lines(tranche(ledger, runState(), [0], day('2024-01-31')));
    expect(lines.map((l) => l.formula)).toEqual(['1 participant who achieved retention × 1400 (group ev: 1000 × 1.4 = 1400)', '2 participants who achieved retention × 1000']);
    expect(lines[0]?.inputs['multiplier']).toBe('1.4');
    // an amount that is none of the card's prices has no derivation
    const other = ledgerOf();
    claim(other, 0, 0, day('2024-01-10'), '999.00', 'p4');
    expect(parts.lines(tranche(other, runState(), [0], day('2024-01-31'))).map((l) => l.formula)).toEqual(['1 participant who achieved retention × 999']);
  });
  it('its lines obey its outcome-volume and share caps', () => {
    const t = ruleTerms({
      rules: [card({ kind: 'flat' })],
      caps: [
        { kind: 'outcomeVolume', id: 'v', rule: 'pay', targetUnits: 1 },
        { kind: 'share', id: 's', rule: 'pay', share: '0.5', rounding: 'up' },
      ],
    });
    const parts = rateCard.prepare(card({ kind: 'flat' }), 0, t);
    const ledger = ledgerOf();
    ledger.cohorts[0]?.tally.enrolled.add(day('2024-01-01'), 3);
    for (const id of ['a', 'b', 'c']) claim(ledger, 0, 0, day('2024-01-10'), '1000.00', id);
    const state = runState();
    // share: 3 × 0.5 = 1.5 → up 2 kept; volume 1 of those
    const [line] = parts.lines(tranche(ledger, state, [0], day('2024-01-31')));
    expect(line?.claims).toBe(1);
    expect(line?.inputs['cutByShareCap']).toBe(1);
    expect(line?.inputs['cutByVolumeCap']).toBe(1);
  });
});

describe('amended rate cards', () => {
  const base = card({ kind: 'prices', severalGroups: 'highest', prices: [{ group: 'g', price: '1200.00' }] });
  const v2rule = card({ kind: 'prices', severalGroups: 'highest', prices: [{ group: 'g', price: '1800.00' }] }, { price: '900.00' });
  const versions = [
    { id: 'base', from: day('2020-01-01'), terms: { rules: [base] } },
    { id: 'v2', from: day('2024-06-01'), terms: { rules: [v2rule] } },
  ] as unknown as ContractVersion[];

  it('priced by the version in force on the claim date', () => {
    const parts = rateCard.prepare(base, 0, ruleTerms({ rules: [base], versions }));
    expect(texts(parts.prices)).toEqual(['1000.00', '1200.00', '900.00', '1800.00']);
    const claims: Claim[] = [];
    parts.claims?.(record(['g'], day('2024-01-01')), [achievedOn('2024-01-01'), achievedOn('2024-05-31')], claims);
    parts.claims?.(record(['g'], day('2024-01-01')), [achievedOn('2024-01-01'), achievedOn('2024-06-01')], claims);
    parts.claims?.(record([], day('2024-01-01')), [achievedOn('2024-01-01'), achievedOn('2024-06-02')], claims);
    parts.claims?.(record([], day('2024-01-01')), [achievedOn('2024-01-01'), pending], claims);
    expect(claimsOf(claims)).toEqual([`0 ${day('2024-05-31')} 1200.00`, `0 ${day('2024-06-01')} 1800.00`, `0 ${day('2024-06-02')} 900.00`]);
    // the highest of every version for a participant not seen
    expect(texts(parts.unseenClaims(true, 0))).toEqual(['1800.00']);
  });
  it('priced by the version in force on the enrolment date, the claim naming it', () => {
    const parts = rateCard.prepare(base, 0, ruleTerms({ rules: [base], versions, amendments: { pricedBy: 'enrolment', versions: [] } }));
    const claims: Claim[] = [];
    parts.claims?.(record(['g'], day('2024-05-31')), [achievedOn('2024-01-01'), achievedOn('2024-07-01')], claims);
    parts.claims?.(record(['g'], day('2024-06-01')), [achievedOn('2024-01-01'), achievedOn('2024-07-01')], claims);
    parts.claims?.(record([], day('2024-06-01')), [achievedOn('2024-01-01'), achievedOn('2024-07-02')], claims);
    parts.claims?.(record([], day('2024-06-01')), [achievedOn('2024-01-01'), pending], claims);
    expect(claimsOf(claims)).toEqual([`0 ${day('2024-07-01')} 1200.00 v0`, `0 ${day('2024-07-01')} 1800.00 v1`, `0 ${day('2024-07-02')} 900.00 v1`]);
  });
  it('by the achievement date when the amendments say so', () => {
    const parts = rateCard.prepare(base, 0, ruleTerms({ rules: [base], versions, amendments: { pricedBy: 'achievement', versions: [] } }));
    const claims: Claim[] = [];
    parts.claims?.(record(['g'], day('2024-05-31')), [achievedOn('2024-01-01'), achievedOn('2024-07-01')], claims);
    expect(claimsOf(claims)).toEqual([`0 ${day('2024-07-01')} 1800.00`]);
  });
});

describe('rate-card bounds', () => {
  const rule = card({ kind: 'prices', severalGroups: 'highest', prices: [{ group: 'g', price: '1500.00' }] });
  const cells = (terms: ReturnType<typeof boundTerms>, r: Rule = rule) => rateCard.bounds(r, terms).map((c) => `${c.cohort} ${c.outcome} ${c.most.toFixed(2)} ${c.least.toFixed(2)} ${c.claims?.participants}/${c.claims?.largest.toFixed(2)}`);
  it('every participant of a paid cohort at the highest price; never a sure least', () => {
    // A: 10 × 1500 = 15000; B: 2 × 1500 = 3000
    expect(cells(boundTerms({ rules: [rule], paidCohorts: [paidCohort('A', 10), paidCohort('B', 2)] }))).toEqual(['A retention 15000.00 0.00 10/1500.00', 'B retention 3000.00 0.00 2/1500.00']);
  });
  it('raised by the largest price factor, rounded up', () => {
    // 1500 × 1.0001 = 1500.15; × 3 = 4500.45
    expect(cells(boundTerms({ rules: [rule], paidCohorts: [paidCohort('A', 3)], factor: '1.0001' }))).toEqual(['A retention 4500.45 0.00 3/1500.15']);
  });
  it('the highest price of every version', () => {
    const amendments = { versions: [{ id: 'v2', effectiveFrom: '2024-06-01', changes: { rules: [{ rule: 'pay', price: '2500.00' }] } }] };
    const terms = boundTerms({ rules: [rule], paidCohorts: [paidCohort('A', 2)], amendments });
    (terms.contract as { period?: unknown }).period = { start: '2024-01-01', end: '2026-12-31' };
    // version v2: base 2500 > group 1500: 2 × 2500 = 5000
    expect(cells(terms)).toEqual(['A retention 5000.00 0.00 2/2500.00']);
    // a rule not in the contract: its own prices only
    expect(cells(terms, card({ kind: 'flat' }, { price: '10.00' }))).toEqual(['A retention 20.00 0.00 2/10.00']);
  });
  it('pays for its outcome and reads no rate', () => {
    expect(rateCard.paysFor(rule)).toEqual(['retention']);
    expect(rateCard.rateUses(rule)).toEqual([]);
    expect(rateCard.kind).toBe('rateCard');
  });
});
