/**
 * The hostile records corpus (issue #13): every file of test/corpus/records/files/ and its line in
 * test/corpus/records/manifest.json are built here, one fault each, from the sample records of
 * examples/records (9 participants of the region-agency contract, 4 of whom earn money as of
 * 2025-06-30: P001, P002, P005, P008). `UPDATE_CORPUS=1 npx vitest run test/reliability/records-corpus.test.ts`
 * writes them; otherwise the test checks that the files on disk are exactly what this module
 * builds, then runs each through the library.
 *
 * Every expectation below (code, path, line, record index, what is removed to get the same file
 * without the fault) is worked out from where the fault is put, not read back from the library:
 * in the JSON files record i is on line i + 2 (after the `[` line), in NDJSON on line i + 1, in
 * CSV on line i + 2 (after the header). Most faults go into P008 (record 7: it has every kind of
 * field, and earns 4000.00, so a fault taken silently would move the totals).
 */
import { readFileSync } from 'node:fs';
import { concat, encode } from '../contract/text-patch.js';

/** The three records formats. */
export type Format = 'json' | 'ndjson' | 'csv';

/** What the library must report for a file. */
export interface Expected {
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly line?: number;
  readonly recordIndex?: number;
}

/**
 * One hostile file: `refused` (the file cannot be read: nothing is settled), `excluded` (the
 * record is left out and reported; `without` lists the 1-based lines whose removal gives the same
 * file without the hostile record(s), which must settle to the same amounts), or `not-settled`
 * (the file reads, but its records as a whole are refused by the settlement with the default
 * options: none at all, or more excluded than `maxExcluded` allows; `allowedBy` names the option
 * that settles it all the same).
 */
export interface ManifestEntry {
  readonly file: string;
  readonly family: string;
  readonly fault: string;
  readonly outcome: 'refused' | 'excluded' | 'not-settled';
  readonly expect: Expected;
  readonly without?: readonly number[];
  /**
   * `excluded`: `'default'` when the file is settled with the default limit on excluded records (a
   * file at the limit); otherwise with `maxExcluded: '100%'`, so that the record's own code is what
   * is seen, whatever the share of the small sample one record is.
   */
  readonly maxExcluded?: 'default';
  /**
   * `not-settled`: the option that lets the file settle all the same, and for too many excluded
   * records, how many they are (counted by hand from the fault).
   */
  readonly allowedBy?: { readonly maxExcluded: string; readonly recordsExcluded: number } | { readonly allowEmpty: true };
}

/** A built file and its manifest line. */
export interface BuiltCase {
  readonly entry: ManifestEntry;
  readonly bytes: Uint8Array;
}

type Json = Record<string, unknown>;

const root = new URL('../../', import.meta.url);
const sampleRecords = JSON.parse(readFileSync(new URL('examples/records/sample.json', root), 'utf8')) as Json[];
const sampleCsv = readFileSync(new URL('examples/records/sample.csv', root), 'utf8').split('\n').filter((line) => line !== '');
const csvHeader = sampleCsv[0] ?? '';
const csvRows = sampleCsv.slice(1);
const columns = csvHeader.split(',');

/** The victim of most faults: P008 (record 7). */
const P008 = 7;

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function copy(record: Json | undefined): Json {
  return JSON.parse(JSON.stringify(record ?? {})) as Json;
}

/** Each record's JSON text, with the victim's replaced. */
function recordTexts(victim: number, text: string): string[] {
  return sampleRecords.map((record, index) => (index === victim ? text : JSON.stringify(record)));
}

/** A JSON file: `[`, one record per line, `]`; record i on line i + 2. */
function jsonFile(texts: readonly string[], eol = '\n'): string {
  return `[${eol}${texts.map((text) => `  ${text}`).join(`,${eol}`)}${eol}]${eol}`;
}

/** An NDJSON file: record i on line i + 1. */
function ndjsonFile(texts: readonly string[], eol = '\n'): string {
  return `${texts.join(eol)}${eol}`;
}

/** A CSV file: the header, then row i on line i + 2. */
function csvFile(rows: readonly string[], header = csvHeader, eol = '\n'): string {
  return `${[header, ...rows].join(eol)}${eol}`;
}

/** The sample CSV rows with one cell of the victim's row set. */
function csvRowsWithCell(victim: number, column: string, value: string): string[] {
  const at = columns.indexOf(column);
  if (at === -1) throw new Error(`no column ${column}`);
  return csvRows.map((row, index) => {
    if (index !== victim) return row;
    const cells = row.split(',');
    cells[at] = value;
    return cells.join(',');
  });
}

const cases: BuiltCase[] = [];

function add(entry: ManifestEntry, content: string | Uint8Array): void {
  cases.push({ entry, bytes: typeof content === 'string' ? utf8(content) : content });
}

interface RecordFault {
  readonly name: string;
  readonly family: string;
  readonly fault: string;
  readonly code: string;
  /** Path within the record. */
  readonly path: readonly (string | number)[];
  /** The record as changed (a value), or its text as written. */
  readonly change: ((record: Json) => unknown) | { readonly text: string };
  readonly victim?: number;
}

function faultText(fault: RecordFault, victim: number): string {
  return 'text' in fault.change ? fault.change.text : JSON.stringify(fault.change(copy(sampleRecords[victim])));
}

/**
 * A fault in one record's values, as JSON and as NDJSON: validation excludes the record (path from
 * the record's index, its line, its index).
 */
function recordFault(fault: RecordFault, formats: readonly ('json' | 'ndjson')[] = ['json', 'ndjson']): void {
  const victim = fault.victim ?? P008;
  const texts = recordTexts(victim, faultText(fault, victim));
  for (const format of formats) {
    const line = format === 'json' ? victim + 2 : victim + 1;
    add(
      {
        file: `${fault.name}.${format}`,
        family: fault.family,
        fault: fault.fault,
        outcome: 'excluded',
        expect: { code: fault.code, path: [victim, ...fault.path], line, recordIndex: victim },
        without: [line],
      },
      format === 'json' ? jsonFile(texts) : ndjsonFile(texts),
    );
  }
}

/**
 * A fault in how one record's JSON text is written (a key twice, an inexact number, a value too
 * long): the JSON file, one document, is refused (path from the array); the NDJSON line is left
 * out (path within the line, no record index: the line gave no record).
 */
function textFault(fault: RecordFault): void {
  const victim = fault.victim ?? P008;
  const texts = recordTexts(victim, faultText(fault, victim));
  add(
    {
      file: `${fault.name}.json`,
      family: fault.family,
      fault: fault.fault,
      outcome: 'refused',
      expect: { code: fault.code, path: [victim, ...fault.path], line: victim + 2 },
    },
    jsonFile(texts),
  );
  add(
    {
      file: `${fault.name}.ndjson`,
      family: fault.family,
      fault: fault.fault,
      outcome: 'excluded',
      expect: { code: fault.code, path: [...fault.path], line: victim + 1 },
      without: [victim + 1],
    },
    ndjsonFile(texts),
  );
}

interface CellFault {
  readonly name: string;
  readonly family: string;
  readonly fault: string;
  readonly column: string;
  readonly value: string;
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly victim?: number;
}

/** A fault in one cell of a CSV row: validation excludes the record. */
function cellFault(fault: CellFault): void {
  const victim = fault.victim ?? P008;
  const line = victim + 2;
  add(
    {
      file: `${fault.name}.csv`,
      family: fault.family,
      fault: fault.fault,
      outcome: 'excluded',
      expect: { code: fault.code, path: [victim, ...fault.path], line, recordIndex: victim },
      without: [line],
    },
    csvFile(csvRowsWithCell(victim, fault.column, fault.value)),
  );
}

/** Sets `record[key]`, as an own property even for `__proto__`. */
function withKey(record: Json, key: string, value: unknown): Json {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  return record;
}

function spell(record: Json, index: number): Json {
  return (record['spells'] as Json[])[index] ?? {};
}

function without(record: Json, ...keys: readonly string[]): Json {
  for (const key of keys) Reflect.deleteProperty(record, key);
  return record;
}

