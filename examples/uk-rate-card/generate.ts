/**
 * Seeded generator of the UK rate card example records (`records.csv` and `records.ndjson`, the same
 * participants in both formats). Deterministic: the same seed gives the same bytes on any machine
 * and in any time zone (dates are built from integer day offsets with the calendar core, wages from
 * integer cents with BigInt; no `Date`, no `Math.random`).
 *
 * Run it through vitest: `REGENERATE_EXAMPLES=1 npx vitest run test/examples`.
 *
 * @module
 */
import { addDays, formatDate, parseDate, type CalendarDate } from '../../src/calendar/index.js';
import { generateFiles, money, type Generated, type Rng, type WireRecord } from '../wire-records.js';

/** The seed the committed files were generated with. */
export const SEED = 20240401;
/** The date the records were exported on: nothing after it is known. */
export const EXPORTED_ON = '2025-09-30';

const d = (date: CalendarDate): string => formatDate(date);

const COHORTS = [
  { id: '2024-A', start: parseDate('2024-01-02'), days: 178, size: 55 },
  { id: '2024-B', start: parseDate('2024-07-01'), days: 170, size: 50 },
] as const;

function person(rng: Rng, id: string, cohort: (typeof COHORTS)[number]): WireRecord {
  const enrolled = addDays(cohort.start, rng.int(0, cohort.days));
  const young = rng.chance(0.45);
  const careLeaver = young && rng.chance(0.25);
  const exIncapacity = !young && rng.chance(0.45);
  const groups = [...(young ? ['jsa-18-24'] : exIncapacity ? ['esa-ex-ib'] : ['jsa-25-plus']), ...(careLeaver ? ['care-leavers'] : [])];
  const record: WireRecord = { id, cohort: cohort.id, groups, enrolledOn: d(enrolled), spells: [], wages: [], events: [] };
  if (rng.chance(0.92)) record.events.push({ kind: 'assessment-completed', on: d(addDays(enrolled, rng.chance(0.9) ? rng.int(1, 30) : rng.int(31, 45))) });

  if (!rng.chance(exIncapacity ? 0.45 : 0.62)) {
    if (rng.chance(0.5)) record.exitedOn = d(addDays(enrolled, rng.int(200, 365)));
    return record;
  }
  let start = addDays(enrolled, rng.chance(0.06) ? rng.int(366, 420) : rng.int(20, 300));
  let hours = rng.pick([37.5, 37.5, 30, 25, 20, 16, 12]);
  // Up to three spells: short jobs, gaps, a return to work.
  for (let spell = 0; spell < 3; spell++) {
    const weekly = BigInt(Math.round(hours * 2)) * BigInt(rng.int(1100, 1450));
    const lasts = rng.chance(spell === 0 ? 0.45 : 0.7) ? undefined : rng.int(10, 320);
    record.spells.push({
      start: d(start),
      ...(lasts === undefined ? {} : { end: d(addDays(start, lasts - 1)) }),
      hoursPerWeek: hours,
      contractType: rng.pick(['permanent', 'fixed-term', 'zero-hours', 'temporary']),
      monthlyWage: money((weekly * 52n) / 24n),
    });
    if (lasts === undefined || !rng.chance(0.6)) break;
    start = addDays(start, lasts - 1 + rng.int(2, 45));
    hours = rng.pick([37.5, 30, 20, 16]);
  }
  if (rng.chance(0.3)) record.events.push({ kind: 'in-work-review', on: d(addDays(start, 42)) });
  return record;
}

/** Hand-written participants whose outcomes the tests check by hand. */
function scripted(): WireRecord[] {
  return [
    // A care leaver in work from 2024-03-04, never stopping: every claim up to the GBP 5,000 cap.
    {
      id: 'UK-X01', cohort: '2024-A', groups: ['jsa-18-24', 'care-leavers'], enrolledOn: '2024-01-15',
      spells: [{ start: '2024-03-04', hoursPerWeek: 30, contractType: 'permanent', monthlyWage: '1690.00' }],
      wages: [], events: [{ kind: 'assessment-completed', on: '2024-01-29' }],
    },
    // Invalid: impossible date (2024-02-30) in a job start.
    {
      id: 'UK-X02', cohort: '2024-A', groups: ['esa-ex-ib'], enrolledOn: '2024-01-22',
      spells: [{ start: '2024-02-30', hoursPerWeek: 16, contractType: 'fixed-term', monthlyWage: '780.00' }],
      wages: [], events: [{ kind: 'assessment-completed', on: '2024-02-05' }],
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
  return generateFiles({ seed, idPrefix: 'UK', cohorts: COHORTS, person, scripted: scripted(), exportedOn: EXPORTED_ON });
}
