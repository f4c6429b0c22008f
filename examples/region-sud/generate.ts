/**
 * Seeded generator of the Région Sud example records (`records.csv` and `records.ndjson`, the same
 * participants in both formats). Deterministic: the same seed gives the same bytes on any machine
 * and in any time zone (dates are built from integer day offsets with the calendar core, wages from
 * integer cents with BigInt; no `Date`, no `Math.random`).
 *
 * Run it through vitest: `REGENERATE_EXAMPLES=1 npx vitest run test/examples`.
 *
 * @module
 */
import { addDays, addMonths, formatDate, parseDate, type CalendarDate } from '../../src/calendar/index.js';
import { generateFiles, money, type Generated, type Rng, type WireRecord } from '../wire-records.js';

/** The seed the committed files were generated with. */
export const SEED = 20230623;
/** The date the records were exported on: nothing after it is known. */
export const EXPORTED_ON = '2025-06-30';

/** A wage raised by `percent` % (integer), rounded down to the cent, in integer arithmetic. */
function raise(cents: bigint, percent: number): bigint {
  return (cents * BigInt(100 + percent)) / 100n;
}

const d = (date: CalendarDate): string => formatDate(date);

const COHORTS = [
  { id: '2023-A', start: parseDate('2023-01-02'), days: 180, size: 48 },
  { id: '2023-B', start: parseDate('2023-07-03'), days: 170, size: 42 },
] as const;

function person(rng: Rng, id: string, cohort: (typeof COHORTS)[number]): WireRecord {
  const enrolled = addDays(cohort.start, rng.int(0, cohort.days));
  const rsa = rng.chance(0.27);
  const youth = !rsa && rng.chance(0.3);
  const ltu = !youth && rng.chance(0.25);
  const groups = [...(rsa ? ['rsa'] : []), ...(ltu ? ['ltu'] : []), ...(youth ? ['youth'] : [])];
  const record: WireRecord = { id, cohort: cohort.id, groups, enrolledOn: d(enrolled), spells: [], wages: [], events: [] };

  // Pre-programme wage: RSA beneficiaries earn little; some have none, a few are unknown.
  if (!rng.chance(0.08)) {
    const baseline = rsa ? BigInt(rng.int(30000, 70000)) : rng.chance(0.3) ? 0n : BigInt(rng.int(90000, 160000));
    record.baselineWage = money(baseline);
  }
  if (rng.chance(0.03)) return record; // still in a long pathway: no exit yet

  const dropout = rng.chance(0.12);
  const exited = addDays(enrolled, dropout ? rng.int(15, 60) : rng.int(70, 160));
  record.exitedOn = d(exited);
  if (!dropout) record.events.push({ kind: 'training-completed', on: d(exited) });
  if (rng.chance(0.6)) record.events.push({ kind: 'job-interview', on: d(addDays(exited, rng.int(-20, -1))) });

  const placed = rng.chance(dropout ? 0.3 : rsa ? 0.72 : 0.82);
  if (!placed) return record;
  const start = addDays(exited, rng.chance(0.06) ? rng.int(185, 240) : rng.int(3, 150));
  const hours = rng.pick([35, 35, 35, 35, 35, 28, 24, 17.5]);
  const contractType = rng.pick(['permanent', 'permanent', 'permanent', 'fixed-term', 'fixed-term', 'apprenticeship', 'temporary']);
  const wage = (BigInt(rng.int(155000, 230000)) * BigInt(Math.round(hours * 2))) / 70n;
  const firstLength = rng.chance(0.55) ? undefined : rng.int(12, 420);
  record.spells.push({
    start: d(start),
    ...(firstLength === undefined ? {} : { end: d(addDays(start, firstLength - 1)) }),
    hoursPerWeek: hours,
    contractType,
    monthlyWage: money(wage),
  });
  let current = wage;
  if (firstLength !== undefined && rng.chance(0.6)) {
    const next = addDays(start, firstLength - 1 + rng.int(3, 60));
    current = raise(wage, rng.int(-5, 12));
    record.spells.push({ start: d(next), hoursPerWeek: 35, contractType: rng.pick(['permanent', 'fixed-term']), monthlyWage: money(current) });
  }
  // Payslips at 6 and 12 months when in work, with a rise for most.
  for (const months of [6, 12]) {
    if (rng.chance(0.85)) {
      current = raise(current, rng.int(0, 14));
      record.wages.push({ on: d(addMonths(start, months)), monthlyWage: money(current) });
    }
  }
  return record;
}

/** Hand-written participants whose outcomes the tests check by hand. */
function scripted(): WireRecord[] {
  return [
    // RSA, placed 2023-08-31 (month end), wage exactly 10 % up at 12 months: 1650.00 against 1500.00.
    {
      id: 'RS-X01', cohort: '2023-A', groups: ['rsa', 'ltu'], enrolledOn: '2023-03-06', exitedOn: '2023-07-28', baselineWage: '1500.00',
      spells: [{ start: '2023-08-31', hoursPerWeek: 35, contractType: 'permanent', monthlyWage: '1600.00' }],
      wages: [{ on: '2024-08-31', monthlyWage: '1650.00' }], events: [{ kind: 'training-completed', on: '2023-07-28' }],
    },
    // Same path one cent short: 1649.99 fails the 10 % threshold.
    {
      id: 'RS-X02', cohort: '2023-A', groups: [], enrolledOn: '2023-03-06', exitedOn: '2023-07-28', baselineWage: '1500.00',
      spells: [{ start: '2023-08-31', hoursPerWeek: 35, contractType: 'fixed-term', monthlyWage: '1600.00' }],
      wages: [{ on: '2024-08-31', monthlyWage: '1649.99' }], events: [{ kind: 'training-completed', on: '2023-07-28' }],
    },
    // Invalid: exit recorded before enrolment (excluded, reported in dataQuality).
    { id: 'RS-X03', cohort: '2023-B', groups: ['youth'], enrolledOn: '2023-09-18', exitedOn: '2023-09-01', spells: [], wages: [], events: [] },
    // Invalid: two spells overlapping (the second starts on the day the first ends).
    {
      id: 'RS-X04', cohort: '2023-B', groups: ['rsa'], enrolledOn: '2023-10-02', exitedOn: '2024-01-19', baselineWage: '450.00',
      spells: [
        { start: '2024-02-05', end: '2024-04-30', hoursPerWeek: 35, contractType: 'fixed-term', monthlyWage: '1720.00' },
        { start: '2024-04-30', hoursPerWeek: 35, contractType: 'permanent', monthlyWage: '1780.00' },
      ],
      wages: [], events: [{ kind: 'training-completed', on: '2024-01-19' }],
    },
  ];
}

/**
 * Generates the example records.
 *
 * @param seed - PRNG seed ({@link SEED} for the committed files)
 * @example
 * const { csv, ndjson } = generate(SEED);
 */
export function generate(seed: number): Generated {
  return generateFiles({ seed, idPrefix: 'RS', cohorts: COHORTS, person, scripted: scripted(), exportedOn: EXPORTED_ON });
}
