import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseContract, validateRecords, type OutcomeRecord } from '../../src/index.js';
import { readRecords } from '../../src/readers.js';
import { checkOptions, openSession, readPrevious } from '../../src/internal.js';
import { digestText } from '../../src/settlement/record-digest.js';
import { RECORD_BATCH, type SettlementSession } from '../../src/settlement/session.js';

/*
 * A session takes added records in batches: whatever the batch boundaries fall on, it must hold
 * exactly the records added, at every read, and settle them as one record at a time would.
 */

const example = new URL('../../examples/region-sud/', import.meta.url);

/** The example's contract and records, read inside each test (code run while the file loads is
 * covered by no test in a mutation run). The records are repeated under new ids until there are
 * more than three batches. */
function fixture() {
  const parsed = parseContract(JSON.parse(readFileSync(new URL('contract.json', example), 'utf8')));
  if (!parsed.ok) throw new Error('example contract');
  const contract = parsed.value;
  const options = checkOptions({ asOf: '2025-06-30', detail: 'participants' }, contract).options;
  if (options === undefined) throw new Error('example options');
  const read = readRecords(readFileSync(new URL('records.ndjson', example), 'utf8'), 'ndjson');
  if (!read.ok) throw new Error('example records');
  const context = { cohortIds: new Set(contract.cohorts.map((c) => c.id)), groupIds: new Set((contract.groups ?? []).map((g) => g.id)) };
  const validated = validateRecords(read.value.records, context, { mode: 'lenient' });
  if (!validated.ok) throw new Error('example validation');
  const base = validated.value.records;
  const records: OutcomeRecord[] = Array.from({ length: 3 * RECORD_BATCH + 7 }, (_, k) => {
    const record = base[k % base.length] as OutcomeRecord;
    return { ...record, id: `${record.id}-${String(Math.floor(k / base.length))}` };
  });
  const previous = readPrevious([], contract, options.asOf).value;
  return { records, session: (): SettlementSession => openSession(contract, options, previous) };
}

function settlementText(of: SettlementSession, recordCount: number): string {
  const result = of.finish({ recordsRead: recordCount, recordsSettled: recordCount, recordsExcluded: 0, issues: [] }, 'options');
  if (!result.ok) throw new Error('finish');
  return JSON.stringify(result.value);
}

describe('settlement session batches', () => {
  it('counts every record added at every read, inside a batch or at its end', () => {
    const { records, session } = fixture();
    const whole = session();
    for (const [k, record] of records.entries()) {
      whole.add(record);
      if (k % 97 === 0 || k === RECORD_BATCH - 1 || k === RECORD_BATCH) {
        expect(whole.digest.count).toBe(k + 1);
        expect(whole.ledger.participants).toBe(k + 1);
      }
    }
    expect(whole.digest.count).toBe(records.length);
  });

  it('settles as sessions of one record each merged together: the same document', () => {
    const { records, session } = fixture();
    const batched = session();
    for (const record of records) batched.add(record);
    const merged = session();
    for (const record of records) {
      const one = session();
      one.add(record);
      merged.merge(one);
    }
    expect(digestText(batched.digest)).toBe(digestText(merged.digest));
    expect(settlementText(batched, records.length)).toBe(settlementText(merged, records.length));
  });
});
