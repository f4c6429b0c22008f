/**
 * What a records file is, as text: line ends, encodings, strict JSON, sizes. Every rule holds the
 * same for the whole-file readers (what `validate` and `settle` on a .json file use) and the
 * stream readers (what `settle` on an .ndjson or .csv file uses), however the input is cut.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settle, type RawRecords, type Result, type StreamRow } from '../../src/index.js';
import { readCsvRecords, readJsonRecords, readNdjsonRecords, readRecords } from '../../src/readers.js';
import { readCsvStream, readNdjsonStream, settleStream } from '../../src/streaming.js';
import { MAX_FIELD_CHARS, MAX_ID_CHARS, MAX_RECORD_CHARS } from '../../src/records/reader-limits.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const sample = {
  json: readFileSync('examples/records/sample.json', 'utf8'),
  ndjson: readFileSync('examples/records/sample.ndjson', 'utf8'),
  csv: readFileSync('examples/records/sample.csv', 'utf8'),
};
const regionSud = {
  contract: JSON.parse(readFileSync('examples/region-sud/contract.json', 'utf8')) as unknown,
  ndjson: readFileSync('examples/region-sud/records.ndjson', 'utf8'),
  csv: readFileSync('examples/region-sud/records.csv', 'utf8'),
  expected: readFileSync('examples/region-sud/expected-settlement.json', 'utf8'),
};
// these files are mostly faults: every excluded record is accepted, to see each reported
const AS_OF = { asOf: '2025-06-30', maxExcluded: '100%' } as const;

/** The input cut into pieces of `size` (text or bytes), arriving asynchronously. */
async function* pieces<T extends string | Uint8Array>(input: T, size: number): AsyncGenerator<T> {
  for (let at = 0; at < input.length; at += size) yield await Promise.resolve(input.slice(at, at + size) as T);
  if (input.length === 0) yield input;
}

/** The input cut at the given offsets. */
async function* cutAt<T extends string | Uint8Array>(input: T, cuts: readonly number[]): AsyncGenerator<T> {
  let at = 0;
  for (const cut of [...cuts, input.length].sort((a, b) => a - b)) {
    if (cut < at) continue;
    yield await Promise.resolve(input.slice(at, cut) as T);
    at = cut;
  }
}

/** A stream's rows as the whole-file reader's result. */
async function streamed(format: 'ndjson' | 'csv', chunks: AsyncIterable<string | Uint8Array>): Promise<Result<RawRecords>> {
  const records: unknown[] = [];
  const lines: number[] = [];
  const issues: StreamRow[] = [];
  for await (const row of format === 'csv' ? readCsvStream(chunks) : readNdjsonStream(chunks)) {
    if (row.kind === 'fatal') return { ok: false, issues: row.issues };
    if (row.kind === 'unreadable') issues.push(row);
    else {
      records.push(row.record);
      lines.push(row.line);
    }
  }
  return { ok: true, value: { records, lines, issues: issues.map((row) => (row.kind === 'unreadable' ? row.issue : undefined)).filter((i) => i !== undefined) } };
}

/** The text with its line ends replaced, in turn, by the given ones. */
function withLineEnds(text: string, ends: readonly string[]): string {
  let k = 0;
  return text.replace(/\r\n|\r|\n/g, () => ends[k++ % ends.length] ?? '\n');
}

// mixed: never a CR before an LF, which would make one CRLF of two line ends
const LINE_ENDS = [['\n'], ['\r\n'], ['\r'], ['\n', '\r', '\r\n']] as const;

