import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContract } from '../../src/contract/index.js';
import { runs, timeLimit } from '../runs.js';
import { contractArbitrary } from './arbitrary.js';

describe('contractArbitrary', () => {
  it('generates contracts that parse without issues', () => {
    fc.assert(
      fc.property(contractArbitrary(), (input) => {
        const result = parseContract(input);
        expect(result.ok ? [] : result.issues).toEqual([]);
      }),
      { numRuns: runs(150) },
    );
  }, timeLimit(60_000));

  it('survives a JSON round trip and re-validation unchanged', () => {
    fc.assert(
      fc.property(contractArbitrary(), (input) => {
        const first = parseContract(input);
        if (!first.ok) expect.fail(JSON.stringify(first.issues.slice(0, 2)));
        const again = parseContract(JSON.parse(JSON.stringify(first.value)));
        expect(again.ok).toBe(true);
        expect(again.ok ? again.value : undefined).toStrictEqual(first.value);
      }),
      { numRuns: runs(100) },
    );
  }, timeLimit(60_000));

  it('any forbidden key injected into any object of a valid contract is reported', () => {
    fc.assert(
      fc.property(contractArbitrary(), fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.nat(), (input, key, seed) => {
        const doc = JSON.parse(JSON.stringify(input)) as unknown;
        const objects: Record<string, unknown>[] = [];
        const walk = (v: unknown): void => {
          if (Array.isArray(v)) v.forEach(walk);
          else if (typeof v === 'object' && v !== null) {
            objects.push(v as Record<string, unknown>);
            Object.values(v).forEach(walk);
          }
        };
        walk(doc);
        const target = objects[seed % objects.length];
        if (target === undefined) expect.fail('a contract is an object: the walk found none');
        Object.defineProperty(target, key, { value: {}, enumerable: true, configurable: true, writable: true });
        const result = parseContract(doc);
        expect(result.ok).toBe(false);
        expect(result.issues?.map((i) => i.code)).toEqual(['FORBIDDEN_KEY']);
      }),
      { numRuns: runs(100) },
    );
  }, timeLimit(60_000));
});
