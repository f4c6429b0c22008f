/**
 * Earlier versions of the contract format, read by upgrading them: a pure function from a
 * document as written in version 1.0 to the same document in the current version, and back (for
 * the fingerprint a 1.0 settlement carries).
 *
 * Version 2.0 names the discriminator of every variant `kind`. Version 1.0 named five of them
 * otherwise: `mode` (retention measures, rate-card group pricing, cohort-rate schedules) and
 * `basis` (cohort-rate and exit-condition denominators, fee charges). The upgrade renames the key
 * at those places only, found by the kind of the item that holds them (a `mode` key anywhere else
 * is left alone, for the schema to refuse), and sets `schemaVersion` to the current version.
 *
 * @module
 */
import { formatPath, type Issue, type PathSegment } from '../errors.js';
import type { JsonTextEdit } from '../text/json-edit.js';
import { CONTRACT_SCHEMA_VERSION, type Contract } from './schema.js';

/**
 * The earlier versions of the contract format this library reads, each upgraded to
 * {@link CONTRACT_SCHEMA_VERSION} on read (docs/contract.md, "Versions").
 *
 * @example
 * EARLIER_SCHEMA_VERSIONS.includes('1.0'); // true
 */
export const EARLIER_SCHEMA_VERSIONS: readonly string[] = ['1.0'];

/**
 * A discriminator version 1.0 named otherwise than `kind`: in the items of the top-level `list`
 * (or in their `via` object) whose `kind` is `kind`, the object `field` has its discriminator
 * under `key`.
 */
interface Version1Discriminator {
  readonly list: 'outcomes' | 'rules' | 'exitClauses';
  readonly via?: 'condition';
  readonly kind: string;
  readonly field: string;
  readonly key: 'mode' | 'basis';
}

/** Every discriminator version 1.0 named otherwise than `kind` (test/contract/migrate.test.ts checks the list against the schema). */
const VERSION_1_DISCRIMINATORS: readonly Version1Discriminator[] = [
  { list: 'outcomes', kind: 'retention', field: 'measure', key: 'mode' },
  { list: 'rules', kind: 'rateCard', field: 'groupPricing', key: 'mode' },
  { list: 'rules', kind: 'cohortRate', field: 'schedule', key: 'mode' },
  { list: 'rules', kind: 'cohortRate', field: 'denominator', key: 'basis' },
  { list: 'rules', kind: 'fee', field: 'charge', key: 'basis' },
  { list: 'exitClauses', via: 'condition', kind: 'outcomeRateBelow', field: 'denominator', key: 'basis' },
];

/** The current name of every discriminator. */
const KIND = 'kind';

/**
 * A place where version 1.0 names a discriminator `key`: the path of the object that holds it.
 *
 * @example
 * const place: Version1Place = { path: ['rules', 0, 'groupPricing'], key: 'mode' };
 */
export interface Version1Place {
  readonly path: readonly PathSegment[];
  readonly key: 'mode' | 'basis';
}

/**
 * What {@link upgradeContract} made of a document.
 *
 * @example
 * const upgrade = upgradeContract(json);
 * if (upgrade.from !== undefined) console.log(`read as ${upgrade.from}, upgraded`);
 */