describe('line ends: LF, CRLF and a lone CR each end one line, in every format, whole and streamed', () => {
  for (const format of ['json', 'ndjson', 'csv'] as const) {
    it(`${format}: the same records on the same lines with any line ends (and mixed ones)`, async () => {
      const reference = readRecords(sample[format], format);
      expect(reference.ok).toBe(true);
      if (!reference.ok) return;
      expect(reference.value.records.length).toBe(9);
      for (const ends of LINE_ENDS) {
        const text = withLineEnds(sample[format], ends);
        expect(readRecords(text, format)).toEqual(reference);
        if (format === 'json') continue;
        await fc.assert(
          fc.asyncProperty(fc.array(fc.nat({ max: text.length }), { maxLength: 8 }), async (cuts) => {
            expect(await streamed(format, cutAt(text, cuts))).toEqual(reference);
          }),
          { numRuns: 30 },
        );
      }
    });
  }

  it('the issue: region-sud with CR or mixed line ends settles as with LF (94 records read, 113960.00 due)', async () => {
    const expected = JSON.parse(regionSud.expected) as { totals: { due: string }; dataQuality: { recordsRead: number } };
    expect([expected.totals.due, expected.dataQuality.recordsRead]).toEqual(['113960.00', 94]);
    for (const format of ['ndjson', 'csv'] as const) {
      const settled: string[] = [];
      for (const ends of LINE_ENDS) {
        const text = withLineEnds(regionSud[format], ends);
        const result = await settleStream(regionSud.contract, { format, chunks: () => pieces(utf8(text), 4096) }, AS_OF);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.value.dataQuality.recordsRead).toBe(94);
        expect(result.value.totals).toEqual(expected.totals);
        settled.push(JSON.stringify(result.value)); // issues with their lines: the same lines too
      }
      expect(new Set(settled).size).toBe(1);
    }
  });

  it('a syntax error is on the same line with any line ends, in JSON, NDJSON and CSV', async () => {
    const bad = {
      json: '[\n{"id":"P1"},\n{"id":"P2",}\n]',
      ndjson: '{"id":"P1"}\n\n{"id":"P2",}\n{"id":"P3"}\n',
      csv: 'id,cohort,enrolledOn\nP1,A,2023-01-09\n\nP2,A,"2023\n-01-09"x\n',
    };
    for (const ends of LINE_ENDS) {
      expect(readJsonRecords(withLineEnds(bad.json, ends))).toMatchObject({ ok: false, issues: [{ code: 'JSON_SYNTAX', line: 3 }] });
      const ndjson = withLineEnds(bad.ndjson, ends);
      expect(readNdjsonRecords(ndjson)).toMatchObject({ ok: true, value: { lines: [1, 4], issues: [{ code: 'NDJSON_LINE_SYNTAX', line: 3 }] } });
      expect(await streamed('ndjson', pieces(ndjson, 3))).toEqual(readNdjsonRecords(ndjson));
      // the text after the closing quote is on line 5 (the quoted cell holds a line break)
      const csv = withLineEnds(bad.csv, ends);
      expect(readCsvRecords(csv)).toMatchObject({ ok: false, issues: [{ code: 'CSV_SYNTAX', line: 5 }] });
      expect(await streamed('csv', pieces(csv, 3))).toEqual(readCsvRecords(csv));
    }
  });
});

