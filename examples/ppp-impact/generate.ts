/**
 * Seeded generator of the PPP impact example records (`records.csv` and `records.ndjson`, the same
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
export const SEED = 20240115;
/** The date the records were exported on: nothing after it is known. */
export const EXPORTED_ON = '2025-09-30';

const d = (date: CalendarDate): string => formatDate(date);

const COHORTS = [
  { id: '2023-A', start: parseDate('2023-01-09'), days: 81, size: 50, placeRate: 0.8, course: [90, 150] },
  { id: '2023-B', start: parseDate('2023-09-04'), days: 87, size: 48, placeRate: 0.62, course: [120, 200] },
] as const;

function person(rng: Rng, id: string, cohort: (typeof COHORTS)[number]): WireRecord {
  const enrolled = addDays(cohort.start, rng.int(0, cohort.days));
  const youth = rng.chance(0.36);
  const rsa = rng.chance(youth ? 0.1 : 0.3);
  const groups = [...(youth ? ['youth'] : []), ...(rsa ? ['rsa'] : [])];
  const record: WireRecord = { id, cohort: cohort.id, groups, enrolledOn: d(enrolled), spells: [], wages: [], events: [] };
  if (!rng.chance(0.1)) record.baselineWage = money(rsa || youth ? BigInt(rng.int(0, 60000)) : BigInt(rng.int(80000, 150000)));

  const completed = !rng.chance(0.14);
  const exited = addDays(enrolled, completed ? rng.int(cohort.course[0], cohort.course[1]) : rng.int(20, 70));
  record.exitedOn = d(exited);
  if (completed) record.events.push({ kind: 'training-completed', on: d(exited) });
  if (completed && rng.chance(0.3)) record.events.push({ kind: 'job-offer', on: d(addDays(exited, rng.int(-25, -2))) });

  if (!rng.chance(completed ? cohort.placeRate : 0.25)) return record;
  // Job start within the 365-day window from enrolment for most; a few too late.
  const start = rng.chance(0.05) ? addDays(enrolled, rng.int(366, 420)) : addDays(exited, rng.int(2, 230));
  const hours = rng.pick([35, 35, 35, 35, 30, 24, 20]);
  const wage = (BigInt(rng.int(160000, 215000)) * BigInt(hours)) / 35n;
  const lasts = rng.chance(0.45) ? undefined : rng.int(30, 450);
  record.spells.push({
    start: d(start),
    ...(lasts === undefined ? {} : { end: d(addDays(start, lasts - 1)) }),
    hoursPerWeek: hours,
    contractType: rng.pick(['permanent', 'permanent', 'fixed-term', 'fixed-term', 'temporary', 'apprenticeship']),
    monthlyWage: money(wage),
  });
  let current = wage;
  if (lasts !== undefined && rng.chance(0.55)) {
    const next = addDays(start, lasts - 1 + rng.int(5, 90));
    current = wage + BigInt(rng.int(-5000, 25000));
    record.spells.push({ start: d(next), hoursPerWeek: 35, contractType: rng.pick(['permanent', 'fixed-term']), monthlyWage: money(current) });
  }
  // Payslip at 6 months: a rise of EUR 0 to 300 (the contract pays for EUR 150 or more).
  if (rng.chance(0.9)) record.wages.push({ on: d(addMonths(start, 6)), monthlyWage: money(current + BigInt(rng.int(0, 300) * 100)) });
  return record;
}

/** Hand-written participants whose outcomes the tests check by hand. */
function scripted(): WireRecord[] {
  return [
    // Young, placed 2023-08-31, EUR 150.00 exactly on the placement wage at 6 months (2024-02-29): achieved.
    {
      id: 'PP-X01', cohort: '2023-A', groups: ['youth'], enrolledOn: '2023-03-13', exitedOn: '2023-07-21', baselineWage: '0',
      spells: [{ start: '2023-08-31', hoursPerWeek: 35, contractType: 'permanent', monthlyWage: '1850.00' }],
      wages: [{ on: '2024-02-29', monthlyWage: '2000.00' }], events: [{ kind: 'training-completed', on: '2023-07-21' }],
    },
    // Invalid: the same id exported twice with different data (both copies excluded).
    { id: 'PP-X02', cohort: '2023-B', groups: ['rsa'], enrolledOn: '2023-10-02', exitedOn: '2024-02-09', spells: [], wages: [], events: [{ kind: 'training-completed', on: '2024-02-09' }] },
    { id: 'PP-X02', cohort: '2023-B', groups: ['rsa'], enrolledOn: '2023-10-09', exitedOn: '2024-02-09', spells: [], wages: [], events: [] },
    // Invalid: a group the contract does not define.
    { id: 'PP-X03', cohort: '2023-B', groups: ['senior'], enrolledOn: '2023-11-06', exitedOn: '2024-03-01', spells: [], wages: [], events: [] },
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
  return generateFiles({ seed, idPrefix: 'PP', cohorts: COHORTS, person, scripted: scripted(), exportedOn: EXPORTED_ON });
}
