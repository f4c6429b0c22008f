/**
 * Boundary cases of resolution, each worked by hand: the day a gap or a total of uncovered days
 * breaks its limit, spells that touch or overlap, the as-of date falling exactly on a window's end,
 * a measurement date or an exit, ties between observations of the same day, and lists given out
 * of date order (resolveRecord reads a record's lists as given; validation sorts them, but the
 * resolver's answer does not depend on it).
 */
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/contract/schema.js';
import { formatDate, type CalendarDate } from '../../src/calendar/index.js';
import { parseAmount } from '../../src/money/index.js';
import type { CompiledWageThreshold } from '../../src/outcomes/compiled-form.js';
import { firstExcessDay } from '../../src/outcomes/gaps.js';
import { covers, spellsByStart } from '../../src/outcomes/spells.js';
import { passes } from '../../src/outcomes/wage.js';
import { earliestWage, wageOn } from '../../src/outcomes/wage-values.js';
import type { EmploymentSpell } from '../../src/records/schema.js';
import { d, placement, record, resolveText } from './helpers.js';

const text = (day: CalendarDate | undefined): string | undefined => (day === undefined ? undefined : formatDate(day));
const spell = (start: string, end?: string): EmploymentSpell => (end === undefined ? { start: d(start) } : { start: d(start), end: d(end) });

describe('firstExcessDay: the day the uncovered days break a limit', () => {
  const excess = (spells: readonly EmploymentSpell[], from: string, to: string, maxGap: number, maxTotal: number): string | undefined =>
    text(firstExcessDay(spells, d(from), d(to), maxGap, maxTotal));

  it('with no uncovered day allowed in total, fails on the first uncovered day, not on the first day', () => {
    // covered 1 to 10 January: the first uncovered day is 11 January
    expect(excess([spell('2024-01-01', '2024-01-10')], '2024-01-01', '2024-01-31', Infinity, 0)).toBe('2024-01-11');
    // a negative allowance fails on the first day of the period
    expect(excess([spell('2024-01-01', '2024-01-10')], '2024-01-01', '2024-01-31', Infinity, -1)).toBe('2024-01-01');
  });

  it('examines the last day: one uncovered day on `to` breaks a zero gap allowance', () => {
    // covered 1 to 10 January, to = 11 January: a gap of one day, 11 January
    expect(excess([spell('2024-01-01', '2024-01-10')], '2024-01-01', '2024-01-11', 0, Infinity)).toBe('2024-01-11');
  });

  it('counts a spell starting on `to` as covering it', () => {
    // covered 1-10, then from 11 January: `to` = 11 January is covered, no gap at all
    expect(excess([spell('2024-01-01', '2024-01-10'), spell('2024-01-11', '2024-01-15')], '2024-01-01', '2024-01-11', 0, Infinity)).toBeUndefined();
    // covered 1-10, uncovered 11-19 (9 days, the allowance), covered again from 20 January = `to`
    expect(excess([spell('2024-01-01', '2024-01-10'), spell('2024-01-20')], '2024-01-01', '2024-01-20', 9, Infinity)).toBeUndefined();
    // the same with an allowance of 8: the 9th uncovered day, 19 January, breaks it
    expect(excess([spell('2024-01-01', '2024-01-10'), spell('2024-01-20')], '2024-01-01', '2024-01-20', 8, Infinity)).toBe('2024-01-19');
  });

  it('counts a one-day spell that starts the day after another ends', () => {
    // 1-10, 11-11, 12 onward: every day covered
    const touching = [spell('2024-01-01', '2024-01-10'), spell('2024-01-11', '2024-01-11'), spell('2024-01-12')];
    expect(excess(touching, '2024-01-01', '2024-01-31', 0, Infinity)).toBeUndefined();
  });

  it('a spell inside another adds no uncovered days', () => {
    // covered 1-10 (5-8 inside it); uncovered 11-31 = 21 days; at most 20 allowed: the 21st, 31 January, fails
    const nested = [spell('2024-01-01', '2024-01-10'), spell('2024-01-05', '2024-01-08')];
    expect(excess(nested, '2024-01-01', '2024-01-31', Infinity, 20)).toBe('2024-01-31');
    expect(excess(nested, '2024-01-01', '2024-01-31', Infinity, 21)).toBeUndefined();
  });
});

