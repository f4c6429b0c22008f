/**
 * Writes wire records as NDJSON and CSV text, the way exports differ: keys and columns in any
 * order, numbered spell, wage and earnings columns with gaps, cells quoted or padded with spaces, CRLF line
 * ends, blank lines, a byte-order mark. Both texts read back to the same records (a record may
 * list one event of each kind only: CSV has one column per event kind).
 *
 * Written for the tests, independently of the readers: cells are escaped by RFC 4180 rules.
 */
import type { WireRecord } from '../settlement/arbitraries/index.js';

/** How a text is laid out; `rank` values order keys and columns (cycled, ties keep the natural order). */
export interface TextLayout {
  /** Sort keys of the columns (CSV) or of the keys of each object (NDJSON), cycled. */
  readonly rank: readonly number[];
  /** `\r\n` line ends instead of `\n`. */
  readonly crlf: boolean;
  /** A byte-order mark first. */
  readonly bom: boolean;
  /** Blank lines between some records. */
  readonly blankLines: boolean;
  /** CSV: number the spells and wage observations 1, 3, 4, … instead of 1, 2, 3. */
  readonly sparseNumbers: boolean;
  /** CSV: quote every cell (otherwise only those that need it); NDJSON: a space after `:` and `,`. */
  readonly decorate: boolean;
}

/** A plain layout: natural order, `\n`, nothing added. */
export const PLAIN: TextLayout = { rank: [0], crlf: false, bom: false, blankLines: false, sparseNumbers: false, decorate: false };

function ordered<T>(items: readonly T[], rank: readonly number[]): T[] {
  return items
    .map((item, index) => ({ item, index, key: rank[index % rank.length] ?? 0 }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map(({ item }) => item);
}

/** The record with one event of each kind (the first), as a CSV row can carry it. */
export function oneEventPerKind(record: WireRecord): WireRecord {
  if (record.events === undefined) return record;
  const seen = new Set<string>();
  const events = record.events.filter((event) => {
    if (seen.has(event.kind)) return false;
    seen.add(event.kind);
    return true;
  });
  return { ...record, events };
}

function reorder(value: unknown, rank: readonly number[], depth: number): unknown {
  if (Array.isArray(value)) return value.map((item, i) => reorder(item, rank.slice(i + depth), depth + 1));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(ordered(Object.entries(value), rank.slice(depth)).map(([key, inner]) => [key, reorder(inner, rank, depth + 1)]));
  }
  return value;
}

function joinLines(lines: readonly string[], layout: TextLayout): string {
  const newline = layout.crlf ? '\r\n' : '\n';
  const body = lines.map((line, i) => (layout.blankLines && i % 3 === 2 ? `${newline}${line}` : line)).join(newline);
  return `${layout.bom ? '\uFEFF' : ''}${body}${newline}`;
}

/**
 * NDJSON text of the records.
 *
 * @example
 * recordsToNdjson(records, PLAIN); // '{"id":"P0001",...}\n...'
 */
export function recordsToNdjson(records: readonly WireRecord[], layout: TextLayout = PLAIN): string {
  const lines = records.map((record, i) => {
    const text = JSON.stringify(reorder(record, layout.rank.slice(i), 0));
    return layout.decorate ? text.replaceAll('":', '": ').replaceAll(',"', ', "') : text;
  });
  return joinLines(lines, layout);
}

function cell(value: string, quoteAll: boolean): string {
  return quoteAll || /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * CSV text of the records: the columns the records need, in the layout's order.
 *
 * @example
 * recordsToCsv(records, PLAIN); // 'id,cohort,groups,enrolledOn,...\nP0001,2023-A,...\n'
 */
export function recordsToCsv(records: readonly WireRecord[], layout: TextLayout = PLAIN): string {
  const number = (k: number): number => (layout.sparseNumbers && k > 0 ? k + 2 : k + 1);
  const spells = Math.max(0, ...records.map((r) => (r.spells ?? []).length));
  const wages = Math.max(0, ...records.map((r) => (r.wages ?? []).length));
  const earnings = Math.max(0, ...records.map((r) => (r.earnings ?? []).length));
  const kinds = [...new Set(records.flatMap((r) => (r.events ?? []).map((e) => e.kind)))].sort();
  const names = ['id', 'cohort', 'groups', 'enrolledOn', 'exitedOn', 'baselineWage'];
  // sector and employer columns only when a spell has one: files written before they existed keep their columns
  const jobs = records.some((r) => (r.spells ?? []).some((s) => s.sector !== undefined || s.employer !== undefined));
  const parts = jobs ? ['start', 'end', 'hours', 'contract', 'wage', 'sector', 'employer'] : ['start', 'end', 'hours', 'contract', 'wage'];
  for (let k = 0; k < spells; k++) for (const part of parts) names.push(`spell${number(k)}_${part}`);
  for (let k = 0; k < wages; k++) names.push(`wage${number(k)}_on`, `wage${number(k)}_amount`);
  for (let k = 0; k < earnings; k++) names.push(`earnings${number(k)}_from`, `earnings${number(k)}_to`, `earnings${number(k)}_amount`);
  for (const kind of kinds) names.push(`event_${kind}`);
  const header = ordered(names, layout.rank);
  const rows = records.map((record) => {
    const cells = new Map<string, string>([
      ['id', record.id],
      ['cohort', record.cohort],
      ['groups', (record.groups ?? []).join(';')],
      ['enrolledOn', record.enrolledOn],
      ['exitedOn', record.exitedOn ?? ''],
      ['baselineWage', record.baselineWage ?? ''],
    ]);
    (record.spells ?? []).forEach((spell, k) => {
      const n = number(k);
      cells.set(`spell${n}_start`, spell.start);
      cells.set(`spell${n}_end`, spell.end ?? '');
      cells.set(`spell${n}_hours`, spell.hoursPerWeek === undefined ? '' : String(spell.hoursPerWeek));
      cells.set(`spell${n}_contract`, spell.contractType ?? '');
      cells.set(`spell${n}_wage`, spell.monthlyWage ?? '');
      cells.set(`spell${n}_sector`, spell.sector ?? '');
      cells.set(`spell${n}_employer`, spell.employer ?? '');
    });
    (record.wages ?? []).forEach((wage, k) => {
      cells.set(`wage${number(k)}_on`, wage.on);
      cells.set(`wage${number(k)}_amount`, wage.monthlyWage);
    });
    (record.earnings ?? []).forEach((e, k) => {
      cells.set(`earnings${number(k)}_from`, e.from);
      cells.set(`earnings${number(k)}_to`, e.to);
      cells.set(`earnings${number(k)}_amount`, e.amount);
    });
    for (const event of record.events ?? []) if (!cells.has(`event_${event.kind}`)) cells.set(`event_${event.kind}`, event.on);
    return header.map((name) => cell(cells.get(name) ?? '', layout.decorate)).join(',');
  });
  return joinLines([header.map((name) => cell(name, layout.decorate)).join(','), ...rows], layout);
}