// ---------------------------------------------------------------------------------------------
// structure: missing, unknown, wrong type, empty
// ---------------------------------------------------------------------------------------------
for (const field of ['id', 'cohort', 'enrolledOn']) {
  recordFault({ name: `missing-${field.toLowerCase()}`, family: 'structure', fault: `P008 has no ${field}`, code: 'FIELD_MISSING', path: [field], change: (r) => without(r, field) });
  cellFault({ name: `missing-${field.toLowerCase()}`, family: 'structure', fault: `P008's ${field} cell is empty`, column: field, value: '', code: 'FIELD_MISSING', path: [field] });
}
recordFault({
  name: 'spell-missing-start',
  family: 'structure',
  fault: "P008's second spell has no start",
  code: 'FIELD_MISSING',
  path: ['spells', 1, 'start'],
  change: (r) => (without(spell(r, 1), 'start'), r),
});
cellFault({ name: 'spell-missing-start', family: 'structure', fault: "P008's spell2_start cell is empty, its other spell2 cells are not", column: 'spell2_start', value: '', code: 'FIELD_MISSING', path: ['spells', 1, 'start'] });
recordFault({
  name: 'wage-observation-missing-on',
  family: 'structure',
  fault: "P008's wage observation has no date",
  code: 'FIELD_MISSING',
  path: ['wages', 0, 'on'],
  change: (r) => (without((r['wages'] as Json[])[0] ?? {}, 'on'), r),
});
cellFault({ name: 'wage-observation-missing-on', family: 'structure', fault: "P008's wage1_on cell is empty, its wage1_amount is not", column: 'wage1_on', value: '', code: 'FIELD_MISSING', path: ['wages', 0, 'on'] });
cellFault({ name: 'wage-observation-missing-amount', family: 'structure', fault: "P008's wage1_amount cell is empty, its wage1_on is not", column: 'wage1_amount', value: '', code: 'FIELD_MISSING', path: ['wages', 0, 'monthlyWage'] });
recordFault({
  name: 'event-missing-on',
  family: 'structure',
  fault: "P008's event has no date",
  code: 'FIELD_MISSING',
  path: ['events', 0, 'on'],
  change: (r) => (without((r['events'] as Json[])[0] ?? {}, 'on'), r),
});
recordFault({ name: 'unknown-field', family: 'structure', fault: 'P008 has an "email" field', code: 'FIELD_UNKNOWN', path: ['email'], change: (r) => ({ ...r, email: 'p008@example.org' }) });
recordFault({ name: 'unknown-field-case', family: 'structure', fault: 'P008 writes "enrolledon" (lower case) beside enrolledOn', code: 'FIELD_UNKNOWN', path: ['enrolledon'], change: (r) => ({ ...r, enrolledon: '2023-09-11' }) });
recordFault({
  name: 'spell-unknown-field',
  family: 'structure',
  fault: 'a spell of P008 has an "employerName" field',
  code: 'FIELD_UNKNOWN',
  path: ['spells', 1, 'employerName'],
  change: (r) => ((spell(r, 1)['employerName'] = 'ACME'), r),
});
recordFault({
  name: 'event-unknown-field',
  family: 'structure',
  fault: 'an event of P008 has a "note" field',
  code: 'FIELD_UNKNOWN',
  path: ['events', 0, 'note'],
  change: (r) => (((r['events'] as Json[])[0] ?? {})['note'] = 'x', r),
});
for (const [name, value, what] of [
  ['record-array', ['P008', '2023-B'], 'an array'],
  ['record-string', 'P008', 'a string'],
  ['record-null', null, 'null'],
  ['record-number', 8, 'a number'],
] as const) {
  recordFault({ name, family: 'structure', fault: `the record in P008's place is ${what}`, code: 'RECORD_NOT_OBJECT', path: [], change: () => value });
}
for (const [name, field, value, what] of [
  ['id-number', 'id', 8, 'the number 8'],
  ['cohort-array', 'cohort', ['2023-B'], 'an array'],
  ['groups-string', 'groups', 'youth;rsa', 'a string'],
  ['enrolled-number', 'enrolledOn', 20230911, 'the number 20230911'],
  ['spells-object', 'spells', { start: '2024-03-01' }, 'an object'],
  ['events-null', 'events', null, 'null'],
] as const) {
  recordFault({ name, family: 'structure', fault: `P008's ${field} is ${what}`, code: 'FIELD_TYPE', path: [field], change: (r) => ({ ...r, [field]: value }) });
}
recordFault({ name: 'hours-string', family: 'structure', fault: 'P008\'s hoursPerWeek is the string "35"', code: 'FIELD_TYPE', path: ['spells', 1, 'hoursPerWeek'], change: (r) => ((spell(r, 1)['hoursPerWeek'] = '35'), r) });
cellFault({ name: 'hours-unit', family: 'structure', fault: "P008's spell2_hours cell is 35h", column: 'spell2_hours', value: '35h', code: 'FIELD_TYPE', path: ['spells', 1, 'hoursPerWeek'] });
cellFault({ name: 'hours-exponent', family: 'structure', fault: "P008's spell2_hours cell is 3.5e1 (not a plain decimal)", column: 'spell2_hours', value: '3.5e1', code: 'FIELD_TYPE', path: ['spells', 1, 'hoursPerWeek'] });
recordFault({ name: 'id-empty', family: 'structure', fault: "P008's id is the empty string", code: 'FIELD_EMPTY', path: ['id'], change: (r) => ({ ...r, id: '' }) });
recordFault({ name: 'contract-type-empty', family: 'structure', fault: "P008's contractType is the empty string", code: 'FIELD_EMPTY', path: ['spells', 1, 'contractType'], change: (r) => ((spell(r, 1)['contractType'] = ''), r) });
cellFault({ name: 'group-empty', family: 'structure', fault: "P008's groups cell is youth;;rsa", column: 'groups', value: 'youth;;rsa', code: 'FIELD_EMPTY', path: ['groups', 1] });

// ---------------------------------------------------------------------------------------------
// prototype keys
// ---------------------------------------------------------------------------------------------
recordFault({ name: 'proto-key', family: 'prototype-keys', fault: 'P008 has a "__proto__" key', code: 'FORBIDDEN_KEY', path: ['__proto__'], change: (r) => withKey(r, '__proto__', { cohort: '2023-A' }) });
recordFault({
  name: 'constructor-key-spell',
  family: 'prototype-keys',
  fault: 'a spell of P008 has a "constructor" key',
  code: 'FORBIDDEN_KEY',
  path: ['spells', 0, 'constructor'],
  change: (r) => (withKey(spell(r, 0), 'constructor', { prototype: { polluted: true } }), r),
});
recordFault({
  name: 'prototype-key-event',
  family: 'prototype-keys',
  fault: 'an event of P008 has a "prototype" key',
  code: 'FORBIDDEN_KEY',
  path: ['events', 0, 'prototype'],
  change: (r) => (withKey((r['events'] as Json[])[0] ?? {}, 'prototype', {}), r),
});

// ---------------------------------------------------------------------------------------------
// dates: format, impossible days and months, date-times
// ---------------------------------------------------------------------------------------------
const dateFaults: readonly (readonly [string, string, (string | number)[], string, string])[] = [
  ['enrolled-slashes', 'enrolledOn', ['enrolledOn'], '2023/09/11', 'DATE_FORMAT'],
  ['enrolled-unpadded', 'enrolledOn', ['enrolledOn'], '2023-9-11', 'DATE_FORMAT'],
  ['enrolled-feb-29', 'enrolledOn', ['enrolledOn'], '2023-02-29', 'DATE_IMPOSSIBLE'],
  ['enrolled-month-13', 'enrolledOn', ['enrolledOn'], '2023-13-11', 'DATE_IMPOSSIBLE'],
  ['enrolled-day-32', 'enrolledOn', ['enrolledOn'], '2023-09-32', 'DATE_IMPOSSIBLE'],
  ['enrolled-year-zero', 'enrolledOn', ['enrolledOn'], '0000-09-11', 'DATE_IMPOSSIBLE'],
  ['exited-nov-31', 'exitedOn', ['exitedOn'], '2023-11-31', 'DATE_IMPOSSIBLE'],
  ['enrolled-date-time', 'enrolledOn', ['enrolledOn'], '2023-09-11T09:00', 'DATE_TIME_WITHOUT_OFFSET'],
  ['enrolled-date-time-utc', 'enrolledOn', ['enrolledOn'], '2023-09-11T00:00:00Z', 'DATE_FORMAT'],
];
for (const [name, field, path, value, code] of dateFaults) {
  recordFault({ name, family: 'dates', fault: `P008's ${field} is ${value}`, code, path, change: (r) => ({ ...r, [field]: value }) });
  cellFault({ name, family: 'dates', fault: `P008's ${field} cell is ${value}`, column: field, value, code, path });
}
recordFault({ name: 'enrolled-leading-space', family: 'dates', fault: 'P008\'s enrolledOn is " 2023-09-11"', code: 'DATE_FORMAT', path: ['enrolledOn'], change: (r) => ({ ...r, enrolledOn: ' 2023-09-11' }) });
cellFault({ name: 'enrolled-day-first', family: 'dates', fault: "P008's enrolledOn cell is 11/09/2023", column: 'enrolledOn', value: '11/09/2023', code: 'DATE_FORMAT', path: ['enrolledOn'] });
cellFault({ name: 'enrolled-serial', family: 'dates', fault: "P008's enrolledOn cell is a spreadsheet serial number, 45180", column: 'enrolledOn', value: '45180', code: 'DATE_FORMAT', path: ['enrolledOn'] });
recordFault({ name: 'spell-end-feb-30', family: 'dates', fault: "P008's first spell ends on 2024-02-30", code: 'DATE_IMPOSSIBLE', path: ['spells', 0, 'end'], change: (r) => ((spell(r, 0)['end'] = '2024-02-30'), r) });
cellFault({ name: 'spell-end-feb-30', family: 'dates', fault: "P008's spell1_end cell is 2024-02-30", column: 'spell1_end', value: '2024-02-30', code: 'DATE_IMPOSSIBLE', path: ['spells', 0, 'end'] });
recordFault({ name: 'wage-on-month-00', family: 'dates', fault: "P008's wage observation is dated 2024-00-31", code: 'DATE_IMPOSSIBLE', path: ['wages', 0, 'on'], change: (r) => (((r['wages'] as Json[])[0] ?? {})['on'] = '2024-00-31', r) });
cellFault({ name: 'event-on-apr-31', family: 'dates', fault: "P008's event_training-completed cell is 2023-04-31", column: 'event_training-completed', value: '2023-04-31', code: 'DATE_IMPOSSIBLE', path: ['events', 0, 'on'] });

