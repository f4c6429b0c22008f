/**
 * Seeded generator of the cluster-engineering example records (`records.csv` and
 * `records.ndjson`, the same participants in both formats). Deterministic: the same seed gives the
 * same bytes on any machine and in any time zone (dates are built from integer day offsets with
 * the calendar core; no `Date`, no `Math.random`).
 *
 * Run it through vitest: `REGENERATE_EXAMPLES=1 npx vitest run test/examples`.
 *
 * @module
 */
import { addDays, formatDate, parseDate, type CalendarDate } from '../../src/calendar/index.js';
import { generateFiles, money, type Generated, type Rng, type WireRecord } from '../wire-records.js';

/** The seed the committed files were generated with. */
export const SEED = 20250901;
/** The date the records were exported on: nothing after it is known. */
export const EXPORTED_ON = '2028-07-15';

const d = (date: CalendarDate): string => formatDate(date);

/** The cluster's employer group (groupement d'employeurs), which shares its employees among members. */
const GE = 'ge-meca';
/** The member employers. */
const MEMBERS = ['m01', 'm02', 'm03', 'm04', 'm05', 'm06', 'm07', 'm08', 'm09', 'm10'] as const;
/** Employers outside the cluster. */
const OUTSIDERS = ['ext-robotique-38', 'ext-aero-31', 'ext-auto-25'] as const;
/** Activity codes of mechatronics jobs (machinery, instruments, repair). */
const SECTORS = ['28.41Z', '26.51B', '33.12Z', '28.99B'] as const;

/** The two schools' intakes, each a cohort, with how often their students reach each result. */
const COHORTS = [
  { id: 'school-a', start: parseDate('2025-09-01'), days: 60, size: 34, women: 0.3, apprenticeship: 0.88, degree: 0.9, job: 0.7, kept: 0.75 },
  { id: 'school-b', start: parseDate('2025-09-01'), days: 60, size: 34, women: 0.25, apprenticeship: 0.8, degree: 0.85, job: 0.6, kept: 0.7 },
] as const;

/** An employer for a job: mostly a member, sometimes the GE, sometimes outside the cluster. */
function employerOf(rng: Rng, outside: number): string {
  if (rng.chance(outside)) return rng.pick(OUTSIDERS);
  return rng.chance(0.2) ? GE : rng.pick(MEMBERS);
}

function person(rng: Rng, id: string, cohort: (typeof COHORTS)[number]): WireRecord {
  const enrolled = addDays(cohort.start, rng.int(0, cohort.days));
  const record: WireRecord = { id, cohort: cohort.id, groups: rng.chance(cohort.women) ? ['women'] : [], enrolledOn: d(enrolled), spells: [], wages: [], events: [] };
  if (!rng.chance(cohort.apprenticeship)) {
    record.exitedOn = d(addDays(enrolled, rng.int(30, 90)));
    return record;
  }
  // The apprenticeship: with the GE (shared among members) or a member, a few outside the cluster;
  // one in twelve broken during the 45-day trial period; else twelve months.
  const start = addDays(enrolled, rng.int(3, 55));
  const employer = rng.chance(0.5) ? GE : employerOf(rng, 0.1);
  const broken = rng.chance(1 / 12);
  const end = addDays(start, broken ? rng.int(15, 43) : 364);
  const sector = rng.pick(SECTORS);
  record.spells.push({ start: d(start), end: d(end), hoursPerWeek: 35, contractType: 'apprenticeship', monthlyWage: money(BigInt(rng.int(1100, 1600)) * 100n), sector, employer });
  record.exitedOn = d(end);
  if (broken) return record;
  if (rng.chance(cohort.degree)) record.events.push({ kind: 'degree-obtained', on: d(addDays(end, rng.int(-60, 20))) });
  if (!rng.chance(cohort.job)) return record;
  // The job after: mostly within the four months (122 days), a few later; some fixed-term or part-time (not counted).
  const jobStart = addDays(end, rng.chance(0.06) ? rng.int(123, 170) : rng.int(5, 115));
  const jobEmployer = employerOf(rng, 0.15);
  const contractType = rng.chance(0.85) ? 'permanent' : 'fixed-term';
  const hoursPerWeek = rng.chance(0.9) ? rng.pick([35, 39]) : 28;
  const wage = money(BigInt(rng.int(2800, 3600)) * 100n);
  const jobSector = rng.pick(SECTORS);
  if (!rng.chance(cohort.kept)) {
    record.spells.push({ start: d(jobStart), end: d(addDays(jobStart, rng.int(60, 300))), hoursPerWeek, contractType, monthlyWage: wage, sector: jobSector, employer: jobEmployer });
    return record;
  }
  const move = rng.int(1, 10);
  if (move <= 2) {
    // moves after a short gap, to another member (counts) or outside the cluster (does not)
    const first = addDays(jobStart, rng.int(90, 240));
    const next = addDays(first, rng.int(1, 25));
    record.spells.push(
      { start: d(jobStart), end: d(first), hoursPerWeek, contractType, monthlyWage: wage, sector: jobSector, employer: jobEmployer },
      { start: d(next), hoursPerWeek: 35, contractType: 'permanent', monthlyWage: wage, sector: rng.pick(SECTORS), employer: move === 1 ? rng.pick(OUTSIDERS) : rng.pick(MEMBERS) },
    );
  } else {
    record.spells.push({ start: d(jobStart), hoursPerWeek, contractType, monthlyWage: wage, sector: jobSector, employer: jobEmployer });
  }
  return record;
}

