/**
 * The contract's fingerprint: the SHA-256 of its canonical JSON.
 *
 * @module
 */
import type { Contract } from '../contract/index.js';
import { contractInVersion1 } from '../contract/migrate.js';
import { canonicalJson } from './canonical-json.js';
import { sha256Hex } from './sha256.js';

/**
 * The SHA-256 of a parsed contract's canonical JSON (keys sorted, no whitespace): the
 * settlement's `fingerprint.contract`, by which previous settlements are known to be of this
 * contract.
 *
 * @example
 * contractFingerprint(contract); // '205978d4…'
 */
export function contractFingerprint(contract: Contract): string {
  return sha256Hex(canonicalJson(contract));
}

/**
 * The fingerprint the same contract had when written in version 1.0 of the format: the SHA-256 of
 * the canonical JSON of {@link contractInVersion1}. It is what settlements made by a library that
 * read and wrote version 1.0 carry in `fingerprint.contract`; previous settlements with it are
 * settlements of this contract (docs/settlement.md, "Amended contracts").
 *
 * @example
 * version1ContractFingerprint(contract); // 'c41b…', as a 1.0 library fingerprinted the 1.0 file
 */
export function version1ContractFingerprint(contract: Contract): string {
  return sha256Hex(canonicalJson(contractInVersion1(contract)));
}
