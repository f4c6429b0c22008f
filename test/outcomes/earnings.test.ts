/**
 * Earnings threshold outcomes resolved one participant at a time (docs/mechanics/earnings-threshold.md,
 * docs/outcomes.md): the threshold's arithmetic, which pay periods count, the day it is reached,
 * pending and failed. Every figure and date is worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/contract/schema.js';
import { parseAmount, ratioOf, ratioOver, ratioOfInteger, compareRatios } from '../../src/money/index.js';
import { compileOutcomes } from '../../src/outcomes/index.js';
import { countedEarnings, earningsThreshold } from '../../src/outcomes/earnings.js';
import type { CompiledEarningsOutcome, CompiledEarningsThreshold } from '../../src/outcomes/compiled-form.js';
import type { OutcomeRecord } from '../../src/records/schema.js';
import { d, record, resolveText } from './helpers.js';

type EarningsOutcome = Extract<Outcome, { kind: 'earningsThreshold' }>;

/** 16 hours × 26 weeks at the rate in force: 10.42 from 2023-04-01, 11.44 from 2024-04-01. */
const WAGE: EarningsOutcome['threshold'] = {
  kind: 'minimumWage',
  hours: '16',
  weeks: 26,
  rates: [
    { from: '2023-04-01', hourly: '10.42' },
    { from: '2024-04-01', hourly: '11.44' },
  ],
  rateOn: 'windowStart',
  rounding: 'up',
  increment: '1',
};

function outcome(extra: Partial<EarningsOutcome> = {}): EarningsOutcome {
  return { kind: 'earningsThreshold', id: 'earnings', name: 'Earnings', window: { from: 'enrolment', days: 90 }, threshold: { kind: 'amount', amount: '1000.00' }, periodAcrossStart: 'full', ...extra };
}

/** A record enrolled on `enrolledOn` with pay periods [from, to, amount], sorted by period end as validation sorts them. */
function paid(enrolledOn: string, periods: readonly (readonly [string, string, string])[], exitedOn?: string): OutcomeRecord {
  const earnings = periods.map(([from, to, amount]) => ({ from: d(from), to: d(to), amount: parseAmount(amount) })).sort((a, b) => a.to - b.to);
  return { ...record({ enrolledOn, ...(exitedOn === undefined ? {} : { exitedOn }) }), earnings };
}

const compiledThreshold = (o: EarningsOutcome): CompiledEarningsThreshold => (compileOutcomes([o]).outcomes[0] as CompiledEarningsOutcome).threshold;

describe('the threshold', () => {
  it('hours × weeks × the rate in force on the window day named, rounded up to a whole pound', () => {
    const t = compiledThreshold(outcome({ threshold: WAGE }));
    // window from 2024-03-01 to 2024-05-30: on the start, 10.42 is in force: 16 × 26 × 10.42 = 4334.72, up to 4335
    const start = earningsThreshold(t, d('2024-03-01'), d('2024-05-30'));
    expect([start?.amount.toFixed(), start?.rate?.hourly.toFixed()]).toEqual(['4335', '10.42']);
    // the rate of 2024-04-01 applies from its first day: 16 × 26 × 11.44 = 4759.04, up to 4760
    expect(earningsThreshold(t, d('2024-04-01'), d('2024-06-30'))?.amount.toFixed()).toBe('4760');
    // the day before it, the older rate
    expect(earningsThreshold(t, d('2024-03-31'), d('2024-06-29'))?.amount.toFixed()).toBe('4335');
  });

  it('read on the window end when the contract says so', () => {
    const t = compiledThreshold(outcome({ threshold: { ...WAGE, rateOn: 'windowEnd' } }));
    // the window starts under 10.42 but ends under 11.44: 4760
    expect(earningsThreshold(t, d('2024-03-01'), d('2024-05-30'))?.amount.toFixed()).toBe('4760');
    expect(earningsThreshold(t, d('2024-01-01'), d('2024-03-31'))?.amount.toFixed()).toBe('4335');
  });

  it('rounded as named: down, half-even, to an increment of 0.05 or 10', () => {
    // 16 × 26 × 10.42 = 4334.72
    const at = (rounding: 'down' | 'half-even' | 'up', increment: string): string | undefined => earningsThreshold(compiledThreshold(outcome({ threshold: { ...WAGE, rounding, increment } })), d('2024-01-01'), d('2024-03-31'))?.amount.toFixed();
    expect(at('down', '1')).toBe('4334');
    expect(at('half-even', '1')).toBe('4335');
    expect(at('down', '0.05')).toBe('4334.7');
    expect(at('up', '0.05')).toBe('4334.75');
    expect(at('half-even', '10')).toBe('4330');
    expect(at('up', '10')).toBe('4340');
  });

  it('no rate in force on the day read: undefined; an amount is the amount', () => {
    expect(earningsThreshold(compiledThreshold(outcome({ threshold: WAGE })), d('2023-03-31'), d('2023-06-29'))).toBeUndefined();
    const fixed = earningsThreshold(compiledThreshold(outcome()), d('2023-03-31'), d('2023-06-29'));
    expect([fixed?.amount.toFixed(), fixed?.rate]).toEqual(['1000', undefined]);
  });
});

