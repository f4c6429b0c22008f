/**
 * Hand-worked settlement test vectors (test/vectors/*.json), ACTUS style: each file holds a
 * contract, records, options and the figures worked out by hand (a partial settlement), with
 * the arithmetic written out in words. `options.previous` may refer to another vector's result:
 * `{ "settlementOf": "<file>" }` settles that vector first and passes its settlement.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SettleOptions } from '../../src/settlement/index.js';
import { settleWith } from './settle-helper.js';
import { isObject, partialMismatches } from './partial-match.js';

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

function run(file: string, seen: readonly string[] = []): ReturnType<typeof settleWith> {
  if (seen.includes(file)) throw new Error(`cycle of previous settlements: ${[...seen, file].join(' → ')}`);
  const vector = load(file);
  const options = { ...vector.options } as Record<string, unknown>;
  if (options['previous'] !== undefined) options['previous'] = resolvePrevious(options['previous'], [...seen, file]);
  return settleWith(vector.contract, vector.records, options as unknown as SettleOptions);
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