describe('spellsByStart and covers', () => {
  it('returns a sorted list itself, ties included, and sorts a copy of an unsorted one', () => {
    const sorted = [spell('2024-01-01', '2024-01-10'), spell('2024-02-01')];
    expect(spellsByStart(sorted)).toBe(sorted);
    const ties = [spell('2024-01-01', '2024-01-10'), spell('2024-01-01', '2024-03-01')];
    expect(spellsByStart(ties)).toBe(ties);
    const unsorted = [spell('2024-02-01'), spell('2024-01-01', '2024-01-10')];
    expect(spellsByStart(unsorted).map((s) => text(s.start))).toEqual(['2024-01-01', '2024-02-01']);
    expect(text(unsorted[0]?.start)).toBe('2024-02-01'); // the given list is not reordered
  });

  it('covers both ends of a spell, and no day outside it', () => {
    const s = spell('2024-01-05', '2024-01-10');
    expect([covers(s, d('2024-01-04')), covers(s, d('2024-01-05')), covers(s, d('2024-01-10')), covers(s, d('2024-01-11'))]).toEqual([false, true, true, false]);
    expect(covers(spell('2024-01-05'), d('2024-01-05'))).toBe(true);
  });
});

describe('placement at its boundaries', () => {
  it('counts from an exit dated on the as-of date itself', () => {
    // exit 2024-05-31 = asOf: known; a spell starting that day is in the window [2024-05-31, 2024-06-30]
    const o = placement({ window: { from: 'exit', days: 30 } });
    const rec = record({ enrolledOn: '2024-01-01', exitedOn: '2024-05-31', spells: [{ start: '2024-05-31' }] });
    expect(resolveText([o], rec, '2024-05-31')).toEqual([{ status: 'achieved', on: '2024-05-31', anchor: '2024-05-31', reason: 'SPELL_IN_WINDOW' }]);
  });

  it('is achieved by the first of two qualifying spells', () => {
    const rec = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-01-10', end: '2024-01-20' }, { start: '2024-02-01' }] });
    expect(resolveText([placement()], rec, '2024-12-31')).toEqual([{ status: 'achieved', on: '2024-01-10', anchor: '2024-01-10', reason: 'SPELL_IN_WINDOW' }]);
  });

  it('is achieved by the earliest qualifying spell, in whatever order the spells are listed', () => {
    const rec = { ...record({ enrolledOn: '2024-01-01' }), spells: [spell('2024-02-01'), spell('2024-01-10', '2024-01-20')] };
    expect(resolveText([placement()], rec, '2024-12-31')).toEqual([{ status: 'achieved', on: '2024-01-10', anchor: '2024-01-10', reason: 'SPELL_IN_WINDOW' }]);
  });

  it('fails on the day after the latest-ending too-short spell, whichever is listed last', () => {
    // Window 70 days from 2024-01-01: last day 2024-03-11 (31 + 29 days to 2024-03-01, + 10), closes 2024-03-12.
    // minSpellDays 30: 2024-03-01..03-25 lasts 25 days, drops 2024-03-26; 2024-03-10..03-15 lasts 6, drops 2024-03-16.
    // Failed on the latest of 2024-03-12, 2024-03-26 and 2024-03-16: 2024-03-26.
    const o = placement({ window: { from: 'enrolment', days: 70 }, minSpellDays: 30 });
    const rec = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-03-01', end: '2024-03-25' }, { start: '2024-03-10', end: '2024-03-15' }] });
    expect(resolveText([o], rec, '2024-12-31')).toEqual([{ status: 'failed', on: '2024-03-26', reason: 'SPELL_TOO_SHORT' }]);
    expect(resolveText([o], rec, '2024-03-25')).toEqual([{ status: 'pending', reason: 'SPELL_RUNNING' }]);
  });

  it('while a too-short spell outlasts the window, says the spell is running from the day the window closes', () => {
    // Window [2024-01-01, 2024-03-31] closes 2024-04-01; the spell 2024-03-20..04-15 (27 days < 30) drops 2024-04-16.
    const o = placement({ minSpellDays: 30 });
    const rec = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-03-20', end: '2024-04-15' }] });
    expect(resolveText([o], rec, '2024-03-31')).toEqual([{ status: 'pending', reason: 'WINDOW_OPEN' }]);
    expect(resolveText([o], rec, '2024-04-01')).toEqual([{ status: 'pending', reason: 'SPELL_RUNNING' }]);
  });
});

