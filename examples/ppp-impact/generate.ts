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

/** The seed the committed files were generated with. */
export const SEED = 20240115;
/** The date the records were exported on: nothing after it is known. */
export const EXPORTED_ON = '2025-09-30';

/** A record as written to the files (wire format of docs/records.md). */
export interface WireRecord {
  id: string;
  cohort: string;
  groups: string[];
  enrolledOn: string;
  exitedOn?: string;
  baselineWage?: string;
  spells: { start: string; end?: string; hoursPerWeek?: number; contractType?: string; monthlyWage?: string }[];
  wages: { on: string; monthlyWage: string }[];
  events: { kind: string; on: string }[];
}

/** The generated files. */
export interface Generated {
  readonly records: readonly WireRecord[];
  readonly csv: string;
  readonly ndjson: string;
}

/** mulberry32: a tiny seeded PRNG; its floats only drive choices, never amounts. */
function prng(seed: number): { int: (lo: number, hi: number) => number; chance: (p: number) => boolean; pick: <T>(items: readonly T[]) => T } {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return {
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T,
  };
}

/** Integer cents to a decimal string: 176692n → "1766.92". */
function money(cents: bigint): string {
  const text = cents.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

const d = (date: CalendarDate): string => formatDate(date);

const COHORTS = [
  { id: '2023-A', start: parseDate('2023-01-09'), days: 81, size: 50, placeRate: 0.8, course: [90, 150] },
  { id: '2023-B', start: parseDate('2023-09-04'), days: 87, size: 48, placeRate: 0.62, course: [120, 200] },
] as const;

function person(rng: ReturnType<typeof prng>, id: string, cohort: (typeof COHORTS)[number]): WireRecord {
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

/** Drops what was not known on the export date: later spells, ends, payslips, events, exits. */
function asExported(record: WireRecord, exportedOn: string): WireRecord {
  const known = (date: string): boolean => date <= exportedOn;
  const out: WireRecord = { ...record, spells: [], wages: record.wages.filter((w) => known(w.on)), events: record.events.filter((e) => known(e.on)) };
  if (record.exitedOn !== undefined && !known(record.exitedOn)) delete out.exitedOn;
  for (const spell of record.spells) {
    if (!known(spell.start)) continue;
    const copy = { ...spell };
    if (copy.end !== undefined && !known(copy.end)) delete copy.end;
    out.spells.push(copy);
  }
  out.events.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.kind < b.kind ? -1 : 1));
  return out;
}

/** NDJSON: one record per line, keys in the order of docs/records.md, empty lists left out. */
export function toNdjson(records: readonly WireRecord[]): string {
  return records
    .map((r) => {
      const line: Record<string, unknown> = { id: r.id, cohort: r.cohort, groups: r.groups, enrolledOn: r.enrolledOn };
      if (r.exitedOn !== undefined) line['exitedOn'] = r.exitedOn;
      if (r.baselineWage !== undefined) line['baselineWage'] = r.baselineWage;
      if (r.spells.length > 0) line['spells'] = r.spells;
      if (r.wages.length > 0) line['wages'] = r.wages;
      if (r.events.length > 0) line['events'] = r.events;
      return `${JSON.stringify(line)}\n`;
    })
    .join('');
}

/** Flat CSV: one row per participant, numbered spell and wage columns, one column per event kind. */
export function toCsv(records: readonly WireRecord[]): string {
  const spells = Math.max(...records.map((r) => r.spells.length));
  const wages = Math.max(...records.map((r) => r.wages.length));
  const kinds = [...new Set(records.flatMap((r) => r.events.map((e) => e.kind)))].sort();
  const header = ['id', 'cohort', 'groups', 'enrolledOn', 'exitedOn', 'baselineWage'];
  for (let n = 1; n <= spells; n++) header.push(...['start', 'end', 'hours', 'contract', 'wage'].map((f) => `spell${n}_${f}`));
  for (let n = 1; n <= wages; n++) header.push(`wage${n}_on`, `wage${n}_amount`);
  header.push(...kinds.map((k) => `event_${k}`));
  const rows = records.map((r) => {
    const cells = [r.id, r.cohort, r.groups.join(';'), r.enrolledOn, r.exitedOn ?? '', r.baselineWage ?? ''];
    for (let n = 0; n < spells; n++) {
      const s = r.spells[n];
      cells.push(s?.start ?? '', s?.end ?? '', s?.hoursPerWeek === undefined ? '' : String(s.hoursPerWeek), s?.contractType ?? '', s?.monthlyWage ?? '');
    }
    for (let n = 0; n < wages; n++) cells.push(r.wages[n]?.on ?? '', r.wages[n]?.monthlyWage ?? '');
    for (const kind of kinds) cells.push(r.events.find((e) => e.kind === kind)?.on ?? '');
    return cells.join(',');
  });
  return `${[header.join(','), ...rows].join('\n')}\n`;
}

/**
 * Generates the example records.
 *
 * @param seed - PRNG seed ({@link SEED} for the committed files)
 * @example
 * const { csv, ndjson } = generate(SEED);
 */
export function generate(seed: number): Generated {
  const rng = prng(seed);
  const records: WireRecord[] = [];
  let n = 0;
  for (const cohort of COHORTS) {
    for (let i = 0; i < cohort.size; i++) {
      n += 1;
      records.push(person(rng, `PP-${String(n).padStart(4, '0')}`, cohort));
    }
  }
  records.push(...scripted());
  const exported = records.map((r) => asExported(r, EXPORTED_ON));
  return { records: exported, csv: toCsv(exported), ndjson: toNdjson(exported) };
}
