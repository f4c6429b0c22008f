import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, type CalendarDate } from '../../src/calendar/index.js';
import { createAmountCache } from '../../src/records/amount-cache.js';
import type { CsvColumn } from '../../src/records/csv-columns.js';
import { csvRowToRecord } from '../../src/records/csv-row.js';
import { splitCsvRecord } from '../../src/records/csv-scan.js';
import { createCsvTypedReader } from '../../src/records/csv-typed-row.js';
import { fastRecord } from '../../src/records/fast-record.js';
import type { OutcomeRecord } from '../../src/records/index.js';
import { mapCsvHeader } from '../../src/records/read-csv.js';
import { MAX_ID_CHARS } from '../../src/records/reader-limits.js';
import { CONTEXT } from './fixtures.js';
import { fullChecks } from './full-checks.js';
import { runs } from '../runs.js';

/*
 * The CSV fast path is an optimisation only: a line it reads gives exactly the record of the
 * general path (scan, trim, csvRowToRecord, then the validation fast path), with the same keys in
 * the same order; it declines every other line. And it is taken: every clean valid line is read.
 */

const HEADER = [
  'id', 'cohort', 'groups', 'enrolledOn', 'exitedOn', 'baselineWage',
  'spell1_start', 'spell1_end', 'spell1_hours', 'spell1_contract', 'spell1_wage',
  'spell3_start', 'spell3_end', 'spell3_hours', 'spell3_contract', 'spell3_wage',
  'wage2_on', 'wage2_amount', 'wage1_on', 'wage1_amount', 'event_training-completed', 'event_job-offer',
];
const COLUMNS = mapCsvHeader(HEADER, 1) as CsvColumn[];
const DAY_2023 = 19358; // 2023-01-01

/** The general path for one line under a header's columns. */
function general(line: string, columns: readonly CsvColumn[] = COLUMNS): OutcomeRecord | undefined {
  const scan = splitCsvRecord(line, 0, line.length);
  if ('error' in scan) return undefined;
  const cells = scan.cells.map((cell) => cell.trim());
  const id = cells[columns.findIndex((column) => column.kind === 'field' && column.key === 'id')] ?? '';
  if (cells.length !== columns.length || id.length > MAX_ID_CHARS) return undefined; // CSV_ROW_LENGTH, ID_TOO_LONG
  return fastRecord(csvRowToRecord(columns, cells), CONTEXT, createAmountCache());
}

/** The header's columns in another order (sorted by `rank`, cycled), and the same reordering of a row's cells. */
function arrange(rank: readonly number[]): { columns: CsvColumn[]; row: (cells: readonly string[]) => string } {
  const order = HEADER.map((_, i) => i).sort((a, b) => (rank[a % rank.length] ?? 0) - (rank[b % rank.length] ?? 0) || a - b);
  const columns = mapCsvHeader(order.map((i) => HEADER[i] ?? ''), 1);
  if (!Array.isArray(columns)) throw new Error('header');
  return { columns, row: (cells) => order.map((i) => cells[i] ?? '').join(',') };
}
const rank = fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: HEADER.length });

/** Keys at every level, in order: the records must agree on shape, not only on values. */
function keysOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keysOf);
  if (typeof value === 'object' && value !== null && !('d' in value)) {
    return Object.entries(value).map(([key, inner]) => [key, keysOf(inner)]);
  }
  return null;
}

