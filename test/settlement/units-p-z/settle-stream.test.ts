/**
 * settleStream (src/settlement/settle-stream.ts and settle-stream-pass.ts) on the minimal
 * contract, for the mutants of the 2026-12-07 run that survived: the action an invalid record's
 * issue names in each mode, the issues listed or delivered to `onIssue` (strict: listed and
 * refused; lenient: delivered; too many excluded: refused with every issue), and an unreadable
 * line counted among the records read and excluded.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/index.js';
import { settleStream } from '../../../src/streaming.js';

const minimal: unknown = JSON.parse(readFileSync('test/corpus/contracts/bases/minimal.json', 'utf8'));
const good = (id: string) => ({ id, cohort: '2024-A', enrolledOn: '2024-01-02', spells: [{ start: '2024-02-01' }] });
const bad = { id: 'BAD', cohort: 'nope', enrolledOn: '2024-01-02' };
const records = [good('P1'), bad, good('P2')];

async function* fromArray(items: readonly unknown[]): AsyncGenerator {
  for (const item of items) yield await Promise.resolve(item);
}
const source = () => fromArray(records);
const codes = (issues: readonly Issue[] | undefined): unknown[][] => (issues ?? []).map((issue) => [issue.code, (issue as { action?: unknown }).action]);

describe('settleStream: the issues of excluded records', () => {
  it('strict: the settlement is refused, the issue says rejected; with onIssue too, it is listed, not delivered', async () => {
    const refused = await settleStream(minimal, source, { asOf: '2025-06-30', records: 'strict' });
    expect(refused.ok).toBe(false);
    expect(codes(refused.issues)).toEqual([['COHORT_UNKNOWN', 'rejected']]);
    const delivered: Issue[] = [];
    const also = await settleStream(minimal, source, { asOf: '2025-06-30', records: 'strict' }, { onIssue: (issue) => delivered.push(issue) });
    expect(also.ok).toBe(false);
    expect(codes(also.issues)).toEqual([['COHORT_UNKNOWN', 'rejected']]);
    expect(delivered).toEqual([]);
  });

  it('lenient: the issue says excluded; with onIssue it is delivered and counted, not listed', async () => {
    const listed = await settleStream(minimal, source, { asOf: '2025-06-30', records: 'lenient', maxExcluded: 1 });
    if (!listed.ok) throw new Error(JSON.stringify(listed.issues));
    expect(codes(listed.value.dataQuality.issues)).toEqual([['COHORT_UNKNOWN', 'excluded']]);
    // 3 read, 2 settled, 1 excluded
    expect(listed.value.dataQuality).toMatchObject({ recordsRead: 3, recordsSettled: 2, recordsExcluded: 1 });
    const delivered: Issue[] = [];
    const streamed = await settleStream(minimal, source, { asOf: '2025-06-30', records: 'lenient', maxExcluded: 1 }, { onIssue: (issue) => delivered.push(issue) });
    if (!streamed.ok) throw new Error(JSON.stringify(streamed.issues));
    expect(codes(delivered)).toEqual([['COHORT_UNKNOWN', 'excluded']]);
    expect(streamed.value.dataQuality.issues).toEqual([]);
    expect(streamed.value.dataQuality.issuesDelivered).toBe(1);
  });

  it('lenient, more excluded than allowed: refused with the limit and every issue, even with onIssue', async () => {
    const delivered: Issue[] = [];
    const refused = await settleStream(minimal, source, { asOf: '2025-06-30', records: 'lenient', maxExcluded: 0 }, { onIssue: (issue) => delivered.push(issue) });
    expect(refused.ok).toBe(false);
    expect(codes(refused.issues)).toEqual([['RECORDS_EXCLUDED_LIMIT', undefined], ['COHORT_UNKNOWN', 'excluded']]);
    expect(delivered).toEqual([]);
  });

  it('an unreadable NDJSON line is read and excluded; a line the fast reader takes is settled', async () => {
    const text = `${JSON.stringify(good('P1'))}\n{"id": nope\n${JSON.stringify(good('P2'))}\n`;
    const streamed = await settleStream(minimal, { format: 'ndjson', chunks: async function* () { yield await Promise.resolve(text); } }, { asOf: '2025-06-30', records: 'lenient', maxExcluded: 1 });
    if (!streamed.ok) throw new Error(JSON.stringify(streamed.issues));
    // 2 records + 1 unreadable line = 3 read, 1 excluded; P1 and P2 placed and retained: 2 × (1000.00 + 500.00) = 3000.00
    expect(streamed.value.dataQuality).toMatchObject({ recordsRead: 3, recordsSettled: 2, recordsExcluded: 1 });
    expect(codes(streamed.value.dataQuality.issues)).toEqual([['NDJSON_LINE_SYNTAX', 'excluded']]);
    expect(streamed.value.totals.earned).toBe('3000.00');
  });

  it('strict, every record valid, with onIssue: each record settled, none delivered', async () => {
    const delivered: Issue[] = [];
    const streamed = await settleStream(minimal, () => fromArray([good('P1'), good('P2')]), { asOf: '2025-06-30', records: 'strict' }, { onIssue: (issue) => delivered.push(issue) });
    if (!streamed.ok) throw new Error(JSON.stringify(streamed.issues));
    // P1 and P2 placed and retained: 2 × (1000.00 + 500.00) = 3000.00
    expect(streamed.value.dataQuality).toMatchObject({ recordsRead: 2, recordsSettled: 2, recordsExcluded: 0, issuesDelivered: 0 });
    expect(streamed.value.totals.earned).toBe('3000.00');
    expect(delivered).toEqual([]);
  });

  it('a repeated id: the source is read again and every record of that id is excluded', async () => {
    const streamed = await settleStream(minimal, () => fromArray([good('P1'), good('P2'), good('P1')]), { asOf: '2025-06-30', records: 'lenient', maxExcluded: 2 });
    if (!streamed.ok) throw new Error(JSON.stringify(streamed.issues));
    // P2 alone is settled: 1000.00 + 500.00 = 1500.00
    expect(streamed.value.dataQuality).toMatchObject({ recordsRead: 3, recordsSettled: 1, recordsExcluded: 2 });
    expect(streamed.value.totals.earned).toBe('1500.00');
  });

  it('a CSV file of other columns: refused with the header’s issues alone, nothing read past it', async () => {
    const refused = await settleStream(minimal, { format: 'csv', chunks: async function* () { yield await Promise.resolve('name,age\nAda,36\n'); } }, { asOf: '2025-06-30' });
    expect(refused.ok).toBe(false);
    // two unknown columns (name, age) and the three required ones missing (id, cohort, enrolledOn)
    const unknown = ['CSV_UNKNOWN_COLUMN', 'rejected'];
    const missing = ['CSV_MISSING_COLUMN', 'rejected'];
    expect(codes(refused.issues)).toEqual([unknown, unknown, missing, missing, missing]);
  });
  it('an invalid contract is refused before any record is read', async () => {
    let opened = 0;
    const refused = await settleStream({}, () => {
      opened++;
      return fromArray(records);
    }, { asOf: '2025-06-30' });
    expect(refused.ok).toBe(false);
    expect(refused.issues?.length).toBeGreaterThan(0);
    expect(opened).toBe(0);
  });

  it('with onIssue, an unreadable line is delivered first, then the records’ issues, each counted', async () => {
    const text = `${JSON.stringify(good('P1'))}\n{"id": nope\n${JSON.stringify(bad)}\n${JSON.stringify(good('P2'))}\n`;
    const delivered: Issue[] = [];
    const streamed = await settleStream(
      minimal,
      { format: 'ndjson', chunks: async function* () { yield await Promise.resolve(text); } },
      { asOf: '2025-06-30', records: 'lenient', maxExcluded: 2 },
      { onIssue: (issue) => delivered.push(issue) },
    );
    if (!streamed.ok) throw new Error(JSON.stringify(streamed.issues));
    expect(codes(delivered)).toEqual([['NDJSON_LINE_SYNTAX', 'excluded'], ['COHORT_UNKNOWN', 'excluded']]);
    // 3 records + 1 unreadable line = 4 read; 2 settled; 1 invalid + 1 unreadable = 2 excluded
    expect(streamed.value.dataQuality).toMatchObject({ recordsRead: 4, recordsSettled: 2, recordsExcluded: 2, issues: [], issuesDelivered: 2 });
  });
});