// ---------------------------------------------------------------------------------------------
// wages: strings only, decimal format, sign, limits
// ---------------------------------------------------------------------------------------------
recordFault({ name: 'wage-number', family: 'wages', fault: "P008's baselineWage is the JSON number 300", code: 'AMOUNT_NOT_STRING', path: ['baselineWage'], change: (r) => ({ ...r, baselineWage: 300 }) });
recordFault({
  name: 'spell-wage-number',
  family: 'wages',
  fault: "P008's spell monthlyWage is the JSON number 1766.92",
  code: 'AMOUNT_NOT_STRING',
  path: ['spells', 1, 'monthlyWage'],
  change: (r) => ((spell(r, 1)['monthlyWage'] = 1766.92), r),
});
const wageFaults: readonly (readonly [string, string, string])[] = [
  ['wage-decimal-comma', '300,00', 'AMOUNT_FORMAT'],
  ['wage-thousands', '1,300.00', 'AMOUNT_FORMAT'],
  ['wage-exponent', '3e2', 'AMOUNT_FORMAT'],
  ['wage-plus', '+300', 'AMOUNT_FORMAT'],
  ['wage-trailing-point', '300.', 'AMOUNT_FORMAT'],
  ['wage-currency', 'EUR 300', 'AMOUNT_FORMAT'],
  ['wage-nan', 'NaN', 'AMOUNT_FORMAT'],
  ['wage-negative', '-300.00', 'AMOUNT_NEGATIVE'],
  ['wage-too-large', '1000000000000000', 'AMOUNT_TOO_LARGE'],
  ['wage-too-precise', '300.0000000000001', 'AMOUNT_TOO_PRECISE'],
];
for (const [name, value, code] of wageFaults) {
  recordFault({ name, family: 'wages', fault: `P008's baselineWage is "${value}"`, code, path: ['baselineWage'], change: (r) => ({ ...r, baselineWage: value }) });
  const cell = value.includes(',') ? `"${value}"` : value;
  cellFault({ name, family: 'wages', fault: `P008's baselineWage cell is ${cell}`, column: 'baselineWage', value: cell, code, path: ['baselineWage'] });
}
cellFault({ name: 'spell-wage-too-precise', family: 'wages', fault: "P008's spell2_wage cell has 13 decimals", column: 'spell2_wage', value: '1766.9200000000001', code: 'AMOUNT_TOO_PRECISE', path: ['spells', 1, 'monthlyWage'] });
cellFault({ name: 'observed-wage-negative', family: 'wages', fault: "P008's wage1_amount cell is -1766.92", column: 'wage1_amount', value: '-1766.92', code: 'AMOUNT_NEGATIVE', path: ['wages', 0, 'monthlyWage'] });

// ---------------------------------------------------------------------------------------------
// hours per week
// ---------------------------------------------------------------------------------------------
recordFault({ name: 'hours-negative', family: 'hours', fault: 'P008 works -35 hours a week', code: 'HOURS_NEGATIVE', path: ['spells', 1, 'hoursPerWeek'], change: (r) => ((spell(r, 1)['hoursPerWeek'] = -35), r) });
recordFault({ name: 'hours-above-week', family: 'hours', fault: 'P008 works 169 hours a week (a week has 168)', code: 'HOURS_OUT_OF_RANGE', path: ['spells', 1, 'hoursPerWeek'], change: (r) => ((spell(r, 1)['hoursPerWeek'] = 169), r) });
recordFault({ name: 'hours-huge', family: 'hours', fault: 'P008 works 1e300 hours a week', code: 'HOURS_OUT_OF_RANGE', path: ['spells', 1, 'hoursPerWeek'], change: (r) => ((spell(r, 1)['hoursPerWeek'] = 1e300), r) });
cellFault({ name: 'hours-negative', family: 'hours', fault: "P008's spell2_hours cell is -35", column: 'spell2_hours', value: '-35', code: 'HOURS_NEGATIVE', path: ['spells', 1, 'hoursPerWeek'] });
cellFault({ name: 'hours-above-week', family: 'hours', fault: "P008's spell2_hours cell is 168.5", column: 'spell2_hours', value: '168.5', code: 'HOURS_OUT_OF_RANGE', path: ['spells', 1, 'hoursPerWeek'] });

// ---------------------------------------------------------------------------------------------
// dates out of order, overlapping spells
// ---------------------------------------------------------------------------------------------
const orderFaults: readonly (readonly [string, string, string, (string | number)[], (r: Json) => Json, string, string])[] = [
  ['exit-before-enrolment', 'EXIT_BEFORE_ENROLMENT', 'P008 exits on 2023-09-10, the day before enrolling', ['exitedOn'], (r) => ({ ...r, exitedOn: '2023-09-10' }), 'exitedOn', '2023-09-10'],
  ['spell-before-enrolment', 'SPELL_BEFORE_ENROLMENT', "P008's first spell starts on 2023-09-01, before enrolment (2023-09-11)", ['spells', 0, 'start'], (r) => ((spell(r, 0)['start'] = '2023-09-01'), r), 'spell1_start', '2023-09-01'],
  ['spell-end-before-start', 'SPELL_END_BEFORE_START', "P008's first spell ends on 2024-01-07, the day before it starts", ['spells', 0, 'end'], (r) => ((spell(r, 0)['end'] = '2024-01-07'), r), 'spell1_end', '2024-01-07'],
  ['wage-before-enrolment', 'WAGE_BEFORE_ENROLMENT', "P008's wage observation is dated 2023-08-31, before enrolment", ['wages', 0, 'on'], (r) => (((r['wages'] as Json[])[0] ?? {})['on'] = '2023-08-31', r), 'wage1_on', '2023-08-31'],
  ['event-before-enrolment', 'EVENT_BEFORE_ENROLMENT', "P008's training is completed on 2023-09-10, before enrolment", ['events', 0, 'on'], (r) => (((r['events'] as Json[])[0] ?? {})['on'] = '2023-09-10', r), 'event_training-completed', '2023-09-10'],
];
for (const [name, code, fault, path, change, column, value] of orderFaults) {
  recordFault({ name, family: 'date-order', fault, code, path, change });
  cellFault({ name, family: 'date-order', fault, column, value, code, path });
}
const overlapFaults: readonly (readonly [string, string, (r: Json) => Json, string, string])[] = [
  ['spells-share-a-day', "P008's second spell starts on 2024-01-31, the day the first ends (ends are inclusive)", (r) => ((spell(r, 1)['start'] = '2024-01-31'), r), 'spell2_start', '2024-01-31'],
  ['spells-open-then-later', "P008's first spell has no end, so it overlaps the second", (r) => (without(spell(r, 0), 'end'), r), 'spell1_end', ''],
  ['spells-nested', "P008's second spell starts inside the first (2024-01-15)", (r) => ((spell(r, 1)['start'] = '2024-01-15'), r), 'spell2_start', '2024-01-15'],
];
for (const [name, fault, change, column, value] of overlapFaults) {
  recordFault({ name, family: 'overlapping-spells', fault, code: 'SPELLS_OVERLAP', path: ['spells', 1, 'start'], change });
  cellFault({ name, family: 'overlapping-spells', fault, column, value, code: 'SPELLS_OVERLAP', path: ['spells', 1, 'start'] });
}
recordFault({
  name: 'spells-identical',
  family: 'overlapping-spells',
  fault: "P008's second spell is written twice",
  code: 'SPELLS_OVERLAP',
  path: ['spells', 2, 'start'],
  change: (r) => ({ ...r, spells: [...(r['spells'] as Json[]), (r['spells'] as Json[])[1]] }),
});

