import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/contract/schema.js';
import { placement, record, resolveText } from './helpers.js';

type Retention = Extract<Outcome, { kind: 'retention' }>;
function retention(measure: Retention['measure'], extra: Partial<Retention> = {}): Retention {
  return {
    kind: 'retention',
    id: 'ret-6m',
    name: 'Retention 6 months',
    placementOutcome: 'placement',
    months: 6,
    measure,
    endBoundary: 'inclusive',
    ...extra,
  };
}

describe('retention period', () => {
  it('runs from 31 August to 29 February (month-end clamping, leap year), inclusive or exclusive', () => {
    // Placement 2023-08-31; addMonths(2023-08-31, 6) = 2024-02-31 clamped to 2024-02-29 (2024 is a leap year).
    const rec = record({ enrolledOn: '2023-08-01', spells: [{ start: '2023-08-31', end: '2024-02-29' }] });
    const inclusive = retention({ kind: 'anniversary' });
    expect(resolveText([placement(), inclusive], rec, '2024-12-31')[1]).toEqual({
      status: 'achieved', on: '2024-02-29', anchor: '2023-08-31', reason: 'EMPLOYED_ON_END_DATE',
    });
    expect(resolveText([placement(), inclusive], rec, '2024-02-28')[1]).toEqual({ status: 'pending', anchor: '2023-08-31', reason: 'PERIOD_RUNNING' });
    // Job ends 2024-02-28: not employed on 29 February (inclusive end) but employed on the last day of the
    // exclusive period, 2024-02-29 - 1 = 2024-02-28.
    const shorter = record({ enrolledOn: '2023-08-01', spells: [{ start: '2023-08-31', end: '2024-02-28' }] });
    expect(resolveText([placement(), inclusive], shorter, '2024-12-31')[1]).toEqual({
      status: 'failed', on: '2024-02-29', anchor: '2023-08-31', reason: 'NOT_EMPLOYED_ON_END_DATE',
    });
    const exclusive = retention({ kind: 'anniversary' }, { endBoundary: 'exclusive' });
    expect(resolveText([placement(), exclusive], shorter, '2024-12-31')[1]).toEqual({
      status: 'achieved', on: '2024-02-28', anchor: '2023-08-31', reason: 'EMPLOYED_ON_END_DATE',
    });
  });

  it('follows the placement: pending while it is pending, failed on the same day when it failed', () => {
    const o = [placement(), retention({ kind: 'anniversary' })];
    // Window 2024-01-01 + 90 = 2024-03-31; failed on 2024-04-01.
    expect(resolveText(o, record({ enrolledOn: '2024-01-01' }), '2024-03-31')[1]).toEqual({ status: 'pending', reason: 'AWAITING_PLACEMENT' });
    expect(resolveText(o, record({ enrolledOn: '2024-01-01' }), '2024-12-31')[1]).toEqual({ status: 'failed', on: '2024-04-01', reason: 'PLACEMENT_FAILED' });
  });
});

describe('retention: continuous', () => {
  // Placement 2024-01-15; 6 months: period [2024-01-15, 2024-07-15] (inclusive).
  const outcomes = [placement(), retention({ kind: 'continuous', allowedGapDays: 14 })];

  it('tolerates a gap of exactly allowedGapDays days', () => {
    // First job ends 2024-03-01; next starts 2024-03-16: gap 2024-03-02 .. 2024-03-15 = 14 days.
    const rec = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-01-15', end: '2024-03-01' }, { start: '2024-03-16' }] });
    expect(resolveText(outcomes, rec, '2024-12-31')[1]).toEqual({ status: 'achieved', on: '2024-07-15', anchor: '2024-01-15', reason: 'CONTINUOUSLY_EMPLOYED' });
  });

  it('fails on the day a gap reaches allowedGapDays + 1 days', () => {
    // Next job starts 2024-03-17: gap 2024-03-02 .. 2024-03-16 = 15 days; the 15th day 2024-03-02 + 14 = 2024-03-16.
    const rec = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-01-15', end: '2024-03-01' }, { start: '2024-03-17' }] });
    expect(resolveText(outcomes, rec, '2024-12-31')[1]).toEqual({ status: 'failed', on: '2024-03-16', anchor: '2024-01-15', reason: 'GAP_TOO_LONG' });
    // Known on that day: at 2024-03-15 the gap is 14 days long, still pending.
    expect(resolveText(outcomes, rec, '2024-03-15')[1]).toEqual({ status: 'pending', anchor: '2024-01-15', reason: 'PERIOD_RUNNING' });
    expect(resolveText(outcomes, rec, '2024-03-16')[1]?.status).toBe('failed');
  });

  it('accepts a gap running to the period end if it is within the allowance', () => {
    // Job ends 2024-07-01; gap 2024-07-02 .. 2024-07-15 = 14 days, at the end of the period: achieved on 2024-07-15.
    const rec = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-01-15', end: '2024-07-01' }] });
    expect(resolveText(outcomes, rec, '2024-12-31')[1]).toEqual({ status: 'achieved', on: '2024-07-15', anchor: '2024-01-15', reason: 'CONTINUOUSLY_EMPLOYED' });
    // Ending 2024-06-30 makes the final gap 15 days: the 15th day is 2024-07-01 + 14 = 2024-07-15, the last day.
    const longer = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-01-15', end: '2024-06-30' }] });
    expect(resolveText(outcomes, longer, '2024-12-31')[1]).toEqual({ status: 'failed', on: '2024-07-15', anchor: '2024-01-15', reason: 'GAP_TOO_LONG' });
  });

  it('needs the period end to be reached for an ongoing spell, and counts any job', () => {
    const rec = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-01-15', end: '2024-02-10' }, { start: '2024-02-11', type: 'other-job' }] });
    expect(resolveText(outcomes, rec, '2024-07-14')[1]).toEqual({ status: 'pending', anchor: '2024-01-15', reason: 'PERIOD_RUNNING' });
    expect(resolveText(outcomes, rec, '2024-07-15')[1]?.status).toBe('achieved');
  });

  it('with an exclusive end the period stops one day earlier', () => {
    // Exclusive: period [2024-01-15, 2024-07-14]. A 15-day final gap 2024-06-30 .. 2024-07-14 fails on its 15th
    // day, 2024-07-14; a 14-day one (job to 2024-06-30) is fine, achieved on 2024-07-14.
    const ex = [placement(), retention({ kind: 'continuous', allowedGapDays: 14 }, { endBoundary: 'exclusive' })];
    const fails = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-01-15', end: '2024-06-29' }] });
    expect(resolveText(ex, fails, '2024-12-31')[1]).toEqual({ status: 'failed', on: '2024-07-14', anchor: '2024-01-15', reason: 'GAP_TOO_LONG' });
    const passes = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-01-15', end: '2024-06-30' }] });
    expect(resolveText(ex, passes, '2024-12-31')[1]).toEqual({ status: 'achieved', on: '2024-07-14', anchor: '2024-01-15', reason: 'CONTINUOUSLY_EMPLOYED' });
  });
});

