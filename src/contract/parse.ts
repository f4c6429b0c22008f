/**
 * `parseContract`: untrusted JSON in, a validated readonly contract or every problem out.
 *
 * @module
 */
import type { Issue } from '../errors.js';
import { fail, ok, type Result } from '../result.js';
import { checkContract } from './checks/index.js';
import { ownData } from '../own-data.js';
import { withEveryKey } from './every-key.js';
import { deepFreeze } from './freeze.js';
import { FORBIDDEN_KEYS, scanKeys } from './forbidden-keys.js';
import { issuesAsWritten, upgradeContract, upgradeNotice, type ContractUpgrade } from './migrate.js';
import { ContractSchema, type Contract } from './schema.js';
import { fromZodIssue } from './zod-issues.js';
import { inEnglish } from './zod-messages.js';

/**
 * Validates a contract document (usually the result of `JSON.parse`). Never throws for bad
 * data: returns `{ ok: false, issues }` listing every problem found, each with a stable `code`
 * (see `CONTRACT_ISSUE_CODES`) and a `path`. Checks run in two passes: structure (types,
 * required fields, unknown keys, formats, enums) and, when the structure is sound, the
 * cross-field checks (dates, shares, references, ranges, timing). The value returned is a
 * fresh, deeply frozen copy; the input is never modified. Only the input's own properties are
 * read (an inherited one, such as a property added to `Object.prototype`, is not data), and each
 * object of the value holds every key of its schema, `undefined` for an absent optional one.
 *
 * A document in an earlier version of the format (`schemaVersion` `"1.0"`) is upgraded first
 * (`upgradeContract`): the value is the contract in the current version, and the ok result
 * carries one notice, `CONTRACT_UPGRADED`, in `issues`. The issues of a 1.0 document that does
 * not validate are told as it was written (`measure.mode`, not `measure.kind`).
 *
 * @example
 * const result = parseContract(JSON.parse(text));
 * if (result.ok) console.log(result.value.currency);
 * else for (const issue of result.issues) console.error(issue.code, issue.message);
 */
export function parseContract(input: unknown): Result<Contract> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    const got = input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input;
    return fail([{ code: 'CONTRACT_NOT_OBJECT', path: [], message: `a contract must be a JSON object, got ${got}` }]);
  }
  const scanned = scanKeys(input);
  if (scanned.some((issue) => issue.code !== 'FORBIDDEN_KEY')) return fail(scanned);
  let structural: Issue[];
  let value: Contract | undefined;
  let upgrade: ContractUpgrade;
  try {
    // Own properties only, in and out: the upgrade and zod read a copy whose objects hold only
    // the input's own properties, and every object of the value returned holds every key of its schema.
    upgrade = upgradeContract(ownData(input));
    const parsed = ContractSchema.safeParse(upgrade.value, inEnglish({ reportInput: true }));
    structural = issuesAsWritten(parsed.success ? [] : parsed.error.issues.flatMap((issue) => fromZodIssue(issue, FORBIDDEN_KEYS)), upgrade);
    if (parsed.success && structural.length === 0) value = deepFreeze(withEveryKey(ContractSchema, parsed.data));
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    return fail([...scanned, { code: 'CONTRACT_UNREADABLE', path: [], message: `the contract could not be read (${reason})` }]);
  }
  if (value === undefined || scanned.length > 0) return fail([...scanned, ...structural]);
  const semantic = issuesAsWritten(checkContract(value), upgrade);
  if (semantic.length > 0) return fail(semantic);
  return upgrade.from === undefined ? ok(value) : { ok: true, value, issues: [upgradeNotice(upgrade, 'read')] };
}
