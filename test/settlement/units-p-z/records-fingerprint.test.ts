/**
 * The records fingerprint's parts (src/settlement/records-fingerprint.ts): an issue's identity
 * without its record's index, and the hash sum checked against an independent sum of SHA-256
 * values (node:crypto, BigInt arithmetic modulo 2^256), on two texts whose least significant
 * 32-bit words add up to 0xffffffff exactly: no carry into the next word.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHashSum, issueIdentity } from '../../../src/settlement/records-fingerprint.js';

const sha = (text: string): bigint => BigInt(`0x${createHash('sha256').update(text).digest('hex')}`);

describe('records fingerprint: parts', () => {
  it('an issue’s identity: code, path without the record’s index, participant', () => {
    expect(issueIdentity({ code: 'COHORT_UNKNOWN', path: [7, 'cohort'], recordIndex: 7, participantId: 'P8', message: 'm' })).toBe('["COHORT_UNKNOWN",["cohort"],"P8"]');
    // no record index: the path as it is; no participant: null
    expect(issueIdentity({ code: 'COHORT_UNKNOWN', path: [7, 'cohort'], message: 'm' })).toBe('["COHORT_UNKNOWN",[7,"cohort"],null]');
  });

  it('the sum of two hashes whose lowest words add up to 0xffffffff carries nothing', () => {
    // found by a search over texts `t<n>`: SHA-256('t78563') ends 5d296a71, SHA-256('t98115') ends a2d6958e,
    // 0x5d296a71 + 0xa2d6958e = 0xffffffff
    const a = 't78563';
    const b = 't98115';
    expect((sha(a) & 0xffffffffn) + (sha(b) & 0xffffffffn)).toBe(0xffffffffn);
    const sum = createHashSum();
    sum.add(a);
    sum.add(b);
    const expected = ((sha(a) + sha(b)) % (1n << 256n)).toString(16).padStart(64, '0');
    expect(sum.hex()).toBe(expected);
    expect(sum.count).toBe(2);
  });
});
