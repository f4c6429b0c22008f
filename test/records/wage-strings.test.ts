/**
 * A wage is a decimal string, within the money core's limits, on every path: JSON.parse has already rounded a JSON number by the
 * time any check sees it (1185.000000000000001 arrives as 1185), so a number is refused, whole or
 * not, with AMOUNT_NOT_STRING, by the general path, the validation fast path and the NDJSON fast
 * path alike. (CSV cells are text: a CSV wage is always a string.)
 */
import { describe, expect, it } from 'vitest';
import { settleStream } from '../../src/streaming.js';
import { createAmountCache } from '../../src/records/amount-cache.js';
import { fastRecord } from '../../src/records/fast-record.js';
import { validateRecords } from '../../src/records/index.js';
import { createNdjsonTypedReader } from '../../src/records/ndjson-typed-line.js';
import { chunks, contract } from '../streaming/fixtures.js';
import { CONTEXT } from './fixtures.js';

const line = '{"id":"P1","cohort":"2023-A","enrolledOn":"2023-01-09","baselineWage":1185.000000000000001}';
const asNumbers: unknown[] = [
  JSON.parse(line),
  { id: 'P2', cohort: '2023-A', enrolledOn: '2023-01-09', baselineWage: 0 },
  { id: 'P3', cohort: '2023-A', enrolledOn: '2023-01-09', spells: [{ start: '2023-02-01', monthlyWage: 1800 }] },
  { id: 'P4', cohort: '2023-A', enrolledOn: '2023-01-09', wages: [{ on: '2023-02-01', monthlyWage: 1800.5 }] },
];

describe('wages are decimal strings', () => {
  it('JSON.parse loses the fraction: the value that arrives is the integer 1185', () => {
    expect((JSON.parse(line) as { baselineWage: number }).baselineWage).toBe(1185);
  });

  it('a wage written as a JSON number is refused wherever it is, with AMOUNT_NOT_STRING naming the field', () => {
    const result = validateRecords(asNumbers, CONTEXT, { mode: 'lenient' });
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ['AMOUNT_NOT_STRING', [0, 'baselineWage']],
      ['AMOUNT_NOT_STRING', [1, 'baselineWage']],
      ['AMOUNT_NOT_STRING', [2, 'spells', 0, 'monthlyWage']],
      ['AMOUNT_NOT_STRING', [3, 'wages', 0, 'monthlyWage']],
    ]);
    expect(result.issues[0]?.message).toContain('decimal string');
  });

  it('the fast paths never take a record with a number wage', () => {
    for (const raw of asNumbers) expect(fastRecord(raw, CONTEXT, createAmountCache())).toBeUndefined();
    const typed = createNdjsonTypedReader(CONTEXT, createAmountCache());
    for (const raw of asNumbers.slice(1)) {
      const text = JSON.stringify(raw);
      expect(typed(text, 0, text.length), text).toBeUndefined();
    }
    expect(typed(line, 0, line.length)).toBeUndefined();
  });

  it('wages beyond the money core\'s limits are refused on every path, CSV included', async () => {
    const big = `1${'0'.repeat(65)}`;
    const text = `{"id":"P0","cohort":"2023-A","enrolledOn":"2023-01-09","baselineWage":"${big}"}\n{"id":"P1","cohort":"2023-A","enrolledOn":"2023-01-09","baselineWage":"0.0000000000001"}\n`;
    const csv = `id,cohort,enrolledOn,baselineWage\nP0,2023-A,2023-01-09,${big}\nP1,2023-A,2023-01-09,0.0000000000001\n`;
    // NDJSON lines 1 and 2; CSV lines 2 and 3, after the header
    for (const [source, first] of [[{ format: 'ndjson' as const, chunks: () => chunks(text) }, 1], [{ format: 'csv' as const, chunks: () => chunks(csv) }, 2]] as const) {
      const result = await settleStream(contract, source, { asOf: '2025-06-30', records: 'lenient', maxExcluded: '100%' });
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      expect(result.value.dataQuality.issues.map((i) => [i.code, i.line])).toEqual([['AMOUNT_TOO_LARGE', first], ['AMOUNT_TOO_PRECISE', first + 1]]);
    }
  });

  it('a streamed NDJSON file excludes the records and reports each on its line', async () => {
    // Line 2's number has more digits than a double holds: the strict JSON reader refuses it before
    // any schema sees it (JSON_NUMBER_INEXACT). Line 3's integer is exact, and still not a string.
    const exact = '{"id":"P2","cohort":"2023-A","enrolledOn":"2023-01-09","baselineWage":1185}';
    const text = `{"id":"P0","cohort":"2023-A","enrolledOn":"2023-01-09","baselineWage":"1185.00"}\n${line}\n${exact}\n`;
    const result = await settleStream(contract, { format: 'ndjson', chunks: () => chunks(text) }, { asOf: '2025-06-30', records: 'lenient', maxExcluded: '100%' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.dataQuality.issues.map((i) => [i.code, i.line])).toEqual([['JSON_NUMBER_INEXACT', 2], ['AMOUNT_NOT_STRING', 3]]);
    expect(result.value.dataQuality.recordsSettled).toBe(1);
  });
});
