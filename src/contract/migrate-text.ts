/**
 * `migrateContractText`: a contract file rewritten in the current version of the format, changed
 * only where the format changed.
 *
 * @module
 */
import { expectText } from '../guard.js';
import { ok, type Result } from '../result.js';
import { editJsonText } from '../text/json-edit.js';
import { parseJsonText } from '../text/json-text.js';
import { decodeText } from '../text/utf8.js';
import { upgradeContract, upgradeNotice } from './migrate.js';
import { parseContract } from './parse.js';

/**
 * Rewrites a contract's JSON text (or its UTF-8 bytes) in the current version of the format:
 * `schemaVersion` and the keys the upgrade renames (`mode` and `basis` of version 1.0 become
 * `kind`) are replaced where they are written, and every other character (spacing, line ends, the
 * order of the keys, how each value is written) is kept. The contract must be valid: the text is
 * read strictly (`parseJsonText`) and validated (`parseContract`), and any problem is returned
 * (`{ ok: false, issues }`, paths as written), never a half-migrated text. A contract already in
 * the current version comes back unchanged; a rewritten one with the notice `CONTRACT_UPGRADED`
 * in `issues` (the keys renamed). The result's value reads, with `parseContract`, to the same contract as the input
 * (and so has the same contract fingerprint).
 *
 * @param input - the contract's JSON text, or its UTF-8 bytes
 * @example
 * const migrated = migrateContractText(readFileSync('contract.json'));
 * if (migrated.ok) writeFileSync('contract.json', migrated.value);
 * else for (const issue of migrated.issues) console.error(issue.code, issue.message);
 */
export function migrateContractText(input: string | Uint8Array): Result<string> {
  expectText('migrateContractText', 'input', input);
  const read = parseJsonText(input);
  if (!read.ok) return read;
  const parsed = parseContract(read.value);
  if (!parsed.ok) return parsed;
  const text = typeof input === 'string' ? input : decodeText(input).text;
  const upgrade = upgradeContract(read.value);
  return upgrade.from === undefined ? ok(text) : { ok: true, value: editJsonText(text, upgrade.edits), issues: [upgradeNotice(upgrade, 'rewritten')] };
}