export interface ContractUpgrade {
  /** The document in the current version: a new value, or the input itself when it is not in an earlier version. */
  readonly value: unknown;
  /** The earlier version the document was written in, or undefined when it was not upgraded. */
  readonly from: string | undefined;
  /** The places of the discriminators renamed or missing (the paths of issues under them are told as written). */
  readonly places: readonly Version1Place[];
  /** The changes, as edits of the document as written (for `migrateContractText`). */
  readonly edits: readonly JsonTextEdit[];
  /**
   * Places that already say `kind` where version 1.0 names the discriminator otherwise
   * (`CONTRACT_UNKNOWN_KEY`, as version 1.0 would say): a document that mixes the versions is not
   * guessed at; the schema's issues under these places are left out.
   */
  readonly issues: readonly Issue[];
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property of an object (never an inherited one), or undefined. */
function own(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** The places of the version-1.0 discriminators in a document (1.0 as written, or a contract in the current version). */
function placesIn(document: unknown): { readonly path: readonly PathSegment[]; readonly key: 'mode' | 'basis'; readonly object: Readonly<Record<string, unknown>> }[] {
  const places: { path: readonly PathSegment[]; key: 'mode' | 'basis'; object: Readonly<Record<string, unknown>> }[] = [];
  for (const entry of VERSION_1_DISCRIMINATORS) {
    const list = own(document, entry.list);
    if (!Array.isArray(list)) continue;
    list.forEach((item: unknown, index) => {
      const holder = entry.via === undefined ? item : own(item, entry.via);
      if (own(holder, KIND) !== entry.kind) return;
      const object = own(holder, entry.field);
      if (!isRecord(object)) return;
      places.push({ path: [entry.list, index, ...(entry.via === undefined ? [] : [entry.via]), entry.field], key: entry.key, object });
    });
  }
  return places;
}

/** A copy of `root` with the value at `path` replaced by `replace(value)`; the objects and arrays along the path are copied, nothing is modified. */
function replacedAt(root: unknown, path: readonly PathSegment[], replace: (value: unknown) => unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replace(root);
  if (Array.isArray(root)) return root.map((item: unknown, index) => (index === head ? replacedAt(item, rest, replace) : item));
  if (!isRecord(root)) return root;
  return Object.fromEntries(Object.entries(root).map(([key, value]) => [key, key === head ? replacedAt(value, rest, replace) : value]));
}

/** A copy of an object with one key renamed, in the same place among its keys. */
function renamed(object: unknown, from: string, to: string): unknown {
  return isRecord(object) ? Object.fromEntries(Object.entries(object).map(([key, value]) => [key === from ? to : key, value])) : object;
}

/**
 * Upgrades a contract document written in an earlier version of the format (`schemaVersion`
 * `"1.0"`) to the current one: each discriminator version 1.0 named `mode` or `basis` is renamed
 * `kind`, at the places where 1.0 had them only, and `schemaVersion` becomes the current version.
 * A pure function: the input is never modified (the objects along the changed paths are copied).
 * Any other document is returned as it is (`from` undefined), for the schema to judge. It reads
 * own properties only, and throws whatever reading the input throws (a getter): `parseContract`
 * reports that as `CONTRACT_UNREADABLE`.
 *
 * @example
 * const upgrade = upgradeContract(JSON.parse(version1Text));
 * upgrade.from;  // '1.0'
 * upgrade.edits; // [{ path: ['schemaVersion'], value: '2.0' }, { path: ['rules', 0, 'groupPricing', 'mode'], key: 'kind' }, ...]
 */
export function upgradeContract(document: unknown): ContractUpgrade {
  const from = own(document, 'schemaVersion');
  if (typeof from !== 'string' || !EARLIER_SCHEMA_VERSIONS.includes(from)) return { value: document, from: undefined, places: [], edits: [], issues: [] };
  let value = replacedAt(document, ['schemaVersion'], () => CONTRACT_SCHEMA_VERSION);
  const places: Version1Place[] = [];
  const edits: JsonTextEdit[] = [{ path: ['schemaVersion'], value: CONTRACT_SCHEMA_VERSION }];
  const issues: Issue[] = [];
  for (const { path, key, object } of placesIn(document)) {
    if (Object.hasOwn(object, KIND)) {
      const at = [...path, KIND];
      issues.push({
        code: 'CONTRACT_UNKNOWN_KEY',
        path: at,
        message: `${formatPath(at)}: unknown key "kind" in a schemaVersion "${from}" document, which names this discriminator "${key}" (version ${CONTRACT_SCHEMA_VERSION} renamed it "kind": run outcome-pay migrate on the ${from} file, or write schemaVersion "${CONTRACT_SCHEMA_VERSION}" and "kind" throughout)`,
      });
      continue;
    }
    places.push({ path, key });
    if (!Object.hasOwn(object, key)) continue; // missing: the schema says so, at the path as written
    value = replacedAt(value, path, (held) => renamed(held, key, KIND));
    edits.push({ path: [...path, key], key: KIND });
  }
  return { value, from, places, edits, issues };
}

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

/**
 * The issues found in an upgraded document, told as the document was written: a path through a
 * renamed (or missing) discriminator names it as version 1.0 does (`measure.mode`, not
 * `measure.kind`); the schema's issues under a place that mixes the versions are left out (the
 * upgrade's own issue says what is wrong there).
 *
 * @example
 * issuesAsWritten(parsedIssues, upgradeContract(document)); // paths ending in 'mode' or 'basis' again
 */
export function issuesAsWritten(issues: readonly Issue[], upgrade: ContractUpgrade): Issue[] {
  if (upgrade.from === undefined) return [...issues];
  const mixed = upgrade.issues.map((issue) => issue.path.slice(0, -1));
  return [
    ...upgrade.issues,
    ...issues
      .filter((issue) => !mixed.some((path) => startsWith(issue.path, path)))
      .map((issue) => {
        const place = upgrade.places.find(({ path }) => startsWith(issue.path, path) && issue.path[path.length] === KIND);
        if (place === undefined) return issue;
        const path = [...place.path, place.key, ...issue.path.slice(place.path.length + 1)];
        const before = `${formatPath(issue.path)}: `;
        let message = issue.message.startsWith(before) ? `${formatPath(path)}: ${issue.message.slice(before.length)}` : issue.message;
        if (issue.code === 'CONTRACT_REQUIRED') message = message.replace('"kind"', `"${place.key}"`);
        return { ...issue, path, message };
      }),
  ];
}

/**
 * The notice of an upgrade (`CONTRACT_UPGRADED`): the version the document was written in, the
 * keys renamed, and (when it was `read`, by `parseContract`) how to rewrite the file; `rewritten`
 * is the notice of `migrateContractText`.
 *
 * @example
 * upgradeNotice(upgradeContract(document), 'read').message;
 * // 'schemaVersion "1.0" read as "2.0": 2 discriminators renamed "kind" (rules[0].groupPricing.mode, ...); outcome-pay migrate rewrites the file'
 */
export function upgradeNotice(upgrade: ContractUpgrade, how: 'read' | 'rewritten'): Issue {
  const keys = upgrade.edits.filter((edit) => edit.key !== undefined).map((edit) => formatPath(edit.path));
  const shown = keys.length > 4 ? [...keys.slice(0, 4), `and ${keys.length - 4} more`] : keys;
  const renames = keys.length === 0 ? 'no key to rename' : `${keys.length} discriminator${keys.length === 1 ? '' : 's'} renamed "kind" (${shown.join(', ')})`;
  return {
    code: 'CONTRACT_UPGRADED',
    path: ['schemaVersion'],
    message: `schemaVersion "${upgrade.from ?? ''}" ${how} as "${CONTRACT_SCHEMA_VERSION}": ${renames}${how === 'read' ? '; outcome-pay migrate rewrites the file' : ''}`,
  };
}

/**
 * A contract as version 1.0 wrote it: `schemaVersion` `"1.0"` and the five discriminators under
 * their 1.0 names. Its canonical JSON is what a library that wrote version 1.0 fingerprinted, so
 * that settlements made under the 1.0 file are known to be of this contract.
 *
 * @example
 * contractInVersion1(contract); // { schemaVersion: '1.0', ..., rules: [{ kind: 'rateCard', groupPricing: { mode: 'flat' }, ... }] }
 */
export function contractInVersion1(contract: Contract): unknown {
  let value = replacedAt(contract, ['schemaVersion'], () => '1.0');
  for (const { path, key } of placesIn(contract)) value = replacedAt(value, path, (held) => renamed(held, KIND, key));
  return value;
}