// ---------------------------------------------------------------------------------------------
// references to the contract: cohorts, groups, event kinds
// ---------------------------------------------------------------------------------------------
const referenceFaults: readonly (readonly [string, string, string, (string | number)[], string, string])[] = [
  ['cohort-unknown', 'COHORT_UNKNOWN', 'cohort', ['cohort'], '2023-C', 'P008 is in cohort 2023-C, which the contract does not have'],
  ['cohort-case', 'COHORT_UNKNOWN', 'cohort', ['cohort'], '2023-b', 'P008 is in cohort 2023-b (the contract has 2023-B)'],
  ['group-unknown', 'GROUP_UNKNOWN', 'groups', ['groups', 1], 'youth;senior', 'P008 is in group senior, which the contract does not have'],
  ['group-twice', 'GROUP_DUPLICATE', 'groups', ['groups', 1], 'rsa;rsa', 'P008 lists group rsa twice'],
];
for (const [name, code, field, path, value, fault] of referenceFaults) {
  const json = field === 'groups' ? value.split(';') : value;
  recordFault({ name, family: 'references', fault, code, path, change: (r) => ({ ...r, [field]: json }) });
  cellFault({ name, family: 'references', fault, column: field, value, code, path });
}
recordFault({ name: 'cohort-trailing-space', family: 'references', fault: 'P008 is in cohort "2023-B " (a trailing space; CSV cells are trimmed, JSON strings are not)', code: 'COHORT_UNKNOWN', path: ['cohort'], change: (r) => ({ ...r, cohort: '2023-B ' }) });
recordFault({
  name: 'event-kind-format',
  family: 'references',
  fault: 'P008\'s event kind is "Training Completed"',
  code: 'EVENT_KIND_FORMAT',
  path: ['events', 0, 'kind'],
  change: (r) => (((r['events'] as Json[])[0] ?? {})['kind'] = 'Training Completed', r),
});

// ---------------------------------------------------------------------------------------------
// duplicate ids: every copy is excluded
// ---------------------------------------------------------------------------------------------
{
  // a copy of P008 inserted as record 2: the original becomes record 8 (JSON line 10, NDJSON line 9, CSV line 10)
  const texts = sampleRecords.map((record) => JSON.stringify(record));
  const p008 = texts[P008] ?? '';
  const twice = [...texts.slice(0, 2), p008, ...texts.slice(2)];
  const changed = JSON.stringify({ ...copy(sampleRecords[P008]), baselineWage: '310.00' });
  const variant = [...texts.slice(0, 2), changed, ...texts.slice(2)];
  const tripled = [...texts.slice(0, 2), p008, ...texts.slice(2, 5), p008, ...texts.slice(5)];
  for (const [name, list, fault, copies] of [
    ['duplicate-id', twice, 'P008 appears twice, identical (records 2 and 8)', [2, 8]],
    ['duplicate-id-differing', variant, 'P008 appears twice with different baseline wages (records 2 and 8)', [2, 8]],
    ['duplicate-id-three', tripled, 'P008 appears three times (records 2, 6 and 9)', [2, 6, 9]],
  ] as const) {
    const first = copies[0];
    add(
      { file: `${name}.json`, family: 'duplicate-ids', fault, outcome: 'excluded', expect: { code: 'DUPLICATE_ID', path: [first, 'id'], line: first + 2, recordIndex: first }, without: copies.map((i) => i + 2) },
      jsonFile(list),
    );
    add(
      { file: `${name}.ndjson`, family: 'duplicate-ids', fault, outcome: 'excluded', expect: { code: 'DUPLICATE_ID', path: [first, 'id'], line: first + 1, recordIndex: first }, without: copies.map((i) => i + 1) },
      ndjsonFile(list),
    );
  }
  const row = csvRows[P008] ?? '';
  const csvTwice = [...csvRows.slice(0, 2), row, ...csvRows.slice(2)];
  add(
    { file: 'duplicate-id.csv', family: 'duplicate-ids', fault: 'P008 appears twice, identical (records 2 and 8)', outcome: 'excluded', expect: { code: 'DUPLICATE_ID', path: [8, 'id'], line: 10, recordIndex: 8 }, without: [4, 10] },
    csvFile(csvTwice),
  );
  const padded = [...csvRows.slice(0, 2), row.replace('P008,', ' P008 ,'), ...csvRows.slice(2)];
  add(
    { file: 'duplicate-id-padded.csv', family: 'duplicate-ids', fault: 'P008 appears twice, once written " P008 " (cells are trimmed: the same id)', outcome: 'excluded', expect: { code: 'DUPLICATE_ID', path: [2, 'id'], line: 4, recordIndex: 2 }, without: [4, 10] },
    csvFile(padded),
  );
}

// ---------------------------------------------------------------------------------------------
// JSON text: a key twice, numbers a double cannot hold, values beyond the size limits
// ---------------------------------------------------------------------------------------------
const p008Text = JSON.stringify(sampleRecords[P008]);
textFault({ name: 'key-twice', family: 'json-duplicate-keys', fault: 'P008 has "cohort" twice (JSON.parse keeps the last)', code: 'JSON_DUPLICATE_KEY', path: ['cohort'], change: { text: p008Text.replace('"cohort":"2023-B"', '"cohort":"2023-B","cohort":"2023-A"') } });
textFault({
  name: 'key-twice-escaped',
  family: 'json-duplicate-keys',
  fault: 'P008 has "baselineWage" twice, once written with an escape (\\u0062aselineWage)',
  code: 'JSON_DUPLICATE_KEY',
  path: ['baselineWage'],
  change: { text: p008Text.replace('"baselineWage":"300.00"', '"baselineWage":"300.00","\\u0062aselineWage":"3000.00"') },
});
textFault({
  name: 'key-twice-nested',
  family: 'json-duplicate-keys',
  fault: "P008's second spell has monthlyWage twice",
  code: 'JSON_DUPLICATE_KEY',
  path: ['spells', 1, 'monthlyWage'],
  change: { text: p008Text.replace('"monthlyWage":"1766.92"}', '"monthlyWage":"1766.92","monthlyWage":"17669.20"}') },
});
textFault({
  name: 'hours-inexact',
  family: 'json-inexact-numbers',
  fault: "P008's hoursPerWeek is 35.00000000000000001 (read as 35)",
  code: 'JSON_NUMBER_INEXACT',
  path: ['spells', 1, 'hoursPerWeek'],
  change: { text: p008Text.replace('"hoursPerWeek":35', '"hoursPerWeek":35.00000000000000001') },
});
textFault({ name: 'hours-overflow', family: 'json-inexact-numbers', fault: "P008's hoursPerWeek is 1e400 (read as Infinity)", code: 'JSON_NUMBER_INEXACT', path: ['spells', 1, 'hoursPerWeek'], change: { text: p008Text.replace('"hoursPerWeek":35', '"hoursPerWeek":1e400') } });
textFault({ name: 'hours-underflow', family: 'json-inexact-numbers', fault: "P008's hoursPerWeek is 1e-400 (read as 0)", code: 'JSON_NUMBER_INEXACT', path: ['spells', 1, 'hoursPerWeek'], change: { text: p008Text.replace('"hoursPerWeek":35', '"hoursPerWeek":1e-400') } });
textFault({
  name: 'wage-number-inexact',
  family: 'json-inexact-numbers',
  fault: "P008's baselineWage is 300.000000000000001, a number read as 300",
  code: 'JSON_NUMBER_INEXACT',
  path: ['baselineWage'],
  change: { text: p008Text.replace('"baselineWage":"300.00"', '"baselineWage":300.000000000000001') },
});
textFault({ name: 'id-big-integer', family: 'json-inexact-numbers', fault: "P008's id is 9007199254740993 (read as ...992)", code: 'JSON_NUMBER_INEXACT', path: ['id'], change: { text: p008Text.replace('"id":"P008"', '"id":9007199254740993') } });
const longText = 'x'.repeat(4097);
textFault({
  name: 'field-too-long',
  family: 'sizes',
  fault: "P008's contractType is 4,097 characters long (the limit is 4,096)",
  code: 'TEXT_TOO_LONG',
  path: ['spells', 1, 'contractType'],
  change: { text: p008Text.replace('"contractType":"permanent"', `"contractType":"${longText}"`) },
});
textFault({ name: 'key-too-long', family: 'sizes', fault: 'P008 has a key 4,097 characters long', code: 'TEXT_TOO_LONG', path: [longText], change: { text: p008Text.replace('{', `{"${longText}":1,`) } });
textFault({ name: 'id-too-long', family: 'sizes', fault: "P008's id is 257 characters long (the limit is 256)", code: 'ID_TOO_LONG', path: ['id'], change: { text: p008Text.replace('"id":"P008"', `"id":"P008${'8'.repeat(253)}"`) } });

