import { describe, expect, it } from 'vitest';
import { detectFormat, readCsvRecords, readJsonRecords, readNdjsonRecords, validateRawRecords } from '../../src/records/index.js';
import { CONTEXT } from './fixtures.js';

describe('readJsonRecords', () => {
  it('returns records with the line each starts on', () => {
    const read = readJsonRecords('\uFEFF[\n  {"id": "P1", "note": "a,[{"},\n\n  {"id": "P2"}, 3\n]');
    expect(read.ok && read.value.lines).toEqual([2, 4, 4]);
  });
  it('reports syntax errors and non-arrays', () => {
    const bad = readJsonRecords('[\n{"id": "P1"},\n{"id" "P2"}\n]');
    expect(bad.ok).toBe(false);
    expect(bad.issues?.[0]).toMatchObject({ code: 'JSON_SYNTAX', line: 3, action: 'rejected' });
    expect(readJsonRecords('{"id": "P1"}').issues?.[0]?.code).toBe('JSON_NOT_ARRAY');
  });
});

describe('readNdjsonRecords', () => {
  it('skips blank lines, accepts CRLF, reports a bad line and keeps reading', () => {
    const read = readNdjsonRecords('{"id":"P1"}\r\n\r\nnot json\n{"id":"P2"}\n');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.records).toEqual([{ id: 'P1' }, { id: 'P2' }]);
    expect(read.value.lines).toEqual([1, 4]);
    expect(read.value.issues).toMatchObject([{ code: 'NDJSON_LINE_SYNTAX', line: 3 }]);
  });
  it('fails when the last line is cut mid-record', () => {
    const read = readNdjsonRecords('{"id":"P1"}\n{"id":"P2","coh');
    expect(read.ok).toBe(false);
    expect(read.issues?.[0]).toMatchObject({ code: 'NDJSON_TRUNCATED', line: 2 });
  });
  it('a cut line in the middle is only a bad line', () => {
    const read = readNdjsonRecords('{"id":"P1"\n{"id":"P2"}');
    expect(read.ok && read.value.issues.map((i) => i.code)).toEqual(['NDJSON_LINE_SYNTAX']);
  });
});