describe('retention: cumulative', () => {
  // Placement 2024-01-15; period [2024-01-15, 2024-07-15] = 17 + 29 + 31 + 30 + 31 + 30 + 15 = 183 days.
  const outcomes = [placement(), retention({ kind: 'cumulative', minDays: 150 })];

  it('is achieved on the period end when enough days are employed', () => {
    // Employed 2024-01-15 .. 2024-06-12 = 17 + 29 + 31 + 30 + 31 + 12 = 150 days: exactly enough.
    const rec = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-01-15', end: '2024-06-12' }] });
    expect(resolveText(outcomes, rec, '2024-07-14')[1]).toEqual({ status: 'pending', anchor: '2024-01-15', reason: 'PERIOD_RUNNING' });
    expect(resolveText(outcomes, rec, '2024-12-31')[1]).toEqual({ status: 'achieved', on: '2024-07-15', anchor: '2024-01-15', reason: 'ENOUGH_DAYS_EMPLOYED' });
  });

  it('fails on the day the unemployed days exceed period length - minDays', () => {
    // 183 - 150 = 33 days off allowed. Employed to 2024-06-11 (149 days): days off from 2024-06-12; the 34th day
    // off is 2024-06-12 + 33 = 2024-07-15, the last day.
    const rec = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-01-15', end: '2024-06-11' }] });
    expect(resolveText(outcomes, rec, '2024-12-31')[1]).toEqual({ status: 'failed', on: '2024-07-15', anchor: '2024-01-15', reason: 'TOO_FEW_DAYS_EMPLOYED' });
    // Gaps add up: off 2024-02-01 .. 2024-02-20 (20 days) and from 2024-05-01: the 34th day off is the 14th of the
    // second run, 2024-05-01 + 13 = 2024-05-14.
    const twoGaps = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-01-15', end: '2024-01-31' }, { start: '2024-02-21', end: '2024-04-30' }] });
    expect(resolveText(outcomes, twoGaps, '2024-05-13')[1]?.status).toBe('pending');
    expect(resolveText(outcomes, twoGaps, '2024-12-31')[1]).toEqual({ status: 'failed', on: '2024-05-14', anchor: '2024-01-15', reason: 'TOO_FEW_DAYS_EMPLOYED' });
  });

  it('an impossible minimum fails, but never before the placement is achieved', () => {
    const impossible = [placement(), retention({ kind: 'cumulative', minDays: 184 })];
    const rec = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-01-15' }] });
    expect(resolveText(impossible, rec, '2024-12-31')[1]).toEqual({ status: 'failed', on: '2024-01-15', anchor: '2024-01-15', reason: 'TOO_FEW_DAYS_EMPLOYED' });
  });
});

describe('retention: decided no earlier than the placement', () => {
  it('waits for a placement achieved after the retention end', () => {
    // minSpellDays 60: placement achieved 2024-01-15 + 59 = 2024-03-14; 1-month anniversary 2024-02-15 is earlier.
    const o = [placement({ minSpellDays: 60 }), retention({ kind: 'anniversary' }, { months: 1 })];
    const rec = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-01-15' }] });
    expect(resolveText(o, rec, '2024-12-31')[1]).toEqual({ status: 'achieved', on: '2024-03-14', anchor: '2024-01-15', reason: 'EMPLOYED_ON_END_DATE' });
  });
});
