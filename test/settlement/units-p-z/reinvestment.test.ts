/**
 * Reinvestment set-asides (src/settlement/reinvestment.ts) over successive tranches, on hand-made
 * lines: payments above a threshold, payments for units beyond a target (shared among a line's
 * claims), the cumulative cap, the contract's rounding, payer caps that paid less than the lines
 * asked, and no tranche setting aside more than it earned. Every figure is worked out in a comment.
 */
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../src/contract/index.js';
import { ZERO, parseAmount, type Amount, type Ratio } from '../../../src/money/index.js';
import type { Line } from '../../../src/settlement/lines.js';
import { paidLine } from './paid-line.js';
import type { SettlementPlan } from '../../../src/settlement/plan.js';
import { reinvest, type ReinvestmentPart, type ReinvestmentState } from '../../../src/settlement/reinvestment.js';

type Reinvestment = NonNullable<Contract['reinvestment']>[number];

function plan(reinvestment: Reinvestment[] | undefined, rounding = 'half-up'): SettlementPlan {
  const contract = reinvestment === undefined ? {} : { reinvestment };
  return { contract, currency: 'EUR', rounding } as unknown as SettlementPlan;
}

function state(): ReinvestmentState {
  return { earned: ZERO, units: new Map<string, number>(), surplus: new Map<string, Ratio>(), setAside: new Map<string, Amount>() };
}

const line = (paid: string, fields: Partial<Line> = {}): Line => paidLine(paid, fields);

const above = (id: string, threshold: string, share: string, cap: string, destination: Reinvestment['destination'] = { kind: 'cohort', cohort: 'B' }): Reinvestment => ({
  id,
  name: id,
  trigger: { kind: 'paymentsAboveThreshold', threshold },
  share,
  destination,
  cap,
});

const surplus = (id: string, targetUnits: number, share: string, cap: string): Reinvestment => ({
  id,
  name: id,
  trigger: { kind: 'surplusOverTarget', outcome: 'placement', targetUnits },
  share,
  destination: { kind: 'external', name: 'Skills fund' },
  cap,
});

const amounts = (parts: ReinvestmentPart[]): string[] => parts.map((part) => `${part.reinvestment} → ${part.destination}: ${part.amount.toFixed(2)}`);

describe('payments above a threshold', () => {
  const p = plan([above('recycle', '1000.00', '0.25', '500.00')]);

  it('sets aside its share of the cumulative payments above the threshold, up to the cap over the contract', () => {
    const s = state();
    // tranche 1: 800 to date, below 1000: nothing
    expect(reinvest(p, s, [line('800.00')], parseAmount('800.00'))).toEqual([]);
    expect(s.earned.toFixed(2)).toBe('800.00');
    expect(s.setAside.get('recycle')?.toFixed(2)).toBe('0.00');
    // tranche 2: 1800 to date, 800 above: 0.25 × 800 = 200
    const second = reinvest(p, s, [line('1000.00')], parseAmount('1000.00'));
    expect(amounts(second)).toEqual(['recycle → cohort B: 200.00']);
    expect(second[0]?.formula).toBe('0.25 × payments to date 1800 above 1000.00, capped at 500.00 over the contract; 0 set aside before');
    // tranche 3: 3800 to date, 2800 above: 0.25 × 2800 = 700, capped at 500; 200 before: 300 now
    const third = reinvest(p, s, [line('2000.00')], parseAmount('2000.00'));
    expect(amounts(third)).toEqual(['recycle → cohort B: 300.00']);
    expect(third[0]?.formula).toBe('0.25 × payments to date 3800 above 1000.00, capped at 500.00 over the contract; 200 set aside before');
    // tranche 4: the cap is used up: nothing
    expect(reinvest(p, s, [line('100.00')], parseAmount('100.00'))).toEqual([]);
    expect(s.setAside.get('recycle')?.toFixed(2)).toBe('500.00');
    expect(s.earned.toFixed(2)).toBe('3900.00');
  });

  it('payments equal to the threshold set nothing aside; one cent above sets aside its share, rounded', () => {
    const s = state();
    expect(reinvest(p, s, [line('1000.00')], parseAmount('1000.00'))).toEqual([]);
    // 1000.04: 0.04 above, 0.25 × 0.04 = 0.01
    expect(amounts(reinvest(p, s, [line('0.04')], parseAmount('0.04')))).toEqual(['recycle → cohort B: 0.01']);
  });

  it('rounds the cumulative set-aside by the contract’s rounding mode', () => {
    // share 0.125 of 100.04 above 0 = 12.505: half-up 12.51, half-even 12.50
    const r = [above('recycle', '0.00', '0.125', '1000.00')];
    expect(amounts(reinvest(plan(r, 'half-up'), state(), [line('100.04')], parseAmount('100.04')))).toEqual(['recycle → cohort B: 12.51']);
    expect(amounts(reinvest(plan(r, 'half-even'), state(), [line('100.04')], parseAmount('100.04')))).toEqual(['recycle → cohort B: 12.50']);
  });

  it('never sets aside more than the tranche earned, over all its reinvestments in contract order', () => {
    const p2 = plan([above('first', '0.00', '0.5', '1000.00'), above('second', '0.00', '0.75', '1000.00', { kind: 'external', name: 'Fund' })]);
    const s = state();
    // earned 100: first 0.5 × 100 = 50 (50 left); second wants 0.75 × 100 = 75, gets the 50 left
    expect(amounts(reinvest(p2, s, [line('100.00')], parseAmount('100.00')))).toEqual(['first → cohort B: 50.00', 'second → Fund: 50.00']);
    // earned 100 more (200 to date): first wants 100, had 50: 50 (50 left); second wants 150, had 50: 100, gets 50
    expect(amounts(reinvest(p2, s, [line('100.00')], parseAmount('100.00')))).toEqual(['first → cohort B: 50.00', 'second → Fund: 50.00']);
    expect(s.setAside.get('second')?.toFixed(2)).toBe('100.00');
    // earned 0 (200 to date): first has its 100; second wants 150, had 100, but nothing is left: no part
    expect(reinvest(p2, s, [], ZERO)).toEqual([]);
    expect(s.setAside.get('second')?.toFixed(2)).toBe('100.00');
  });

  it('a contract without reinvestment sets nothing aside but counts the payments', () => {
    const s = state();
    expect(reinvest(plan(undefined), s, [line('10.00')], parseAmount('10.00'))).toEqual([]);
    expect(s.earned.toFixed(2)).toBe('10.00');
  });
});