describe('encodings: bytes are decoded as UTF-8, strictly', () => {
  // line 1: {"id":"P1"}\n (12 bytes); line 2 starts at byte 12, its "é" is byte 12 + 8 = 20
  const latin1 = new Uint8Array([...utf8('{"id":"P1"}\n{"id":"P'), 0xe9, ...utf8('"}\n{"id":"P'), 0xfc, ...utf8('"}\n')]);
  const latin1Csv = new Uint8Array([...utf8('id,cohort,enrolledOn\r\nP1,2023-A,2023-01-09\r\nP'), 0xe9, ...utf8(',2023-A,2023-01-09\r\n')]);

  it('the issue: two Latin-1 ids are refused at the first bad byte, with its line and byte offset, not merged into one U+FFFD', async () => {
    const issue = {
      code: 'TEXT_NOT_UTF8',
      path: [],
      line: 2,
      action: 'rejected',
      message: 'line 2, byte offset 20: byte 0xE9 is not valid UTF-8 (save the file as UTF-8; was it Latin-1 or Windows-1252?)',
    };
    expect(readNdjsonRecords(latin1)).toEqual({ ok: false, issues: [issue] });
    for (const size of [1, 5, 20, 21, 4096]) expect(await streamed('ndjson', pieces(latin1, size))).toEqual({ ok: false, issues: [issue] });
    // CSV: lines 1 and 2 are 20 + 2 and 20 + 2 bytes, so line 3 starts at byte 44, its "é" is byte 45
    const csvIssue = { ...issue, line: 3, message: issue.message.replace('line 2, byte offset 20', 'line 3, byte offset 45') };
    expect(readCsvRecords(latin1Csv)).toEqual({ ok: false, issues: [csvIssue] });
    for (const size of [1, 7, 4096]) expect(await streamed('csv', pieces(latin1Csv, size))).toEqual({ ok: false, issues: [csvIssue] });
    expect(readJsonRecords(new Uint8Array([...utf8('[\n{"id":"P'), 0xe9, ...utf8('"}]')]))).toMatchObject({ ok: false, issues: [{ code: 'TEXT_NOT_UTF8', line: 2 }] });
  });

  it('a settlement of Latin-1 bytes fails, streamed or whole, instead of excluding both ids as duplicates', async () => {
    const text = regionSud.ndjson.replace('"RS-0001"', '"RS-P\u00e9"').replace('"RS-0002"', '"RS-P\u00fc"');
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0)); // Latin-1: one byte per character
    const result = await settleStream(regionSud.contract, { format: 'ndjson', chunks: () => pieces(bytes, 1000) }, AS_OF);
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'TEXT_NOT_UTF8', line: 1 }] });
    expect(readRecords(bytes, 'ndjson')).toMatchObject({ ok: false, issues: [{ code: 'TEXT_NOT_UTF8', line: 1 }] });
  });

  it('UTF-16 and UTF-32 give one issue naming the encoding, not a syntax error per line', async () => {
    const utf16le = (text: string): Uint8Array => {
      const out = new Uint8Array(2 + text.length * 2);
      out.set([0xff, 0xfe]);
      for (let k = 0; k < text.length; k++) out.set([text.charCodeAt(k) & 0xff, text.charCodeAt(k) >> 8], 2 + 2 * k);
      return out;
    };
    const bytes = utf16le(regionSud.ndjson);
    const expected = {
      ok: false,
      issues: [{ code: 'TEXT_ENCODING_UNSUPPORTED', path: [], action: 'rejected', message: 'the text is UTF-16LE (byte-order mark FF FE), not UTF-8: save the file as UTF-8' }],
    };
    expect(readNdjsonRecords(bytes)).toEqual(expected);
    expect(await streamed('ndjson', pieces(bytes, 1))).toEqual(expected);
    const result = await settleStream(regionSud.contract, { format: 'ndjson', chunks: () => pieces(bytes, 4096) }, AS_OF);
    expect(result).toEqual({ ok: false, issues: expected.issues });
    // without a byte-order mark: the NUL bytes give it away
    expect(readCsvRecords(bytes.slice(2))).toMatchObject({ ok: false, issues: [{ code: 'TEXT_ENCODING_UNSUPPORTED' }] });
    expect(readJsonRecords(new Uint8Array([0, 0, 0xfe, 0xff, 0, 0, 0, 0x5b]))).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining('UTF-32BE') as unknown }] });
  });

  it('a UTF-8 byte-order mark is skipped in all three formats, as bytes and as text', () => {
    for (const format of ['json', 'ndjson', 'csv'] as const) {
      const reference = readRecords(sample[format], format);
      expect(readRecords(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(sample[format])]), format)).toEqual(reference);
      expect(readRecords(`\uFEFF${sample[format]}`, format)).toEqual(reference);
    }
  });
});

