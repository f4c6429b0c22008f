/**
 * Seeded generator of the Île-de-France apprenticeship example records (`records.csv` and
 * `records.ndjson`, the same participants in both formats). Deterministic: the same seed gives the
 * same bytes on any machine and in any time zone (dates are built from integer day offsets with the
 * calendar core, wages from integer cents; no `Date`, no `Math.random`).
 *
 * Run it through vitest: `REGENERATE_EXAMPLES=1 npx vitest run test/examples`.
 *
 * @module
 */
import { addDays, formatDate, parseDate, type CalendarDate } from '../../src/calendar/index.js';
import { generateFiles, money, type Generated, type Rng, type WireRecord } from '../wire-records.js';

/** The seed the committed files were generated with. */
export const SEED = 20230901;
/** The date the records were exported on: nothing after it is known. */
export const EXPORTED_ON = '2026-03-31';

const d = (date: CalendarDate): string => formatDate(date);

const COHORTS = [
  { id: '2023', start: parseDate('2023-09-01'), days: 121, size: 50 },
  { id: '2024', start: parseDate('2024-09-01'), days: 121, size: 50 },
] as const;

function person(rng: Rng, id: string, cohort: (typeof COHORTS)[number]): WireRecord {
  const enrolled = addDays(cohort.start, rng.int(0, cohort.days));
  const qpv = rng.chance(0.35);
  const noDiploma = rng.chance(0.4);
  const groups = [...(qpv ? ['qpv'] : []), ...(noDiploma ? ['no-diploma'] : [])];
  const record: WireRecord = { id, cohort: cohort.id, groups, enrolledOn: d(enrolled), spells: [], wages: [], events: [] };
  if (!rng.chance(noDiploma ? 0.62 : 0.75)) {
    // no employer found: leaves the programme after a few months
    if (rng.chance(0.6)) record.exitedOn = d(addDays(enrolled, rng.int(90, 200)));
    return record;
  }
  // Most contracts start within the 120 days; a few later. Some break in the 45-day trial period,
  // some later; the others run their one or two years.
  const start = addDays(enrolled, rng.chance(0.08) ? rng.int(121, 170) : rng.int(3, 110));
  const breaks = rng.chance(0.1) ? rng.int(7, 44) : rng.chance(0.12) ? rng.int(46, 300) : undefined;
  const lasts = breaks ?? rng.pick([365, 730, 730]);
  const end = addDays(start, lasts - 1);
  record.spells.push({ start: d(start), end: d(end), hoursPerWeek: 35, contractType: 'apprenticeship', monthlyWage: money(BigInt(rng.int(800, 1300)) * 100n) });
  if (breaks !== undefined) {
    record.exitedOn = d(addDays(end, rng.int(0, 30)));
    return record;
  }
  record.exitedOn = d(end);
  const qualified = rng.chance(0.85);
  if (qualified) record.events.push({ kind: 'qualification-obtained', on: d(addDays(end, -rng.int(0, 20))) });
  if (rng.chance(qualified ? 0.7 : 0.3)) {
    const jobStart = addDays(end, rng.chance(0.1) ? rng.int(184, 240) : rng.int(1, 150));
    const jobLasts = rng.chance(0.8) ? undefined : rng.int(10, 200);
    record.spells.push({
      start: d(jobStart),
      ...(jobLasts === undefined ? {} : { end: d(addDays(jobStart, jobLasts - 1)) }),
      hoursPerWeek: rng.pick([35, 35, 35, 24, 20]),
      contractType: rng.pick(['permanent', 'permanent', 'fixed-term', 'temporary']),
      monthlyWage: money(BigInt(rng.int(1700, 2400)) * 100n),
    });
  }
  return record;
}

/** Hand-written participants whose outcomes the tests check by hand. */
function scripted(): WireRecord[] {
  return [
    // In both priced groups (no-diploma × 1.3 beats qpv × 1.15): contract signed 2023-09-18 for one
    // year, qualification 2024-09-06, a permanent job from 2024-10-01.
    {
      id: 'IDF-X01', cohort: '2023', groups: ['qpv', 'no-diploma'], enrolledOn: '2023-09-04', exitedOn: '2024-09-16',
      spells: [
        { start: '2023-09-18', end: '2024-09-16', hoursPerWeek: 35, contractType: 'apprenticeship', monthlyWage: '960.00' },
        { start: '2024-10-01', hoursPerWeek: 35, contractType: 'permanent', monthlyWage: '1950.00' },
      ],
      wages: [], events: [{ kind: 'qualification-obtained', on: '2024-09-06' }],
    },
    // Invalid: the qualification date 2025-02-30 does not exist.
    {
      id: 'IDF-X02', cohort: '2024', groups: [], enrolledOn: '2024-09-09', exitedOn: '2025-09-08',
      spells: [{ start: '2024-09-23', end: '2025-09-08', hoursPerWeek: 35, contractType: 'apprenticeship', monthlyWage: '1000.00' }],
      wages: [], events: [{ kind: 'qualification-obtained', on: '2025-02-30' }],
    },
    // In a priority neighbourhood, the contract broken on its 44th day (2023-10-02 to 2023-11-14):
    // still in the trial period, so no contract is counted.
    {
      id: 'IDF-X03', cohort: '2023', groups: ['qpv'], enrolledOn: '2023-09-11', exitedOn: '2023-11-30',
      spells: [{ start: '2023-10-02', end: '2023-11-14', hoursPerWeek: 35, contractType: 'apprenticeship', monthlyWage: '900.00' }],
      wages: [], events: [],
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
  return generateFiles({ seed, idPrefix: 'IDF', cohorts: COHORTS, person, scripted: scripted(), exportedOn: EXPORTED_ON });
}
