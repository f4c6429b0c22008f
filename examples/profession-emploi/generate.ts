/**
 * Seeded generator of the Profession-emploi example records (`records.csv` and `records.ndjson`,
 * the same participants in both formats). Deterministic: the same seed gives the same bytes on any
 * machine and in any time zone (dates are built from integer day offsets with the calendar core;
 * no `Date`, no `Math.random`).
 *
 * Run it through vitest: `REGENERATE_EXAMPLES=1 npx vitest run test/examples`.
 *
 * @module
 */
import { addDays, formatDate, parseDate, type CalendarDate } from '../../src/calendar/index.js';
import { generateFiles, money, type Generated, type Rng, type WireRecord } from '../wire-records.js';

/** The seed the committed files were generated with. */
export const SEED = 20250107;
/** The date the records were exported on: nothing after it is known. */
export const EXPORTED_ON = '2027-01-15';

const d = (date: CalendarDate): string => formatDate(date);

/** The three sectors, each a cohort, with how often its job seekers reach each result. */
const COHORTS = [
  { id: 'logistique', start: parseDate('2025-01-01'), days: 180, size: 39, immersion: 0.85, job: 0.65, kept: 0.7 },
  { id: 'sante', start: parseDate('2025-01-01'), days: 180, size: 39, immersion: 0.8, job: 0.7, kept: 0.8 },
  { id: 'btp', start: parseDate('2025-01-01'), days: 180, size: 39, immersion: 0.75, job: 0.6, kept: 0.6 },
] as const;

function person(rng: Rng, id: string, cohort: (typeof COHORTS)[number]): WireRecord {
  const enrolled = addDays(cohort.start, rng.int(0, cohort.days));
  const record: WireRecord = { id, cohort: cohort.id, groups: [], enrolledOn: d(enrolled), spells: [], wages: [], events: [] };
  // Most immersions within the 90 days, a few later (not paid).
  if (rng.chance(cohort.immersion)) record.events.push({ kind: 'immersion-completed', on: d(addDays(enrolled, rng.chance(0.08) ? rng.int(91, 130) : rng.int(10, 85))) });
  if (!rng.chance(cohort.job)) {
    if (rng.chance(0.5)) record.exitedOn = d(addDays(enrolled, rng.int(120, 240)));
    return record;
  }
  // A job, mostly within the 183 days, a few later; some part-time below 24 hours or temporary (not counted).
  const start = addDays(enrolled, rng.chance(0.07) ? rng.int(184, 240) : rng.int(20, 175));
  const hoursPerWeek = rng.pick([35, 35, 35, 28, 20]);
  const contractType = rng.pick(['permanent', 'permanent', 'fixed-term', 'temporary']);
  const wage = money(BigInt(rng.int(1500, 2300)) * 100n);
  record.exitedOn = d(start);
  if (rng.chance(cohort.kept)) {
    // kept: still in it, or a contract of 7 to 12 months; a few change employer after a short gap
    if (rng.chance(0.2)) {
      const end = addDays(start, rng.int(60, 150));
      const next = addDays(end, rng.int(1, 25));
      record.spells.push({ start: d(start), end: d(end), hoursPerWeek, contractType, monthlyWage: wage }, { start: d(next), hoursPerWeek, contractType: 'permanent', monthlyWage: wage });
    } else {
      const lasts = rng.chance(0.6) ? undefined : rng.int(215, 365);
      record.spells.push({ start: d(start), ...(lasts === undefined ? {} : { end: d(addDays(start, lasts - 1)) }), hoursPerWeek, contractType, monthlyWage: wage });
    }
  } else {
    record.spells.push({ start: d(start), end: d(addDays(start, rng.int(20, 150))), hoursPerWeek, contractType, monthlyWage: wage });
  }
  return record;
}

/** Hand-written participants whose outcomes the tests check by hand. */
function scripted(): WireRecord[] {
  return [
    // Construction: immersion on 2025-02-20 (within 90 days of 2025-02-03), a permanent job of 20
    // hours a week from 2025-04-01: below the 24 hours, so no job and no retention.
    {
      id: 'PE-X01', cohort: 'btp', groups: [], enrolledOn: '2025-02-03', exitedOn: '2025-04-01',
      spells: [{ start: '2025-04-01', hoursPerWeek: 20, contractType: 'permanent', monthlyWage: '1200.00' }],
      wages: [], events: [{ kind: 'immersion-completed', on: '2025-02-20' }],
    },
    // Invalid: enrolled on 2025-02-29, a day 2025 does not have.
    {
      id: 'PE-X02', cohort: 'logistique', groups: [], enrolledOn: '2025-02-29',
      spells: [], wages: [], events: [],
    },
    // Care: a fixed-term job from 2025-03-10 to 2025-06-30, then the next one from 2025-08-01: a gap
    // of 31 days (July), one more than allowed, so the job is paid but not its six-month retention.
    {
      id: 'PE-X03', cohort: 'sante', groups: [], enrolledOn: '2025-01-13', exitedOn: '2025-03-10',
      spells: [
        { start: '2025-03-10', end: '2025-06-30', hoursPerWeek: 35, contractType: 'fixed-term', monthlyWage: '1800.00' },
        { start: '2025-08-01', hoursPerWeek: 35, contractType: 'permanent', monthlyWage: '1850.00' },
      ],
      wages: [], events: [{ kind: 'immersion-completed', on: '2025-02-05' }],
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
  return generateFiles({ seed, idPrefix: 'PE', cohorts: COHORTS, person, scripted: scripted(), exportedOn: EXPORTED_ON });
}
