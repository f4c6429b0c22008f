/**
 * Windows and periods that end after the calendar's last day (9999-12-31): the outcome is decided
 * on dates the calendar holds, or stays pending; nothing throws DATE_OUT_OF_RANGE.
 */
import { describe, expect, it } from 'vitest';
import { MAX_DATE, addDaysUnbounded, addMonthsUnbounded, formatDate } from '../../src/calendar/index.js';
import type { Outcome } from '../../src/contract/schema.js';
import { d, placement, record, resolveText } from './helpers.js';

const retention = (measure: Extract<Outcome, { kind: 'retention' }>['measure'], months = 6): Outcome => ({
  kind: 'retention', id: 'retention', name: 'Retention', placementOutcome: 'placement', months, measure, endBoundary: 'inclusive',
});

describe('outcomes near the end of the calendar', () => {
  it('unbounded day and month arithmetic gives the day it would be, past 9999-12-31', () => {
    expect(addDaysUnbounded(d('9999-12-30'), 2)).toBe(MAX_DATE + 1);
    // 9999-08-31 + 6 months = 10000-02-29 (10000 is a leap year): 9999-12-31 + 31 + 29 days
    expect(addMonthsUnbounded(d('9999-08-31'), 6)).toBe(MAX_DATE + 60);
    expect(formatDate(addMonthsUnbounded(d('9999-06-30'), 6) as never)).toBe('9999-12-30');
  });

  it('a placement window from an exit on 9999-12-30 is open on 9999-12-31 (pending), not an error', () => {
    const rec = record({ enrolledOn: '2024-01-01', exitedOn: '9999-12-30' });
    expect(resolveText([placement({ window: { from: 'exit', days: 90 } })], rec, '9999-12-31')).toEqual([{ status: 'pending', reason: 'WINDOW_OPEN' }]);
  });

  it('a placement spell starting 9999-12-31 that needs 30 days is still running', () => {
    const rec = record({ enrolledOn: '2024-01-01', exitedOn: '9999-12-30', spells: [{ start: '9999-12-31' }] });
    expect(resolveText([placement({ window: { from: 'exit', days: 90 }, minSpellDays: 30 })], rec, '9999-12-31')).toEqual([{ status: 'pending', reason: 'SPELL_RUNNING' }]);
  });

  it('a too-short spell ending on 9999-12-31 leaves the placement pending', () => {
    // spell 9999-12-20 to 9999-12-31 (12 days) needs 30: it ended too short on the last day; the
    // window (to 9999-12-30 + 90) and the day after the spell are both past the calendar
    const rec = record({ enrolledOn: '2024-01-01', exitedOn: '9999-12-15', spells: [{ start: '9999-12-20', end: '9999-12-31' }] });
    expect(resolveText([placement({ window: { from: 'exit', days: 90 }, minSpellDays: 30 })], rec, '9999-12-31')).toEqual([{ status: 'pending', reason: 'WINDOW_OPEN' }]);
  });

  it('a milestone window from 9999-12-01 over 100 days is open on 9999-12-31', () => {
    const o: Outcome = { kind: 'milestone', id: 'training', name: 'Training', event: 'training-completed', within: { from: 'exit', days: 100 } };
    const rec = record({ enrolledOn: '2024-01-01', exitedOn: '9999-12-01' });
    expect(resolveText([o], rec, '9999-12-31')).toEqual([{ status: 'pending', reason: 'WINDOW_OPEN' }]);
  });

  it('retention counts a spell ending 9999-12-31 and a period ending after the calendar', () => {
    // placed 2024-01-01 on a spell to 9999-12-31: every day covered; the 1,200-month period ends 2124-01-01
    const rec = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-01-01', end: '9999-12-31' }] });
    const continuous = retention({ kind: 'continuous', allowedGapDays: 0 }, 1200);
    expect(resolveText([placement(), continuous], rec, '9999-12-31')[1]).toEqual({ status: 'achieved', on: '2124-01-01', anchor: '2024-01-01', reason: 'CONTINUOUSLY_EMPLOYED' });
    // placed 9999-10-01: 6 months end 10000-04-01, after the calendar
    const late = record({ enrolledOn: '9999-10-01', spells: [{ start: '9999-10-01', end: '9999-12-31' }] });
    for (const measure of [{ kind: 'continuous', allowedGapDays: 0 }, { kind: 'cumulative', minDays: 100 }, { kind: 'anniversary' }] as const) {
      expect(resolveText([placement(), retention(measure)], late, '9999-12-31')[1]).toEqual({ status: 'pending', anchor: '9999-10-01', reason: 'PERIOD_RUNNING' });
    }
  });

  it('cumulative retention over a period past the calendar allows the days of the whole period', () => {
    // placed 9999-10-01, 6 months: [9999-10-01, 10000-04-01] = (31 + 30 + 31) + (31 + 29 + 31) + 1 = 184 days
    // (10000 is a leap year); 100 needed, so up to 84 days off. Out of work from 9999-11-01: 61 days off
    // by 9999-12-31, not yet failed (a period cut at 9999-12-31, 92 days, would have failed it).
    const rec = record({ enrolledOn: '9999-10-01', spells: [{ start: '9999-10-01', end: '9999-10-31' }] });
    expect(resolveText([placement(), retention({ kind: 'cumulative', minDays: 100 })], rec, '9999-12-31')[1]).toEqual({ status: 'pending', anchor: '9999-10-01', reason: 'PERIOD_RUNNING' });
  });

  it('a wage progression measured after the calendar is pending', () => {
    const o: Outcome = { kind: 'wageProgression', id: 'wage', name: 'Wage', placementOutcome: 'placement', months: 12, baseline: 'placement', threshold: { kind: 'percent', percent: '10' } };
    // placed 9999-12-15 (within 90 days of enrolment), measured 12 months later: 10000-12-15
    const rec = record({ enrolledOn: '9999-12-01', spells: [{ start: '9999-12-15' }] });
    expect(resolveText([placement(), o], rec, '9999-12-31')[1]).toEqual({ status: 'pending', anchor: '9999-12-15', reason: 'AWAITING_MEASURE_DATE' });
  });
});
