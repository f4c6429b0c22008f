import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitCsvRecord } from '../../src/records/csv-scan.js';
import { readCsvStream } from '../../src/streaming/read-csv-stream.js';

describe('splitCsvRecord', () => {
  it('splits a record without quotes exactly as a native split on commas', () => {
    const piece = fc.constantFrom('a', 'b', ',', ' ', '2023-A', 'é', '\t');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }).map((parts) => parts.join('')), (text) => {
        expect(splitCsvRecord(`x\n${text}\ny`, 2, 2 + text.length)).toEqual({ cells: text.split(',') });
      }),
      { numRuns: 1000 },
    );
  });

  it('reads quoted cells (commas, doubled quotes, line breaks) and gives the line of a problem', () => {
    const split = (text: string) => splitCsvRecord(text, 0, text.length);
    expect(split('a,"b\r\nc",""""')).toEqual({ cells: ['a', 'b\r\nc', '"'] });
    expect(split('a,"b\nc"x')).toEqual({ error: 'unexpected text after the closing quote of cell 2', breaks: 1 });
    expect(split('a,"b\r\nc\rd')).toEqual({
      error: 'a quoted cell opened in cell 2 is not closed before the end of the text (the file may be cut)',
      breaks: 0,
    });
    expect(split('a,"x\ny",b"c')).toEqual({ error: 'a quote inside unquoted cell 3: quote the whole cell and double the quote ("")', breaks: 1 });
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
