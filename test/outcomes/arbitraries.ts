/**
 * fast-check generators for the resolver properties: records built by construction (dates from
 * integer day offsets, spells in order and not overlapping, wages from integer cents) and outcome
 * definitions.
 */
import fc from 'fast-check';
import { addDays, parseDate, type CalendarDate } from '../../src/calendar/index.js';
import type { Outcome } from '../../src/contract/schema.js';
import { parseAmount } from '../../src/money/index.js';
import type { EmploymentSpell, OutcomeRecord, RecordEvent, WageObservation } from '../../src/records/schema.js';

const BASE = parseDate('2023-01-01');

const cents = fc.integer({ min: 0, max: 400_000 }).map((c) => parseAmount(`${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`));

const spellShape = fc.record({
  gap: fc.integer({ min: 0, max: 40 }), // days between the previous spell's end and this start
  length: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 300 })),
  ongoing: fc.boolean(),
  hours: fc.option(fc.constantFrom(10, 23.5, 24, 35, 35, 39), { nil: undefined, freq: 6 }),
  type: fc.option(fc.constantFrom('permanent', 'permanent', 'fixed-term'), { nil: undefined, freq: 6 }),
  wage: fc.option(cents, { nil: undefined, freq: 2 }),
});

/** A valid parsed record, lists sorted, spells after enrolment and not overlapping. */
export const recordArb: fc.Arbitrary<OutcomeRecord> = fc
  .record({
    enrol: fc.integer({ min: 0, max: 800 }),
    exit: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined, freq: 4 }),
    firstOffset: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 250 })),
    spells: fc.oneof(
      { arbitrary: fc.array(spellShape, { minLength: 1, maxLength: 6 }), weight: 5 },
      { arbitrary: fc.constant([]), weight: 1 },
    ),
    // A wage is dated from the start of spell `near` (when there is one: wages near a placement
    // date matter) or else from enrolment.
    wages: fc.array(fc.tuple(fc.nat(8), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 800 }), cents), { maxLength: 5 }),
    events: fc.array(fc.tuple(fc.constantFrom('a', 'b'), fc.integer({ min: -20, max: 800 })), { maxLength: 4 }),
    baseline: fc.option(cents, { nil: undefined }),
  })
  .map(({ enrol, exit, firstOffset, spells, wages, events, baseline }) => {
    const enrolledOn = addDays(BASE, enrol);
    const built: EmploymentSpell[] = [];
    let cursor = addDays(enrolledOn, firstOffset);
    for (const [i, s] of spells.entries()) {
      const start = addDays(cursor, i === 0 ? 0 : s.gap + 1);
      const end = addDays(start, s.length - 1);
      const last = i === spells.length - 1;
      built.push({
        start,
        ...(last && s.ongoing ? {} : { end }),
        ...(s.hours === undefined ? {} : { hoursPerWeek: s.hours }),
        ...(s.type === undefined ? {} : { contractType: s.type }),
        ...(s.wage === undefined ? {} : { monthlyWage: s.wage }),
      });
      cursor = end;
    }
    const wageList: WageObservation[] = wages
      .map(([near, short, long, w]) => {
        const spell = built[near];
        return { on: spell === undefined ? addDays(enrolledOn, long) : addDays(spell.start, short), monthlyWage: w };
      })
      .sort((a, b) => a.on - b.on);
    const eventList: RecordEvent[] = events
      .map(([kind, offset]) => ({ kind, on: addDays(enrolledOn, offset) }))
      .sort((a, b) => a.on - b.on || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
    return {
      id: 'P',
      cohort: 'C',
      groups: [],
      enrolledOn,
      ...(exit === undefined ? {} : { exitedOn: addDays(enrolledOn, exit) }),
      ...(baseline === undefined ? {} : { baselineWage: baseline }),
      spells: built,
      wages: wageList,
      events: eventList,
    };
  });

const windowArb = fc.record({
  from: fc.constantFrom('enrolment' as const, 'exit' as const),
  days: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 10 }), weight: 1 }, { arbitrary: fc.integer({ min: 30, max: 160 }), weight: 3 }),
});

/** A placement outcome with id `placement`. */
export const placementArb: fc.Arbitrary<Outcome> = fc
  .record({
    window: windowArb,
    contractTypes: fc.constantFrom<'any' | string[]>('any', 'any', ['permanent'], ['permanent', 'fixed-term']),
    minWeeklyHours: fc.option(fc.constantFrom('24', '23.5'), { nil: undefined, freq: 2 }),
    minSpellDays: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined, freq: 2 }),
  })
  .map(({ window, contractTypes, minWeeklyHours, minSpellDays }) => ({
    kind: 'placement' as const,
    id: 'placement',
    name: 'Placement',
    window,
    contractTypes,
    ...(minWeeklyHours === undefined ? {} : { minWeeklyHours }),
    ...(minSpellDays === undefined ? {} : { minSpellDays }),
  }));

/** A duration of at least `min` units, stated in months, weeks or days (issue #16 item 5). */
export function durationArb(min: 0 | 1): fc.Arbitrary<{ months: number } | { weeks: number } | { days: number }> {
  return fc.oneof(
    fc.integer({ min, max: 12 }).map((months) => ({ months })),
    fc.integer({ min, max: 52 }).map((weeks) => ({ weeks })),
    fc.integer({ min, max: 380 }).map((days) => ({ days })),
  );
}

