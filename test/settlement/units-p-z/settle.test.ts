/**
 * settle (src/settlement/settle.ts) around the engine, for the mutants of the 2026-12-07 run that
 * survived: records that are not an array are refused with that one issue, and the records read
 * count the lines a reader could not read as well as the records it returned.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settle } from '../../../src/index.js';
import { readNdjsonRecords } from '../../../src/readers.js';

const minimal: unknown = JSON.parse(readFileSync('test/corpus/contracts/bases/minimal.json', 'utf8'));
const record = (id: string) => ({ id, cohort: '2024-A', enrolledOn: '2024-01-02', spells: [{ start: '2024-02-01' }] });

describe('settle: the records argument', () => {
  it('records that are neither an array nor what a reader returned: RECORDS_NOT_ARRAY alone', () => {
    const result = settle(minimal, 42 as never, { asOf: '2025-06-30' });
    expect(result.ok).toBe(false);
    expect((result.issues ?? []).map((issue) => [issue.code, issue.message])).toEqual([
      ['RECORDS_NOT_ARRAY', 'the records must be an array of records, or what a records reader returned (its value: { records, lines, issues }), not the number 42'],
    ]);
  });

  it('records read = the records a reader returned + the lines it could not read', () => {
    const text = `${JSON.stringify(record('P1'))}\nnot json\n${JSON.stringify(record('P2'))}\n`;
    const read = readNdjsonRecords(text);
    if (!read.ok) throw new Error('not read');
    expect([read.value.records.length, read.value.issues.length]).toEqual([2, 1]);
    const result = settle(minimal, read.value, { asOf: '2025-06-30', records: 'lenient', maxExcluded: 1 });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    // 2 records + 1 unreadable line = 3 read; both records settled, so 3 - 2 = 1 excluded
    expect(result.value.dataQuality).toMatchObject({ recordsRead: 3, recordsSettled: 2 });
  });
});
