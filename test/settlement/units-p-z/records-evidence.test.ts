/**
 * The evidence fingerprint's list of digests (src/settlement/records-evidence.ts): kept in a byte
 * array that grows past 64 digests, sorted in byte order, a digest twice kept twice. The expected
 * fingerprint is computed independently: node:crypto's SHA-256 of each record's evidence text,
 * the hex texts sorted as strings, hashed with their `records\n` and `issues\n` headers.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../../src/calendar/index.js';
import type { OutcomeRecord } from '../../../src/records/index.js';
import { createRecordsEvidence, recordEvidenceText } from '../../../src/settlement/records-evidence.js';

const record = (id: string): OutcomeRecord => ({ id, cohort: 'A', groups: [], enrolledOn: 19_737 as CalendarDate, spells: [], wages: [], events: [] });
const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

function expectedHex(records: readonly OutcomeRecord[]): string {
  const lines = records.map((r) => `${sha(recordEvidenceText(r))}\n`).sort();
  return sha(`records\n${lines.join('')}issues\n`);
}

function evidenceOf(records: readonly OutcomeRecord[]): string {
  const evidence = createRecordsEvidence();
  for (const r of records) evidence.addRecord(r);
  return evidence.hex();
}

describe('records evidence: the sorted digests', () => {
  it('the text hashed, as the evidence of one record', () => {
    expect(recordEvidenceText(record('R1'))).toBe('{"cohort":"A","enrolledOn":"2024-01-15","events":[],"groups":[],"id":"R1","spells":[],"wages":[]}');
  });

  it('two digests with the same first four bytes ordered by the next ones; a digest twice, the second last', () => {
    // found by a search over ids R<n>: the digests of R38487 (fb8e9650 ba05…) and R101610 (fb8e9650 4304…)
    // share their first 32-bit word; R101610 sorts first
    expect(sha(recordEvidenceText(record('R38487'))).slice(0, 16)).toBe('fb8e9650ba05e220');
    expect(sha(recordEvidenceText(record('R101610'))).slice(0, 16)).toBe('fb8e96504304c24a');
    const records = [record('R38487'), record('R101610'), record('R1'), record('R1')];
    expect(evidenceOf(records)).toBe(expectedHex(records));
  });

  it('more than 64 records: the list grows and keeps every digest', () => {
    // 64 digests fill the first array (64 × 32 bytes); 150 make it grow twice
    const records = Array.from({ length: 150 }, (_, i) => record(`P${i}`));
    expect(evidenceOf(records)).toBe(expectedHex(records));
  });
});