describe('strict JSON in records: nothing that JSON.parse would silently change is read', () => {
  const line = (record: string): string => `${regionSud.ndjson.split('\n')[0] ?? ''}\n${record}\n`;
  const cases = [
    ['a wage with more digits than a double holds', '{"id":"X1","cohort":"2023-A","enrolledOn":"2023-04-12","baselineWage":1000.00000000000001}', 'JSON_NUMBER_INEXACT', ['baselineWage']],
    ['hours a double cannot hold', '{"id":"X1","cohort":"2023-A","enrolledOn":"2023-04-12","spells":[{"start":"2023-05-01","hoursPerWeek":35.000000000000001}]}', 'JSON_NUMBER_INEXACT', ['spells', 0, 'hoursPerWeek']],
    ['an id given twice', '{"id":"X1","cohort":"2023-A","enrolledOn":"2023-04-12","id":"X2"}', 'JSON_DUPLICATE_KEY', ['id']],
    ['a wage given twice', '{"id":"X1","cohort":"2023-A","enrolledOn":"2023-04-12","wages":[{"on":"2023-05-31","monthlyWage":"1800.00","monthlyWage":"9000.00"}]}', 'JSON_DUPLICATE_KEY', ['wages', 0, 'monthlyWage']],
  ] as const;

  for (const [what, record, code, path] of cases) {
    it(`NDJSON, ${what}: the line is excluded with ${code}, streamed (fast path) and whole alike`, async () => {
      const text = line(record);
      const whole = readNdjsonRecords(text);
      expect(whole).toMatchObject({ ok: true, value: { lines: [1], issues: [{ code, path, line: 2, action: 'excluded' }] } });
      expect(await streamed('ndjson', pieces(text, 7))).toEqual(whole);
      if (!whole.ok) return;
      // streamed, the line goes through the NDJSON fast path first: it must decline it
      const viaStream = await settleStream(regionSud.contract, { format: 'ndjson', chunks: () => pieces(utf8(text), 64) }, AS_OF);
      const viaWhole = settle(regionSud.contract, whole.value.records, AS_OF);
      expect(viaStream.ok && viaWhole.ok).toBe(true);
      if (!viaStream.ok || !viaWhole.ok) return;
      expect(viaStream.value.dataQuality.issues.map((issue) => [issue.code, issue.line])).toEqual([[code, 2]]);
      expect(viaStream.value.dataQuality.recordsSettled).toBe(1);
      expect(viaStream.value.totals).toEqual(viaWhole.value.totals);
    });
  }

  it('CSV: hours that a double cannot hold stay text (FIELD_TYPE), never rounded, streamed (fast path) and whole alike', async () => {
    const text = 'id,cohort,enrolledOn,spell1_start,spell1_hours\nX1,2023-A,2023-04-12,2023-05-01,34.9999999999999999\nX2,2023-A,2023-04-12,2023-05-01,34.99\n';
    const whole = readCsvRecords(text);
    expect(whole.ok && whole.value.records.map((record) => (record as { spells: { hoursPerWeek: unknown }[] }).spells[0]?.hoursPerWeek)).toEqual(['34.9999999999999999', 34.99]);
    if (!whole.ok) return;
    const viaStream = await settleStream(regionSud.contract, { format: 'csv', chunks: () => pieces(utf8(text), 16) }, AS_OF);
    const viaWhole = settle(regionSud.contract, whole.value.records, AS_OF);
    expect(viaStream.ok && viaStream.value.dataQuality.issues.map((issue) => [issue.code, issue.path, issue.line])).toEqual([['FIELD_TYPE', [0, 'spells', 0, 'hoursPerWeek'], 2]]);
    expect(viaStream.ok && viaWhole.ok && viaStream.value.totals).toEqual(viaWhole.ok && viaWhole.value.totals);
  });

  it('a JSON array file with such a value is refused as a whole, each problem with its path and line', () => {
    const text = `[\n${cases.map(([, record]) => record).join(',\n')}\n]`;
    const read = readJsonRecords(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.map((issue) => [issue.code, issue.path, issue.line])).toEqual(cases.map(([, , code, path], k) => [code, [k, ...path], k + 2]));
  });
});

/**
 * The characters String.prototype.indexOf looks at while `run` runs: the work of every native
 * search of the readers, to tell a reader that searches each character once from one that
 * searches the text it holds again for each chunk.
 */
async function searchedChars(run: () => Promise<unknown>): Promise<number> {
  const indexOf = String.prototype.indexOf; // eslint-disable-line @typescript-eslint/unbound-method
  let searched = 0;
  String.prototype.indexOf = function (this: string, search: string, from?: number): number {
    const found = indexOf.call(this, search, from);
    searched += (found < 0 ? this.length : found + 1) - Math.max(0, from ?? 0);
    return found;
  };
  try {
    await run();
  } finally {
    String.prototype.indexOf = indexOf;
  }
  return searched;
}