describe('readCsvRecords', () => {
  it('maps columns, quoting, BOM, CRLF and multi-line cells', () => {
    const text =
      '\uFEFFid,cohort,groups,enrolledOn,spell2_start,spell2_hours,spell1_start,spell1_wage,wage1_on,wage1_amount,event_training-completed\r\n' +
      'P1,2023-A,rsa; youth,2023-01-09,2023-09-01,17.5,2023-05-02,"1800.00",2023-06-30,1800.00,2023-04-28\r\n' +
      '\r\n' +
      '"P ""2""",2023-B,,2023-01-09,,,,,,,\n' +
      '"P\n3",2023-B,,2023-01-09,,,,,,,\n';
    const read = readCsvRecords(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.lines).toEqual([2, 4, 5]);
    expect(read.value.records[0]).toEqual({
      id: 'P1',
      cohort: '2023-A',
      groups: ['rsa', 'youth'],
      enrolledOn: '2023-01-09',
      spells: [
        { start: '2023-05-02', monthlyWage: '1800.00' },
        { start: '2023-09-01', hoursPerWeek: 17.5 },
      ],
      wages: [{ on: '2023-06-30', monthlyWage: '1800.00' }],
      events: [{ kind: 'training-completed', on: '2023-04-28' }],
    });
    expect(read.value.records[1]).toEqual({ id: 'P "2"', cohort: '2023-B', enrolledOn: '2023-01-09' });
  });
  it('numbered items come in increasing N, numbers without cells skipped (spell 10 after spell 9, not after 1)', () => {
    const text =
      'id,cohort,enrolledOn,spell10_start,spell3_start,spell1_start,spell2_start,wage12_on,wage12_amount,wage2_on,wage2_amount\n' +
      'P1,2023-A,2023-01-09,2024-01-10,2023-03-01,2023-02-01,,2023-12-31,1900.00,2023-06-30,1800.00\n';
    const read = readCsvRecords(text);
    expect(read.ok && read.value.records[0]).toEqual({
      id: 'P1',
      cohort: '2023-A',
      enrolledOn: '2023-01-09',
      spells: [{ start: '2023-02-01' }, { start: '2023-03-01' }, { start: '2024-01-10' }],
      wages: [
        { on: '2023-06-30', monthlyWage: '1800.00' },
        { on: '2023-12-31', monthlyWage: '1900.00' },
      ],
    });
  });

  it('refuses unknown, duplicate and missing columns with the header line', () => {
    const read = readCsvRecords('id,cohort,salary,id\nP1,2023-A,3,P1\n');
    expect(read.ok).toBe(false);
    expect(read.issues?.map((i) => [i.code, i.line])).toEqual([
      ['CSV_UNKNOWN_COLUMN', 1],
      ['CSV_DUPLICATE_COLUMN', 1],
      ['CSV_MISSING_COLUMN', 1],
    ]);
  });
  it('reports a short row and an unclosed quote', () => {
    const read = readCsvRecords('id,cohort,enrolledOn\nP1,2023-A\nP2,2023-A,2023-01-09\n');
    expect(read.ok && read.value.issues.map((i) => [i.code, i.line])).toEqual([['CSV_ROW_LENGTH', 2]]);
    expect(readCsvRecords('id,cohort,enrolledOn\n"P1,2023-A,2023-01-09\n').issues?.[0]?.code).toBe('CSV_SYNTAX');
    expect(readCsvRecords('\n\n').issues?.[0]?.code).toBe('CSV_EMPTY');
  });
  it('keeps amounts as text and a non-numeric hours cell as text for validation to report', () => {
    const read = readCsvRecords('id,cohort,enrolledOn,spell1_start,spell1_hours,baselineWage\nP1,2023-A,2023-01-09,2023-02-01,full,1500.5\n');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.records[0]).toMatchObject({ baselineWage: '1500.5', spells: [{ hoursPerWeek: 'full' }] });
    const result = validateRawRecords(read.value, CONTEXT);
    expect(result.issues.map((i) => [i.code, i.path.join('/'), i.line])).toEqual([['FIELD_TYPE', '0/spells/0/hoursPerWeek', 2]]);
  });
});

describe('validateRawRecords', () => {
  it('lenient: unreadable lines are excluded and reported first', () => {
    const read = readNdjsonRecords('{"id":"P1","cohort":"2023-A","enrolledOn":"2023-01-09"}\n{oops\n{"id":"P3","cohort":"2023-A","enrolledOn":"2023-01-09"}\n');
    if (!read.ok) throw new Error('read failed');
    const lenient = validateRawRecords(read.value, CONTEXT, { mode: 'lenient' });
    expect(lenient.ok && lenient.value.records.map((r) => r.id)).toEqual(['P1', 'P3']);
    expect(lenient.ok && lenient.value.excluded).toEqual([{ line: 2, issues: [expect.objectContaining({ code: 'NDJSON_LINE_SYNTAX', action: 'excluded' })] }]);
    const strict = validateRawRecords(read.value, CONTEXT);
    expect(strict.ok).toBe(false);
    expect(strict.issues[0]).toMatchObject({ code: 'NDJSON_LINE_SYNTAX', action: 'rejected' });
  });
});

describe('detectFormat', () => {
  it('maps extensions case-insensitively', () => {
    expect(['a.json', 'dir.v2/b.NDJSON', 'c.jsonl', 'd.CSV', 'e.xlsx', 'json', '.json', 'dir.csv/file'].map(detectFormat)).toEqual([
      'json', 'ndjson', 'ndjson', 'csv', undefined, undefined, undefined, undefined,
    ]);
  });
});
