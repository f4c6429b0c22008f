import { describe, expect, test } from 'vitest';
import { parseContract, validateRecords } from '../../src/index.js';
import { loadExample, readRecordsText, settledExample, settlementText } from './helpers.js';
import { PROGRAMMES } from './programmes.js';

// While regenerating, the files change under the tests: they run on the next plain run.
const REGENERATING = process.env['REGENERATE_EXAMPLES'] === '1';

describe.skipIf(REGENERATING).each(PROGRAMMES)('examples/$name', (programme) => {
  const example = loadExample(programme.name);

  test('contract.json parses', () => {
    const parsed = parseContract(example.contract);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  });

  test('records.csv and records.ndjson are exactly what generate(SEED) produces', () => {
    const generated = programme.generate(programme.seed);
    expect(example.csv).toBe(generated.csv);
    expect(example.ndjson).toBe(generated.ndjson);
    expect(generated.records.length).toBeGreaterThanOrEqual(40);
    expect(generated.records.length).toBeLessThanOrEqual(120);
  });

  test('another seed gives other records (the seed is really used)', () => {
    expect(programme.generate(programme.seed + 1).ndjson).not.toBe(example.ndjson);
  });

  test('both files validate to the same participants (same records settled, same excluded)', () => {
    const parsed = parseContract(example.contract);
    if (!parsed.ok) throw new Error('contract does not parse');
    const context = { cohortIds: new Set(parsed.value.cohorts.map((c) => c.id)), groupIds: new Set((parsed.value.groups ?? []).map((g) => g.id)) };
    const fromCsv = validateRecords(readRecordsText(example.csv, 'csv'), context, { mode: 'lenient' });
    const fromNdjson = validateRecords(readRecordsText(example.ndjson, 'ndjson'), context, { mode: 'lenient' });
    if (!fromCsv.ok || !fromNdjson.ok) throw new Error('lenient validation failed');
    expect(fromCsv.value.records).toEqual(fromNdjson.value.records);
    expect(fromCsv.issues.map((i) => [i.code, i.participantId])).toEqual(fromNdjson.issues.map((i) => [i.code, i.participantId]));
    expect(fromCsv.value.excluded.length).toBeGreaterThan(0);
  });

  test('settling from records.csv and from records.ndjson gives the identical settlement', () => {
    const fromCsv = settlementText(settledExample(example, programme.asOf, 'csv'));
    const fromNdjson = settlementText(settledExample(example, programme.asOf, 'ndjson'));
    expect(fromCsv).toBe(fromNdjson);
  });

  // expected-settlement.json is a snapshot: it guards against an unintended change of any figure,
  // it does not show the figures are right (that is <name>.test.ts, from the records, by code that
  // shares nothing with the engine)
  test('expected-settlement.json, a snapshot of the settlement at the stated as-of date, is unchanged', () => {
    const settlement = settledExample(example, programme.asOf, 'ndjson');
    expect(settlement.asOf).toBe(programme.asOf);
    expect(settlementText(settlement)).toBe(example.expected);
  });
});