describe('what a pay period counts', () => {
  const period = { from: d('2024-02-15'), to: d('2024-03-15'), amount: parseAmount('310.00') };
  it('a period starting in the window counts in full whatever the rule', () => {
    for (const rule of ['full', 'proRata', 'exclude'] as const) expect(countedEarnings(period, d('2024-02-15'), rule)).toEqual(ratioOf(parseAmount('310.00')));
  });

  it('a period across the start: in full, none, or pro rata by its days in the window', () => {
    // 2024-02-15 to 2024-03-15 is 30 days (February 2024 has 29: the 15th to the 29th is 15 days,
    // then 15 in March); a window from 2024-03-01 holds 15 of them: 310.00 × 15 / 30 = 155.00
    const first = d('2024-03-01');
    expect(countedEarnings(period, first, 'full')).toEqual(ratioOf(parseAmount('310.00')));
    expect(countedEarnings(period, first, 'exclude').numerator).toBe(0n);
    const pro = countedEarnings(period, first, 'proRata');
    expect(compareRatios(pro, ratioOf(parseAmount('155.00')))).toBe(0);
    // from 2024-03-02: 14 days, 310.00 × 14 / 30 = 144.666..., exact (not rounded)
    const fourteen = countedEarnings(period, d('2024-03-02'), 'proRata');
    expect(compareRatios(fourteen, ratioOver(ratioOfInteger(434), ratioOfInteger(3)))).toBe(0);
  });
});

