import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAmountCache } from '../../src/records/amount-cache.js';
import { fastRecord } from '../../src/records/fast-record.js';
import type { OutcomeRecord } from '../../src/records/index.js';
import { createNdjsonTypedReader } from '../../src/records/ndjson-typed-line.js';
import { idTooLong, MAX_FIELD_CHARS, MAX_ID_CHARS } from '../../src/records/reader-limits.js';
import { scanJsonText } from '../../src/text/json-text.js';
import { mutatedRecord, orderedValidRecord, shapeValidRecord } from './arbitraries.js';
import { CONTEXT } from './fixtures.js';

/*
 * The NDJSON fast path is an optimisation only: a line it reads gives exactly the record of the
 * general path (trim, the strict JSON reader with the readers' limits, then the validation fast
 * path), with the same keys in the same order; it declines every other line. And it is taken:
 * every record that the validation fast path accepts, written by JSON.stringify without escapes,
 * is read.
 */

/** The general path for one line (as the NDJSON row reader takes it). */
function general(line: string): OutcomeRecord | undefined {
  const scan = scanJsonText(line.trim(), { maxStringChars: MAX_FIELD_CHARS });
  if (scan.problems.length > 0 || idTooLong(scan.value, [], 1, 'excluded') !== undefined) return undefined;
  return fastRecord(scan.value, CONTEXT, createAmountCache());
}

/** Keys at every level, in order (amounts excepted): the records must agree on shape too. */
function keysOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keysOf);
  if (typeof value === 'object' && value !== null && !('d' in value)) {
    return Object.entries(value).map(([key, inner]) => [key, keysOf(inner)]);
  }
  return null;
}

type Json = Record<string, unknown>;

/** The same record with its keys (and its list items' keys) in another order. */
function shuffled(record: Json, order: readonly number[]): Json {
  const turn = <T,>(items: T[], k: number): T[] => (items.length === 0 ? items : [...items.slice(k % items.length), ...items.slice(0, k % items.length)]);
  const reorder = (object: Json, k: number): Json => Object.fromEntries(turn(Object.entries(object), k));
  const out = reorder(record, order[0] ?? 0);
  for (const list of ['spells', 'wages', 'events']) {
    const items = out[list];
    if (Array.isArray(items)) {
      out[list] = (items as unknown[]).map((item, i): unknown => (typeof item === 'object' && item !== null ? reorder(item as Json, order[i + 1] ?? 0) : item));
    }
  }
  return out;
}

/** Text-level changes JSON.stringify never makes: JSON that means the same, JSON that does not, and not JSON. */
const edit = fc.constantFrom<(line: string) => string>(
  (l) => l,
  (l) => l,
  (l) => l,
  (l) => l,
  (l) => l.replaceAll(':', ': ').replaceAll(',"', ', "'),
  (l) => ` \t${l}\r`,
  (l) => `\u00a0${l}`,
  (l) => `${l} x`,
  (l) => l.replace('{', '{"id":"dup",'),
  (l) => l.replace('"id":"', '"id":"\\u0041'),
  (l) => l.replace(/"hoursPerWeek":(\d+)/, '"hoursPerWeek":$1.0'),
  (l) => l.replace(/"hoursPerWeek":(\d+)/, '"hoursPerWeek":$1e0'),
  (l) => l.replace(/"hoursPerWeek":(\d+)/, '"hoursPerWeek":0$1'),
  (l) => l.replace(/"hoursPerWeek":(\d+)/, '"hoursPerWeek":-0'),
  (l) => l.replace(/"hoursPerWeek":(\d+)/, '"hoursPerWeek":168.5'),
  (l) => l.replace(/"hoursPerWeek":(\d+)/, '"hoursPerWeek":169'),
  (l) => l.replace(/"hoursPerWeek":(\d+)/, '"hoursPerWeek":$1.000000000000001'), // a double holds no such number
  (l) => l.replace(/"hoursPerWeek":(\d+)/, '"hoursPerWeek":$1.00000000000'), // one it holds, in 15 characters or more
  (l) => l.replace(/"id":"([^"]*)"/, `"id":"$1${'x'.repeat(MAX_ID_CHARS)}"`),
  (l) => l.replace(/"contractType":"([^"]*)"/, `"contractType":"$1${'x'.repeat(MAX_FIELD_CHARS)}"`),
  (l) => l.replace(/"kind":"[^"]*"/, '"kind":"Job_offer"'),
  (l) => l.replace(/"monthlyWage":"([^"]*)"/, '"monthlyWage":$1'),
  (l) => l.replace('"spells":[', '"spells":[[],'),
  (l) => l.replace('"groups":[', '"groups":["rsa",'),
  (l) => l.replace(/}$/, ',"extra":1}'),
  (l) => l.replace(/}$/, ',"exitedOn":null}'),
  (l) => l.slice(0, Math.max(1, l.length - 2)),
);
const record = fc.oneof({ weight: 3, arbitrary: orderedValidRecord }, { weight: 1, arbitrary: shapeValidRecord.map((r) => r as Json) }, { weight: 1, arbitrary: mutatedRecord });
const line = fc
  .tuple(record, fc.array(fc.nat({ max: 8 }), { minLength: 5, maxLength: 5 }), edit)
  .map(([r, order, change]) => change(JSON.stringify(shuffled(r, order))));

