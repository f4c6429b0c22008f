/**
 * What the three example generators share: the wire record, a seeded PRNG, money from integer
 * cents, the view of a record as exported on a date, and the NDJSON and flat CSV writers. Each
 * generator keeps its own programme: cohorts, participants and scripted cases.
 *
 * @module
 */

/** A record as written to the files (wire format of docs/records.md). */
export interface WireRecord {
  id: string;
  cohort: string;
  groups: string[];
  enrolledOn: string;
  exitedOn?: string;
  baselineWage?: string;
  spells: { start: string; end?: string; hoursPerWeek?: number; contractType?: string; monthlyWage?: string; sector?: string; employer?: string }[];
  wages: { on: string; monthlyWage: string }[];
  events: { kind: string; on: string }[];
  /** Earnings by pay period (examples/uk-earnings); CSV columns `earnings<N>_from`, `_to`, `_amount`. */
  earnings?: { from: string; to: string; amount: string }[];
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
export function money(cents: bigint): string {
  const text = cents.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

/** Drops what was not known on the export date: later spells, ends, payslips, events, exits. */
function asExported(record: WireRecord, exportedOn: string): WireRecord {
  const known = (date: string): boolean => date <= exportedOn;
  const out: WireRecord = { ...record, spells: [], wages: record.wages.filter((w) => known(w.on)), events: record.events.filter((e) => known(e.on)) };
  if (record.exitedOn !== undefined && !known(record.exitedOn)) delete out.exitedOn;
  if (record.earnings !== undefined) out.earnings = record.earnings.filter((e) => known(e.to)); // a period's pay is known on its last day
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
function toNdjson(records: readonly WireRecord[]): string {
  return records
    .map((r) => {
      const line: Record<string, unknown> = { id: r.id, cohort: r.cohort, groups: r.groups, enrolledOn: r.enrolledOn };
      if (r.exitedOn !== undefined) line['exitedOn'] = r.exitedOn;
      if (r.baselineWage !== undefined) line['baselineWage'] = r.baselineWage;
      if (r.spells.length > 0) line['spells'] = r.spells;
      if (r.wages.length > 0) line['wages'] = r.wages;
      if (r.events.length > 0) line['events'] = r.events;
      if (r.earnings !== undefined && r.earnings.length > 0) line['earnings'] = r.earnings;
      return `${JSON.stringify(line)}\n`;
    })
    .join('');
}

/**
 * Flat CSV: one row per participant, numbered spell, wage and earnings columns (earnings columns
 * only when some record has earnings), one column per event kind.
 * The spells' sector and employer columns are written only when some spell has one, so that the
 * files of programmes without them keep their columns.
 */
function toCsv(records: readonly WireRecord[]): string {
  const spells = Math.max(...records.map((r) => r.spells.length));
  const jobs = records.some((r) => r.spells.some((s) => s.sector !== undefined || s.employer !== undefined));
  const wages = Math.max(...records.map((r) => r.wages.length));
  const earnings = Math.max(...records.map((r) => r.earnings?.length ?? 0));
  const kinds = [...new Set(records.flatMap((r) => r.events.map((e) => e.kind)))].sort();
  const header = ['id', 'cohort', 'groups', 'enrolledOn', 'exitedOn', 'baselineWage'];
  const spellFields = ['start', 'end', 'hours', 'contract', 'wage', ...(jobs ? ['sector', 'employer'] : [])];
  for (let n = 1; n <= spells; n++) header.push(...spellFields.map((f) => `spell${n}_${f}`));
  for (let n = 1; n <= wages; n++) header.push(`wage${n}_on`, `wage${n}_amount`);
  for (let n = 1; n <= earnings; n++) header.push(`earnings${n}_from`, `earnings${n}_to`, `earnings${n}_amount`);
  header.push(...kinds.map((k) => `event_${k}`));
  const rows = records.map((r) => {
    const cells = [r.id, r.cohort, r.groups.join(';'), r.enrolledOn, r.exitedOn ?? '', r.baselineWage ?? ''];
    for (let n = 0; n < spells; n++) {
      const s = r.spells[n];
      cells.push(s?.start ?? '', s?.end ?? '', s?.hoursPerWeek === undefined ? '' : String(s.hoursPerWeek), s?.contractType ?? '', s?.monthlyWage ?? '');
      if (jobs) cells.push(s?.sector ?? '', s?.employer ?? '');
    }
    for (let n = 0; n < wages; n++) cells.push(r.wages[n]?.on ?? '', r.wages[n]?.monthlyWage ?? '');
    for (let n = 0; n < earnings; n++) cells.push(r.earnings?.[n]?.from ?? '', r.earnings?.[n]?.to ?? '', r.earnings?.[n]?.amount ?? '');
    for (const kind of kinds) cells.push(r.events.find((e) => e.kind === kind)?.on ?? '');
    return cells.join(',');
  });
  return `${[header.join(','), ...rows].join('\n')}\n`;
}

/** The seeded choices a generator draws from (mulberry32, see `prng`). */
export type Rng = ReturnType<typeof prng>;

/**
 * The generated files of a programme: `cohort.size` participants drawn by `person` per cohort
 * (ids `PREFIX-0001`, … in cohort order), then the scripted cases, each as exported on
 * `exportedOn`.
 *
 * @example
 * generateFiles({ seed: SEED, idPrefix: 'RS', cohorts: COHORTS, person, scripted: scripted(), exportedOn: EXPORTED_ON });
 */
export function generateFiles<Cohort extends { readonly size: number }>(programme: {
  readonly seed: number;
  readonly idPrefix: string;
  readonly cohorts: readonly Cohort[];
  readonly person: (rng: Rng, id: string, cohort: Cohort) => WireRecord;
  readonly scripted: readonly WireRecord[];
  readonly exportedOn: string;
}): Generated {
  const rng = prng(programme.seed);
  const records: WireRecord[] = [];
  let n = 0;
  for (const cohort of programme.cohorts) {
    for (let i = 0; i < cohort.size; i++) {
      n += 1;
      records.push(programme.person(rng, `${programme.idPrefix}-${String(n).padStart(4, '0')}`, cohort));
    }
  }
  records.push(...programme.scripted);
  const exported = records.map((r) => asExported(r, programme.exportedOn));
  return { records: exported, csv: toCsv(exported), ndjson: toNdjson(exported) };
}