/** Hand-written participants whose outcomes the tests check by hand. */
function scripted(): WireRecord[] {
  return [
    // A woman: apprenticeship with the GE from 2025-09-15 to 2026-09-14; degree 2026-07-03; a
    // permanent job with member m03 from 2026-10-01 to 2027-05-31, then with m07 from 2027-06-16
    // (a gap of 15 days, allowed): twelve months with members on 2027-09-30.
    {
      id: 'CE-X01', cohort: 'school-a', groups: ['women'], enrolledOn: '2025-09-08', exitedOn: '2026-09-14',
      spells: [
        { start: '2025-09-15', end: '2026-09-14', hoursPerWeek: 35, contractType: 'apprenticeship', monthlyWage: '1400.00', sector: '28.41Z', employer: 'ge-meca' },
        { start: '2026-10-01', end: '2027-05-31', hoursPerWeek: 35, contractType: 'permanent', monthlyWage: '3200.00', sector: '28.41Z', employer: 'm03' },
        { start: '2027-06-16', hoursPerWeek: 35, contractType: 'permanent', monthlyWage: '3350.00', sector: '26.51B', employer: 'm07' },
      ],
      wages: [], events: [{ kind: 'degree-obtained', on: '2026-07-03' }],
    },
    // Apprenticeship with member m05 and the degree, then a permanent job outside the cluster: no job with a member.
    {
      id: 'CE-X02', cohort: 'school-b', groups: [], enrolledOn: '2025-09-22', exitedOn: '2026-09-30',
      spells: [
        { start: '2025-10-01', end: '2026-09-30', hoursPerWeek: 35, contractType: 'apprenticeship', monthlyWage: '1300.00', sector: '33.12Z', employer: 'm05' },
        { start: '2026-11-02', hoursPerWeek: 35, contractType: 'permanent', monthlyWage: '3100.00', sector: '33.12Z', employer: 'ext-robotique-38' },
      ],
      wages: [], events: [{ kind: 'degree-obtained', on: '2026-09-10' }],
    },
    // A job with member m02 from 2026-10-05, then from 2027-06-01 with an employer outside the
    // cluster: the days outside count as a gap, longer than 31 days, so no twelve months.
    {
      id: 'CE-X03', cohort: 'school-b', groups: [], enrolledOn: '2025-09-01', exitedOn: '2026-09-07',
      spells: [
        { start: '2025-09-08', end: '2026-09-07', hoursPerWeek: 35, contractType: 'apprenticeship', monthlyWage: '1250.00', sector: '28.99B', employer: 'ge-meca' },
        { start: '2026-10-05', end: '2027-05-31', hoursPerWeek: 39, contractType: 'permanent', monthlyWage: '3000.00', sector: '28.99B', employer: 'm02' },
        { start: '2027-06-01', hoursPerWeek: 39, contractType: 'permanent', monthlyWage: '3300.00', sector: '28.99B', employer: 'ext-aero-31' },
      ],
      wages: [], events: [],
    },
    // Invalid: a job that ends before it starts.
    {
      id: 'CE-X04', cohort: 'school-a', groups: [], enrolledOn: '2025-10-06',
      spells: [{ start: '2025-11-03', end: '2025-10-31', hoursPerWeek: 35, contractType: 'apprenticeship', sector: '28.41Z', employer: 'm01' }],
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
  return generateFiles({ seed, idPrefix: 'CE', cohorts: COHORTS, person, scripted: scripted(), exportedOn: EXPORTED_ON });
}
