import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, readRecords, validateRawRecords, type RecordsResult } from '../../src/records/index.js';
import { canonical } from './canonical.js';
import { CONTEXT } from './fixtures.js';

function load(name: string): RecordsResult {
  const format = detectFormat(name);
  if (format === undefined) throw new Error(`no format for ${name}`);
  const read = readRecords(readFileSync(new URL(`../../examples/records/${name}`, import.meta.url), 'utf8'), format);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return validateRawRecords(read.value, CONTEXT);
}

describe('examples/records', () => {
  const results = ['sample.json', 'sample.ndjson', 'sample.csv'].map(load);

  it('every format is valid in strict mode', () => {
    for (const result of results) expect(result.issues).toEqual([]);
  });

  it('the three formats hold the same participants, parsed identically', () => {
    const [json, ndjson, csv] = results.map((result) => (result.ok ? result.value.records.map(canonical) : []));
    expect(json).toHaveLength(9);
    expect(ndjson).toEqual(json);
    expect(csv).toEqual(json);
  });

  it('covers both cohorts and every group', () => {
    const records = results[0]?.ok ? results[0].value.records : [];
    expect(new Set(records.map((r) => r.cohort))).toEqual(new Set(['2023-A', '2023-B']));
    expect(new Set(records.flatMap((r) => r.groups))).toEqual(new Set(['rsa', 'ltu', 'youth']));
  });
});