describe('long lines: linear work and size limits', () => {
  const longCsv = (cell: string) => `id,cohort,enrolledOn,exitedOn\nP1,2023-A,2023-01-09,${cell}\nP2,2023-A,2023-01-09,\n`;
  const drain = async (rows: AsyncIterable<StreamRow>): Promise<StreamRow[]> => {
    const out: StreamRow[] = [];
    for await (const row of rows) out.push(row);
    return out;
  };

  it('a line of 600,000 characters in chunks of 1,000: each character is searched a bounded number of times', async () => {
    const filler = 'x'.repeat(600_000);
    const inputs = [
      ['ndjson', `{"id":"P1","cohort":"2023-A","enrolledOn":"2023-01-09","exitedOn":"${filler}"}\n{"id":"P2"}\n`],
      ['csv', longCsv(filler)],
      ['csv', longCsv(`"${filler}\n${filler.slice(0, 100)}"`)],
    ] as const;
    for (const [format, text] of inputs) {
      let rows: StreamRow[] = [];
      const searched = await searchedChars(async () => {
        rows = await drain(format === 'csv' ? readCsvStream(pieces(text, 1000)) : readNdjsonStream(pieces(text, 1000)));
      });
      // LF, CR and quote are each searched for once per character at most; the JSON of the line is walked apart
      expect(searched).toBeLessThan(4 * text.length);
      // the long value itself is beyond MAX_FIELD_CHARS: that row cannot be read, the next one is
      expect(rows.map((row) => (row.kind === 'unreadable' ? row.issue.code : row.kind))).toEqual(['TEXT_TOO_LONG', 'record']);
    }
  });

  it('a record longer than MAX_RECORD_CHARS is excluded (RECORD_TOO_LONG) and the next one is read, on its line', async () => {
    const filler = 'x'.repeat(MAX_RECORD_CHARS);
    const inputs = [
      ['ndjson', `{"id":"P0"}\n{"id":"P1","exitedOn":"${filler}"}\n\n{"id":"P2"}\n`, [1, 4], 2],
      ['csv', `id,cohort,enrolledOn\nP0,A,2023-01-09\nP1,${filler},2023-01-09\n\nP2,A,2023-01-09\n`, [2, 5], 3],
      // a quoted cell holding a line break: P2 is one line further down
      ['csv', `id,cohort,enrolledOn\nP0,A,2023-01-09\nP1,"${filler.slice(100)}\n${filler.slice(0, 200)}",2023-01-09\n\nP2,A,2023-01-09\n`, [2, 6], 3],
    ] as const;
    for (const [format, text, lines, line] of inputs) {
      const whole = readRecords(text, format);
      expect(whole).toMatchObject({ ok: true, value: { lines, issues: [{ code: 'RECORD_TOO_LONG', line }] } });
      expect(await streamed(format, pieces(text, 65_536))).toEqual(whole);
    }
    const json = readJsonRecords(`[{"id":"P0"},\n{"id":"P1","exitedOn":"${filler}"}]`);
    expect(json).toMatchObject({ ok: false, issues: [{ code: 'TEXT_TOO_LONG', path: [1, 'exitedOn'], line: 2 }, { code: 'RECORD_TOO_LONG', path: [1], line: 2 }] });
  });

  it('the issue: a CSV cell of 50 MB is read in bounded time and memory, as RECORD_TOO_LONG', async () => {
    const text = longCsv('y'.repeat(50_000_000));
    const started = performance.now();
    const rows = await drain(readCsvStream(pieces(text, 65_536)));
    expect(rows.map((row) => (row.kind === 'unreadable' ? row.issue.code : row.kind))).toEqual(['RECORD_TOO_LONG', 'record']);
    expect(performance.now() - started).toBeLessThan(20_000); // minutes before; about a second here
  });

  it('texts over MAX_FIELD_CHARS (TEXT_TOO_LONG) and ids over MAX_ID_CHARS (ID_TOO_LONG) are excluded, whole and streamed', async () => {
    const long = 'z'.repeat(MAX_FIELD_CHARS + 1);
    const id = 'P'.repeat(MAX_ID_CHARS + 1);
    const inputs = [
      ['ndjson', `{"id":"P0","cohort":"${long}"}\n{"id":"${id}"}\n{"id":"${id.slice(1)}"}\n`, [['TEXT_TOO_LONG', ['cohort'], 1], ['ID_TOO_LONG', ['id'], 2]]],
      ['csv', `id,cohort,enrolledOn\nP0,${long},2023-01-09\n${id},A,2023-01-09\n${id.slice(1)},A,2023-01-09\n`, [['TEXT_TOO_LONG', ['cohort'], 2], ['ID_TOO_LONG', ['id'], 3]]],
    ] as const;
    for (const [format, text, expected] of inputs) {
      const whole = readRecords(text, format);
      expect(whole.ok && whole.value.issues.map((issue) => [issue.code, issue.path, issue.line])).toEqual(expected);
      expect(whole.ok && whole.value.records).toEqual([format === 'csv' ? { id: id.slice(1), cohort: 'A', enrolledOn: '2023-01-09' } : { id: id.slice(1) }]);
      expect(await streamed(format, pieces(text, 100))).toEqual(whole);
    }
    expect(readJsonRecords(`[{"id":"${id}"}]`)).toMatchObject({ ok: false, issues: [{ code: 'ID_TOO_LONG', path: [0, 'id'], line: 1 }] });
  });
});

describe('CSV errors: the same line whole (validate) and streamed (settle)', () => {
  it('the issue: an unclosed quote is reported on the line it opens, not at the end of the file', async () => {
    const lines = regionSud.csv.split('\n');
    lines[6] = (lines[6] ?? '').replace(',rsa,', ',"rsa,'); // line 7; the file has no other quote
    const text = lines.join('\n');
    const expected = { ok: false, issues: [{ code: 'CSV_SYNTAX', line: 7 }] };
    expect(readCsvRecords(text)).toMatchObject(expected);
    expect(await streamed('csv', pieces(text, 4096))).toMatchObject(expected);
    const result = await settleStream(regionSud.contract, { format: 'csv', chunks: () => pieces(text, 4096) }, AS_OF);
    expect(result).toMatchObject(expected);
  });
});
