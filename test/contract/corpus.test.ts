import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACT_ISSUE_CODES, parseContract } from '../../src/contract/index.js';
import { applyPatch, type PatchOp } from './json-patch.js';

interface CorpusCase {
  readonly description: string;
  readonly base: string;
  readonly patch: readonly PatchOp[];
  readonly expect: { readonly code: string; readonly path: readonly (string | number)[] };
}

const root = join(import.meta.dirname, '..', '..');
const dir = join(root, 'test', 'corpus', 'contracts');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => [file, JSON.parse(readFileSync(join(dir, file), 'utf8')) as CorpusCase] as const);

describe('invalid contract corpus', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it('every base is itself a valid contract', () => {
    for (const base of new Set(cases.map(([, c]) => c.base))) {
      const result = parseContract(JSON.parse(readFileSync(join(root, base), 'utf8')));
      expect(result.ok ? [] : result.issues).toEqual([]);
    }
  });

  it.each(cases)('%s', (_file, testCase) => {
    expect(Object.keys(CONTRACT_ISSUE_CODES)).toContain(testCase.expect.code);
    const base: unknown = JSON.parse(readFileSync(join(root, testCase.base), 'utf8'));
    const input = applyPatch(base, testCase.patch);
    const result = parseContract(input);
    expect(result.ok).toBe(false);
    const found = result.issues?.map((i) => ({ code: i.code, path: i.path })) ?? [];
    expect(found).toContainEqual({ code: testCase.expect.code, path: testCase.expect.path });
    for (const issue of result.issues ?? []) {
      expect(issue.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(issue.message.length).toBeGreaterThan(10);
    }
  });

  it('every error code except internal-robustness ones is exercised by the corpus', () => {
    const used = new Set(cases.map(([, c]) => c.expect.code));
    const robustness = new Set(['CONTRACT_UNREADABLE', 'CONTRACT_TOO_DEEP', 'CONTRACT_TOO_BIG']);
    const missing = Object.keys(CONTRACT_ISSUE_CODES).filter((code) => !used.has(code) && !robustness.has(code));
    expect(missing).toEqual([]);
  });
});