/** A retention outcome counting from `placement`. */
export const retentionArb: fc.Arbitrary<Outcome> = fc
  .record({
    duration: durationArb(1),
    measure: fc.oneof(
      fc.record({ kind: fc.constant('continuous' as const), allowedGapDays: fc.integer({ min: 0, max: 45 }) }),
      fc.record({ kind: fc.constant('cumulative' as const), minDays: fc.integer({ min: 0, max: 380 }) }),
      fc.constant({ kind: 'anniversary' as const }),
    ),
    endBoundary: fc.constantFrom('inclusive' as const, 'exclusive' as const),
  })
  .map(({ duration, measure, endBoundary }) => ({
    kind: 'retention' as const,
    id: 'retention',
    name: 'Retention',
    placementOutcome: 'placement',
    ...duration,
    measure,
    endBoundary,
  }));

/** A wage progression outcome counting from `placement`. */
export const wageArb: fc.Arbitrary<Outcome> = fc
  .record({
    duration: fc.oneof(fc.constantFrom({ months: 0 }, { months: 1 }, { weeks: 0 }, { days: 0 }), durationArb(0)),
    baseline: fc.constantFrom('preProgramme' as const, 'placement' as const),
    threshold: fc.oneof(
      fc.record({ kind: fc.constant('percent' as const), percent: fc.constantFrom('0', '10', '12.5') }),
      fc.record({ kind: fc.constant('amount' as const), amount: fc.constantFrom('0', '100', '250.50') }),
    ),
  })
  .map(({ duration, ...w }) => ({ kind: 'wageProgression' as const, id: 'wage', name: 'Wage', placementOutcome: 'placement', ...duration, ...w }));

/** A milestone outcome on event kind `a`, with or without a window. */
export const milestoneArb: fc.Arbitrary<Outcome> = fc
  .option(windowArb, { nil: undefined })
  .map((within) => ({ kind: 'milestone' as const, id: 'milestone', name: 'Milestone', event: 'a', ...(within === undefined ? {} : { within }) }));

/** A contract's outcomes: one of each per-participant kind and an indicator; ids made unique. */
export const outcomesArb: fc.Arbitrary<Outcome[]> = fc
  .tuple(placementArb, fc.array(retentionArb, { minLength: 1, maxLength: 3 }), wageArb, milestoneArb)
  .map(([p, rs, w, m]) => [
    p,
    ...rs.map((r, i) => ({ ...r, id: `retention-${i}` })),
    w,
    m,
    { kind: 'cohortIndicator' as const, id: 'indicator', name: 'Indicator', unit: 'rate' as const },
  ]);

/** An as-of date and a measurement date m <= asOf, as day offsets from the record's enrolment. */
export function datesFor(record: OutcomeRecord): fc.Arbitrary<{ asOf: CalendarDate; m: CalendarDate }> {
  return fc
    .tuple(fc.integer({ min: -10, max: 900 }), fc.integer({ min: 0, max: 900 }))
    .map(([a, back]) => {
      const asOf = addDays(record.enrolledOn, a);
      return { asOf, m: addDays(asOf, -back) };
    });
}

/**
 * The record as known at `m`: spells starting after `m` dropped, an end after `m` removed (the
 * spell is ongoing at `m`), wages and events dated after `m` dropped, an exit after `m` dropped.
 */
export function truncate(record: OutcomeRecord, m: CalendarDate): OutcomeRecord {
  const { exitedOn, ...rest } = record;
  return {
    ...rest,
    ...(exitedOn !== undefined && exitedOn <= m ? { exitedOn } : {}),
    spells: record.spells
      .filter((s) => s.start <= m)
      .map((s) => {
        if (s.end === undefined || s.end <= m) return s;
        return {
          start: s.start,
          ...(s.hoursPerWeek === undefined ? {} : { hoursPerWeek: s.hoursPerWeek }),
          ...(s.contractType === undefined ? {} : { contractType: s.contractType }),
          ...(s.monthlyWage === undefined ? {} : { monthlyWage: s.monthlyWage }),
        };
      }),
    wages: record.wages.filter((w) => w.on <= m),
    events: record.events.filter((e) => e.on <= m),
  };
}

/**
 * A participant placed soon after enrolment and employed for long (one spell of 100 to 500 days,
 * open or closed, then maybe a second after a short gap), with an as-of date late enough for
 * retention to be decided either way. `recordArb` rarely holds a job long enough for a retention
 * of several months to be achieved; the duration properties draw from both.
 */
export const longEmployedArb: fc.Arbitrary<{ record: OutcomeRecord; placement: Outcome; asOf: CalendarDate }> = fc
  .record({
    enrol: fc.integer({ min: 0, max: 800 }),
    firstOffset: fc.integer({ min: 0, max: 30 }),
    first: fc.integer({ min: 100, max: 500 }),
    ongoing: fc.boolean(),
    second: fc.option(fc.record({ gap: fc.integer({ min: 0, max: 30 }), length: fc.integer({ min: 1, max: 300 }), ongoing: fc.boolean() }), { nil: undefined }),
    asOf: fc.integer({ min: 120, max: 1000 }),
  })
  .map(({ enrol, firstOffset, first, ongoing, second, asOf }) => {
    const enrolledOn = addDays(BASE, enrol);
    const start = addDays(enrolledOn, firstOffset);
    const end = addDays(start, first - 1);
    const spells: EmploymentSpell[] = [];
    if (second === undefined) {
      spells.push(ongoing ? { start } : { start, end });
    } else {
      const start2 = addDays(end, second.gap + 1);
      spells.push({ start, end }, second.ongoing ? { start: start2 } : { start: start2, end: addDays(start2, second.length - 1) });
    }
    const record: OutcomeRecord = { id: 'P', cohort: 'C', groups: [], enrolledOn, spells, wages: [], events: [] };
    const placement: Outcome = { kind: 'placement', id: 'placement', name: 'Placement', window: { from: 'enrolment', days: 60 }, contractTypes: 'any' };
    return { record, placement, asOf: addDays(enrolledOn, asOf) };
  });