const day = (offset: number) => formatDate((DAY_2023 + offset) as CalendarDate);
const dateCell = fc.integer({ min: -5, max: 700 }).map(day);
const wageCell = fc.oneof(
  fc.integer({ min: 0, max: 400_000 }).map((cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`),
  fc.constantFrom('1850', '1850.5', '0', '0.00', '1850.125', '999999999999999.99', '0.000000000001', '007.50'),
);
const junk = fc.constantFrom(
  '', ' 2023-01-09', '2023-01-09 ', '2023-02-30', '2023-1-09', '-1', '-0', '1e3', '"x"', '"a,b"', 'a\rb', '12,5', '17.5', '168',
  '168.5', '35.', '.5', '34.9999999999999999', '35.000000000000', '1000000000000000', '12345678901234567', '0.0000000000001', 'rsa; ltu', 'rsa;rsa', 'rsa;;ltu', 'vip', 'rsa;vip', ';', '2022-Z', 'P 1', '\u00a0P1', 'É', 'permanent ',
);
const contractCell = fc.constantFrom('permanent', 'fixed-term', 'apprenticeship', 'temporary', 'CDI', 'zero-hours');
const cellFor = (name: string): fc.Arbitrary<string> => {
  const valid =
    name === 'id' ? fc.constantFrom('P1', 'P2', 'Émile', 'a b', 'P'.repeat(MAX_ID_CHARS), 'P'.repeat(MAX_ID_CHARS + 1)) :
    name === 'cohort' ? fc.constantFrom('2023-A', '2023-B') :
    name === 'groups' ? fc.subarray(['rsa', 'ltu', 'youth']).map((g) => g.join(';')) :
    name.endsWith('_hours') ? fc.constantFrom('35', '20', '17.5', '0', '24.25', '168', '035') :
    name.endsWith('_contract') ? contractCell :
    name.endsWith('_wage') || name.endsWith('_amount') || name === 'baselineWage' ? wageCell :
    dateCell;
  return fc.oneof({ weight: 6, arbitrary: valid }, { weight: 2, arbitrary: fc.constant('') }, { weight: 1, arbitrary: junk });
};

/** The cells of a clean valid line: ordered dates, optional cells filled or empty, nothing to trim. */
const cleanCells = fc
  .record({
    id: fc.stringMatching(/^[A-Z][0-9]{1,8}$/),
    cohort: fc.constantFrom('2023-A', '2023-B'),
    groups: fc.subarray(['rsa', 'ltu', 'youth']),
    enrolled: fc.integer({ min: 0, max: 300 }),
    steps: fc.array(fc.integer({ min: 0, max: 90 }), { minLength: 8, maxLength: 8 }),
    hours: fc.constantFrom('35', '17.5', '24'),
    contracts: fc.tuple(contractCell, contractCell),
    wage: wageCell,
    spells: fc.integer({ min: 0, max: 2 }),
    wages: fc.integer({ min: 0, max: 2 }),
    trained: fc.boolean(),
  })
  .map((r) => {
    const cells = new Map<string, string>();
    let at = r.enrolled;
    const next = (k: number) => (at += 1 + (r.steps[k] ?? 0));
    cells.set('id', r.id).set('cohort', r.cohort).set('groups', r.groups.join(';')).set('enrolledOn', day(r.enrolled));
    cells.set('exitedOn', day(next(0))).set('baselineWage', r.wage);
    if (r.trained) cells.set('event_training-completed', day(at));
    for (const [k, n] of [[1, 1], [2, 3]] as const) {
      if (r.spells < k) continue;
      cells.set(`spell${n}_start`, day(next(k))).set(`spell${n}_end`, day(next(k + 2))).set(`spell${n}_hours`, r.hours);
      cells.set(`spell${n}_contract`, r.contracts[k - 1] ?? 'permanent').set(`spell${n}_wage`, r.wage);
    }
    for (const n of [1, 2]) {
      if (r.wages < n) continue;
      cells.set(`wage${n}_on`, day(next(5 + n))).set(`wage${n}_amount`, r.wage);
    }
    return HEADER.map((name) => cells.get(name) ?? '');
  });
/** A clean line with up to three cells replaced (by junk, by another value of the column, by nothing), in the header's order. */
const anyCells = fc
  .tuple(cleanCells, fc.array(fc.integer({ min: 0, max: HEADER.length - 1 }).chain((i) => fc.tuple(fc.constant(i), cellFor(HEADER[i] as string))), { maxLength: 3 }))
  .map(([cells, changes]) => {
    const out = [...cells];
    for (const [i, cell] of changes) out[i] = cell;
    return out;
  });

describe('CSV fast path (typed rows)', () => {
  it('reads a line only into the very record the general path gives, columns in any order', () => {
    fc.assert(
      fc.property(fc.array(anyCells, { minLength: 1, maxLength: 20 }), rank, (rows, order) => {
        const { columns, row } = arrange(order);
        const typed = createCsvTypedReader(columns, CONTEXT, createAmountCache()); // one reader and cache for all lines
        for (const cells of rows) {
          const line = row(cells);
          const text = `x\n${line}\nrest`;
          const record = typed(text, 2, 2 + line.length);
          if (record === undefined) continue;
          const expected = general(line, columns);
          expect(record).toStrictEqual(expected);
          expect(keysOf(record)).toEqual(keysOf(expected));
        }
      }),
      { numRuns: runs(400) },
    );
  });

  it('reads every clean valid line, columns in any order, into the record of the full checks (so the fast path is actually taken)', () => {
    fc.assert(
      fc.property(cleanCells, rank, (cells, order) => {
        const { columns, row } = arrange(order);
        const line = row(cells);
        const expected = general(line, columns);
        expect(expected).toBeDefined();
        expect(expected).toStrictEqual(fullChecks(csvRowToRecord(columns, line.split(',')))); // a clean line has no quoted cell
        const record = createCsvTypedReader(columns, CONTEXT, createAmountCache())(line, 0, line.length);
        expect(record).toStrictEqual(expected);
        expect(keysOf(record)).toEqual(keysOf(expected));
      }),
      { numRuns: runs(400) },
    );
  });

  it('declines lines with quotes, CR, cells to trim, wrong cell counts, or values the fast path refuses', () => {
    const valid = ['P1', '2023-A', 'rsa', '2023-01-09', '', '1450.00', ...Array<string>(16).fill('')];
    const read = (cells: string[]) => {
      const line = cells.join(',');
      return createCsvTypedReader(COLUMNS, CONTEXT, createAmountCache())(line, 0, line.length);
    };
    expect(read(valid)?.enrolledOn).toBe(DAY_2023 + 8); // 2023-01-09
    const at = (i: number, cell: string) => valid.map((c, k) => (k === i ? cell : c));
    expect(read(at(0, '"P1"'))).toBeUndefined();
    expect(read(at(0, 'P1\r'))).toBeUndefined();
    expect(read(at(0, ' P1'))).toBeUndefined();
    expect(read(at(2, 'rsa; ltu'))).toBeUndefined();
    expect(read(at(2, 'rsa;rsa'))).toBeUndefined();
    expect(read(at(3, '2023-02-30'))).toBeUndefined();
    expect(read(at(5, '-1'))).toBeUndefined();
    expect(read(at(8, '-0'))).toBeUndefined();
    expect(read(valid.slice(1))).toBeUndefined(); // one cell short
    expect(read([...valid, ''])).toBeUndefined(); // one cell too many
    expect(read(at(1, '2022-Z'))).toBeUndefined();
    expect(read(at(0, 'P'.repeat(MAX_ID_CHARS)))?.id).toBe('P'.repeat(MAX_ID_CHARS));
    expect(read(at(0, 'P'.repeat(MAX_ID_CHARS + 1)))).toBeUndefined(); // ID_TOO_LONG on the general path
  });
});
