/**
 * A spell's optional `sector` and `employer` (issue #16 item 10): read from JSON, NDJSON and CSV
 * alike, refused when empty or not text, absent keys when the record has neither; and the
 * explanation of the worked example of docs/mechanics/sectors-and-groups.md (vector 79), which
 * says why a job did not count.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateRawRecords, validateRecords, type OutcomeRecord } from '../../src/index.js';
import { readCsvRecords, readNdjsonRecords } from '../../src/readers.js';
import { explainParticipant } from '../../src/explain.js';

const context = { cohortIds: new Set(['A']), groupIds: new Set(['women']) };

function valid(raw: unknown[]): readonly OutcomeRecord[] {
  const result = validateRecords(raw, context);
  if (!result.ok) expect.fail(JSON.stringify(result.issues));
  return result.value.records;
}

describe('a spell with a sector and an employer', () => {
  it('keeps them, and a spell without either has neither key', () => {
    const [with_, without] = valid([
      { id: 'P1', cohort: 'A', enrolledOn: '2024-01-15', spells: [{ start: '2024-02-01', sector: '62.01Z', employer: 'member-1' }] },
      { id: 'P2', cohort: 'A', enrolledOn: '2024-01-15', spells: [{ start: '2024-02-01', contractType: 'permanent' }] },
    ]);
    expect(with_?.spells[0]?.sector).toBe('62.01Z');
    expect(with_?.spells[0]?.employer).toBe('member-1');
    expect(Object.keys(without?.spells[0] ?? {})).toEqual(['start', 'end', 'hoursPerWeek', 'contractType', 'monthlyWage']);
  });

  it('gives a spell with only a sector both keys, the employer undefined', () => {
    const [record] = valid([{ id: 'P1', cohort: 'A', enrolledOn: '2024-01-15', spells: [{ start: '2024-02-01', sector: 'F' }] }]);
    const spell = record?.spells[0] ?? {};
    expect(Object.keys(spell)).toEqual(['start', 'end', 'hoursPerWeek', 'contractType', 'monthlyWage', 'sector', 'employer']);
    expect(spell).toMatchObject({ sector: 'F', employer: undefined });
  });

  it('refuses an empty sector and an employer that is not text, at their paths', () => {
    const result = validateRecords(
      [{ id: 'P1', cohort: 'A', enrolledOn: '2024-01-15', spells: [{ start: '2024-02-01', sector: '' }, { start: '2024-03-01', employer: 552100554 }] }],
      context,
    );
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['FIELD_EMPTY', [0, 'spells', 0, 'sector']],
      ['FIELD_TYPE', [0, 'spells', 1, 'employer']],
    ]);
  });

  it('reads them from NDJSON and from CSV columns spell<N>_sector and spell<N>_employer, to the same records as JSON', () => {
    const json = valid([
      { id: 'P1', cohort: 'A', enrolledOn: '2024-01-15', spells: [{ start: '2024-02-01', end: '2024-02-29', sector: '86.10Z', employer: 'member-2' }, { start: '2024-03-04', employer: 'hospital-x' }] },
      { id: 'P2', cohort: 'A', enrolledOn: '2024-01-15', spells: [{ start: '2024-02-01' }] },
    ]);
    const ndjson = readNdjsonRecords(
      '{"id":"P1","cohort":"A","enrolledOn":"2024-01-15","spells":[{"start":"2024-02-01","end":"2024-02-29","sector":"86.10Z","employer":"member-2"},{"start":"2024-03-04","employer":"hospital-x"}]}\n' +
        '{"id":"P2","cohort":"A","enrolledOn":"2024-01-15","spells":[{"start":"2024-02-01"}]}\n',
    );
    const csv = readCsvRecords(
      'id,cohort,enrolledOn,spell1_start,spell1_end,spell1_sector,spell1_employer,spell2_start,spell2_employer\n' +
        'P1,A,2024-01-15,2024-02-01,2024-02-29,86.10Z,member-2,2024-03-04,hospital-x\n' +
        'P2,A,2024-01-15,2024-02-01,,,,,\n',
    );
    for (const read of [ndjson, csv]) {
      if (!read.ok) expect.fail(JSON.stringify(read.issues));
      const result = validateRawRecords(read.value, context);
      if (!result.ok) expect.fail(JSON.stringify(result.issues));
      expect(result.value.records).toEqual(json);
      expect(Object.keys(result.value.records[1]?.spells[0] ?? {})).not.toContain('sector');
    }
  });
});

describe('the explanation of a restricted outcome', () => {
  const vector = JSON.parse(readFileSync('test/vectors/79-outcomes-restricted-to-sectors-employers-groups.json', 'utf8')) as { contract: unknown; records: unknown[] };

  it('says why a job was not counted, and a participant outside the groups fails with NOT_IN_GROUPS', () => {
    const p3 = explainParticipant(vector.contract, vector.records, 'P3', { asOf: '2024-12-31' });
    if (!p3.ok) expect.fail(JSON.stringify(p3.issues));
    const womenTech = p3.value.outcomes.find((o) => o.outcome === 'women-tech');
    expect(womenTech?.status).toBe('failed');
    expect(womenTech?.terms).toContain('in sector 62.01Z or 62.02A; only for participants of group women');
    // the jobs in the window 2024-01-20 to 2024-04-19: the member-2 job from 2024-03-01 (the next starts 2024-06-01)
    expect(womenTech?.spells.map((s) => s.notCounted)).toEqual(['sector 86.10Z, not one of 62.01Z, 62.02A']);
    // the retention with member employers: P3's member-2 job counts; the hospital-x job from 2024-06-01 is a gap (period 2024-03-01 to 2024-09-01)
    const kept = p3.value.outcomes.find((o) => o.outcome === 'member-6m');
    expect(kept).toMatchObject({ status: 'failed', on: '2024-06-01', reason: 'GAP_TOO_LONG' });
    expect(kept?.gaps).toEqual([{ from: '2024-06-01', to: '2024-09-01', days: 93 }]);
    expect(kept?.spells.map((s) => [s.employer, s.notCounted])).toEqual([['member-2', undefined], ['hospital-x', 'employer hospital-x, not one of member-1, member-2']]);

    const p2 = explainParticipant(vector.contract, vector.records, 'P2', { asOf: '2024-12-31' });
    if (!p2.ok) expect.fail(JSON.stringify(p2.issues));
    expect(p2.value.outcomes.find((o) => o.outcome === 'women-tech')).toMatchObject({ status: 'failed', on: '2024-01-15', reason: 'NOT_IN_GROUPS' });

    const p4 = explainParticipant(vector.contract, vector.records, 'P4', { asOf: '2024-12-31' });
    if (!p4.ok) expect.fail(JSON.stringify(p4.issues));
    const shortage = p4.value.outcomes.find((o) => o.outcome === 'shortage-job');
    expect(shortage?.spells).toEqual([{ start: '2024-02-15', end: null, hoursPerWeek: null, contractType: null, monthlyWage: null, notCounted: 'no sector recorded, not one of 43.22A, 86.10Z' }]);
  });
});
