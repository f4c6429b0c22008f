/** fast-check generators of raw outcome records, valid by construction, and of mutations of them. */
import fc from 'fast-check';
import { formatDate, type CalendarDate } from '../../src/calendar/index.js';

const DAY_2020 = 18262; // 2020-01-01 as days since 1970-01-01
const DAY_1950 = -7305;

/** A date string from an integer day offset (2020 to about 2027). */
export const dateText = fc.integer({ min: 0, max: 2900 }).map((n) => formatDate((DAY_2020 + n) as CalendarDate));

/** A wage as the wire allows it: a decimal string from integer cents, of whole units, or at the limits (below 10^15, 12 decimals). */
export const wireWage = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000_00 }).map((cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`),
  fc.integer({ min: 0, max: 100_000 }).map(String),
  fc.constantFrom('999999999999999.999999999999', '0.000000000001', '000999999999999999.50', '1.5000000000000000'),
);

const spell = fc.record(
  {
    start: dateText,
    end: dateText,
    hoursPerWeek: fc.integer({ min: 0, max: 336 }).map((halves) => halves / 2),
    contractType: fc.constantFrom('permanent', 'fixed-term', 'apprenticeship'),
    monthlyWage: wireWage,
    sector: fc.constantFrom('62.01Z', 'F', 'care'),
    employer: fc.constantFrom('acme', '552100554', 'member-1'),
  },
  { requiredKeys: ['start'] },
);

/** A raw record whose shape is valid (its meaning may not be: dates are independent). */
export const shapeValidRecord = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 6 }),
    cohort: fc.constantFrom('2023-A', '2023-B'),
    groups: fc.subarray(['rsa', 'ltu', 'youth']),
    enrolledOn: dateText,
    exitedOn: dateText,
    baselineWage: wireWage,
    spells: fc.array(spell, { maxLength: 3 }),
    wages: fc.array(fc.record({ on: dateText, monthlyWage: wireWage }), { maxLength: 3 }),
    events: fc.array(fc.record({ kind: fc.constantFrom('training-completed', 'job-offer', 'a1'), on: dateText }), { maxLength: 2 }),
  },
  { requiredKeys: ['id', 'cohort', 'enrolledOn'] },
);

/** Values that are wrong somewhere in a record (each is invalid for at least one field). */
export const badValue = fc.constantFrom<unknown>(
  null, '', 'x', 1.5, -1, -0.5, 2 ** 60, 0, 1800, '1000000000000000', '0.0000000000001', Number.POSITIVE_INFINITY, Number.NaN, '1e3', '-12.00', '.5', '2023-02-29', '0000-01-01', '2024-1-01',
  '2024-01-01T00:00:00Z', '2024-01-01T00:00', 169, [], {}, true, 'A B', '12,50', ' 1', 'Infinity',
);

/** Keys a mutation may set (top-level or in a nested object). */
export const anyKey = fc.constantFrom(
  'id', 'cohort', 'groups', 'enrolledOn', 'exitedOn', 'baselineWage', 'spells', 'wages', 'events',
  'start', 'end', 'hoursPerWeek', 'contractType', 'monthlyWage', 'sector', 'employer', 'on', 'kind', 'extra', '__proto__', 'constructor', 'prototype',
);

type Json = Record<string, unknown>;

/** Sets `key` to `value` in the record or in one of its nested objects, chosen by `where`. */
export function mutate(record: Json, where: number, key: string, value: unknown, remove: boolean): Json {
  const copy = structuredClone(record);
  const targets: Json[] = [copy];
  for (const list of ['spells', 'wages', 'events'] as const) {
    const items = copy[list];
    if (Array.isArray(items)) for (const item of items) targets.push(item as Json);
  }
  const target = targets[where % targets.length] ?? copy;
  if (remove) Reflect.deleteProperty(target, key);
  else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A raw record that is shape-valid, or a mutation of one that usually is not. */
export const mutatedRecord = fc.oneof(
  shapeValidRecord.map((r) => r as Json),
  fc
    .tuple(shapeValidRecord, fc.nat(), anyKey, fc.oneof(badValue, dateText, wireWage), fc.boolean())
    .map(([record, where, key, value, remove]) => mutate(record as Json, where, key, value, remove)),
);

/** A record valid by construction, lists in order, so the fast path must accept it. */
export const orderedValidRecord = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    cohort: fc.constantFrom('2023-A', '2023-B'),
    groups: fc.subarray(['rsa', 'ltu', 'youth']),
    enrolled: fc.integer({ min: 0, max: 40_000 }),
    exitAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    baselineWage: fc.option(wireWage, { nil: undefined }),
    gaps: fc.array(
      fc.tuple(
        fc.integer({ min: 1, max: 90 }),
        fc.integer({ min: 0, max: 400 }),
        fc.option(fc.integer({ min: 0, max: 168 }), { nil: undefined }),
        fc.option(wireWage, { nil: undefined }),
        fc.option(fc.constantFrom('permanent', 'fixed-term', 'apprenticeship', 'CDI'), { nil: undefined }),
        fc.option(fc.constantFrom('62.01Z', 'F', 'care'), { nil: undefined }),
        fc.option(fc.constantFrom('acme', '552100554', 'member-1'), { nil: undefined }),
      ),
      { maxLength: 3 },
    ),
    openLast: fc.boolean(),
    wageDays: fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), wireWage), { maxLength: 3 }),
    eventDays: fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.constantFrom('a1', 'job-offer', 'training-completed')), { maxLength: 3 }),
  })
  .map((r) => {
    const day = (n: number): string => formatDate((DAY_1950 + n) as CalendarDate);
    const record: Record<string, unknown> = { id: r.id, cohort: r.cohort, groups: r.groups, enrolledOn: day(r.enrolled) };
    if (r.exitAfter !== undefined) record.exitedOn = day(r.enrolled + r.exitAfter);
    if (r.baselineWage !== undefined) record.baselineWage = r.baselineWage;
    let at = r.enrolled - 1;
    record.spells = r.gaps.map(([gap, length, hours, wage, contractType, sector, employer], i) => {
      const spell: Record<string, unknown> = { start: day(at + gap) };
      at += gap + length;
      if (!(r.openLast && i === r.gaps.length - 1)) spell.end = day(at);
      if (hours !== undefined) spell.hoursPerWeek = hours;
      if (contractType !== undefined) spell.contractType = contractType;
      if (wage !== undefined) spell.monthlyWage = wage;
      if (sector !== undefined) spell.sector = sector;
      if (employer !== undefined) spell.employer = employer;
      return spell;
    });
    let on = r.enrolled;
    record.wages = r.wageDays.map(([step, monthlyWage]) => ({ on: day((on += step)), monthlyWage }));
    on = r.enrolled;
    const events = r.eventDays.map(([step, kind]) => ({ kind, on: (on += step) }));
    events.sort((a, b) => a.on - b.on || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
    record.events = events.map((e) => ({ kind: e.kind, on: day(e.on) }));
    return record;
  });
