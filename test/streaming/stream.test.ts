import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateRawRecords, type StreamRow } from '../../src/index.js';
import { readCsvRecords, readNdjsonRecords } from '../../src/readers.js';
import { readCsvStream, readNdjsonStream } from '../../src/streaming.js';

import { csvParseRecords } from '../records/csv-parse-oracle.js';
import { settleStreamWith, settleWith } from '../settlement/settle-helper.js';
import { chunked, contract, csv, fromArray, messy, ndjson, options, sample } from './fixtures.js';
import { runs } from '../runs.js';

async function collect(rows: AsyncIterable<StreamRow>): Promise<StreamRow[]> {
  const out: StreamRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('streaming readers', () => {
  it('NDJSON: the same records, lines and issues as the whole-text reader, wherever the chunks are cut', async () => {
    const text = `\uFEFF${ndjson.replace(/\n/g, '\r\n')}\n\n{bad json}\n${ndjson.split('\n')[0] ?? ''}`;
    const whole = readNdjsonRecords(text);
    expect(whole.ok).toBe(true);
    if (!whole.ok) return;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 12 }), async (cuts) => {
        const rows = await collect(readNdjsonStream(chunked(text, cuts)));
        const records = rows.flatMap((row) => (row.kind === 'record' ? [row.record] : []));
        const lines = rows.flatMap((row) => (row.kind === 'record' ? [row.line] : []));
        const issues = rows.flatMap((row) => (row.kind === 'unreadable' ? [row.issue] : []));
        expect(records).toEqual(whole.value.records);
        expect(lines).toEqual(whole.value.lines);
        expect(issues).toEqual(whole.value.issues);
      }),
      { numRuns: runs(200) },
    );
  });

  it('NDJSON: a last line cut mid-record is fatal, not a shorter file', async () => {
    const text = `${ndjson}{"id":"P010","cohort":"2023-A","enr`;
    const rows = await collect(readNdjsonStream(chunked(text, [10, 500])));
    const last = rows.at(-1);
    expect(last?.kind).toBe('fatal');
    if (last?.kind === 'fatal') expect(last.issues[0]?.code).toBe('NDJSON_TRUNCATED');
    expect(readNdjsonRecords(text).ok).toBe(false);
  });

  it('CSV: the same records and lines as the whole-text reader and as csv-parse, wherever the chunks are cut', async () => {
    const quoted = 'P010,2023-A,"rsa;\r\nltu",2023-01-09,,"1,5",,,,,,,,,,,,,,,,\r\n\r\nP011,2023-A,,2023-01-09,,"12""3",,,,,,,,,,,,,,,,\nP012,short\n';
    const text = `\uFEFF${csv}${quoted}`;
    const whole = readCsvRecords(text);
    expect(whole.ok).toBe(true);
    if (!whole.ok) return;
    const oracle = csvParseRecords(text);
    expect(whole.value.records).toEqual(oracle?.records);
    expect(whole.value.lines).toEqual(oracle?.lines);
    expect(whole.value.issues.map((issue) => issue.line)).toEqual(oracle?.rowLengthLines);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 12 }), async (cuts) => {
        const rows = await collect(readCsvStream(chunked(text, cuts)));
        expect(rows.flatMap((row) => (row.kind === 'record' ? [row.record] : []))).toEqual(whole.value.records);
        expect(rows.flatMap((row) => (row.kind === 'record' ? [row.line] : []))).toEqual(whole.value.lines);
        expect(rows.flatMap((row) => (row.kind === 'unreadable' ? [row.issue] : []))).toEqual(whole.value.issues);
      }),
      { numRuns: runs(200) },
    );
  });

  it('CSV: random cells (quotes, commas, line breaks) read as csv-parse reads them, whole and in chunks', async () => {
    const cell = fc.oneof(fc.constantFrom('', 'a', ' b ', '2023-A', 'x,y', 'say "hi"', 'two\nlines', 'cr\rlf\r\n', '\r', '\n\r'), fc.string({ maxLength: 5 }));
    const quote = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cell, cell), { maxLength: 5 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 6 }),
        async (rows, newline, cuts) => {
          const text = ['id,cohort', ...rows.map(([a, b]) => `${quote(a)},${quote(b)}`)].join(newline) + newline;
          const oracle = csvParseRecords(text);
          const whole = readCsvRecords(text);
          const streamed = await collect(readCsvStream(chunked(text, cuts)));
          if (oracle === undefined) {
            expect(whole.ok).toBe(false);
            expect(streamed.at(-1)?.kind).toBe('fatal');
            return;
          }
          expect(whole.ok && whole.value.records).toEqual(oracle.records);
          expect(whole.ok && whole.value.lines).toEqual(oracle.lines);
          expect(streamed.flatMap((row) => (row.kind === 'record' ? [row.record] : []))).toEqual(oracle.records);
          expect(streamed.flatMap((row) => (row.kind === 'record' ? [row.line] : []))).toEqual(oracle.lines);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('CSV: an unterminated quote at the end is fatal (CSV_SYNTAX), as is a missing header', async () => {
    const cut = await collect(readCsvStream(chunked(`${csv}P010,2023-A,"rsa`, [7])));
    const last = cut.at(-1);
    expect(last?.kind === 'fatal' ? last.issues[0]?.code : undefined).toBe('CSV_SYNTAX');
    expect(readCsvRecords(`${csv}P010,2023-A,"rsa`).ok).toBe(false);
    const empty = (await collect(readCsvStream(chunked('\n\n')))).at(-1);
    expect(empty?.kind === 'fatal' ? empty.issues[0]?.code : undefined).toBe('CSV_EMPTY');
  });
});

