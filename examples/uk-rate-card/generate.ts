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

/** The seed the committed files were generated with. */
export const SEED = 20240401;
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
  { id: '2024-A', start: parseDate('2024-01-02'), days: 178, size: 55 },
  { id: '2024-B', start: parseDate('2024-07-01'), days: 170, size: 50 },
] as const;

function person(rng: ReturnType<typeof prng>, id: string, cohort: (typeof COHORTS)[number]): WireRecord {
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
      records.push(person(rng, `UK-${String(n).padStart(4, '0')}`, cohort));
    }
  }
  records.push(...scripted());
  const exported = records.map((r) => asExported(r, EXPORTED_ON));
  return { records: exported, csv: toCsv(exported), ndjson: toNdjson(exported) };
}
