/**
 * A record's optional `earnings` (issue #16 item 3): read from JSON and NDJSON alike (fast paths and
 * full checks), sorted by period end then start, refused when a period ends before it starts or an
 * amount is a number, no key when the record has none (nor when the list is empty), refused by CSV
 * with a message saying so; and the explanation of the worked example of
 * docs/mechanics/earnings-threshold.md (vector 95): the threshold arithmetic and each observation.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateRawRecords, validateRecords, type OutcomeRecord } from '../../src/index.js';
import { readCsvRecords, readNdjsonRecords } from '../../src/readers.js';
import { explainParticipant } from '../../src/explain.js';
import { createAmountCache } from '../../src/records/amount-cache.js';
import { fastRecord } from '../../src/records/fast-record.js';
import { createNdjsonTypedReader } from '../../src/records/ndjson-typed-line.js';
import { recordEvidenceText } from '../../src/settlement/records-evidence.js';
import { fullChecks } from './full-checks.js';

const context = { cohortIds: new Set(['A']), groupIds: new Set<string>() };

function valid(raw: unknown[]): readonly OutcomeRecord[] {
  const result = validateRecords(raw, context);
  if (!result.ok) expect.fail(JSON.stringify(result.issues));
  return result.value.records;
}

const P1 = {
  id: 'P1', cohort: 'A', enrolledOn: '2024-01-15',
  earnings: [{ from: '2024-01-01', to: '2024-01-31', amount: '1450.00' }, { from: '2024-02-01', to: '2024-02-29', amount: '1500.5' }],
};

describe('earnings on a record', () => {
  it('keeps them as exact amounts and dates; a record without earnings (or with an empty list) has no earnings key', () => {
    const [with_, without, empty] = valid([P1, { id: 'P2', cohort: 'A', enrolledOn: '2024-01-15' }, { id: 'P3', cohort: 'A', enrolledOn: '2024-01-15', earnings: [] }]);
    expect(with_?.earnings?.map((e) => e.amount.toFixed())).toEqual(['1450', '1500.5']);
    expect(Object.keys(without ?? {})).toEqual(['id', 'cohort', 'groups', 'enrolledOn', 'spells', 'wages', 'events', 'exitedOn', 'baselineWage']);
    expect(Object.keys(empty ?? {})).not.toContain('earnings');
    expect(recordEvidenceText(without as OutcomeRecord)).not.toContain('earnings');
    expect(recordEvidenceText(with_ as OutcomeRecord)).toContain('"earnings":[{"amount":"1450","from":"2024-01-01","to":"2024-01-31"},{"amount":"1500.5","from":"2024-02-01","to":"2024-02-29"}]');
  });

  it('sorts them by period end, then start (the fast paths decline a list out of order, the full checks sort it)', () => {
    const raw = { ...P1, earnings: [{ from: '2024-02-01', to: '2024-02-29', amount: '1' }, { from: '2024-01-15', to: '2024-01-31', amount: '2' }, { from: '2024-01-01', to: '2024-01-31', amount: '3' }] };
    const [record] = valid([raw]);
    expect(record?.earnings?.map((e) => e.amount.toFixed())).toEqual(['3', '2', '1']);
    expect(fastRecord(raw, context, createAmountCache())).toBeUndefined();
    const line = JSON.stringify(raw);
    expect(createNdjsonTypedReader(context, createAmountCache())(line, 0, line.length)).toBeUndefined();
  });

  it('reads a list in order through fastRecord and the NDJSON line reader into the record of the full checks', () => {
    const full = fullChecks(P1, context);
    expect(full).toBeDefined();
    expect(fastRecord(P1, context, createAmountCache())).toStrictEqual(full);
    const line = JSON.stringify(P1);
    expect(createNdjsonTypedReader(context, createAmountCache())(line, 0, line.length)).toStrictEqual(full);
    const ndjson = readNdjsonRecords(`${line}\n`);
    if (!ndjson.ok) expect.fail(JSON.stringify(ndjson.issues));
    const read = validateRawRecords(ndjson.value, context);
    if (!read.ok) expect.fail(JSON.stringify(read.issues));
    expect(read.value.records).toEqual(valid([P1]));
  });

  it('refuses a period that ends before it starts, an amount written as a number, and an unknown key, at their paths', () => {
    const result = validateRecords(
      [{ id: 'P1', cohort: 'A', enrolledOn: '2024-01-15', earnings: [{ from: '2024-02-01', to: '2024-01-31', amount: '10' }, { from: '2024-02-01', to: '2024-02-29', amount: 10 }, { from: '2024-03-01', to: '2024-03-31', amount: '1', source: 'rti' }] }],
      context,
      { mode: 'lenient' },
    );
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['AMOUNT_NOT_STRING', [0, 'earnings', 1, 'amount']],
      ['FIELD_UNKNOWN', [0, 'earnings', 2, 'source']],
    ]);
    const order = validateRecords([{ id: 'P1', cohort: 'A', enrolledOn: '2024-01-15', earnings: [{ from: '2024-02-01', to: '2024-01-31', amount: '10' }] }], context, { mode: 'lenient' });
    expect(order.issues.map((issue) => [issue.code, issue.path])).toEqual([['EARNINGS_END_BEFORE_START', [0, 'earnings', 0, 'to']]]);
  });

  it('is carried by CSV in numbered columns, with the CSV locale options (decimal comma, day-first dates, a mapped header)', () => {
    const csv = readCsvRecords('id,cohort,enrolledOn,earnings2_from,earnings2_to,earnings2_amount\nP1,A,2024-01-15,2024-02-01,2024-02-29,10.50\n');
    if (!csv.ok) expect.fail(JSON.stringify(csv.issues));
    expect(csv.value.records[0]).toMatchObject({ earnings: [{ from: '2024-02-01', to: '2024-02-29', amount: '10.50' }] });
    const fr = readCsvRecords('id;cohort;enrolledOn;earnings1_from;earnings1_to;paie\nP1;A;15/01/2024;01/02/2024;29/02/2024;1 650,25\n', { preset: 'fr', columns: { id: 'id', cohort: 'cohort', enrolledOn: 'enrolledOn', paie: 'earnings1_amount' } });
    if (!fr.ok) expect.fail(JSON.stringify(fr.issues));
    expect(fr.value.issues).toEqual([]);
    expect(fr.value.records[0]).toMatchObject({ earnings: [{ from: '2024-02-01', to: '2024-02-29', amount: '1650.25' }] });
  });
});

describe('the explanation of an earnings threshold', () => {
  const vector = JSON.parse(readFileSync('test/vectors/95-earnings-threshold-minimum-wage.json', 'utf8')) as { contract: unknown; records: unknown[] };

  it('shows the threshold arithmetic, and each observation with what it counted and the running total', () => {
    const p1 = explainParticipant(vector.contract, vector.records, 'P1', { asOf: '2025-06-30' });
    if (!p1.ok) expect.fail(JSON.stringify(p1.issues));
    const earnings = p1.value.outcomes.find((o) => o.outcome === 'earnings');
    expect(earnings).toMatchObject({ status: 'achieved', on: '2024-02-29', reason: 'EARNINGS_REACHED', period: { from: '2023-10-02', to: '2024-12-31' } });
    expect(earnings?.terms).toContain('16 hours × 26 weeks × 10.42 (the rate from 2023-04-01');
    expect(earnings?.terms).toContain('= 4334.72, rounded up to a multiple of 1: 4335.00');
    expect(earnings?.earnings?.map((e) => [e.to, e.counted, e.total])).toEqual([
      ['2023-09-30', 'not counted (ends before the window)', '0.00'],
      ['2023-10-31', '1000.00 × 30/31', '967.74'],
      ['2023-11-30', '1200.00', '2167.74'],
      ['2023-12-31', '1200.00', '3367.74'],
      ['2024-01-31', '966.97', '4334.71'],
      ['2024-02-29', '500.00', '4834.71'],
    ]);
    expect(p1.value.record?.earnings?.length).toBe(6);
    const p5 = explainParticipant(vector.contract, vector.records, 'P5', { asOf: '2025-06-30' });
    if (!p5.ok) expect.fail(JSON.stringify(p5.issues));
    expect(p5.value.record).not.toHaveProperty('earnings');
    expect(p5.value.outcomes[0]).toMatchObject({ status: 'failed', on: '2025-03-02', reason: 'EARNINGS_BELOW_THRESHOLD', earnings: [] });
  });
});
