/**
 * Seeded generator of the UK earnings example records (`records.ndjson`; the records CSV does not
 * carry earnings, docs/records.md). Deterministic: the same seed gives the same bytes on any
 * machine and in any time zone (dates from integer day and month offsets with the calendar core,
 * pay from integer pence with BigInt; no `Date`, no `Math.random`).
 *
 * Run it through vitest: `REGENERATE_EXAMPLES=1 npx vitest run test/examples/uk-earnings.test.ts`.
 *
 * @module
 */
import { addDays, addMonths, formatDate, parseDate, type CalendarDate } from '../../src/calendar/index.js';
import { generateFiles, money, type Generated, type Rng, type WireRecord } from '../wire-records.js';

/** The seed the committed file was generated with. */
export const SEED = 20231002;
/** The date the records were exported on: pay periods ending after it are not known. */
export const EXPORTED_ON = '2026-03-31';

const d = (date: CalendarDate): string => formatDate(date);

const COHORTS = [{ id: '2023-24', start: parseDate('2023-10-02'), days: 363, size: 70 }] as const;

/** The first day of the month of `date`. */
function monthStart(date: CalendarDate): CalendarDate {
  return parseDate(`${d(date).slice(0, 8)}01`);
}

/**
 * A participant: about two in three find work, from 0 to 10 months after the start (one in six
 * already paid in the month of the start: a period across the start); 8 to 37.5 hours a week at
 * 11.00 to 14.00 an hour, paid monthly (one in five quarterly) for 1 to 24 months, each period's pay
 * within 15 % of the usual.
 */
function person(rng: Rng, id: string, cohort: (typeof COHORTS)[number]): WireRecord {
  const enrolled = addDays(cohort.start, rng.int(0, cohort.days));
  const record: WireRecord = { id, cohort: cohort.id, groups: [], enrolledOn: d(enrolled), spells: [], wages: [], events: [] };
  if (!rng.chance(0.66)) return record;
  const hours = rng.pick([8, 12, 16, 16, 20, 25, 30, 37.5]);
  const hourlyPence = BigInt(rng.int(1100, 1400));
  const usual = (BigInt(Math.round(hours * 2)) * hourlyPence * 52n) / 24n; // pence a month
  const months = rng.chance(0.2) ? 3 : 1;
  let from = monthStart(rng.chance(0.17) ? enrolled : addMonths(enrolled, rng.int(0, 10)));
  const earnings: NonNullable<WireRecord['earnings']> = [];
  for (let n = rng.int(1, 24); n > 0; n -= months) {
    const next = addMonths(from, months);
    const pay = (usual * BigInt(months) * BigInt(rng.int(85, 115))) / 100n;
    earnings.push({ from: d(from), to: d(addDays(next, -1)), amount: money(pay) });
    from = next;
  }
  record.earnings = earnings;
  return record;
}

/** Hand-written participants whose outcomes the tests check by hand. */
function scripted(): WireRecord[] {
  return [
    // Starts 2024-04-02 (rate 11.44: threshold 16 x 26 x 11.44 = 4759.04, rounded up to 4760),
    // paid quarterly: all three outcomes, the last step cut by the 2500.00 participant cap.
    {
      id: 'UKE-X01', cohort: '2023-24', groups: [], enrolledOn: '2024-04-02', spells: [], wages: [], events: [],
      earnings: [
        { from: '2024-04-01', to: '2024-06-30', amount: '2400.00' },
        { from: '2024-07-01', to: '2024-09-30', amount: '2386.38' },
        { from: '2024-10-01', to: '2024-12-31', amount: '2500.00' },
        { from: '2025-01-01', to: '2025-03-31', amount: '1200.00' },
      ],
    },
    // Starts 2023-10-02 (rate 10.42: 4334.72, rounded up to 4335): monthly pay just short of the
    // threshold within the window (to 2024-12-31); the month ending after it does not count.
    {
      id: 'UKE-X02', cohort: '2023-24', groups: [], enrolledOn: '2023-10-02', spells: [], wages: [], events: [],
      earnings: [
        { from: '2024-09-01', to: '2024-09-30', amount: '1500.00' },
        { from: '2024-10-01', to: '2024-10-31', amount: '1500.00' },
        { from: '2024-11-01', to: '2024-11-30', amount: '1334.99' },
        { from: '2024-12-01', to: '2025-01-31', amount: '3000.00' },
      ],
    },
  ];
}

/**
 * Generates the example records.
 *
 * @param seed - PRNG seed ({@link SEED} for the committed file)
 * @example
 * const { ndjson } = generate(SEED);
 */
export function generate(seed: number): Generated {
  return generateFiles({ seed, idPrefix: 'UKE', cohorts: COHORTS, person, scripted: scripted(), exportedOn: EXPORTED_ON });
}
