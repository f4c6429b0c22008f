import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../runs.js';
import { createHashSum, issueIdentity, recordsFingerprint } from '../../src/settlement/records-fingerprint.js';
import { sha256Hex } from '../../src/settlement/sha256.js';

/** The same sum with bigints: Σ SHA-256(text) mod 2^256, as 64 hex digits. */
function bigintSum(texts: readonly string[]): string {
  const total = texts.reduce((sum, text) => (sum + BigInt(`0x${sha256Hex(text)}`)) % (1n << 256n), 0n);
  return total.toString(16).padStart(64, '0');
}

describe('hash sum of a multiset of texts', () => {
  it('is Σ SHA-256 mod 2^256, whatever the order (checked with bigints)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 20 }), { maxLength: 30 }), (texts) => {
        const forward = createHashSum();
        for (const text of texts) forward.add(text);
        const backward = createHashSum();
        for (const text of [...texts].reverse()) backward.add(text);
        expect(forward.hex()).toBe(bigintSum(texts));
        expect(backward.hex()).toBe(forward.hex());
        expect(forward.count).toBe(texts.length);
      }),
      { numRuns: runs(200) },
    );
  });

  it('carries across all eight words (many large digests)', () => {
    const texts = Array.from({ length: 2000 }, (_, i) => `issue ${i}`);
    const sum = createHashSum();
    for (const text of texts) sum.add(text);
    expect(sum.hex()).toBe(bigintSum(texts));
  });
});

describe('records fingerprint', () => {
  const issue = (recordIndex: number, participantId: string) => ({
    code: 'COHORT_UNKNOWN' as const,
    path: [recordIndex, 'cohort'],
    recordIndex,
    participantId,
    line: recordIndex + 2,
    message: `record ${recordIndex} (id "${participantId}"), line ${recordIndex + 2}: cohort "X" is not a cohort of the contract`,
  });

  it('an issue is known by its code, its path within the record and the participant id, not its position', () => {
    expect(issueIdentity(issue(7, 'P8'))).toBe('["COHORT_UNKNOWN",["cohort"],"P8"]');
    expect(issueIdentity(issue(0, 'P8'))).toBe(issueIdentity(issue(7, 'P8')));
    expect(issueIdentity({ code: 'NDJSON_LINE_SYNTAX', path: [], line: 4, message: 'line 4 is not JSON' })).toBe('["NDJSON_LINE_SYNTAX",[],null]');
  });

  it('is the SHA-256 of the digest text, the number of issues and their sum', () => {
    const fingerprint = recordsFingerprint('2:0000000a:0000000b');
    fingerprint.add(issue(3, 'P1'));
    fingerprint.add(issue(1, 'P2'));
    const sum = bigintSum(['["COHORT_UNKNOWN",["cohort"],"P1"]', '["COHORT_UNKNOWN",["cohort"],"P2"]']);
    expect(fingerprint.hex()).toBe(sha256Hex(`records:2:0000000a:0000000b|issues:2:${sum}`));
    const other = recordsFingerprint('2:0000000a:0000000b');
    other.add(issue(0, 'P2'));
    other.add(issue(9, 'P1'));
    expect(other.hex()).toBe(fingerprint.hex());
  });
});