describe('NDJSON fast path (typed lines)', () => {
  it('reads a line only into the very record the general path gives', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (lines) => {
        const typed = createNdjsonTypedReader(CONTEXT, createAmountCache()); // one reader and cache for all lines
        for (const text of lines) {
          const padded = `xx\n${text}\nyy`;
          const result = typed(padded, 3, 3 + text.length);
          if (result === undefined) continue;
          read++;
          const expected = general(text);
          expect(result).toStrictEqual(expected);
          expect(keysOf(result)).toEqual(keysOf(expected));
        }
      }),
      { numRuns: 400 },
    );
    expect(read).toBeGreaterThan(500); // the comparison was made often, not vacuously
  });

  it('reads every ordered valid record as JSON.stringify writes it without escapes, keys in any order (so it is taken)', () => {
    fc.assert(
      fc.property(orderedValidRecord, fc.array(fc.nat({ max: 8 }), { minLength: 5, maxLength: 5 }), (r, order) => {
        const text = JSON.stringify(shuffled(r, order));
        fc.pre(!text.includes('\\')); // a text written with an escape is left to JSON.parse
        const expected = general(text);
        expect(expected).toBeDefined();
        const result = createNdjsonTypedReader(CONTEXT, createAmountCache())(text, 0, text.length);
        expect(result).toStrictEqual(expected);
        expect(keysOf(result)).toEqual(keysOf(expected));
      }),
      { numRuns: 500 },
    );
  });

  it('declines escapes, repeated keys, other numbers (also one a double cannot hold), texts beyond the limits, extra keys and anything after the object', () => {
    const base = '{"id":"P1","cohort":"2023-A","enrolledOn":"2023-01-09","spells":[{"start":"2023-02-01","hoursPerWeek":35}]}';
    const read = (text: string) => createNdjsonTypedReader(CONTEXT, createAmountCache())(text, 0, text.length);
    expect(read(base)?.spells[0]?.hoursPerWeek).toBe(35);
    for (const text of [
      base.replace('"P1"', '"P\\u0031"'),
      base.replace('{', '{"id":"P2",'),
      base.replace('35', '35e0'),
      base.replace('35', '035'),
      base.replace('35', '-0'),
      base.replace('35', '35.000000000000001'), // JSON.parse reads 35: the strict reader refuses it
      base.replace('"P1"', `"${'P'.repeat(MAX_ID_CHARS + 1)}"`),
      base.replace('"hoursPerWeek"', `"contractType":"${'x'.repeat(MAX_FIELD_CHARS + 1)}","hoursPerWeek"`),
      base.replace('35}', '35,"monthlyWage":1.5}'),
      base.replace('35}', '35,"monthlyWage":01}'),
      base.replace('35}', '35,"monthlyWage":9007199254740993}'),
      base.replace('35}', '35,"monthlyWage":1800}'), // a wage is a string
      base.replace('}]}', '}],"extra":1}'),
      `${base},`,
      base.replace('"2023-A"', '"2022-Z"'),
      base.replace('"2023-02-01"', '"2022-12-01"'), // a spell before enrolment
    ]) expect(read(text), text).toBeUndefined();
  });
});