describe('milestone with events listed out of date order', () => {
  it('is achieved on the earliest event of its kind, not the first listed', () => {
    const o: Outcome = { kind: 'milestone', id: 'trained', name: 'Trained', event: 'training-completed', within: { from: 'enrolment', days: 60 } };
    const rec = {
      ...record({ enrolledOn: '2024-01-01' }),
      events: [{ kind: 'training-completed', on: d('2024-02-20') }, { kind: 'training-completed', on: d('2024-02-01') }],
    };
    expect(resolveText([o], rec, '2024-12-31')).toEqual([{ status: 'achieved', on: '2024-02-01', reason: 'EVENT_RECORDED' }]);
  });
});

describe('wage values', () => {
  // Placement date P = 2023-08-31, measurement date W = 2024-02-29.
  const P = d('2023-08-31');
  const W = d('2024-02-29');
  const base = record({ enrolledOn: '2023-08-01' });
  const wage = (w: ReturnType<typeof wageOn>): string | undefined => w?.toFixed(2);

  it('wageOn: the latest observation in [P, W], the last listed of a day; never one before P', () => {
    expect(wage(wageOn(record({ enrolledOn: '2023-08-01', wages: [['2023-08-15', '1700']], spells: [{ start: '2023-08-31', wage: '1600' }] }), P, W))).toBe('1600.00');
    // out of date order: the latest date (2024-02-01) wins, not the last listed
    const unsorted = { ...base, wages: [{ on: d('2024-02-01'), monthlyWage: parseAmount('1600') }, { on: d('2023-12-01'), monthlyWage: parseAmount('1700') }] };
    expect(wage(wageOn(unsorted, P, W))).toBe('1600.00');
    // two on the same day: the last listed (a correction)
    const sameDay = { ...base, wages: [{ on: d('2024-02-01'), monthlyWage: parseAmount('1600') }, { on: d('2024-02-01'), monthlyWage: parseAmount('1650') }] };
    expect(wage(wageOn(sameDay, P, W))).toBe('1650.00');
  });

  it('wageOn without observations: the wage of the latest-starting spell covering W that records one', () => {
    const withWage = (start: string, monthly?: string): EmploymentSpell => ({ start: d(start), ...(monthly === undefined ? {} : { monthlyWage: parseAmount(monthly) }) });
    // a later second job without a recorded wage does not hide the first job's
    expect(wage(wageOn({ ...base, spells: [withWage('2023-08-31', '1800'), withWage('2024-01-01')] }, P, W))).toBe('1800.00');
    // both record one: the later start (2024-01-01), listed in order or not
    expect(wage(wageOn({ ...base, spells: [withWage('2023-08-31', '1500'), withWage('2024-01-01', '2000')] }, P, W))).toBe('2000.00');
    expect(wage(wageOn({ ...base, spells: [withWage('2024-01-01', '2000'), withWage('2023-08-31', '1500')] }, P, W))).toBe('2000.00');
    // same start: the last listed
    expect(wage(wageOn({ ...base, spells: [withWage('2023-08-31', '1500'), withWage('2023-08-31', '1550')] }, P, W))).toBe('1550.00');
  });

  it('earliestWage: the earliest observation in [from, to], the first listed of a day; never one before from', () => {
    const to = d('2023-10-01'); // P + 31
    const obs = (...list: (readonly [string, string])[]): typeof base => ({ ...base, wages: list.map(([on, w]) => ({ on: d(on), monthlyWage: parseAmount(w) })) });
    const found = (r: typeof base): unknown => {
      const e = earliestWage(r, P, to);
      return e === undefined ? undefined : [formatDate(e.on), e.wage.toFixed(2)];
    };
    expect(found(obs(['2023-08-15', '1000'], ['2023-09-10', '1500']))).toEqual(['2023-09-10', '1500.00']);
    expect(found(obs(['2023-09-20', '1550'], ['2023-09-10', '1500']))).toEqual(['2023-09-10', '1500.00']);
    expect(found(obs(['2023-09-10', '1500'], ['2023-09-10', '1510']))).toEqual(['2023-09-10', '1500.00']);
    expect(found(obs(['2023-10-02', '1500']))).toBeUndefined();
  });
});