describe('resolving an earnings threshold', () => {
  const asOf = '2025-12-31';

  it('achieved on the end of the pay period that brings the total to the threshold, not before', () => {
    // enrolled 2024-01-10, window to 2024-04-09; 400 + 400 = 800 by 2024-02-29, + 200 = 1000 on 2024-03-31
    const rec = paid('2024-01-10', [['2024-01-10', '2024-01-31', '400.00'], ['2024-02-01', '2024-02-29', '400.00'], ['2024-03-01', '2024-03-31', '200.00']]);
    expect(resolveText([outcome()], rec, asOf)).toEqual([{ status: 'achieved', on: '2024-03-31', reason: 'EARNINGS_REACHED' }]);
    // one penny short: failed the day after the window (2024-01-10 + 91 = 2024-04-10)
    const short = paid('2024-01-10', [['2024-01-10', '2024-01-31', '400.00'], ['2024-02-01', '2024-02-29', '400.00'], ['2024-03-01', '2024-03-31', '199.99']]);
    expect(resolveText([outcome()], short, asOf)).toEqual([{ status: 'failed', on: '2024-04-10', reason: 'EARNINGS_BELOW_THRESHOLD' }]);
  });

  it('a period ending after the window never counts; one ending on its last day does', () => {
    // window [2024-01-10, 2024-04-09] (90 days after the start)
    const onLast = paid('2024-01-10', [['2024-03-10', '2024-04-09', '1000.00']]);
    expect(resolveText([outcome()], onLast, asOf)).toEqual([{ status: 'achieved', on: '2024-04-09', reason: 'EARNINGS_REACHED' }]);
    const after = paid('2024-01-10', [['2024-03-11', '2024-04-10', '1000.00']]);
    expect(resolveText([outcome()], after, asOf)).toEqual([{ status: 'failed', on: '2024-04-10', reason: 'EARNINGS_BELOW_THRESHOLD' }]);
  });

  it('a period ending before the window is not counted; one across its start as the rule says', () => {
    const rec = paid('2024-01-10', [['2023-12-01', '2024-01-09', '900.00'], ['2024-01-01', '2024-01-31', '620.00'], ['2024-02-01', '2024-02-29', '600.00']]);
    // the period ending 2024-01-09 is before the window. 2024-01-01..31 has 31 days, 22 in the window:
    // full: 620 + 600 = 1220 ≥ 1000 on 2024-02-29; proRata: 620 × 22 / 31 = 440, + 600 = 1040 on 2024-02-29;
    // exclude: 600 < 1000, failed on 2024-04-10
    expect(resolveText([outcome({ periodAcrossStart: 'full' })], rec, asOf)[0]).toMatchObject({ status: 'achieved', on: '2024-02-29' });
    expect(resolveText([outcome({ periodAcrossStart: 'proRata' })], rec, asOf)[0]).toMatchObject({ status: 'achieved', on: '2024-02-29' });
    expect(resolveText([outcome({ periodAcrossStart: 'exclude' })], rec, asOf)[0]).toMatchObject({ status: 'failed', on: '2024-04-10' });
    // proRata with a threshold of 1041: 1040 is short
    expect(resolveText([outcome({ periodAcrossStart: 'proRata', threshold: { kind: 'amount', amount: '1041.00' } })], rec, asOf)[0]).toMatchObject({ status: 'failed' });
    expect(resolveText([outcome({ periodAcrossStart: 'proRata', threshold: { kind: 'amount', amount: '1040.00' } })], rec, asOf)[0]).toMatchObject({ status: 'achieved' });
  });

  it('a period across the start that ends on the first day of the window counts (as the rule says)', () => {
    // enrolled 2024-01-10: 2024-01-01 to 2024-01-10 ends on the first day; 10 days, 1 in the window
    const rec = paid('2024-01-10', [['2024-01-01', '2024-01-10', '1000.00']]);
    expect(resolveText([outcome()], rec, '2025-12-31')).toEqual([{ status: 'achieved', on: '2024-01-10', reason: 'EARNINGS_REACHED' }]);
    // pro rata: 1000.00 × 1 / 10 = 100.00, reaching a threshold of 100.00 on that day
    expect(resolveText([outcome({ periodAcrossStart: 'proRata', threshold: { kind: 'amount', amount: '100.00' } })], rec, '2025-12-31')[0]).toMatchObject({ status: 'achieved', on: '2024-01-10' });
  });

  it('pending while the window is open and the threshold not reached; periods ending after the as-of date are unknown', () => {
    const rec = paid('2024-01-10', [['2024-01-10', '2024-01-31', '400.00'], ['2024-02-01', '2024-02-29', '700.00']]);
    expect(resolveText([outcome()], rec, '2024-02-28')).toEqual([{ status: 'pending', reason: 'WINDOW_OPEN' }]);
    expect(resolveText([outcome()], rec, '2024-02-29')).toEqual([{ status: 'achieved', on: '2024-02-29', reason: 'EARNINGS_REACHED' }]);
    // nothing at all: pending to the window's last day, failed from the day after
    const none = paid('2024-01-10', []);
    expect(resolveText([outcome()], none, '2024-04-09')).toEqual([{ status: 'pending', reason: 'WINDOW_OPEN' }]);
    expect(resolveText([outcome()], none, '2024-04-10')).toEqual([{ status: 'failed', on: '2024-04-10', reason: 'EARNINGS_BELOW_THRESHOLD' }]);
    // a record without an earnings key is a record with none
    expect(resolveText([outcome()], record({ enrolledOn: '2024-01-10' }), '2024-04-10')).toEqual([{ status: 'failed', on: '2024-04-10', reason: 'EARNINGS_BELOW_THRESHOLD' }]);
  });

  it('the minimum-wage threshold read from the table: no rate in force fails on the window start', () => {
    // enrolled 2023-03-01, before the first rate (2023-04-01), read on the window start
    const early = paid('2023-03-01', [['2023-03-01', '2023-05-31', '9000.00']]);
    expect(resolveText([outcome({ threshold: WAGE })], early, asOf)).toEqual([{ status: 'failed', on: '2023-03-01', reason: 'NO_RATE_IN_FORCE' }]);
    // read on the window end (2023-05-30), a rate is in force: 4335 reached on 2023-05-31? No: that period ends after the window
    const late = paid('2023-03-01', [['2023-03-01', '2023-05-30', '9000.00']]);
    expect(resolveText([outcome({ threshold: { ...WAGE, rateOn: 'windowEnd' } })], late, asOf)).toEqual([{ status: 'achieved', on: '2023-05-30', reason: 'EARNINGS_REACHED' }]);
    // the window not started yet at the as-of date: pending, not failed; failed from its first day
    expect(resolveText([outcome({ threshold: WAGE })], early, '2023-02-28')).toEqual([{ status: 'pending', reason: 'WINDOW_OPEN' }]);
    expect(resolveText([outcome({ threshold: WAGE })], early, '2023-03-01')).toEqual([{ status: 'failed', on: '2023-03-01', reason: 'NO_RATE_IN_FORCE' }]);
    // 4334.72 rounded up to 4335: 4334 is short, 4335 reaches it (enrolled 2024-01-10 under 10.42)
    const at = (amount: string): string | undefined => resolveText([outcome({ threshold: WAGE })], paid('2024-01-10', [['2024-01-10', '2024-02-09', amount]]), asOf)[0]?.status;
    expect([at('4334.99'), at('4335.00')]).toEqual(['failed', 'achieved']);
  });

  it('from exit: pending until the exit is known, then counted from the exit day', () => {
    const fromExit = outcome({ window: { from: 'exit', days: 30 } });
    const rec = paid('2024-01-10', [['2024-02-01', '2024-02-29', '1000.00']]);
    expect(resolveText([fromExit], rec, asOf)).toEqual([{ status: 'pending', reason: 'AWAITING_EXIT' }]);
    const exited = paid('2024-01-10', [['2024-02-01', '2024-02-29', '1000.00']], '2024-02-01');
    expect(resolveText([fromExit], exited, asOf)).toEqual([{ status: 'achieved', on: '2024-02-29', reason: 'EARNINGS_REACHED' }]);
    // exit on 2024-02-02: the period started before the window; full counts it, exclude does not
    const later = paid('2024-01-10', [['2024-02-01', '2024-02-29', '1000.00']], '2024-02-02');
    expect(resolveText([{ ...fromExit, periodAcrossStart: 'exclude' }], later, asOf)[0]).toMatchObject({ status: 'failed', on: '2024-03-04' });
  });
});
