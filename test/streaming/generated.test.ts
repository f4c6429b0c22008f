/**
 * Streaming equals whole-file settlement on generated contracts and records: the same records
 * written as NDJSON and as CSV text (keys and columns in any order, numbered columns with gaps,
 * quoted cells, CRLF, blank lines, a byte-order mark), cut into chunks anywhere, settle to the very
 * document `settle` gives for the records themselves, and for each file read whole.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RawRecords } from '../../src/index.js';
import { readCsvRecords, readNdjsonRecords } from '../../src/readers.js';
import { oneEventPerKind, recordsToCsv, recordsToNdjson, type TextLayout } from '../records/write-text.js';
import { runs } from '../runs.js';
import { scenarioArbitrary } from '../settlement/arbitraries/index.js';
import { scenarioOptions, settleScenario, settleStreamWith } from '../settlement/settle-helper.js';
import { chunked } from './fixtures.js';

const layout: fc.Arbitrary<TextLayout> = fc.record({
  rank: fc.array(fc.nat({ max: 50 }), { minLength: 1, maxLength: 40 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  blankLines: fc.boolean(),
  sparseNumbers: fc.boolean(),
  decorate: fc.boolean(),
});

function read(result: ReturnType<typeof readCsvRecords>): RawRecords {
  if (!result.ok) expect.fail(`read failed: ${JSON.stringify(result.issues.slice(0, 2))}`);
  expect(result.value.issues).toEqual([]);
  return result.value;
}

describe('streaming on generated contracts and records', () => {
  it('NDJSON and CSV text of the same records, read whole or streamed in random chunks, settle to the document of the records', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioArbitrary({ maxRecords: 10 }),
        layout,
        layout,
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.constantFrom('totals' as const, 'participants' as const),
        async (drawn, ndjsonLayout, csvLayout, cutsAt, detail) => {
          const scenario = { ...drawn, records: drawn.records.map(oneEventPerKind) };
          const expected = settleScenario(scenario, { detail });
          const expectedOf = { ndjson: expected, csv: expected };
          expect(expected.ok).toBe(true);
          const text = { ndjson: recordsToNdjson(scenario.records, ndjsonLayout), csv: recordsToCsv(scenario.records, csvLayout) };
          const whole = {
            ndjson: settleScenario(scenario, { detail }, read(readNdjsonRecords(text.ndjson))),
            csv: settleScenario(scenario, { detail }, read(readCsvRecords(text.csv))),
          };
          const options = scenarioOptions(scenario, { detail });
          for (const format of ['ndjson', 'csv'] as const) {
            const cuts = cutsAt.map((n) => n % (text[format].length + 1));
            const streamed = await settleStreamWith(scenario.contract, { format, chunks: () => chunked(text[format], cuts) }, options);
            expect(JSON.stringify(whole[format]), `${format} read whole`).toBe(JSON.stringify(expectedOf[format]));
            expect(JSON.stringify(streamed), `${format} streamed`).toBe(JSON.stringify(expectedOf[format]));
          }
        },
      ),
      { numRuns: runs(40) },
    );
  });
});
