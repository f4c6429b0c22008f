import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSha256, sha256Hex } from '../../src/settlement/sha256.js';
import { runs } from '../runs.js';

describe('sha256', () => {
  it('matches the FIPS 180-4 examples, including texts that end at a block boundary', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('hashed piece by piece, gives the hash of the pieces joined', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 150, unit: 'grapheme' }), { maxLength: 12 }), (pieces) => {
        const hash = createSha256();
        for (const piece of pieces) hash.update(piece);
        expect(hash.hex()).toBe(sha256Hex(pieces.join('')));
      }),
      { numRuns: runs(300) },
    );
  });
});
