/**
 * The contract's fingerprint: the SHA-256 of its canonical JSON.
 *
 * @module
 */
import type { Contract } from '../contract/index.js';
import { canonicalJson } from './canonical-json.js';
import { sha256Hex } from './sha256.js';

/**
 * The SHA-256 of a parsed contract's canonical JSON (keys sorted, no whitespace): the
 * settlement's `fingerprint.contract`, by which previous settlements are known to be of this
 * contract.
 *
 * @example
 * contractFingerprint(contract); // '7e02703f…'
 */
export function contractFingerprint(contract: Contract): string {
  return sha256Hex(canonicalJson(contract));
}