describe('settleStream', () => {
  it('raw records: byte-identical to settle, with invalid records and duplicate ids, lenient and strict, any detail', async () => {
    for (const records of ['lenient', 'strict'] as const) {
      for (const detail of ['totals', 'participants'] as const) {
        const settleOptions = { ...options, records, detail };
        const expected = JSON.stringify(settleWith(contract, messy, settleOptions));
        const streamed = JSON.stringify(await settleStreamWith(contract, () => fromArray(messy), settleOptions));
        expect(streamed).toBe(expected);
      }
    }
  });

  it('raw records in any order: byte-identical to settle on the same order (duplicates anywhere)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(messy, { minLength: messy.length, maxLength: messy.length }), async (shuffled) => {
        const expected = JSON.stringify(settleWith(contract, shuffled, { ...options, detail: 'participants' }));
        const streamed = JSON.stringify(await settleStreamWith(contract, () => fromArray(shuffled), { ...options, detail: 'participants' }));
        expect(streamed).toBe(expected);
      }),
      { numRuns: runs(30) },
    );
  });

  it('a single-use source without duplicate ids is read once; with duplicates it fails STREAM_NOT_REPEATABLE', async () => {
    const once = await settleStreamWith(contract, fromArray(sample), options);
    expect(JSON.stringify(once)).toBe(JSON.stringify(settleWith(contract, sample, options)));
    const duplicated = await settleStreamWith(contract, fromArray(messy), options);
    expect(duplicated.ok).toBe(false);
    if (!duplicated.ok) expect(duplicated.issues[0]?.code).toBe('STREAM_NOT_REPEATABLE');
  });

  for (const [format, text, reader] of [
    ['ndjson', ndjson, readNdjsonRecords],
    ['csv', csv, readCsvRecords],
  ] as const) {
    it(`${format} file: byte-identical to settle on the records read, for chunks cut anywhere`, async () => {
      const read = reader(text);
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      const expected = JSON.stringify(settleWith(contract, read.value.records, { ...options, detail: 'participants' }));
      await fc.assert(
        fc.asyncProperty(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 10 }), async (cuts) => {
          const streamed = await settleStreamWith(contract, { format, chunks: chunked(text, cuts) }, { ...options, detail: 'participants' });
          expect(JSON.stringify(streamed)).toBe(expected);
        }),
        { numRuns: runs(40) },
      );
    });
  }

  it('ndjson file with problems: the settlement of settle, issues as validateRawRecords gives them (with lines)', async () => {
    const text = `${ndjson}not json\n${JSON.stringify(messy[9])}\n${JSON.stringify(messy[10])}\n`;
    const read = readNdjsonRecords(text);
    if (!read.ok) throw new Error('must read');
    const expected = settleWith(contract, read.value.records, options);
    const streamed = await settleStreamWith(contract, { format: 'ndjson', chunks: () => chunked(text, [100, 1000]) }, options);
    expect(expected.ok && streamed.ok).toBe(true);
    if (!expected.ok || !streamed.ok) return;
    const { dataQuality: a, fingerprint: fa, ...restExpected } = expected.value;
    const { dataQuality: b, fingerprint: fb, ...restStreamed } = streamed.value;
    expect(JSON.stringify(restStreamed)).toBe(JSON.stringify(restExpected));
    const context = { cohortIds: new Set(['2023-A', '2023-B']), groupIds: new Set(['rsa', 'ltu', 'youth']) };
    expect(b.issues).toEqual(validateRawRecords(read.value, context, { mode: 'lenient' }).issues);
    expect(b.issues.map((issue) => issue.code)).toContain('NDJSON_LINE_SYNTAX');
    expect(b.issues.filter((issue) => issue.code === 'DUPLICATE_ID').map((issue) => issue.line)).toEqual([2, 4, 11, 12]);
    expect(b.recordsRead).toBe(a.recordsRead + 1);
    expect(b.recordsExcluded).toBe(a.recordsExcluded + 1);
    expect(fb.contract).toBe(fa.contract);
  });

  it('a cut file fails the settlement instead of settling fewer records', async () => {
    const result = await settleStreamWith(contract, { format: 'ndjson', chunks: chunked(`${ndjson}{"id":"P0`) }, options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.code).toBe('NDJSON_TRUNCATED');
  });
});
