/**
 * The records as a whole: an input of no records is refused (RECORDS_EMPTY) unless allowed, and
 * more excluded records than `maxExcluded` allows fail the settlement (RECORDS_EXCLUDED_LIMIT)
 * with every problem, instead of settling what is left. `settle` and `settleStream` alike.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settle, type Issue, type Result, type Settlement, type SettleOptions } from '../../src/index.js';
import { readCsvRecords, readNdjsonRecords } from '../../src/readers.js';
import { settleStream } from '../../src/streaming.js';

const regionContract: unknown = JSON.parse(readFileSync('examples/region-sud/contract.json', 'utf8'));
const regionCsv = readFileSync('examples/region-sud/records.csv', 'utf8');
const regionNdjson = readFileSync('examples/region-sud/records.ndjson', 'utf8');
const AS_OF = '2025-06-30';

/** A one-cohort contract (vector 48's) and `valid` + `invalid` records (invalid: enrolledOn written DD/MM/YYYY). */
const small: unknown = (JSON.parse(readFileSync('test/vectors/48-data-quality-lenient.json', 'utf8')) as { contract: unknown }).contract;
function records(valid: number, invalid: number): unknown[] {
  return [
    ...Array.from({ length: valid }, (_, i) => ({ id: `V${i}`, cohort: 'A', enrolledOn: '2024-01-15' })),
    ...Array.from({ length: invalid }, (_, i) => ({ id: `X${i}`, cohort: 'A', enrolledOn: '15/01/2024' })),
  ];
}

async function both(contract: unknown, raw: readonly unknown[], options: SettleOptions): Promise<Result<Settlement>[]> {
  const whole = settle(contract, raw, options);
  const streamed = await settleStream(
    contract,
    async function* rows() {
      await Promise.resolve();
      yield* raw;
    },
    options,
  );
  return [whole, streamed];
}

async function* chunksOf(text: string): AsyncGenerator<string> {
  await Promise.resolve();
  yield text;
}

function codes(result: Result<Settlement>): string[] {
  return result.ok ? [] : result.issues.map((issue: Issue) => issue.code);
}

describe('RECORDS_EMPTY: no records read', () => {
  it.each([
    ['an empty array', () => [] as unknown[]],
    ['a CSV header alone', () => {
      const read = readCsvRecords('id,cohort,enrolledOn\n');
      if (!read.ok) throw new Error('csv');
      return read.value.records;
    }],
    ['an empty NDJSON text', () => {
      const read = readNdjsonRecords('');
      if (!read.ok) throw new Error('ndjson');
      return read.value.records;
    }],
  ])('%s is refused by settle and settleStream; allowEmpty settles it', async (_, input) => {
    for (const result of await both(regionContract, input(), { asOf: AS_OF })) {
      expect(codes(result)).toEqual(['RECORDS_EMPTY']);
    }
    for (const result of await both(regionContract, input(), { asOf: AS_OF, allowEmpty: true })) {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value.dataQuality).toMatchObject({ recordsRead: 0, recordsSettled: 0, recordsExcluded: 0 });
    }
  });

  it('a streamed file of no records (0 bytes of NDJSON, a CSV header alone) is refused; strict mode too', async () => {
    for (const [format, text] of [['ndjson', ''], ['csv', 'id,cohort,enrolledOn\r\n']] as const) {
      for (const mode of ['lenient', 'strict'] as const) {
        const result = await settleStream(regionContract, { format, chunks: () => chunksOf(text) }, { asOf: AS_OF, records: mode });
        expect(codes(result)).toEqual(['RECORDS_EMPTY']);
      }
    }
  });
});

