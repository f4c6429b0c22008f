import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanCsvRecord } from '../../src/records/csv-scan.js';
import { readCsvStream } from '../../src/records/read-csv-stream.js';

describe('scanCsvRecord', () => {
  it('reads a plain line by splitting it exactly as the character scanner reads it', () => {
    // lineEnd = -1 tells the scanner there is no LF: it then always reads character by character
    const piece = fc.constantFrom('a', 'b', ',', '"', '""', '\n', '\r', '\r\n', ' ', '2023-A', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }).map((parts) => parts.join('')), fc.nat(24), fc.boolean(), (text, from, atEnd) => {
        const start = Math.min(from, text.length);
        expect(scanCsvRecord(text, start, atEnd)).toEqual(scanCsvRecord(text, start, atEnd, -1));
      }),
      { numRuns: 2000 },
    );
  });

  it('splits a plain line, strips its CRLF, and leaves quoted cells to the character scanner', () => {
    expect(scanCsvRecord('id,cohort\r\nP1,A\n', 0, false)).toEqual({ cells: ['id', 'cohort'], end: 11, breaks: 1 });
    expect(scanCsvRecord('id,cohort\r\nP1,A\n', 11, false)).toEqual({ cells: ['P1', 'A'], end: 16, breaks: 1 });
    expect(scanCsvRecord('a,"b\nc"\nnext', 0, false)).toEqual({ cells: ['a', 'b\nc'], end: 8, breaks: 2 });
  });

  it('a stream with CR-only line ends: every row read, with its line', async () => {
    const text = `id,cohort,enrolledOn\r${'P1,A,2023-01-09\r'.repeat(50_000)}`;
    let records = 0;
    let lastLine = 0;
    for await (const row of readCsvStream(Readable.from([text]))) {
      if (row.kind !== 'record') throw new Error(`unexpected ${row.kind}`);
      records++;
      lastLine = row.line;
    }
    expect(records).toBe(50_000);
    expect(lastLine).toBe(50_001);
  });
});