/** A CSV row the reader cannot read (beyond a size limit, a cell too many): the row is left out. */
function csvRowFault(name: string, family: string, fault: string, rows: readonly string[], code: string, path: readonly (string | number)[], line: number): void {
  add({ file: `${name}.csv`, family, fault, outcome: 'excluded', expect: { code, path, line }, without: [line] }, csvFile(rows));
}

csvRowFault('field-too-long', 'sizes', "P008's spell2_contract cell is 4,097 characters long", csvRowsWithCell(P008, 'spell2_contract', longText), 'TEXT_TOO_LONG', ['spell2_contract'], 9);
csvRowFault('id-too-long', 'sizes', "P008's id cell is 257 characters long", csvRowsWithCell(P008, 'id', `P008${'8'.repeat(253)}`), 'ID_TOO_LONG', ['id'], 9);

// a record longer than MAX_RECORD_CHARS (1,048,576), padded with spaces where JSON and CSV allow them
const padding = ' '.repeat(1_048_577);
{
  const texts = recordTexts(P008, p008Text.replace('"cohort":', `${padding}"cohort":`));
  add({ file: 'record-too-long.json', family: 'sizes', fault: "P008's element of the array is 1,048,577 spaces longer than the limit allows", outcome: 'refused', expect: { code: 'RECORD_TOO_LONG', path: [P008], line: 9 } }, jsonFile(texts));
  add({ file: 'record-too-long.ndjson', family: 'sizes', fault: "P008's line holds 1,048,577 spaces between two keys", outcome: 'excluded', expect: { code: 'RECORD_TOO_LONG', path: [], line: 8 }, without: [8] }, ndjsonFile(texts));
  csvRowFault('record-too-long', 'sizes', "P008's cohort cell is padded with 1,048,577 spaces (trimmed, the cell is short; the row is not)", csvRowsWithCell(P008, 'cohort', `${padding}2023-B`), 'RECORD_TOO_LONG', [], 9);
}

