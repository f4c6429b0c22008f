/**
 * Hand-worked settlement test vectors (test/vectors/*.json), ACTUS style: each file holds a
 * contract, records, options and the figures worked out by hand (a partial settlement), with
 * the arithmetic written out in words. `options.previous` may refer to another vector's result:
 * `{ "settlementOf": "<file>" }` settles that vector first and passes its settlement.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settle } from '../../src/settlement/index.js';
import type { SettleOptions } from '../../src/settlement/index.js';

interface Vector {
  readonly description: string;
  readonly contract: unknown;
  readonly records: readonly unknown[];
  readonly options: Readonly<Record<string, unknown>>;
  readonly expected?: unknown;
  readonly expectedIssues?: readonly unknown[];
  readonly arithmetic: string | readonly string[];
}

const dir = join(import.meta.dirname, '..', 'vectors');
const files = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .sort();

function load(file: string): Vector {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as Vector;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Where `actual` differs from the partial `expected`: every key of an expected object must be
 * present and match; arrays match element by element, by position, and must have the same
 * length (so `[]` means "none"); anything else must be equal. Returns the differences, each
 * as `path: expected … actual …`.
 */
function partialMismatches(expected: unknown, actual: unknown, path = '$'): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${JSON.stringify(actual)}`];
    const out: string[] = [];
    if (expected.length !== actual.length) out.push(`${path}: expected ${expected.length} elements, got ${actual.length}`);
    expected.forEach((item, index) => {
      if (index < actual.length) out.push(...partialMismatches(item, actual[index], `${path}[${index}]`));
    });
    return out;
  }
  if (isObject(expected)) {
    if (!isObject(actual)) return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([key, value]) =>
      key in actual ? partialMismatches(value, actual[key], `${path}.${key}`) : [`${path}.${key}: missing`],
    );
  }
  return Object.is(expected, actual) ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

function resolvePrevious(previous: unknown, seen: readonly string[]): unknown[] {
  if (!Array.isArray(previous)) return [];
  return previous.map((entry: unknown) => {
    if (isObject(entry) && typeof entry['settlementOf'] === 'string') {
      const result = run(entry['settlementOf'], seen);
      if (!result.ok) throw new Error(`previous vector ${entry['settlementOf']} did not settle`);
      return JSON.parse(JSON.stringify(result.value)) as unknown;
    }
    return entry;
  });
}

function run(file: string, seen: readonly string[] = []): ReturnType<typeof settle> {
  if (seen.includes(file)) throw new Error(`cycle of previous settlements: ${[...seen, file].join(' → ')}`);
  const vector = load(file);
  const options = { ...vector.options } as Record<string, unknown>;
  if (options['previous'] !== undefined) options['previous'] = resolvePrevious(options['previous'], [...seen, file]);
  return settle(vector.contract, vector.records, options as unknown as SettleOptions);
}

describe('the partial matcher', () => {
  it('accepts a partial object and rejects a wrong leaf, a missing key or a wrong length', () => {
    expect(partialMismatches({ a: 1 }, { a: 1, b: 2 })).toEqual([]);
    expect(partialMismatches({ a: { b: '1.00' } }, { a: { b: '1.01' } })).toEqual(['$.a.b: expected "1.00", got "1.01"']);
    expect(partialMismatches({ c: 1 }, { a: 1 })).toEqual(['$.c: missing']);
    expect(partialMismatches([{}], [])).toEqual(['$: expected 1 elements, got 0']);
    expect(partialMismatches([], [1])).toEqual(['$: expected 0 elements, got 1']);
    expect(partialMismatches([{}, { x: 2 }], [{ x: 1 }, { x: 2 }])).toEqual([]);
  });
});

describe('settlement vectors', () => {
  it('has at least 30 vectors, each with a description, arithmetic and an expectation', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const file of files) {
      const vector = load(file);
      expect(vector.description.length, file).toBeGreaterThan(0);
      expect(vector.arithmetic.length, file).toBeGreaterThan(0);
      expect(vector.expected !== undefined || vector.expectedIssues !== undefined, file).toBe(true);
    }
  });

  it.each(files)('%s', (file) => {
    const vector = load(file);
    const result = run(file);
    if (vector.expectedIssues !== undefined) {
      expect(result.ok).toBe(false);
      const issues = result.ok ? [] : result.issues;
      for (const wanted of vector.expectedIssues) {
        expect(issues.some((issue) => partialMismatches(wanted, issue).length === 0), `${JSON.stringify(wanted)} in ${JSON.stringify(issues)}`).toBe(true);
      }
      return;
    }
    if (!result.ok) throw new Error(`${file} did not settle: ${JSON.stringify(result.issues)}`);
    expect(partialMismatches(vector.expected, JSON.parse(JSON.stringify(result.value)))).toEqual([]);
  });
});