describe('RECORDS_EXCLUDED_LIMIT: more records excluded than maxExcluded allows', () => {
  it('wages written as JSON numbers with decimals in most records: nothing is settled, every problem is listed', async () => {
    // Before: those records were excluded and the rest settled, the mid-term clause deciding on what was left.
    let changed = 0;
    const raw = regionNdjson
      .trimEnd()
      .split('\n')
      .map((line) => {
        const record = JSON.parse(line) as Record<string, unknown>;
        const wage = record['baselineWage'];
        if (typeof wage !== 'string' || wage.endsWith('.00')) return record;
        changed++;
        return { ...record, baselineWage: Number(wage) }; // 1297.08, a JSON number: AMOUNT_NOT_STRING (amounts are decimal strings)
      });
    expect(changed).toBeGreaterThan(50);
    for (const result of await both(regionContract, raw, { asOf: AS_OF })) {
      const found = codes(result);
      expect(found[0]).toBe('RECORDS_EXCLUDED_LIMIT');
      // the changed records and the example's two invalid ones (RS-X03, RS-X04), each listed
      expect(found.filter((code) => code === 'AMOUNT_NOT_STRING')).toHaveLength(changed);
      expect(found).toContain('EXIT_BEFORE_ENROLMENT');
      expect(found).toContain('SPELLS_OVERLAP');
      expect(result.ok ? '' : result.issues[0]?.message).toContain(`${changed + 2} of 94 records`);
    }
  });

  it('dates written DD/MM/YYYY: all 94 records excluded, nothing is settled (was: 0.00 settled)', async () => {
    const text = regionCsv.replace(/(\d{4})-(\d{2})-(\d{2})/g, '$3/$2/$1');
    const read = readCsvRecords(text);
    if (!read.ok) throw new Error('csv');
    const whole = settle(regionContract, read.value, { asOf: AS_OF });
    const streamed = await settleStream(regionContract, { format: 'csv', chunks: () => chunksOf(text) }, { asOf: AS_OF });
    for (const result of [whole, streamed]) {
      expect(codes(result)[0]).toBe('RECORDS_EXCLUDED_LIMIT');
      expect(result.ok ? '' : result.issues[0]?.message).toContain('94 of 94 records are invalid and would be excluded (100.0%)');
    }
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(whole));
  });

  it('the example programme (3 of 94 excluded, 3.2 %) settles under the default 5 %, not under 3.1 % nor a count of 2', () => {
    const read = readCsvRecords(regionCsv);
    if (!read.ok) throw new Error('csv');
    expect(settle(regionContract, read.value, { asOf: AS_OF }).ok).toBe(true); // 300 ≤ 94 × 5 = 470
    expect(codes(settle(regionContract, read.value, { asOf: AS_OF, maxExcluded: '3.1%' }))[0]).toBe('RECORDS_EXCLUDED_LIMIT'); // 300 > 94 × 3.1 = 291.4
    expect(settle(regionContract, read.value, { asOf: AS_OF, maxExcluded: '3.2%' }).ok).toBe(true); // 300 ≤ 94 × 3.2 = 300.8
    expect(codes(settle(regionContract, read.value, { asOf: AS_OF, maxExcluded: 2 }))[0]).toBe('RECORDS_EXCLUDED_LIMIT');
    expect(settle(regionContract, read.value, { asOf: AS_OF, maxExcluded: '3' }).ok).toBe(true);
  });

  it.each([
    // [valid, invalid, maxExcluded, settles]: a share is excluded × 100 ≤ read × percent, exactly
    [95, 5, undefined, true], //  500 ≤ 100 × 5
    [94, 6, undefined, false], // 600 > 100 × 5
    [19, 1, undefined, true], //  100 ≤ 20 × 5
    [18, 2, undefined, false], // 200 > 20 × 5
    [197, 3, '1.5%', true], //     300 ≤ 200 × 1.5
    [196, 4, '1.5%', false], //    400 > 200 × 1.5
    [1, 9, '90%', true], //        900 ≤ 10 × 90
    [0, 10, '100%', true],
    [3, 2, 2, true],
    [3, 3, 2, false],
    [10, 0, 0, true],
    [9, 1, '0%', false],
  ] as const)('%i valid and %i invalid records with maxExcluded %s: settles %s', async (valid, invalid, maxExcluded, settles) => {
    const options: SettleOptions = { asOf: '2024-12-31', ...(maxExcluded === undefined ? {} : { maxExcluded }) };
    for (const result of await both(small, records(valid, invalid), options)) {
      if (settles) expect(result.ok ? result.value.dataQuality.recordsExcluded : codes(result)).toBe(invalid);
      else expect(codes(result)).toEqual(['RECORDS_EXCLUDED_LIMIT', ...Array.from({ length: invalid }, () => 'DATE_FORMAT')]);
    }
  });

  it('strict mode refuses any problem as before: the record issues alone, no limit issue', async () => {
    for (const result of await both(small, records(1, 3), { asOf: '2024-12-31', records: 'strict' })) {
      expect(codes(result)).toEqual(['DATE_FORMAT', 'DATE_FORMAT', 'DATE_FORMAT']);
    }
  });

  it('maxExcluded and allowEmpty are checked like any option', () => {
    for (const bad of [-1, 1.5, Number.NaN, '101%', '5 %', '-2%', 'five', true, null, '1e3', '05']) {
      const result = settle(small, records(1, 0), { asOf: '2024-12-31', maxExcluded: bad as never });
      expect(codes(result), String(bad)).toEqual(['OPTIONS_MAX_EXCLUDED']);
    }
    expect(codes(settle(small, records(1, 0), { asOf: '2024-12-31', allowEmpty: 'yes' as never }))).toEqual(['OPTIONS_ALLOW_EMPTY']);
  });
});