// ---------------------------------------------------------------------------------------------
// JSON syntax, NDJSON lines, truncated files, files that are not an array
// ---------------------------------------------------------------------------------------------
function refusedJson(name: string, family: string, fault: string, text: string | Uint8Array, code: string, line: number, path: readonly (string | number)[] = []): void {
  add({ file: `${name}.json`, family, fault, outcome: 'refused', expect: { code, path, line } }, text);
}
const sampleTexts = sampleRecords.map((record) => JSON.stringify(record));
const sampleJson = jsonFile(sampleTexts);
refusedJson('trailing-comma', 'json-syntax', 'a comma after the last record', sampleJson.replace(/\n\]\n$/, ',\n]\n'), 'JSON_SYNTAX', 11);
refusedJson('missing-comma', 'json-syntax', 'no comma between P008 and P009', jsonFile(sampleTexts).replace(`${p008Text},\n`, `${p008Text}\n`), 'JSON_SYNTAX', 10);
refusedJson('single-quotes', 'json-syntax', "P008's keys and strings in single quotes", jsonFile(recordTexts(P008, p008Text.replace(/"/g, "'"))), 'JSON_SYNTAX', 9);
refusedJson('comment-line', 'json-syntax', 'a // comment line before P008', sampleJson.replace(`  ${p008Text}`, `  // checked by hand\n  ${p008Text}`), 'JSON_SYNTAX', 9);
refusedJson('nan-value', 'json-syntax', "P008's hoursPerWeek is NaN", jsonFile(recordTexts(P008, p008Text.replace('"hoursPerWeek":35', '"hoursPerWeek":NaN'))), 'JSON_SYNTAX', 9);
refusedJson('cut-in-record', 'json-syntax', 'the file ends in the middle of P008', sampleJson.slice(0, sampleJson.indexOf(p008Text) + 60), 'JSON_SYNTAX', 9);
refusedJson('text-after-array', 'json-syntax', 'a second array follows the first', `${sampleJson}[]\n`, 'JSON_SYNTAX', 12);
refusedJson('raw-tab-in-string', 'json-syntax', "P008's contractType holds a raw tab character (JSON wants \\t)", jsonFile(recordTexts(P008, p008Text.replace('"permanent"', '"perma\tnent"'))), 'JSON_SYNTAX', 9);
refusedJson('not-array-object', 'json-syntax', 'the records are wrapped in an object {"records": [...]}', `{"records": ${sampleJson}}`, 'JSON_NOT_ARRAY', 1);
refusedJson('not-array-record', 'json-syntax', 'the file is one record, not an array of records', `${p008Text}\n`, 'JSON_NOT_ARRAY', 1);
refusedJson('not-array-null', 'json-syntax', 'the file is null', 'null\n', 'JSON_NOT_ARRAY', 1);

function excludedNdjson(name: string, family: string, fault: string, text: string, code: string, line: number, lines: readonly number[] = [line]): void {
  add({ file: `${name}.ndjson`, family, fault, outcome: 'excluded', expect: { code, path: [], line }, without: lines }, text);
}
excludedNdjson('line-trailing-comma', 'json-syntax', "P008's line ends its object with a comma: {...,}", ndjsonFile(recordTexts(P008, p008Text.replace(/\}$/, ',}'))), 'NDJSON_LINE_SYNTAX', 8);
excludedNdjson('line-single-quotes', 'json-syntax', "P008's line is written with single quotes", ndjsonFile(recordTexts(P008, p008Text.replace(/"/g, "'"))), 'NDJSON_LINE_SYNTAX', 8);
excludedNdjson('line-two-records', 'json-syntax', 'P008 and P009 on one line', ndjsonFile(sampleTexts).replace(`${p008Text}\n`, p008Text), 'NDJSON_LINE_SYNTAX', 8);
{
  const pretty = JSON.stringify(sampleRecords[P008], null, 2).split('\n');
  const text = ndjsonFile([...sampleTexts.slice(0, P008), ...pretty, ...sampleTexts.slice(P008 + 1)]);
  excludedNdjson('line-pretty-printed', 'json-syntax', `P008 pretty-printed over ${pretty.length} lines`, text, 'NDJSON_LINE_SYNTAX', 8, pretty.map((_, k) => 8 + k));
}
excludedNdjson('line-raw-tab', 'json-syntax', "P008's contractType holds a raw tab character", ndjsonFile(recordTexts(P008, p008Text.replace('"permanent"', '"perma\tnent"'))), 'NDJSON_LINE_SYNTAX', 8);
excludedNdjson('line-comment', 'json-syntax', 'a # comment line before P008', ndjsonFile([...sampleTexts.slice(0, P008), '# exported by hand', ...sampleTexts.slice(P008)]), 'NDJSON_LINE_SYNTAX', 8);
{
  const whole = ndjsonFile(sampleTexts);
  add({ file: 'cut-last-line.ndjson', family: 'json-syntax', fault: 'the file ends in the middle of P009, its last record', outcome: 'refused', expect: { code: 'NDJSON_TRUNCATED', path: [], line: 9 } }, whole.slice(0, whole.length - 40));
  add({ file: 'cut-in-record.ndjson', family: 'json-syntax', fault: 'the file ends in the middle of P008', outcome: 'refused', expect: { code: 'NDJSON_TRUNCATED', path: [], line: 8 } }, whole.slice(0, whole.indexOf(p008Text) + 100));
}

// ---------------------------------------------------------------------------------------------
// CSV: quoting, columns, row lengths
// ---------------------------------------------------------------------------------------------
function refusedCsv(name: string, fault: string, text: string, code: string, line: number): void {
  add({ file: `${name}.csv`, family: 'csv-structure', fault, outcome: 'refused', expect: { code, path: [], line } }, text);
}
refusedCsv('quote-unclosed', "P008's groups cell opens a quote that never closes", csvFile(csvRowsWithCell(P008, 'groups', '"youth;rsa')), 'CSV_SYNTAX', 9);
refusedCsv('quote-inside-cell', "P008's id cell is P0\"08 (a quote in an unquoted cell)", csvFile(csvRowsWithCell(P008, 'id', 'P0"08')), 'CSV_SYNTAX', 9);
refusedCsv('text-after-quote', "P008's id cell is \"P008\"x (text after the closing quote)", csvFile(csvRowsWithCell(P008, 'id', '"P008"x')), 'CSV_SYNTAX', 9);
function withColumn(name: string, cell: (row: number) => string, at = columns.length): { header: string; rows: string[] } {
  const header = [...columns.slice(0, at), name, ...columns.slice(at)].join(',');
  const rows = csvRows.map((row, index) => {
    const cells = row.split(',');
    return [...cells.slice(0, at), cell(index), ...cells.slice(at)].join(',');
  });
  return { header, rows };
}
function renamed(from: string, to: string): string {
  return csvFile(csvRows, columns.map((column) => (column === from ? to : column)).join(','));
}
{
  const email = withColumn('email', (row) => `p00${row + 1}@example.org`);
  refusedCsv('column-unknown', 'an email column', csvFile(email.rows, email.header), 'CSV_UNKNOWN_COLUMN', 1);
  const twice = withColumn('cohort', (row) => (csvRows[row] ?? '').split(',')[1] ?? '');
  refusedCsv('column-twice', 'the cohort column twice', csvFile(twice.rows, twice.header), 'CSV_DUPLICATE_COLUMN', 1);
  const at = columns.indexOf('enrolledOn');
  const noEnrolment = csvRows.map((row) => row.split(',').filter((_, k) => k !== at).join(','));
  refusedCsv('column-missing', 'no enrolledOn column', csvFile(noEnrolment, columns.filter((_, k) => k !== at).join(',')), 'CSV_MISSING_COLUMN', 1);
}
refusedCsv('column-misspelt', 'the enrolledOn column is headed enroledOn', renamed('enrolledOn', 'enroledOn'), 'CSV_UNKNOWN_COLUMN', 1);
refusedCsv('column-spell-zero', 'spell1_start is headed spell0_start (spells count from 1)', renamed('spell1_start', 'spell0_start'), 'CSV_UNKNOWN_COLUMN', 1);
refusedCsv('column-spell-1000', 'spell2_start is headed spell1000_start (at most 999 spells)', renamed('spell2_start', 'spell1000_start'), 'CSV_UNKNOWN_COLUMN', 1);
refusedCsv('column-event-case', 'event_training-completed is headed event_Training-Completed', renamed('event_training-completed', 'event_Training-Completed'), 'CSV_UNKNOWN_COLUMN', 1);
refusedCsv('column-proto', 'the baselineWage column is headed __proto__', renamed('baselineWage', '__proto__'), 'CSV_UNKNOWN_COLUMN', 1);
// one issue naming the option to set (--csv-delimiter), not the whole header as one unknown column
refusedCsv('separator-semicolon', 'the file is separated by semicolons (a spreadsheet in a French locale)', csvFile(csvRows.map((row) => row.replace(/;/g, '|').replace(/,/g, ';')), csvHeader.replace(/,/g, ';')), 'CSV_DELIMITER', 1);
refusedCsv('separator-tab', 'the file is separated by tabs', csvFile(csvRows.map((row) => row.replace(/,/g, '\t')), csvHeader.replace(/,/g, '\t')), 'CSV_DELIMITER', 1);
csvRowFault('row-cell-extra', 'csv-structure', "P008's row has a cell more than the header", csvRows.map((row, k) => (k === P008 ? `${row},x` : row)), 'CSV_ROW_LENGTH', [], 9);
csvRowFault('row-cell-missing', 'csv-structure', "P008's row has a cell less than the header", csvRows.map((row, k) => (k === P008 ? row.slice(0, row.lastIndexOf(',')) : row)), 'CSV_ROW_LENGTH', [], 9);
csvRowFault('row-wage-comma', 'csv-structure', "P008's baselineWage cell is 1,300.00 without quotes (one cell becomes two)", csvRowsWithCell(P008, 'baselineWage', '1,300.00'), 'CSV_ROW_LENGTH', [], 9);
{
  const rows = [...csvRows.slice(0, 4), csvHeader, ...csvRows.slice(4)];
  add(
    { file: 'header-repeated.csv', family: 'csv-structure', fault: 'the header row again after P004 (two exports joined): a record with id "id"', outcome: 'excluded', expect: { code: 'DATE_FORMAT', path: [4, 'enrolledOn'], line: 6, recordIndex: 4 }, without: [6] },
    csvFile(rows),
  );
}

// ---------------------------------------------------------------------------------------------
// encodings: bytes that are not UTF-8, UTF-16 and UTF-32
// ---------------------------------------------------------------------------------------------
/** The text with `marker` (which occurs once) replaced by raw bytes. */
function withBytes(text: string, marker: string, bytes: readonly number[]): Uint8Array {
  const at = text.indexOf(marker);
  if (at === -1 || text.indexOf(marker, at + 1) !== -1) throw new Error(`marker ${marker} must occur once`);
  return concat(utf8(text.slice(0, at)), new Uint8Array(bytes), utf8(text.slice(at + marker.length)));
}
const sampleNdjson = ndjsonFile(sampleTexts);
const sampleCsvText = csvFile(csvRows);
const baseText: Record<Format, string> = { json: sampleJson, ndjson: sampleNdjson, csv: sampleCsvText };
const p008Line: Record<Format, number> = { json: 9, ndjson: 8, csv: 9 };
const lastLine: Record<Format, number> = { json: 12, ndjson: 10, csv: 11 };

/** A file refused for its bytes; `line` undefined: the issue is about the whole file (its encoding). */
function refusedBytes(name: string, format: Format, family: string, fault: string, bytes: Uint8Array, code: string, line: number | undefined): void {
  add({ file: `${name}.${format}`, family, fault, outcome: 'refused', expect: { code, path: [], ...(line === undefined ? {} : { line }) } }, bytes);
}
const badSequences: readonly (readonly [string, string, readonly number[], readonly Format[]])[] = [
  ['latin1', 'P008 written P\\xE9008: an ISO-8859-1 "é" (E9), not UTF-8', [0x50, 0xe9], ['json', 'ndjson', 'csv']],
  ['overlong', 'P008 written with an overlong two-byte "P" (C1 90)', [0xc1, 0x90], ['json', 'csv']],
  ['surrogate', 'P008 with a UTF-16 surrogate encoded as UTF-8 (ED A0 80)', [0x50, 0xed, 0xa0, 0x80], ['json', 'csv']],
  ['beyond-unicode', 'P008 with a code point above U+10FFFF (F4 90 80 80)', [0x50, 0xf4, 0x90, 0x80, 0x80], ['ndjson']],
  ['lone-continuation', 'P008 with a lone continuation byte (80)', [0x50, 0x80], ['ndjson']],
  ['windows-1252', 'P008 written with a Windows-1252 quote (93)', [0x93, 0x50], ['csv']],
];
for (const [name, fault, bytes, formats] of badSequences) {
  for (const format of formats) refusedBytes(`utf8-${name}`, format, 'encodings', fault, withBytes(baseText[format], 'P008', [...bytes, 0x30, 0x30, 0x38]), 'TEXT_NOT_UTF8', p008Line[format]);
}
for (const format of ['ndjson', 'csv'] as const) {
  refusedBytes('utf8-cut-at-end', format, 'encodings', 'the file ends with the first two bytes of a three-byte "€" (E2 82)', concat(utf8(baseText[format]), new Uint8Array([0xe2, 0x82])), 'TEXT_NOT_UTF8', lastLine[format]);
}
const wideEncodings: readonly (readonly [string, string, (text: string) => Uint8Array, readonly Format[]])[] = [
  ['utf16le-bom', 'UTF-16LE with its byte-order mark (FF FE), as "Unicode text" from a spreadsheet', (t) => encode(t, 'utf-16le', true), ['json', 'csv']],
  ['utf16be-bom', 'UTF-16BE with its byte-order mark (FE FF)', (t) => encode(t, 'utf-16be', true), ['ndjson']],
  ['utf16le', 'UTF-16LE without a byte-order mark (NUL after each ASCII byte)', (t) => encode(t, 'utf-16le', false), ['ndjson', 'csv']],
  ['utf16be', 'UTF-16BE without a byte-order mark (NUL before each ASCII byte)', (t) => encode(t, 'utf-16be', false), ['json']],
  ['utf32le-bom', 'UTF-32LE with its byte-order mark (FF FE 00 00)', (t) => encode(t, 'utf-32le', true), ['json']],
  ['utf32be-bom', 'UTF-32BE with its byte-order mark (00 00 FE FF)', (t) => encode(t, 'utf-32be', true), ['ndjson']],
];
for (const [name, fault, encode, formats] of wideEncodings) {
  for (const format of formats) refusedBytes(name, format, 'encodings', fault, encode(baseText[format]), 'TEXT_ENCODING_UNSUPPORTED', undefined);
}

// ---------------------------------------------------------------------------------------------
// byte-order marks where they do not belong
// ---------------------------------------------------------------------------------------------
refusedJson('bom-twice', 'byte-order-marks', 'two UTF-8 byte-order marks (only the first is skipped)', `\uFEFF\uFEFF${sampleJson}`, 'JSON_SYNTAX', 1);
refusedJson('bom-mid-file', 'byte-order-marks', 'a byte-order mark before P008 (two files joined)', sampleJson.replace(`  ${p008Text}`, `\uFEFF  ${p008Text}`), 'JSON_SYNTAX', 9);
excludedNdjson('bom-inside-line', 'byte-order-marks', "a byte-order mark inside P008's line, after its first key", ndjsonFile(recordTexts(P008, p008Text.replace('"P008",', '"P008",\uFEFF'))), 'NDJSON_LINE_SYNTAX', 8);
refusedBytes('utf16-bom-on-utf8', 'csv', 'byte-order-marks', 'a UTF-16LE byte-order mark (FF FE) on UTF-8 text', concat(new Uint8Array([0xff, 0xfe]), utf8(sampleCsvText)), 'TEXT_ENCODING_UNSUPPORTED', undefined);

// ---------------------------------------------------------------------------------------------
// line ends: a fault after lone CR, mixed and CRLF line ends must be reported on its line
// ---------------------------------------------------------------------------------------------
{
  const unknownCohort = recordTexts(P008, p008Text.replace('"2023-B"', '"2023-C"'));
  const mixed = (lines: readonly string[]): string => lines.map((line, k) => `${line}${['\r\n', '\n', '\r'][k % 3] ?? ''}`).join('');
  const cohortFault = (line: number, recordIndex = P008): Expected => ({ code: 'COHORT_UNKNOWN', path: [recordIndex, 'cohort'], line, recordIndex });
  const family = 'line-ends';
  add({ file: 'cr-line-ends.ndjson', family, fault: 'lone CR line ends; P008 in cohort 2023-C', outcome: 'excluded', expect: cohortFault(8), without: [8] }, ndjsonFile(unknownCohort, '\r'));
  add({ file: 'mixed-line-ends.ndjson', family, fault: 'CRLF, LF and CR line ends in turn; P008 in cohort 2023-C', outcome: 'excluded', expect: cohortFault(8), without: [8] }, mixed(unknownCohort));
  const blank = [...unknownCohort.slice(0, 3), '', ...unknownCohort.slice(3)];
  add({ file: 'crlf-blank-line.ndjson', family, fault: 'CRLF line ends and a blank line after P003; P008 (line 9) in cohort 2023-C', outcome: 'excluded', expect: cohortFault(9), without: [9] }, ndjsonFile(blank, '\r\n'));
  add({ file: 'cr-line-ends.json', family, fault: 'lone CR line ends; P008 in cohort 2023-C', outcome: 'excluded', expect: cohortFault(9), without: [9] }, jsonFile(unknownCohort, '\r'));
  add({ file: 'mixed-line-ends.json', family, fault: 'CRLF, LF and CR line ends in turn; P008 in cohort 2023-C', outcome: 'excluded', expect: cohortFault(9), without: [9] }, mixed(jsonFile(unknownCohort).split('\n').slice(0, -1)));
  const csvCohort = csvRowsWithCell(P008, 'cohort', '2023-C');
  add({ file: 'cr-line-ends.csv', family, fault: 'lone CR line ends; P008 in cohort 2023-C', outcome: 'excluded', expect: cohortFault(9), without: [9] }, csvFile(csvCohort, csvHeader, '\r'));
  add({ file: 'mixed-line-ends.csv', family, fault: 'CRLF, LF and CR line ends in turn; P008 in cohort 2023-C', outcome: 'excluded', expect: cohortFault(9), without: [9] }, mixed([csvHeader, ...csvCohort]));
  // P006's spell1_contract (empty in the sample) becomes a quoted cell over two lines: P008 moves to line 10
  const quoted = csvRowsWithCell(5, 'spell1_contract', '"part-\r\ntime"').map((row, k) => (k === P008 ? (csvCohort[P008] ?? '') : row));
  add({ file: 'crlf-quoted-line-break.csv', family, fault: "CRLF line ends, a quoted cell over two lines in P006's row; P008 (line 10) in cohort 2023-C", outcome: 'excluded', expect: cohortFault(10), without: [10] }, csvFile(quoted, csvHeader, '\r\n'));
  refusedBytes('mixed-line-ends-quote', 'csv', family, "CRLF, LF and CR line ends in turn; P008's groups cell opens a quote that never closes", utf8(mixed([csvHeader, ...csvRowsWithCell(P008, 'groups', '"youth;rsa')])), 'CSV_SYNTAX', 9);
  add({ file: 'cr-line-ends-syntax.ndjson', family, fault: "lone CR line ends; P008's line is not JSON", outcome: 'excluded', expect: { code: 'NDJSON_LINE_SYNTAX', path: [], line: 8 }, without: [8] }, ndjsonFile(recordTexts(P008, p008Text.slice(1)), '\r'));
}

// ---------------------------------------------------------------------------------------------
// control and invisible formatting characters in ids (ID_CONTROL_CHARACTER): such an id is shown as
// another one, so the same participant given twice, once disguised, would be paid twice
// ---------------------------------------------------------------------------------------------
for (const [name, id, what, formats] of [
  ['id-nul', 'P\u0000008', 'a NUL character (\\u0000)', ['ndjson', 'json']],
  ['id-escape-sequence', 'P008\u001b[2K', 'a terminal escape sequence (ESC [2K erases the line)', ['json', 'ndjson']],
  ['id-line-feed', 'P008\nOK', 'a line feed (\\n)', ['ndjson', 'json']],
  ['id-bidi-override', 'P\u202e800', 'a right-to-left override (U+202E): shown as P008', ['ndjson', 'json']],
  ['id-zero-width-space', 'P008\u200b', 'a zero-width space (U+200B) after P008', ['ndjson']],
  ['id-delete', 'P008\u007f', 'a DEL character (U+007F)', ['json']],
  ['id-next-line', 'P008\u0085', 'a C1 next-line character (U+0085)', ['ndjson']],
  ['id-line-separator', 'P008\u2028', 'a line separator (U+2028)', ['json']],
  ['id-byte-order-mark', 'P0\ufeff08', 'a zero-width no-break space (U+FEFF) inside it', ['ndjson']],
] as const) {
  recordFault({ name, family: 'control-characters', fault: `P008's id holds ${what}`, code: 'ID_CONTROL_CHARACTER', path: ['id'], change: (r) => ({ ...r, id }) }, formats);
}
cellFault({ name: 'id-bell', family: 'control-characters', fault: "P008's id cell holds a raw BEL character (07)", column: 'id', value: 'P00\u00078', code: 'ID_CONTROL_CHARACTER', path: ['id'] });
cellFault({ name: 'id-bidi-override', family: 'control-characters', fault: "P008's id cell is P\\u202E800, shown as P008", column: 'id', value: 'P\u202e800', code: 'ID_CONTROL_CHARACTER', path: ['id'] });
cellFault({ name: 'id-zero-width-joiner', family: 'control-characters', fault: "P008's id cell holds a zero-width joiner (U+200D)", column: 'id', value: 'P00\u200d8', code: 'ID_CONTROL_CHARACTER', path: ['id'] });
{
  // P008 given twice, the copy inserted as record 2 with its id disguised as "P\u202E800": the
  // copy is excluded, the real P008 (now record 8) paid once (the file without the copy is the sample)
  const family = 'control-characters';
  const fault = 'P008 given a second time (record 2) with the id P\\u202E800, shown as P008: not a duplicate id, so it would be paid twice';
  const disguised = JSON.stringify({ ...copy(sampleRecords[P008]), id: 'P\u202e800' });
  const texts = sampleRecords.map((record) => JSON.stringify(record));
  const withCopy = [...texts.slice(0, 2), disguised, ...texts.slice(2)];
  const expectAt = (line: number): Expected => ({ code: 'ID_CONTROL_CHARACTER', path: [2, 'id'], line, recordIndex: 2 });
  add({ file: 'id-disguised-duplicate.json', family, fault, outcome: 'excluded', expect: expectAt(4), without: [4] }, jsonFile(withCopy));
  add({ file: 'id-disguised-duplicate.ndjson', family, fault, outcome: 'excluded', expect: expectAt(3), without: [3] }, ndjsonFile(withCopy));
  const rows = [...csvRows.slice(0, 2), (csvRows[P008] ?? '').replace('P008,', 'P\u202e800,'), ...csvRows.slice(2)];
  add({ file: 'id-disguised-duplicate.csv', family, fault, outcome: 'excluded', expect: expectAt(4), without: [4] }, csvFile(rows));
}

// ---------------------------------------------------------------------------------------------
// enrolment windows: a record enrolled outside its cohort's window (or before the contract
// period, which holds every window) is not a participant of that cohort: excluded
// (region-agency: 2023-A enrols from 2023-01-02 to 2023-06-30, 2023-B from 2023-07-01 to
// 2023-12-31; the period starts on 2023-01-01)
// ---------------------------------------------------------------------------------------------
const P001 = 0;
const P003 = 2;
const windowFaults: readonly (readonly [string, number, string, string, string])[] = [
  ['enrolled-before-window', P008, 'enrolledOn', '2023-06-30', "P008 (2023-B) enrols on 2023-06-30, the day before 2023-B's window opens"],
  ['enrolled-after-window', P003, 'enrolledOn', '2023-07-01', "P003 (2023-A) enrols on 2023-07-01, the day after 2023-A's window closes"],
  ['enrolled-before-period', P001, 'enrolledOn', '2022-12-31', 'P001 (2023-A) enrols on 2022-12-31, before the contract period (2023-01-01)'],
  ['enrolled-period-first-day', P001, 'enrolledOn', '2023-01-01', "P001 (2023-A) enrols on 2023-01-01, the period's first day but the day before 2023-A's window opens"],
  ['cohort-window-other', P008, 'cohort', '2023-A', "P008 (enrolled 2023-09-11) names cohort 2023-A, whose window closed on 2023-06-30"],
];
for (const [name, victim, field, value, fault] of windowFaults) {
  const path = ['enrolledOn'];
  recordFault({ name, victim, family: 'enrolment-window', fault, code: 'ENROLMENT_OUTSIDE_WINDOW', path, change: (r) => ({ ...r, [field]: value }) });
  cellFault({ name, victim, family: 'enrolment-window', fault, column: field, value, code: 'ENROLMENT_OUTSIDE_WINDOW', path });
}

// ---------------------------------------------------------------------------------------------
// empty inputs: no records at all settle nothing unless allowEmpty says so (RECORDS_EMPTY, on
// the records as a whole); a file with no text at all where a header or a value is needed is
// refused by its reader
// ---------------------------------------------------------------------------------------------
function notSettled(file: string, family: string, fault: string, code: string, allowedBy: NonNullable<ManifestEntry['allowedBy']>, content: string | Uint8Array): void {
  add({ file, family, fault, outcome: 'not-settled', expect: { code, path: ['records'] }, allowedBy }, content);
}
{
  const family = 'empty-inputs';
  const allowEmpty = { allowEmpty: true } as const;
  notSettled('empty.ndjson', family, 'an NDJSON file of 0 bytes', 'RECORDS_EMPTY', allowEmpty, '');
  notSettled('blank-lines.ndjson', family, 'an NDJSON file of blank lines (LF, CRLF, spaces)', 'RECORDS_EMPTY', allowEmpty, '\n\r\n  \n\n');
  notSettled('bom-only.ndjson', family, 'an NDJSON file holding only a UTF-8 byte-order mark', 'RECORDS_EMPTY', allowEmpty, '\uFEFF');
  notSettled('header-only.csv', family, 'a CSV file with its header row and no record', 'RECORDS_EMPTY', allowEmpty, `${csvHeader}\n`);
  notSettled('header-only-no-line-end.csv', family, 'a CSV file with its header row, not ended by a line end', 'RECORDS_EMPTY', allowEmpty, csvHeader);
  notSettled('header-only-crlf-bom.csv', family, 'a CSV file from a spreadsheet: a byte-order mark, the header, CRLF', 'RECORDS_EMPTY', allowEmpty, `\uFEFF${csvHeader}\r\n`);
  notSettled('empty-array.json', family, 'a JSON file holding []', 'RECORDS_EMPTY', allowEmpty, '[]\n');
  notSettled('empty-array-spread.json', family, 'a JSON file holding [ ] over three lines, CRLF', 'RECORDS_EMPTY', allowEmpty, '[\r\n\r\n]\r\n');
  refusedBytes('empty', 'csv', family, 'a CSV file of 0 bytes (no header row)', new Uint8Array(0), 'CSV_EMPTY', undefined);
  refusedBytes('blank-lines', 'csv', family, 'a CSV file of blank lines (no header row)', utf8('\n\n'), 'CSV_EMPTY', undefined);
  refusedJson('empty', family, 'a JSON file of 0 bytes (no value)', '', 'JSON_SYNTAX', 1);
  refusedJson('whitespace-only', family, 'a JSON file of blank lines', '\n  \n', 'JSON_SYNTAX', 3);
}

// ---------------------------------------------------------------------------------------------
// the limit on excluded records (maxExcluded, default 5 % of the records read): a format mistake
// that excludes many records, or all, settles nothing; at the limit the file settles
// ---------------------------------------------------------------------------------------------
{
  const family = 'excluded-limit';
  const limit = 'RECORDS_EXCLUDED_LIMIT';
  const dayFirst = (text: string): string => text.replace(/(\d{4})-(\d{2})-(\d{2})/g, '$3/$2/$1');
  notSettled('dates-day-first.csv', family, 'every date written DD/MM/YYYY (a spreadsheet in a French locale): 9 of 9 records excluded', limit, { maxExcluded: '100%', recordsExcluded: 9 }, csvFile(csvRows.map(dayFirst)));
  const numberWages = sampleRecords.map((record) => JSON.stringify(record).replace(/"(baselineWage|monthlyWage)":"([0-9.]+)"/g, '"$1":$2'));
  notSettled('wages-numbers.ndjson', family, 'every wage written as a JSON number: the 7 records with a wage excluded, of 9', limit, { maxExcluded: '7', recordsExcluded: 7 }, ndjsonFile(numberWages));
  const lowerCohorts = sampleRecords.map((record) => JSON.stringify({ ...record, cohort: String(record['cohort']).toLowerCase() }));
  notSettled('cohorts-lower-case.json', family, 'every cohort written in lower case (2023-a): 9 of 9 records excluded', limit, { maxExcluded: '100%', recordsExcluded: 9 }, jsonFile(lowerCohorts));
  const oneOfNine = recordTexts(P008, p008Text.replace('"2023-B"', '"2023-C"'));
  notSettled('one-of-nine.ndjson', family, 'P008 in cohort 2023-C: 1 of 9 records excluded (11.1 %, above the default 5 %)', limit, { maxExcluded: '1', recordsExcluded: 1 }, ndjsonFile(oneOfNine));
  // twenty records: the sample and eleven more like P003 (enrolled in 2023-A, no outcome, earns nothing)
  const p003 = sampleRecords[P003] ?? {};
  const extra = Array.from({ length: 11 }, (_, k) => JSON.stringify({ ...p003, id: `P${String(10 + k).padStart(3, '0')}` }));
  const twenty = (texts: readonly string[]): string[] => [...texts, ...extra];
  const twoOfTwenty = twenty(recordTexts(P008, p008Text.replace('"2023-B"', '"2023-C"'))).map((text, k) => (k === 9 ? text.replace('"2023-A"', '"2023-Z"') : text));
  notSettled('two-of-twenty.ndjson', family, 'P008 in cohort 2023-C and P010 in 2023-Z: 2 of 20 records excluded (10 %, above 5 %)', limit, { maxExcluded: '10%', recordsExcluded: 2 }, ndjsonFile(twoOfTwenty));
  /** A file at the default limit: settled with the defaults, the record reported. */
  const atLimit = (file: string, fault: string, expect: Expected, line: number, content: string): void => {
    add({ file, family, fault: `${fault}: 1 of 20 records excluded, exactly the default 5 %: settled, the record reported`, outcome: 'excluded', expect, without: [line], maxExcluded: 'default' }, content);
  };
  atLimit('one-of-twenty.ndjson', 'P008 in cohort 2023-C', { code: 'COHORT_UNKNOWN', path: [P008, 'cohort'], line: P008 + 1, recordIndex: P008 }, P008 + 1, ndjsonFile(twenty(oneOfNine)));
  const p003Row = csvRows[P003] ?? '';
  const csvTwenty = [...csvRowsWithCell(P008, 'enrolledOn', '11/09/2023'), ...extra.map((_, k) => p003Row.replace('P003,', `P${String(10 + k).padStart(3, '0')},`))];
  atLimit('one-of-twenty.csv', "P008's enrolledOn cell is 11/09/2023", { code: 'DATE_FORMAT', path: [P008, 'enrolledOn'], line: P008 + 2, recordIndex: P008 }, P008 + 2, csvFile(csvTwenty));
}

/** Every case of the records corpus, in the order built. */
export const RECORDS_CORPUS: readonly BuiltCase[] = cases;
