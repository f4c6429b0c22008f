import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/calendar/index.js';
import { formatDecimal } from '../../src/money/index.js';
import { validateRecords, type RecordsResult } from '../../src/records/index.js';
import { CONTEXT } from './fixtures.js';

const base = { id: 'P1', cohort: '2023-A', enrolledOn: '2023-01-09' };

function codes(result: RecordsResult): string[] {
  return result.issues.map((issue) => issue.code);
}

describe('validateRecords', () => {
  it('parses a full valid record, filling defaults and sorting lists', () => {
    const result = validateRecords(
      [
        {
          ...base,
          groups: ['rsa', 'youth'],
          exitedOn: '2023-04-28',
          baselineWage: '1500',
          spells: [
            { start: '2023-11-01', hoursPerWeek: 35, monthlyWage: '1900.00' },
            { start: '2023-05-02', end: '2023-10-31', hoursPerWeek: 24.5, contractType: 'fixed-term', monthlyWage: '1400.5' },
          ],
          wages: [{ on: '2024-01-31', monthlyWage: '1950.00' }],
          events: [{ kind: 'training-completed', on: '2023-04-28' }],
        },
        { ...base, id: 'P2' },
      ],
      CONTEXT,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.issues).toEqual([]);
    const [full, minimal] = result.value.records;
    expect(full?.spells.map((s) => formatDate(s.start))).toEqual(['2023-05-02', '2023-11-01']);
    expect(full?.spells[0]?.monthlyWage?.toFixed(2)).toBe('1400.50');
    expect(full?.baselineWage === undefined ? '' : formatDecimal(full.baselineWage)).toBe('1500');
    expect(minimal).toMatchObject({ id: 'P2', groups: [], spells: [], wages: [], events: [] });
    // every key present, undefined when absent (never read through Object.prototype)
    expect(minimal !== undefined && Object.hasOwn(minimal, 'exitedOn') && minimal.exitedOn === undefined).toBe(true);
  });

  it('strict mode refuses the whole input and lists every issue', () => {
    const result = validateRecords(
      [base, { ...base, id: 'P2', cohort: 'nope', baselineWage: 1500.5 }, { ...base, id: 'P3', enrolledOn: '2023-02-29' }],
      CONTEXT,
    );
    expect(result.ok).toBe(false);
    // shape problems stop meaning checks: P2 reports only its wage written as a number, not its cohort
    expect(codes(result)).toEqual(['AMOUNT_NOT_STRING', 'DATE_IMPOSSIBLE']);
    expect(result.issues.map((i) => [i.recordIndex, i.participantId, i.action])).toEqual([
      [1, 'P2', 'rejected'],
      [2, 'P3', 'rejected'],
    ]);
    expect(result.issues[0]?.path).toEqual([1, 'baselineWage']);
  });

  it('lenient mode keeps valid records and reports excluded ones', () => {
    const result = validateRecords([base, { ...base, id: 'P2', cohort: 'nope' }], CONTEXT, { mode: 'lenient', lines: [2, 3] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.records.map((r) => r.id)).toEqual(['P1']);
    expect(result.value.excluded).toHaveLength(1);
    expect(result.value.excluded[0]).toMatchObject({ recordIndex: 1, participantId: 'P2', line: 3 });
    expect(result.issues[0]).toMatchObject({ code: 'COHORT_UNKNOWN', path: [1, 'cohort'], line: 3, action: 'excluded' });
    expect(result.issues[0]?.message).toContain('"nope"');
  });

  it('excludes every record sharing an id, naming the others', () => {
    const result = validateRecords([base, { ...base, id: 'P2' }, base], CONTEXT, { mode: 'lenient' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.records.map((r) => r.id)).toEqual(['P2']);
    expect(result.issues.map((i) => [i.code, i.recordIndex])).toEqual([
      ['DUPLICATE_ID', 0],
      ['DUPLICATE_ID', 2],
    ]);
    expect(result.issues[0]?.message).toContain('record 2');
  });

  it('reports meaning problems with their paths', () => {
    const result = validateRecords(
      [
        {
          ...base,
          groups: ['rsa', 'rsa', 'vip'],
          exitedOn: '2023-01-08',
          spells: [
            { start: '2023-01-01', end: '2023-03-31' },
            { start: '2023-03-31' },
            { start: '2023-06-01', end: '2023-05-01' },
          ],
          wages: [{ on: '2022-12-31', monthlyWage: '0' }],
          events: [{ kind: 'training-completed', on: '2023-01-08' }],
        },
      ],
      CONTEXT,
    );
    expect(result.issues.map((i) => [i.code, i.path.join('/')])).toEqual([
      ['GROUP_DUPLICATE', '0/groups/1'],
      ['GROUP_UNKNOWN', '0/groups/2'],
      ['EXIT_BEFORE_ENROLMENT', '0/exitedOn'],
      ['SPELL_BEFORE_ENROLMENT', '0/spells/0/start'],
      ['SPELL_END_BEFORE_START', '0/spells/2/end'],
      // spells[1] starts on the last day of spells[0] (ends are inclusive); spells[2] is inside the open spells[1]
      // but its end is before its start, so only SPELL_END_BEFORE_START is reported for it
      ['SPELLS_OVERLAP', '0/spells/1/start'],
      ['WAGE_BEFORE_ENROLMENT', '0/wages/0/on'],
      ['EVENT_BEFORE_ENROLMENT', '0/events/0/on'],
    ]);
  });

  it('refuses forbidden keys at any depth, also from JSON.parse', () => {
    const raw: unknown[] = JSON.parse(
      '[{"id":"P1","cohort":"2023-A","enrolledOn":"2023-01-09","__proto__":{"x":1}},' +
        '{"id":"P2","cohort":"2023-A","enrolledOn":"2023-01-09","spells":[{"start":"2023-02-01","constructor":1}]}]',
    ) as unknown[];
    const result = validateRecords(raw, CONTEXT);
    expect(result.issues.map((i) => [i.code, i.path.join('/')])).toEqual([
      ['FORBIDDEN_KEY', '0/__proto__'],
      ['FORBIDDEN_KEY', '1/spells/0/constructor'],
    ]);
  });

  it('never throws on hostile values', () => {
    const values: unknown[] = [null, 1, 'x', [], { id: 5 }, { id: 'P', spells: 'no' }, { id: 'P', spells: [null] }, { id: 'P', events: [{ kind: 'A B', on: 1 }] }];
    const result = validateRecords(values, CONTEXT, { mode: 'lenient' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.excluded).toHaveLength(values.length);
  });
});