describe('payments beyond a target number of units', () => {
  it('counts the part of each line paid for units beyond the target, across tranches', () => {
    const p = plan([surplus('beyond', 3, '0.1', '1000.00')]);
    const s = state();
    // units 0 → 2 (target 3: none beyond); then 2 → 4: 1 of the line's 2 claims beyond, 300 × 1/2 = 150;
    // the other outcome, the non-rate-card line, and the lines without claims are not counted
    const first = reinvest(
      p,
      s,
      [
        line('200.00', { claims: 2 }),
        line('300.00', { claims: 2 }),
        line('999.00', { outcome: 'retention', claims: 5 }),
        line('999.00', { kind: 'sustainment', claims: 5 }),
        line('999.00', { claims: null }),
        line('0.00', { claims: 0 }),
      ],
      parseAmount('3497.00'),
    );
    // 0.1 × 150 = 15
    expect(amounts(first)).toEqual(['beyond → Skills fund: 15.00']);
    expect(first[0]?.formula).toBe('0.1 × payments for placement beyond 3 units (4 paid so far): 150, capped at 1000.00 over the contract; 0 set aside before');
    expect(s.units.get('beyond')).toBe(4);
    // units 4 → 7, all 3 beyond: 300 more, 450 in all; 0.1 × 450 = 45, 15 before: 30
    const second = reinvest(p, s, [line('300.00', { claims: 3 })], parseAmount('300.00'));
    expect(amounts(second)).toEqual(['beyond → Skills fund: 30.00']);
    expect(second[0]?.formula).toBe('0.1 × payments for placement beyond 3 units (7 paid so far): 450, capped at 1000.00 over the contract; 15 set aside before');
    expect(s.units.get('beyond')).toBe(7);
  });

  it('a line ending exactly on the target has nothing beyond it; the next unit is', () => {
    const p = plan([surplus('beyond', 3, '1', '1000.00')]);
    const s = state();
    // 0 → 3: none beyond
    expect(reinvest(p, s, [line('300.00', { claims: 3 })], parseAmount('300.00'))).toEqual([]);
    expect(s.units.get('beyond')).toBe(3);
    // 3 → 4: one unit beyond, 100 × 1/1; share 1: 100
    expect(amounts(reinvest(p, s, [line('100.00', { claims: 1 })], parseAmount('100.00')))).toEqual(['beyond → Skills fund: 100.00']);
  });

  it('counts a surplus in the proportion paid when payer caps paid less than the lines asked', () => {
    const p = plan([surplus('beyond', 0, '1', '1000.00')]);
    // target 0: all 2 claims beyond, 500; paid 400 of 500 asked: 500 × 400 / 500 = 400
    expect(amounts(reinvest(p, state(), [line('500.00', { claims: 2 })], parseAmount('400.00')))).toEqual(['beyond → Skills fund: 400.00']);
    // paid all that was asked: 500
    expect(amounts(reinvest(p, state(), [line('500.00', { claims: 2 })], parseAmount('500.00')))).toEqual(['beyond → Skills fund: 500.00']);
    // two lines asking 250 + 250, 300 paid: the surplus 500 × 300/500 = 300
    expect(amounts(reinvest(p, state(), [line('250.00'), line('250.00')], parseAmount('300.00')))).toEqual(['beyond → Skills fund: 300.00']);
  });
});
