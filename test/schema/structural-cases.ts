/**
 * Many mutated documents (contracts, an outcome, a settlement document, assumptions) and the
 * problems each one's parse reports: code, path and message. Shared by the test that compares them
 * with a stored snapshot (`structural-issues.snapshot.json`, generated from the code before the
 * zod schemas moved to `zod/mini`) and by its regeneration.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseContract } from '../../src/contract/index.js';
import { expectOutcome } from '../../src/contract/shape.js';
import { checkSettlementShape } from '../../src/settlement/settlement-schema.js';
import { parseAssumptions } from '../../src/simulation/index.js';
import { contractArbitrary } from '../contract/arbitrary.js';

type Json = unknown;
type Segment = string | number;

/** One mutation: a node removed, replaced, or given an unknown key. */
type Mutation = { readonly kind: 'remove' } | { readonly kind: 'set'; readonly value: Json } | { readonly kind: 'add'; readonly key: string };

/** Wrong values of every kind the schemas tell apart: types, patterns, ranges, lengths, enums. */
const BAD_VALUES: readonly Json[] = [
  null,
  0,
  -1,
  1.5,
  1e20,
  true,
  '',
  'x',
  'bogus-kind',
  '1e3',
  '-5',
  '2023-02-30',
  '2023-2-1',
  'eur',
  '1234567890123456789',
  '0.1234567890123',
  'a'.repeat(600),
  [],
  [1],
  {},
  { kind: 'bogus' },
];

/** Every path of a JSON value (the root first), depth first in key order. */
function pathsOf(value: Json, at: readonly Segment[] = []): Segment[][] {
  const out: Segment[][] = [[...at]];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...pathsOf(item, [...at, i])));
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) out.push(...pathsOf(item, [...at, key]));
  return out;
}

function mutated(root: Json, path: readonly Segment[], mutation: Mutation): Json {
  const copy = structuredClone(root);
  if (path.length === 0) {
    if (mutation.kind === 'set') return mutation.value;
    if (mutation.kind === 'add' && typeof copy === 'object' && copy !== null && !Array.isArray(copy)) (copy as Record<string, Json>)[mutation.key] = 1;
    return copy;
  }
  let node = copy as Record<Segment, Json>;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<Segment, Json>;
  const last = path[path.length - 1] as Segment;
  if (mutation.kind === 'remove') {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else Reflect.deleteProperty(node, last);
  } else if (mutation.kind === 'set') node[last] = mutation.value;
  else {
    const target = node[last];
    if (typeof target === 'object' && target !== null && !Array.isArray(target)) (target as Record<string, Json>)[mutation.key] = 1;
    else node[last] = { [mutation.key]: 1 };
  }
  return copy;
}

/** A few mutations of the node at index `i` of a document: chosen by the index, so that every bad value meets many kinds of field. */
function mutationsAt(i: number): Mutation[] {
  const n = BAD_VALUES.length;
  return [
    { kind: 'remove' },
    { kind: 'set', value: BAD_VALUES[i % n] },
    { kind: 'add', key: i % 2 === 0 ? 'extraKey' : 'kindd' },
  ];
}

function describeMutation(path: readonly Segment[], mutation: Mutation): string {
  const at = `/${path.join('/')}`;
  if (mutation.kind === 'remove') return `${at} removed`;
  if (mutation.kind === 'add') return `${at} + "${mutation.key}"`;
  const text = JSON.stringify(mutation.value);
  return `${at} = ${text.length > 20 ? `${text.slice(0, 17)}...` : text}`;
}

/** One case: what was mutated, and the problems reported (`code path message`), or `ok`. */
export type Case = readonly [string, readonly string[]];

function told(issues: readonly { code: string; path: readonly Segment[]; message: string }[]): string[] {
  return issues.map((issue) => `${issue.code} ${JSON.stringify(issue.path)} ${issue.message}`);
}

/** The cases of `document` mutated at each of its nodes (at most about `most` nodes, evenly spread, for a long document). */
function mutationCases(label: string, document: Json, run: (input: Json) => string[], most = Infinity): Case[] {
  const cases: Case[] = [];
  const paths = pathsOf(document);
  const step = Math.max(1, Math.ceil(paths.length / most));
  paths.forEach((path, i) => {
    if (i % step !== 0) return;
    for (const mutation of mutationsAt(i)) {
      if (path.length === 0 && mutation.kind === 'remove') continue;
      cases.push([`${label} ${describeMutation(path, mutation)}`, run(mutated(document, path, mutation))]);
    }
  });
  return cases;
}

const readJson = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;

/** The example contracts (examples/contracts; each example folder's contract.json is a near copy of one of them). */
function exampleContracts(): string[] {
  return readdirSync('examples/contracts')
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join('examples/contracts', name));
}

const contractProblems = (input: Json): string[] => {
  const result = parseContract(input);
  return result.ok ? ['ok'] : told(result.issues);
};

/**
 * Every case, in a fixed order: each example contract mutated at every node; contracts from
 * `contractArbitrary` (fixed seed) mutated at random nodes; each outcome of the example contracts
 * through `expectOutcome`; about 400 nodes of the uk-rate-card settlement through `checkSettlementShape`; the
 * region-sud assumptions through `parseAssumptions`.
 *
 * @example
 * const cases = structuralCases(); // [['examples/contracts/uk-rate-card.json /id removed', ['CONTRACT_REQUIRED ...']], ...]
 */
export function structuralCases(): Case[] {
  const cases: Case[] = [];
  const contracts = exampleContracts();
  for (const file of contracts) cases.push(...mutationCases(file, readJson(file), contractProblems));

  const generated = fc.sample(fc.tuple(contractArbitrary(), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 3, maxLength: 3 })), { seed: 20261205, numRuns: 40 });
  generated.forEach(([contract, picks], n) => {
    const paths = pathsOf(contract);
    for (const [where, which] of picks) {
      const path = paths[where % paths.length] as Segment[];
      const mutation = mutationsAt(which)[which % 3] as Mutation;
      cases.push([`generated ${String(n)} ${describeMutation(path, mutation)}`, contractProblems(mutated(contract, path, mutation))]);
    }
  });

  for (const file of contracts) {
    const outcomes = (readJson(file) as { outcomes: Json[] }).outcomes;
    outcomes.forEach((outcome, k) => {
      cases.push(
        ...mutationCases(`${file} outcome ${String(k)}`, outcome, (input) => {
          try {
            expectOutcome('structuralCases', 'outcome', input);
            return ['ok'];
          } catch (error) {
            return [error instanceof Error ? error.message : String(error)];
          }
        }),
      );
    });
  }

  const settlement = readJson('examples/uk-rate-card/expected-settlement.json');
  cases.push(...mutationCases('uk-rate-card settlement', settlement, (input) => {
    const checked = checkSettlementShape(input, 2, ['previous', 0]);
    return checked.issues.length === 0 ? ['ok'] : told(checked.issues);
  }, 400));

  const contract = readJson('examples/region-sud/contract.json');
  cases.push(...mutationCases('region-sud assumptions', readJson('examples/region-sud/assumptions.json'), (input) => {
    const result = parseAssumptions(input, contract);
    return result.ok ? ['ok'] : told(result.issues);
  }));
  return cases;
}