describe('wage progression at its boundaries', () => {
  type Wage = Extract<Outcome, { kind: 'wageProgression' }>;
  const wage = (extra: Partial<Wage> = {}): Wage => ({
    kind: 'wageProgression', id: 'wage', name: 'Wage', placementOutcome: 'placement', months: 6,
    baseline: 'preProgramme', threshold: { kind: 'percent', percent: '10' }, ...extra,
  });

  it('is decided on W when the as-of date is W itself', () => {
    // P = 2023-08-31, W = 2024-02-29; 1650 is exactly 10 % over 1500
    const rec = record({ enrolledOn: '2023-08-01', baselineWage: '1500', spells: [{ start: '2023-08-31' }], wages: [['2024-02-29', '1650']] });
    expect(resolveText([placement(), wage()], rec, '2024-02-29')[1]).toEqual({ status: 'achieved', on: '2024-02-29', anchor: '2023-08-31', reason: 'WAGE_ROSE' });
  });

  it('at W = P = the as-of date, waits for the baseline, not for the measurement date', () => {
    const o = [placement(), wage({ months: 0, baseline: 'placement', threshold: { kind: 'amount', amount: '0' } })];
    const rec = record({ enrolledOn: '2023-08-01', spells: [{ start: '2023-08-31' }] });
    expect(resolveText(o, rec, '2023-08-31')[1]).toEqual({ status: 'pending', anchor: '2023-08-31', reason: 'AWAITING_BASELINE' });
  });

  it('with a placement baseline, reads the wage of the placing spell only, not of an earlier job', () => {
    // The job of January 2023 (before enrolment, 1000 a month) is not the placing spell (P = 2023-08-31, no wage):
    // the baseline is the first observation in [P, P + 31], 1500 on 2023-09-10. At W, 1600: a rise of 100 < 200.
    const o = [placement(), wage({ baseline: 'placement', threshold: { kind: 'amount', amount: '200' } })];
    const rec = record({
      enrolledOn: '2023-08-01',
      spells: [{ start: '2023-01-01', end: '2023-02-01', wage: '1000' }, { start: '2023-08-31' }],
      wages: [['2023-09-10', '1500'], ['2024-02-29', '1600']],
    });
    expect(resolveText(o, rec, '2024-12-31')[1]).toEqual({ status: 'failed', on: '2024-02-29', anchor: '2023-08-31', reason: 'WAGE_BELOW_THRESHOLD' });
  });
});

describe('passes, in decimals when an amount is not whole hundredths', () => {
  it('a base with a third decimal place', () => {
    // 10 % of 1000.005 is 100.0005: 1100.01 − 1000.005 = 100.005 passes, 1100.00 − 1000.005 = 99.995 does not
    const ten: CompiledWageThreshold = { kind: 'percent', percent: parseAmount('10') };
    expect(passes(parseAmount('1100.01'), parseAmount('1000.005'), ten)).toBe(true);
    expect(passes(parseAmount('1100.00'), parseAmount('1000.005'), ten)).toBe(false);
  });

  it('a zero base with a percent of three decimal places passes iff the wage is above zero', () => {
    const odd: CompiledWageThreshold = { kind: 'percent', percent: parseAmount('10.125') };
    expect(passes(parseAmount('0'), parseAmount('0'), odd)).toBe(false);
    expect(passes(parseAmount('0.01'), parseAmount('0'), odd)).toBe(true);
  });
});
